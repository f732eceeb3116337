#!/usr/bin/env bash
# run.sh EXE NAME — runs CPython's own test file test/NAME.py (Debian's libpython3.11-testsuite)
# under minipy through `-m unittest`, in a fresh folder (the tests write their files into the
# working directory), and passes on unittest's exit status: 0 only when no test failed or erred.
set -euo pipefail
exe=$1
name=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
"$exe" -m unittest "test.$name"
