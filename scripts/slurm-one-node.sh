#!/usr/bin/env bash
# A private one-node Slurm (munged + slurmctld + slurmd) for the Slurm test, in folder DIR, on free ports:
#   scripts/slurm-one-node.sh start DIR   -> prints SLURM_CONF=DIR/slurm.conf once the node is idle
#   scripts/slurm-one-node.sh stop DIR
# Needs Debian's slurm-wlm and munge and root (slurmd runs jobs as their users). Exit code 3: cannot start here.
set -euo pipefail
cmd=${1:?start or stop}; dir=$(realpath -m "${2:?folder}")
stop() {
  local pids=()
  for pidfile in "$dir"/slurmd.pid "$dir"/slurmctld.pid "$dir"/munged.pid; do
    if [ -f "$pidfile" ]; then
      pid=$(cat "$pidfile" 2>/dev/null || true)
      [ -n "$pid" ] && kill "$pid" 2>/dev/null && pids+=("$pid")
    fi
  done
  # wait (at most 10 s) until the daemons have exited: they remove their own pid files while shutting down, and the
  # caller deletes the folder next
  for _ in $(seq 100); do
    alive=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && return 0
    sleep 0.1
  done
}
if [ "$cmd" = stop ]; then stop; exit 0; fi
for tool in munged slurmctld slurmd sinfo sbatch; do
  command -v "$tool" >/dev/null || { echo "slurm-one-node: $tool not installed" >&2; exit 3; }
done
[ "$(id -u)" = 0 ] || { echo "slurm-one-node: needs root (slurmd starts jobs as their user)" >&2; exit 3; }
mkdir -p "$dir"/spool "$dir"/state "$dir"/munge
chmod 700 "$dir"/munge
# munge: a private daemon and socket with a fresh key, so that a system munged (if any) is left alone
dd if=/dev/urandom of="$dir"/munge/munge.key bs=1024 count=1 status=none
chmod 400 "$dir"/munge/munge.key
munged --force --key-file="$dir"/munge/munge.key --socket="$dir"/munge/socket \
  --pid-file="$dir"/munged.pid --log-file="$dir"/munge/log --seed-file="$dir"/munge/seed
# a port nobody listens on (a connection to it is refused)
free_port() {
  local p
  while :; do
    p=$(( 20000 + RANDOM % 40000 ))
    (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null || { echo $p; return; }
  done
}
host=$(hostname -s); cpus=$(nproc); mem=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 / 2 ))
cat > "$dir"/slurm.conf <<CONF
ClusterName=mdxaitest
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$(free_port)
SlurmdPort=$(free_port)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$dir/munge/socket
CredType=cred/munge
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
MpiDefault=none
SwitchType=switch/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
JobRequeue=1
ReturnToService=2
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SlurmdTimeout=60
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP OverSubscribe=YES
CONF
export SLURM_CONF="$dir"/slurm.conf
# cgroup.conf is read by slurmd even without cgroup plugins on some builds: an empty one keeps it quiet
: > "$dir"/cgroup.conf
slurmctld -c -f "$SLURM_CONF" || { echo "slurm-one-node: slurmctld did not start (see $dir/slurmctld.log)" >&2; stop; exit 3; }
slurmd -f "$SLURM_CONF" || { echo "slurm-one-node: slurmd did not start (see $dir/slurmd.log)" >&2; stop; exit 3; }
for _ in $(seq 60); do
  if sinfo -h -o %T 2>/dev/null | grep -qE '^(idle|mixed|allocated)'; then
    echo "SLURM_CONF=$SLURM_CONF"; exit 0
  fi
  sleep 1
done
echo "slurm-one-node: the node did not become idle; $(sinfo 2>&1 | tail -1); see $dir/slurmctld.log" >&2
stop; exit 3
