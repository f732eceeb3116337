#!/usr/bin/env bash
# code_cache.sh EXE — the compiled-code cache (src/interpreter/code_cache.cpp): an imported module's
# entry is written under its expected name and read by the next run; an entry is trusted exactly
# while the source keeps its mtime and size; a stale, truncated or garbage entry is ignored and
# rewritten; -B and MINIPYDONTWRITEBYTECODE write nothing; __pycache__ beside a writable source, the
# per-user folder beside a read-only one; many processes writing one entry at once. Everything is
# written under a temporary folder, never into the source tree or the real home.
set -euo pipefail
exe=$(realpath "$1")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
export HOME="$tmp/home" XDG_CACHE_HOME=
unset MINIPYCACHEPREFIX MINIPYDONTWRITEBYTECODE
src="$tmp/src"
mkdir -p "$src" "$HOME"
tag="$(basename "$exe")-$("$exe" --version | cut -d' ' -f2)"

# A module with every kind of constant a compiler makes, nested code, closures, handlers, a generator.
cat > "$src/mod.py" <<'PY'
"""The module's docstring."""
BIG = 123456789012345678901234567890
NEG = -98765432109876543210
CONSTS = (None, True, False, ..., 7, -3, 2.5, -0.0, 1e300, 3j, b"by\x00tes", "str", "\u00e9t\u00e9", ((1, 2), (3,)))
SMALLSET = {4, 5, 6}
def gen(n):
    """Counts to n."""
    for i in range(n):
        try:
            if i == 2:
                raise ValueError(i)
            yield i
        except ValueError as e:
            yield f"caught {e!r:>6}"
        finally:
            pass
def outer(x):
    def inner(y=10, *args, z=3, **kw):
        nonlocal x
        x += 1
        return x + y + z + len(args) + len(kw)
    return inner
class Point:
    """A point."""
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
def where():
    raise KeyError("from mod")
def describe():
    f = outer(1)
    ident = "ident"
    return [BIG, NEG, CONSTS, sorted(SMALLSET), list(gen(4)), f(), f(1, 2, 3, z=4, w=5), Point(1, 2),
            gen.__doc__, __doc__, __import__("sys").intern("ident") is ident, [c for c in "ab" if c in {"a", "z", "q"}],
            gen.__code__.co_varnames, outer.__code__.co_cellvars, describe.__code__.co_firstlineno]
PY
cat > "$src/main.py" <<'PY'
import sys, mod
print(mod.describe())
print(sys.dont_write_bytecode, sys.flags.dont_write_bytecode)
try:
    mod.where()
except KeyError as e:
    tb = e.__traceback__.tb_next
    print(tb.tb_frame.f_code.co_name, tb.tb_lineno, tb.tb_frame.f_code.co_filename.endswith("mod.py"))
PY
run() { (cd "$src" && "$exe" "$@" main.py); }
# CPython run with -B (so that it leaves no .pyc) prints "True 1" for sys.dont_write_bytecode.
cpython() { (cd "$src" && python3 -B main.py | sed 's/^True 1$/False 0/'); }
expected=$(cpython)

export MINIPYCACHEPREFIX="$tmp/cache"
entry="$tmp/cache$src/mod.$tag.mpyc"
first=$(run)
[ "$first" = "$expected" ] || fail "first run differs from CPython: $first"
[ -f "$entry" ] || fail "no entry at $entry: $(find "$tmp/cache" -type f)"
got=$("$exe" -c 'import sys; sys.path.insert(0, sys.argv[1]); import mod; print(mod.__cached__); print(sys.pycache_prefix)' "$src")
[ "$got" = "$entry"$'\n'"$tmp/cache" ] || fail "__cached__ / sys.pycache_prefix: $got"
inode=$(stat -c %i "$entry")
[ "$(run)" = "$expected" ] || fail "second run (from the cache) differs"
[ "$(stat -c %i "$entry")" = "$inode" ] || fail "a current entry was written again"

# The entry is trusted while mtime and size stay: the same-size edit with the old mtime restored
# still runs the cached code (this shows the cache is what ran), as CPython's .pyc.
cp -p "$src/mod.py" "$tmp/mod.orig"
sed -i 's/"The module.s docstring."/"The module:s docstring."/' "$src/mod.py"
touch -r "$tmp/mod.orig" "$src/mod.py"
[ "$(run)" = "$expected" ] || fail "an entry with the source's mtime and size was not used"
# Stale: the same edit with a new mtime is compiled again and the entry rewritten.
touch -d '2001-02-03 04:05:06' "$src/mod.py"
edited=$(run)
[ "$edited" = "$(cpython)" ] || fail "stale entry used: $edited"
[ "$edited" != "$expected" ] || fail "the edit changes nothing"
[ "$(stat -c %i "$entry")" != "$inode" ] || fail "stale entry not rewritten"
cp -p "$tmp/mod.orig" "$src/mod.py"
[ "$(run)" = "$expected" ] || fail "after restoring the source"

# Damaged entries are ignored and replaced: cut short, emptied, garbage, one flipped payload byte.
size=$(stat -c %s "$entry")
damage() {
  case $1 in
    truncate) truncate -s $((size / 2)) "$entry" ;;
    header) truncate -s 30 "$entry" ;;
    empty) : > "$entry" ;;
    garbage) head -c "$size" /dev/urandom > "$entry" ;;
    flip) printf '\xff' | dd of="$entry" bs=1 seek=$((size - 40)) conv=notrunc status=none ;;
  esac
}
for kind in truncate header empty garbage flip; do
  damage $kind
  [ "$(run)" = "$expected" ] || fail "a $kind entry changed the output"
  [ "$(stat -c %s "$entry")" = "$size" ] || fail "a $kind entry was not rewritten"
done
# An entry with its tail cut off and the source unchanged: still the same output with -B (read-only).
truncate -s $((size - 1)) "$entry"
[ "$(run -B)" = "${expected/False 0/True 1}" ] || fail "-B with a truncated entry"

# -B and MINIPYDONTWRITEBYTECODE: nothing written, sys.dont_write_bytecode and sys.flags say so.
export MINIPYCACHEPREFIX="$tmp/cache-B"
[ "$(run -B)" = "${expected/False 0/True 1}" ] || fail "-B run"
[ "$(MINIPYDONTWRITEBYTECODE=1 run)" = "${expected/False 0/True 1}" ] || fail "MINIPYDONTWRITEBYTECODE run"
[ ! -e "$tmp/cache-B" ] || fail "-B wrote $(find "$tmp/cache-B" -type f)"
# A program may turn writing off itself, as with CPython's importlib (the modules minipy imports at
# start-up are cached before it does).
(cd "$src" && "$exe" -c 'import sys; sys.dont_write_bytecode = True; import mod')
[ ! -e "$tmp/cache-B$src/mod.$tag.mpyc" ] || fail "sys.dont_write_bytecode = True wrote an entry"

# Without MINIPYCACHEPREFIX: __pycache__ beside a writable source. These runs start with -B and
# turn writing on in the program, so that the modules minipy imports at start-up (from stdlib/ and
# CPython's Lib, writable when root runs the tests) are not written beside their sources.
unset MINIPYCACHEPREFIX
cat > "$src/main_w.py" <<'PY'
import sys
sys.dont_write_bytecode = False
exec(open("main.py").read())
PY
expected_w=${expected/False 0/False 1}
[ "$(cd "$src" && "$exe" -B main_w.py)" = "$expected_w" ] || fail "run without a prefix"
[ -f "$src/__pycache__/mod.$tag.mpyc" ] || fail "no __pycache__ entry: $(find "$tmp" -name '*.mpyc')"
[ ! -e "$HOME/.cache" ] || fail "wrote to the user cache though the source folder is writable"

# A read-only source folder: the per-user cache, mirroring the source's path (root ignores
# permissions, so the check runs as nobody).
ro="$tmp/ro"
mkdir -p "$ro" "$tmp/nobody"
cp "$src/mod.py" "$src/main.py" "$src/main_w.py" "$ro/"
chmod 755 "$tmp"
chmod 555 "$ro"
as_user=()
if [ "$(id -u)" = 0 ]; then
  chown nobody "$tmp/nobody"
  as_user=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
fi
for xdg in "" "$tmp/nobody/xdg"; do
  got=$(cd "$ro" && HOME="$tmp/nobody" XDG_CACHE_HOME="$xdg" "${as_user[@]}" "$exe" -B main_w.py)
  [ "$got" = "$expected_w" ] || fail "read-only folder run differs: $got"
done
[ ! -e "$ro/__pycache__" ] || fail "wrote into a read-only folder"
[ -f "$tmp/nobody/.cache/minipy$ro/mod.$tag.mpyc" ] || fail "no ~/.cache/minipy entry: $(find "$tmp/nobody" -type f)"
[ -f "$tmp/nobody/xdg/minipy$ro/mod.$tag.mpyc" ] || fail "no XDG_CACHE_HOME entry: $(find "$tmp/nobody" -type f)"

# Text compiled while a module is imported (namedtuple's __new__, a dataclass's methods) has an
# entry of its own in the prefix's text/ folder, which the next run reads instead of parsing; a
# damaged one is rewritten; text compiled outside an import (the program's own eval) is not kept.
export MINIPYCACHEPREFIX="$tmp/cache-text"
cat > "$src/made.py" <<'PY'
import collections, dataclasses
Pair = collections.namedtuple("Pair", "left right")
@dataclasses.dataclass(order=True)
class Point:
    x: object
    y: object = 0
PY
cat > "$src/main_t.py" <<'PY'
import made, traceback
print(made.Pair(1, 2), made.Point(3), made.Point(1) == made.Point(1, 0), made.Pair._make([3, 4]))
print(made.Point.__init__.__code__.co_filename, made.Pair.__new__.__code__.co_filename)
try:
    made.Point(1, "a") < made.Point(1, 2)
except TypeError as e:
    print(e, traceback.extract_tb(e.__traceback__)[-1][:3])
print(eval("6 * 7"))
PY
expected_t=$(cd "$src" && python3 -B main_t.py)
[ "$(cd "$src" && "$exe" main_t.py)" = "$expected_t" ] || fail "text run differs from CPython"
entries=$(find "$tmp/cache-text/text" -name "*.$tag.mpyc" | sort)
[ -n "$entries" ] || fail "no text entries: $(find "$tmp/cache-text" -maxdepth 1)"
first_entry=$(echo "$entries" | head -1)
inode=$(stat -c %i "$first_entry")
[ "$(cd "$src" && "$exe" main_t.py)" = "$expected_t" ] || fail "text run from the cache differs"
[ "$(stat -c %i "$first_entry")" = "$inode" ] || fail "a current text entry was written again"
[ "$(find "$tmp/cache-text/text" -name "*.$tag.mpyc" | sort)" = "$entries" ] || fail "the program's eval was kept"
for entry_t in $entries; do head -c 200 /dev/urandom > "$entry_t"; done
[ "$(cd "$src" && "$exe" main_t.py)" = "$expected_t" ] || fail "damaged text entries changed the output"
[ "$(stat -c %s "$first_entry")" != 200 ] || fail "a damaged text entry was not rewritten"

# Many processes compiling and writing the same entries at once: each reads a whole entry or none.
export MINIPYCACHEPREFIX="$tmp/cache-race"
for round in 1 2; do
  rm -rf "$tmp/cache-race"
  pids=()
  for i in $(seq 8); do
    (cd "$src" && "$exe" main.py > "$tmp/race.$i" 2>&1) &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid" || fail "a racing run failed"; done
  for i in $(seq 8); do
    [ "$(cat "$tmp/race.$i")" = "$expected" ] || fail "racing run $i: $(cat "$tmp/race.$i")"
  done
done
leftovers=$(find "$tmp/cache-race" -name '*.tmp')
[ -z "$leftovers" ] || fail "temporary files left: $leftovers"
echo "code cache: ok"
