#!/usr/bin/env bash
# run_example.sh MINIPY EXAMPLE.py — runs one of examples/ under minipy and under CPython 3.11 and
# checks that both print the same thing apart from the measurements: every number is masked (times,
# speed-ups, counts of lost updates), and so are the flavor line "GIL enabled: ..." and the outcome
# of deadlock_avoidance's race, which either way is right. What an example
# teaches depends on timings no test can hold (2 threads as fast as 1, ...); what this holds is that
# it runs to the end on both flavors and gives CPython's answers and layout.
set -u
# The example runs from its own folder, so a relative MINIPY is made absolute first.
case $1 in
    */*) minipy=$(cd "$(dirname "$1")" && pwd)/$(basename "$1") ;;
    *) minipy=$1 ;;
esac
example=$2
dir=$(dirname "$example")
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
mask() {
    sed -E -e 's/GIL enabled: (True|False)/GIL enabled: B/' \
        -e 's/deadlock detected|no deadlock this time/OUTCOME/' -e 's/[0-9]+(\.[0-9]+)?/N/g' -e 's/[ \t]+/ /g' "$1"
}
(cd "$dir" && "$minipy" "$(basename "$example")") >"$out/minipy" 2>"$out/minipy.err"
rc=$?
if [ $rc -ne 0 ]; then
    echo "minipy exited with $rc:"
    cat "$out/minipy" "$out/minipy.err"
    exit 1
fi
(cd "$dir" && /usr/bin/python3 "$(basename "$example")") >"$out/python3" 2>"$out/python3.err" || {
    echo "python3 failed on the example:"; cat "$out/python3.err"; exit 1; }
cat "$out/minipy"
if ! diff <(mask "$out/python3") <(mask "$out/minipy") >"$out/diff"; then
    echo "differs from CPython (numbers masked; < python3, > minipy):"
    cat "$out/diff"
    exit 1
fi
