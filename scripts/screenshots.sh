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

# Result windows of every command: one ImageJ session runs the macro of the ImageJ tests (EveryCommandMacro: each
# command on small inputs, chained), then every window it left is screenshot, one PNG per window.
RES="$OUT/results"
rm -rf "$RES" && mkdir -p "$RES"
[ -d "$ROOT/target/test-classes/io/github/mdxai/commands/ij1" ] || (cd "$ROOT" && mvn -B -q test-compile)
java -cp "$ROOT/target/test-classes:$JAR:$CP" io.github.mdxai.commands.ij1.EveryCommandMacro "$RES"
cat >> "$RES/every-command.ijm" <<MACRO
titles = getList("window.titles");
for (i = 1; i <= nImages; i++) { selectImage(i); titles = Array.concat(titles, getTitle()); }
File.saveString(String.join(titles, "\n") + "\n", "$RES/windows.txt");
MACRO
java -Xmx4g -Dplugins.dir="$IJ_DIR" -cp "$CP" ij.ImageJ -macro "$RES/every-command.ijm" >"$RES/imagej.log" 2>&1 &
IJ_PID=$!
for _ in $(seq 900); do [ -f "$RES/windows.txt" ] && break; sleep 1; done
sleep 2
n=0
while IFS= read -r title; do
  [ -n "$title" ] || continue
  n=$((n + 1))
  # image windows add their zoom to the title: "pmf.tif (800%)"
  pattern="^$(printf '%s' "$title" | sed 's/[][\.*^$()+?{}|]/\\&/g')( \\([0-9.]+%\\))?\$"
  win=$(xdotool search --name "$pattern" 2>/dev/null | head -n 1 || true)
  name="result-$(printf '%02d' "$n")-$(echo "$title" | tr ' A-Z:,' '_a-z__' | tr -cd 'a-z0-9_.-')"
  if [ -n "$win" ]; then
    xdotool windowraise "$win" 2>/dev/null || true
    sleep 0.4
    import -window "$win" "$OUT/$name.png" && echo "wrote $OUT/$name.png"
  else
    echo "no window '$title'" >&2
  fi
done < <(cat "$RES/windows.txt"; printf 'Log\n')
kill "$IJ_PID" 2>/dev/null || true
