#!/usr/bin/env bash
# run_golden.sh EXE MODE FILE.py — runs one golden test and diffs it against the expected files.
# MODE: run (execute the script), ast (--ast), tokens (--tokens). Expected files beside FILE.py:
#   run:    NAME.out (stdout), NAME.err (stderr, optional: else stderr must be empty), NAME.code (exit code, default 0)
#   ast:    NAME.ast      tokens: NAME.tokens
# NAME.in, when present, is fed to stdin; NAME.args holds extra command-line arguments.
# The script runs in its own folder and is named by its base name, as `tools/golden` ran CPython.
set -u
# The environment tools/golden ran CPython in: PYTHONHASHSEED=0 fixes the order of sets of strings;
# PYTHONIOENCODING=utf-8 makes the standard streams
# utf-8/strict whatever the locale (without it, C.UTF-8 gives surrogateescape).
export PYTHONIOENCODING=utf-8 PYTHONHASHSEED=0
exe=$1 mode=$2 file=$3
dir=$(dirname "$file") base=$(basename "$file" .py)
cd "$dir" || exit 2
stdin=/dev/null
[ -f "$base.in" ] && stdin="$base.in"
args=()
[ -f "$base.args" ] && read -r -a args < "$base.args"
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
case $mode in
  run)    timeout 120 "$exe" "$base.py" "${args[@]}" <"$stdin" >"$out" 2>"$err"; code=$?; expect_out="$base.out" ;;
  ast)    timeout 60 "$exe" --ast "$base.py" >"$out" 2>"$err"; code=$?; expect_out="$base.ast" ;;
  tokens) timeout 60 "$exe" --tokens "$base.py" >"$out" 2>"$err"; code=$?; expect_out="$base.tokens" ;;
  *) echo "unknown mode $mode"; exit 2 ;;
esac
# Like CPython, minipy names the main script by its absolute path; expectations hold base names.
sed -i "s|$PWD/||g" "$err" "$out"
status=0
want_code=0
[ -f "$base.code" ] && want_code=$(cat "$base.code")
if [ "$code" != "$want_code" ]; then
  echo "exit code: got $code, want $want_code"; status=1
fi
if ! diff -u "$expect_out" "$out" >/dev/null 2>&1; then
  echo "stdout differs from $expect_out:"; diff -u "$expect_out" "$out" | head -40; status=1
fi
if [ -f "$base.err" ]; then
  if ! diff -u "$base.err" "$err" >/dev/null; then
    echo "stderr differs from $base.err:"; diff -u "$base.err" "$err" | head -40; status=1
  fi
elif [ -s "$err" ]; then
  echo "unexpected stderr:"; head -20 "$err"; status=1
fi
exit $status
