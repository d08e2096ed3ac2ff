#!/usr/bin/env bash
# Takes a PNG screenshot of ImageJ with the Plugins > MD XAI menu open, under a virtual display.
# Needs: xvfb, xdotool, imagemagick (apt-get install -y xvfb xdotool imagemagick). Output: screenshots/menu.png
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${1:-$ROOT/screenshots}"
mkdir -p "$OUT"
DISPLAY_NUM=":$((RANDOM % 400 + 100))"
Xvfb "$DISPLAY_NUM" -screen 0 1280x800x24 -nolisten tcp &
XVFB=$!
trap 'kill $(jobs -p) 2>/dev/null || true' EXIT
export DISPLAY="$DISPLAY_NUM"
sleep 1
"$ROOT/bin/mdxai" gui &
for _ in $(seq 60); do
  WIN=$(xdotool search --name '^ImageJ' 2>/dev/null | head -n 1 || true)
  [ -n "$WIN" ] && break
  sleep 1
done
[ -n "${WIN:-}" ] || { echo "ImageJ window did not appear" >&2; exit 1; }
sleep 2
eval "$(xdotool getwindowgeometry --shell "$WIN")"
# The menu bar is the first row of the window; "Plugins" is its sixth entry.
xdotool mousemove $((X + ${PLUGINS_X:-320})) $((Y + 10)) click 1
sleep 1
# Hover the "MD XAI" entry (the last of the Plugins menu in this private ImageJ folder) to open its submenu.
xdotool mousemove $((X + ${PLUGINS_X:-320} + 20)) $((Y + ${MDXAI_Y:-156})) click 1
sleep 1
sleep 1
import -window root "$OUT/menu.png"
echo "wrote $OUT/menu.png"
