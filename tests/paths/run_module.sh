#!/usr/bin/env bash
# run_module.sh EXE — `minipy -m NAME` runs a module as __main__ as CPython's runpy does: the
# current folder first on sys.path, sys.argv[0] the module's full path, a package's __main__, and
# CPython's messages for a missing module or a package without __main__. Compared with python3.
set -euo pipefail
exe=$(realpath "$1")
py=/usr/bin/python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

mkdir -p "$tmp/pkg/sub" "$tmp/nomain"
touch "$tmp/pkg/__init__.py" "$tmp/pkg/sub/__init__.py" "$tmp/nomain/__init__.py"
echo 'import sys; print(__name__, repr(__package__), sys.argv, sys.path[0] == __import__("os").getcwd())' > "$tmp/top.py"
echo 'import sys; print("pkg main", __name__, __package__, sys.argv[1:], __file__ == sys.argv[0])' > "$tmp/pkg/__main__.py"
echo 'print("sub.mod", __name__, __package__)
if __name__ == "__main__": raise SystemExit(3)' > "$tmp/pkg/sub/mod.py"
cd "$tmp"

# Each case: the same arguments to both; stdout, stderr (program name stripped) and status must match.
check() {
  local want got
  want=$("$py" "$@" 2>&1; echo "status $?")
  got=$("$exe" "$@" 2>&1; echo "status $?")
  want=${want//$py: /}
  got=${got//$exe: /}
  got=${got//$(basename "$exe"): /}
  [ "$got" = "$want" ] || fail "-m $*: got '$got', want '$want'"
}
check -m top a -b --c
check -m pkg x y
check -m pkg.sub.mod
check -m nothere
check -m nothere.sub
check -m nomain
check -m bisect
echo ok
