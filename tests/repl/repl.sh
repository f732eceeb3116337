#!/usr/bin/env bash
# repl.sh EXE — drives the interactive prompt through a real terminal (tmux) and checks what a user
# sees: prompts, a multi-line def ended by a blank line, echoed results (None not echoed), a traceback
# after which the prompt goes on, Ctrl-C cancelling a line, and Ctrl-D leaving (after the threads
# and atexit functions, as at the end of a script).
set -u
exe=$1
sock="minipy-repl-$$"
t() { tmux -L "$sock" "$@"; }
trap 't kill-server 2>/dev/null' EXIT
t new-session -d -x 150 -y 50 "$exe; echo REPL-EXITED-\$?; sleep 30"
wait_for() {  # wait until the screen shows $1
  for _ in $(seq 1 100); do
    t capture-pane -p | grep -qF -- "$1" && return 0
    sleep 0.05
  done
  echo "timed out waiting for: $1"; t capture-pane -p; exit 1
}
# Waits until the last line on screen is a bare ">>>" prompt: keys typed before it is drawn (a slow
# sanitizer build) are echoed before the prompt and the screen reads ">sq(7) + 1".
wait_prompt() {
  for _ in $(seq 1 100); do
    [ "$(t capture-pane -p | sed 's/ *$//' | grep -v '^$' | tail -1)" = ">>>" ] && return 0
    sleep 0.05
  done
}
wait_for ">>>"
t send-keys 'def sq(x):' Enter 'return x * x' Enter  # auto-indent types the four spaces
wait_for "...     return x * x"
t send-keys Enter
wait_prompt
t send-keys 'sq(7) + 1' Enter
wait_for "50"
wait_prompt
t send-keys 'undefined_name' Enter
wait_for "NameError: name 'undefined_name' is not defined"
wait_prompt
t send-keys 'None' Enter 'print("after", "error")' Enter
wait_for "after error"
# The next prompt first: a Ctrl-C that comes before it is the finished entry's, not the line's.
wait_prompt
sleep 0.2
t send-keys 'this line is cancelled' C-c
wait_for "KeyboardInterrupt"
wait_prompt
t send-keys '[n * 2 for n in range(4)]' Enter
wait_for "[0, 2, 4, 6]"
wait_prompt
# Ctrl-C stops a running entry with KeyboardInterrupt, and the prompt goes on.
t send-keys 'while True: pass' Enter Enter
sleep 0.3
t send-keys C-c
t send-keys 'print("loop", "stopped")' Enter
wait_for "loop stopped"
wait_prompt
# Leaving waits for non-daemon threads, then runs the atexit functions, as at the end of a script.
t send-keys 'import threading, time, atexit' Enter
t send-keys '_ = atexit.register(print, "atexit ran")' Enter
t send-keys 'threading.Thread(target=lambda: (time.sleep(0.3), print("thread done"))).start()' Enter
t send-keys C-d
wait_for "REPL-EXITED-0"

screen=$(t capture-pane -p -S -100)
fail=0
expect_line() {
  printf '%s\n' "$screen" | grep -qxF -- "$1" || { echo "missing line: $1"; fail=1; }
}
expect_line ">>> def sq(x):"
expect_line "...     return x * x"
expect_line ">>> sq(7) + 1"
expect_line "50"
expect_line "Traceback (most recent call last):"
expect_line "NameError: name 'undefined_name' is not defined"
# None is not echoed: the next line after `>>> None` is the next prompt.
printf '%s\n' "$screen" | grep -A1 -xF ">>> None" | tail -1 | grep -q '^>>> print' || { echo "None was echoed"; fail=1; }
expect_line "[0, 2, 4, 6]"
expect_line "thread done"
expect_line "atexit ran"
printf '%s\n' "$screen" | grep -A2 -xF "thread done" | grep -qxF "atexit ran" || { echo "atexit ran before the thread ended"; fail=1; }
[ $fail -eq 0 ] || { echo "--- screen:"; printf '%s\n' "$screen"; }
[ -n "${REPL_SHOW:-}" ] && printf "%s\n" "$screen"
exit $fail
