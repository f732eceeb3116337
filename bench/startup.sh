#!/usr/bin/env bash
# startup.sh [-n RUNS] EXE... — start-up and import time: the min and median wall time of RUNS runs
# (default 30) of each EXE on `-c pass`, `-c "import threading, multiprocessing"` and `-c "import
# asyncio"`, after one run that fills the compiled-code cache. Each minipy keeps its cache in a
# fresh temporary folder (MINIPYCACHEPREFIX), so nothing in the home or the source tree is used.
set -euo pipefail
runs=30
if [ "${1:-}" = "-n" ]; then runs=$2; shift 2; fi
cache=$(mktemp -d)
trap 'rm -rf "$cache"' EXIT
export MINIPYCACHEPREFIX=$cache
for code in "pass" "import threading, multiprocessing" "import asyncio"; do
  for exe in "$@"; do
    "$exe" -c "$code"
    times=()
    for _ in $(seq "$runs"); do
      start=$(date +%s%N)
      "$exe" -c "$code"
      times+=($(( ($(date +%s%N) - start) / 10000 )))  # hundredths of a millisecond
    done
    sorted=($(printf '%s\n' "${times[@]}" | sort -n))
    min=${sorted[0]} median=${sorted[$((runs / 2))]}
    printf '%-28s %-40s min %4d.%02d ms  median %4d.%02d ms\n' "$exe" "-c '$code'" \
      $((min / 100)) $((min % 100)) $((median / 100)) $((median % 100))
  done
done
