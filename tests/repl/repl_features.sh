#!/usr/bin/env bash
# repl_features.sh EXE — the REPL's conveniences through a real terminal (tmux): CPython's banner,
# MINIPYSTARTUP, exit/quit objects, `_`, help(), Tab completion (names, attributes, modules, an
# exception inside it, names after `from m import`), auto-indent, a one-line compound statement
# waiting for its blank line, bracketed paste, the history file, the teaching commands, bad input,
# colour rules, -q and -i.
set -u
exe=$1
. "$(dirname "$0")/lib.sh"
home=$scratch/home
mkdir -p "$home"
printf 'startup_value = 42\n' > "$scratch/startup.py"
env="env HOME=$home MINIPYSTARTUP=$scratch/startup.py NO_COLOR=1"

# ---- conventions, completion, auto-indent, teaching commands, bad input ----
start "$env $exe"
wait_for ">>>"
t send-keys 'startup_value + 1' Enter
wait_for "43"
t send-keys 'exit' Enter '_' Enter
t send-keys 'help(len)' Enter
wait_for "    Return the number of items in a container."
t send-keys 'def add(a, b=2):' Enter '"""Add a and b."""' Enter 'return a + b' Enter Enter
t send-keys 'help(add)' Enter
wait_for "    Add a and b."
t send-keys 'help()' Enter
wait_for "help>"
t send-keys 'add' Enter
wait_for "Help on function add in module __main__:"
t send-keys Enter
wait_for "You are now leaving help and returning to the minipy interpreter."
t send-keys 'import mat' Tab  # unique among the modules on sys.path, CPython's Lib included
wait_for ">>> import math"
t send-keys Enter 'math.sq' Tab
wait_for ">>> math.sqrt("
t send-keys '16)' Enter
wait_for "4.0"
t send-keys 'startu' Tab
wait_for ">>> startup_value"
t send-keys Enter 'lamb' Tab
wait_for ">>> lambda"
t send-keys C-u
# After `from m import`: m's attributes (m imported for it) and its submodules (not imported).
t send-keys 'from textwrap import ded' Tab
wait_for ">>> from textwrap import dedent"
t send-keys ', shor' Tab
wait_for ">>> from textwrap import dedent, shorten"
t send-keys Enter 'from xml import do' Tab
wait_for ">>> from xml import dom"
t send-keys Enter
# A compound statement on one line waits for the blank line, as CPython's REPL does.
t send-keys 'if True: print("one", "liner")' Enter
wait_for "... "
sleep 0.3
expect_no_text "one liner"
t send-keys Enter
wait_for "one liner"
# A bracketed paste (tmux sends it so when the REPL asked for it) is one entry: the blank lines
# inside the function do not end it, its indentation is not indented again, and the Enter after
# it runs both statements.
printf 'def pasted(n):\n    total = 0\n\n    for i in range(n):\n        total += i\n\n    return total\nprint("pasted", pasted(5))\n' > "$scratch/paste.py"
t load-buffer "$scratch/paste.py"
t paste-buffer -p
wait_for '... print("pasted", pasted(5))'
t send-keys Enter
wait_for "pasted 10"
t send-keys 'class D:' Enter 'def __getattr__(self, name): raise RuntimeError("boom")' Enter Enter
t send-keys 'd = D()' Enter 'd.a.b' Tab
sleep 0.2
t send-keys C-u 'print("completer", "survived")' Enter
wait_for "completer survived"
t send-keys 'class B:' Enter 'def __repr__(self): raise ValueError("bad repr")' Enter Enter 'B()' Enter
wait_for "ValueError: bad repr"
t send-keys 'for i in range(2):' Enter 'if i:' Enter 'print("nested", i)' Enter Enter
wait_for "nested 1"
t send-keys '.dis a + 1' Enter
wait_for "BINARY_OP"
t send-keys '.flavor' Enter '.gil' Enter '.tokens x = 1' Enter '.ast pass' Enter '.trace y = 2' Enter '.help' Enter '.nope' Enter
wait_for "unknown command .nope (.help lists the commands)"
t send-keys '"abc' Enter
wait_for "SyntaxError: unterminated string literal (detected at line 1)"
t send-keys '(1, 2]' Enter
wait_for "SyntaxError: closing parenthesis ']' does not match opening parenthesis '('"
t send-keys '  x = 1' Enter
wait_for "IndentationError: unexpected indent"
t send-keys 'if True:' Enter C-u 'x' Enter
wait_for "IndentationError: expected an indented block after 'if' statement on line 1"
t send-keys 'print("still", "usable")' Enter
wait_for "still usable"
t send-keys 'exit(3)' Enter
wait_for "REPL-EXITED-3"

screen | grep -qxE "$("$exe" -V | sed 's/[()]/\\&/g') \[(GCC|Clang) [^]]*\] on linux" || { echo "no banner"; fail=1; }
expect_line 'Type "help", "copyright", "credits" or "license" for more information.'
expect_line ">>> exit"
expect_line "Use exit() or Ctrl-D (i.e. EOF) to exit"
screen | grep -A1 -xF ">>> _" | tail -1 | grep -qxF "Use exit() or Ctrl-D (i.e. EOF) to exit" || { echo "_ is not the last result"; fail=1; }
expect_line "Help on built-in function len in module builtins:"
expect_line "Help on function add in module __main__:"
expect_line "add(a, b=2)"
expect_line "...     return a + b"
expect_line "...     if i:"
expect_line '...         print("nested", i)'
expect_line "  1           0 LOAD_NAME                0 (a)"
expect_line "              4 BINARY_OP                0 (+)"
expect_line "1,0-1,1:            NAME           'x'"
expect_line "    Pass()],"
expect_line "thread       acquisitions drop requests forced switches    wait ms    hold ms"
screen | grep -qE '^ +1 +2 STORE_NAME +0 \(y\)' || { echo ".trace showed no STORE_NAME"; fail=1; }
expect_line "  .dis CODE     the bytecode CODE compiles to (as --dis)"
expect_line "  .help         this list"
expect_line ">>> def pasted(n):"
expect_line "...     total = 0"
expect_line "..."
expect_line "...     for i in range(n):"
expect_line "...         total += i"
expect_line "...     return total"
expect_line ">>> if True: print(\"one\", \"liner\")"
expect_no_text "RuntimeError: boom"
# The history file holds the entries, a block as one item, once the REPL has ended.
grep -q 'startup_value' "$home/.minipy_history" || { echo "history file not written"; fail=1; }

# ---- history recalled in a new session: the block comes back whole ----
start "$env $exe -q"
wait_for ">>>"
expect_no_text "Type \"help\""
t send-keys 'def twice(x):' Enter 'return 2 * x' Enter Enter
wait_for_prompt
t send-keys C-d
wait_for "REPL-EXITED-0"
start "$env $exe -q"
wait_for ">>>"
t send-keys Up Enter 'twice(21)' Enter
wait_for "42"

# ---- the history file keeps the last 1000 entries ----
{ echo _HiStOrY_V2_; seq -f 'old%g' 1 1100; } > "$scratch/long_history"
start "env HOME=$home MINIPY_HISTORY=$scratch/long_history NO_COLOR=1 $exe -q"
wait_for ">>>"
t send-keys 'newest = 1' Enter
wait_for_prompt
t send-keys C-d
wait_for "REPL-EXITED-0"
[ "$(grep -c . "$scratch/long_history")" = 1001 ] && tail -1 "$scratch/long_history" | grep -q newest \
  && ! grep -qx old101 "$scratch/long_history" || { echo "history not bounded to 1000"; fail=1; }

# ---- colour: FORCE_COLOR gives CPython 3.13's bold magenta prompt and traceback colours ----
start "env HOME=$home FORCE_COLOR=1 $exe -q"
wait_for ">>>"
t send-keys '1/0' Enter
wait_for "ZeroDivisionError"
# (tmux re-encodes the escapes it shows: bold magenta comes back as \e[1m\e[35m)
t capture-pane -p -e | grep -qF $'35m>>>' || { echo "prompt not coloured"; fail=1; }
t capture-pane -p -e | grep -qF $'\e[1mZeroDivisionError' || { echo "exception type not coloured"; fail=1; }
t capture-pane -p -e | grep -qF $'35mdivision by zero' || { echo "exception message not coloured"; fail=1; }
wait_for_prompt
t send-keys C-d
wait_for "REPL-EXITED-0"
start "env HOME=$home FORCE_COLOR=1 NO_COLOR=1 $exe -q"
wait_for ">>>"
t send-keys '1/0' Enter
wait_for "ZeroDivisionError"
t capture-pane -p -e | grep -qF $'\e[' && { echo "NO_COLOR still coloured"; fail=1; }
# Without FORCE_COLOR: coloured in a terminal, plain with TERM=dumb or when the output is a pipe.
for case in "colour:" "plain:TERM=dumb" "plain:MINIPY_COLORS=0 FORCE_COLOR=1" "pipe:"; do
  want=${case%%:*} extra=${case#*:}
  redirect=""
  [ "$want" = pipe ] && redirect="2>&1 | cat"
  start "env HOME=$home $extra $exe -q $redirect"
  sleep 0.3
  t send-keys '1/0' Enter
  wait_for "ZeroDivisionError"
  if [ "$want" = colour ]; then
    t capture-pane -p -e | grep -qF $'\e[1mZeroDivisionError' || { echo "not coloured by default"; fail=1; }
  else
    t capture-pane -p -e | grep -qF $'\e[' && { echo "coloured with '$extra' $redirect"; fail=1; }
  fi
done

# ---- -i: the REPL after a script, with its globals, also after an uncaught exception ----
printf 'x = 41\nraise ValueError("boom")\n' > "$scratch/script.py"
start "env HOME=$home NO_COLOR=1 $exe -i $scratch/script.py"
wait_for "ValueError: boom"
t send-keys 'x + 1' Enter
wait_for "42"
expect_no_text "Type \"help\""
finish
