#!/usr/bin/env bash
# search_path.sh EXE BUILD_DIR — the module search path: the script's folder first, then MINIPYPATH
# (several folders, like PYTHONPATH), then stdlib/, then CPython's pure-Python Lib (never its
# lib-dynload/ of C extensions); and `cmake --install` puts stdlib/ where an installed minipy looks
# for it (PREFIX/lib/minipy/stdlib).
set -euo pipefail
exe=$1
build=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

mkdir -p "$tmp/script" "$tmp/a" "$tmp/b"
echo 'where = "script folder"' > "$tmp/script/shadow.py"
echo 'where = "MINIPYPATH a"' > "$tmp/a/shadow.py"
echo 'where = "MINIPYPATH a"' > "$tmp/a/only_a.py"
echo 'where = "MINIPYPATH b"' > "$tmp/b/only_a.py"
echo 'where = "MINIPYPATH b"' > "$tmp/b/only_b.py"
echo 'where = "MINIPYPATH a"' > "$tmp/a/queue.py"
cat > "$tmp/script/main.py" <<'PY'
import shadow, only_a, only_b, queue, threading
print(shadow.where, only_a.where, only_b.where, queue.where, threading.__name__, sep=" | ")
PY
want="script folder | MINIPYPATH a | MINIPYPATH b | MINIPYPATH a | threading"
got=$(MINIPYPATH="$tmp/a:$tmp/b" "$exe" "$tmp/script/main.py")
[ "$got" = "$want" ] || fail "MINIPYPATH order: got '$got', want '$want'"
# The same folders as PYTHONPATH give CPython the same answer.
py=$(PYTHONPATH="$tmp/a:$tmp/b" python3 "$tmp/script/main.py")
[ "$py" = "$want" ] || fail "CPython disagrees: '$py'"

# Without MINIPYPATH, stdlib/ is found (queue is the project's own), then CPython's Lib (the one the
# build was configured with: MINIPY_CPYTHON_LIB, by default Debian's /usr/lib/python3.11).
got=$("$exe" -c 'import queue, sys; print(queue.Queue.__name__, sys.path[-2].endswith("stdlib"))')
[ "$got" = "Queue True" ] || fail "stdlib: got '$got'"
lib=$(grep '^MINIPY_CPYTHON_LIB:' "$build/CMakeCache.txt" | cut -d= -f2-)
got=$("$exe" -c 'import sys; print(sys.path[-1])')
[ "$got" = "$lib" ] || fail "CPython Lib: got '$got', want '$lib'"
if [ -f "$lib/bisect.py" ]; then
  got=$("$exe" -c 'import bisect; print(bisect.__file__)')
  [ "$got" = "$lib/bisect.py" ] || fail "bisect from CPython's Lib: got '$got'"
fi
# A CPython C extension (lib-dynload/_decimal*.so) is not found: a clean ModuleNotFoundError.
got=$("$exe" -c '
import sys
print(any(p.endswith("lib-dynload") for p in sys.path))
try:
    import _decimal
except ModuleNotFoundError as e:
    print(e)' 2>&1)
[ "$got" = $'False\nNo module named \'_decimal\'' ] || fail "lib-dynload: got '$got'"

# An installed tree holds the executables and stdlib/ where the binaries look for it.
cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
[ -x "$tmp/prefix/bin/$(basename "$exe")" ] || fail "no installed $(basename "$exe")"
[ -f "$tmp/prefix/lib/minipy/stdlib/threading.py" ] || fail "stdlib not installed"
[ -f "$tmp/prefix/lib/minipy/stdlib/multiprocessing/__init__.py" ] || fail "stdlib packages not installed"
echo ok
