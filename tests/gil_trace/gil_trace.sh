#!/usr/bin/env bash
# gil_trace.sh EXE OPTION [screenshot] — runs trace_demo.py under EXE with `--gil-trace` (OPTION
# "flag") or `-X giltrace=` (OPTION "x"), then validates the JSON and SVG with check_trace.py under
# /usr/bin/python3; with "screenshot", also opens the SVG in headless Chromium and checks the picture
# (exit 77, a skip, when Debian's chromium is not installed: tools/setup installs it).
set -u
exe=$1 option=$2 shot=${3:-}
here=$(cd "$(dirname "$0")" && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
if [ "$shot" = screenshot ] && ! command -v chromium >/dev/null; then
  echo "skipped: chromium is not installed (tools/setup installs Debian's chromium)"; exit 77
fi
if [ "$option" = flag ]; then
  "$exe" --gil-trace "$out/trace" "$here/trace_demo.py" >"$out/stdout" 2>"$out/stderr" || { cat "$out/stderr"; exit 1; }
else
  "$exe" -X giltrace="$out/trace.json" "$here/trace_demo.py" >"$out/stdout" 2>"$out/stderr" || { cat "$out/stderr"; exit 1; }
fi
grep -q "GIL trace: $out/trace.json" "$out/stderr" || { echo "no report on stderr:"; cat "$out/stderr"; exit 1; }
[ "$(cat "$out/stdout")" = done ] || { echo "unexpected stdout:"; cat "$out/stdout"; exit 1; }
args=()
if [ "$shot" = screenshot ]; then
  size=$(grep -o 'width="[0-9]*" height="[0-9]*"' "$out/trace.svg" | head -1 | tr -dc '0-9 ' | tr ' ' ,)
  timeout 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="$size" \
    --screenshot="$out/trace.png" "file://$out/trace.svg" >/dev/null 2>&1
  [ -s "$out/trace.png" ] || { echo "chromium wrote no screenshot"; exit 1; }
  args=(--screenshot "$out/trace.png")
fi
/usr/bin/python3 "$here/check_trace.py" "$out/trace" "${args[@]}"
