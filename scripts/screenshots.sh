#!/usr/bin/env bash
# Screenshots of MD XAI as a user sees it: every command's dialog, and result windows of a small run.
# Needs: xvfb, xdotool, imagemagick. Usage: [RESULTS_ONLY=1] scripts/screenshots.sh [out-folder] (default: screenshots/)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$(mkdir -p "${1:-$ROOT/screenshots}" && cd "${1:-$ROOT/screenshots}" && pwd)"
"$ROOT/bin/mdxai" list >/dev/null   # builds the jar if needed
DISPLAY_NUM=":$((RANDOM % 400 + 100))"
Xvfb "$DISPLAY_NUM" -screen 0 1400x1000x24 -nolisten tcp &
trap 'kill $(jobs -p) 2>/dev/null || true' EXIT
export DISPLAY="$DISPLAY_NUM"
sleep 1
IJ_DIR="$ROOT/target/imagej"
mkdir -p "$IJ_DIR/plugins"
JAR="$(ls "$ROOT"/target/MD_XAI-*.jar | head -n 1)"
ln -sf "$JAR" "$IJ_DIR/plugins/$(basename "$JAR")"
CP="$(cat "$ROOT/target/classpath.txt")"

# Runs ImageJ with a macro, waits for a window titled $2, screenshots it into $3.png, then closes ImageJ.
shot() {
  local macro="$1" title="$2" name="$3"
  java -Xmx4g -Dplugins.dir="$IJ_DIR" -cp "$CP" ij.ImageJ -eval "$macro" >"$OUT/$name.log" 2>&1 &
  local pid=$!
  local win=""
  for _ in $(seq 120); do
    win=$(xdotool search --name "^$title" 2>/dev/null | tail -n 1 || true)
    [ -n "$win" ] && break
    sleep 0.5
  done
  if [ -n "$win" ]; then
    sleep 1.5
    import -window root -crop "$(xdotool getwindowgeometry "$win" | awk '/Geometry/{print $2}')+$(xdotool getwindowgeometry "$win" | awk -F'[ ,]+' '/Position/{print $3"+"$4}')" "$OUT/$name.png" 2>/dev/null \
      || import -window root "$OUT/$name.png"
    echo "wrote $OUT/$name.png"
  else
    import -window root "$OUT/$name-missing.png"
    echo "no window '$title' for $name (see $OUT/$name.log)" >&2
  fi
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# Every command's dialog (a macro call without options opens it); RESULTS_ONLY=1 skips them.
[ -n "${RESULTS_ONLY:-}" ] || "$ROOT/bin/mdxai" list 2>/dev/null | cut -f1 | while read -r title; do
  shot "run(\"$title\");" "$title" "dialog-$(echo "$title" | tr ' A-Z' '_a-z' | tr -cd 'a-z0-9_-')"
done

# Result windows: a free-energy image from a small sample table.
SAMPLES="$OUT/samples.csv"
awk 'BEGIN{srand(7); print "phi_deg,psi_deg"; for(i=0;i<20000;i++){u=rand();v=rand(); r=sqrt(-2*log(u)); printf "%.3f,%.3f\n", -80+25*r*cos(6.283*v), 70+35*r*sin(6.283*v)}}' > "$SAMPLES"
shot "run(\"Free Energy from Samples\", \"input=[$SAMPLES] x=phi_deg y=psi_deg bins=72 xrange=[-180 180] yrange=[-180 180] out=[$OUT/fes]\");" \
  "free_energy_phi_psi" "result-free-energy"

# Result windows of one ImageJ session that runs several commands from a macro (tables, live plots, colour images).
RES="$OUT/results"
mkdir -p "$RES"
DATA="$ROOT/test-data"
cat > "$RES/results.ijm" <<MACRO
run("Free Energy from Samples", "input=[$SAMPLES] x=phi_deg y=psi_deg bins=72 xrange=[-180 180] yrange=[-180 180] out=[$RES/fes]");
run("Compute Energy", "structure=[$DATA/ala2/conformations.gro] topology=[$DATA/ala2/processed.top] out=[$RES/energies.csv]");
run("Structure Descriptors", "input=[$DATA/softsphere/config_N1000.data] out=[$RES/structure]");
run("Simulate Soft-Sphere Liquid", "n=400 gamma=1 equilibration=500 production=2000 interval=50 out=[$RES/liquid]");
run("Relaxation Dynamics", "input=[$RES/liquid/trajectory.xyz] out=[$RES/relax]");
File.saveString("done", "$RES/done.txt");
MACRO
rm -f "$RES/done.txt"
java -Xmx4g -Dplugins.dir="$IJ_DIR" -cp "$CP" ij.ImageJ -macro "$RES/results.ijm" >"$RES/imagej.log" 2>&1 &
IJ_PID=$!
for _ in $(seq 600); do [ -f "$RES/done.txt" ] && break; sleep 1; done
sleep 2
for title in "free_energy_phi_psi.tif" "energies" "energies.csv" "histograms: q6" "thermo" \
    "fs" "gr" "msd" "Log" "ImageJ"; do
  win=$(xdotool search --name "^$title\$" 2>/dev/null | head -n 1 || true)
  name="result-$(echo "$title" | tr ' A-Z:' '_a-z_' | tr -cd 'a-z0-9_.-')"
  if [ -n "$win" ]; then
    xdotool windowraise "$win" 2>/dev/null || true
    sleep 0.5
    import -window "$win" "$OUT/$name.png" && echo "wrote $OUT/$name.png"
  else
    echo "no window '$title'" >&2
  fi
done
kill "$IJ_PID" 2>/dev/null || true
