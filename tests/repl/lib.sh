# lib.sh — helpers for the REPL tests: a private tmux server running minipy in a real terminal,
# keys sent to it, and the screen read back. Sourced by tests/repl/*.sh.
sock="minipy-repl-$$-0"
t() { tmux -L "$sock" "$@"; }
trap 't kill-server 2>/dev/null; sleep 0.2; rm -rf "$scratch" 2>/dev/null' EXIT
scratch=$(mktemp -d)
fail=0

# start CMD...: runs the command in a 150x50 terminal; the pane stays after it exits.
start() {
  t kill-server 2>/dev/null
  sock="minipy-repl-$$-$((${sock##*-} + 1))"  # a fresh server for each session
  t new-session -d -x 150 -y 50 "$*; echo REPL-EXITED-\$?; sleep 30"
}
screen() { t capture-pane -p -S -1000 "$@"; }
wait_for() {  # wait until the screen shows $1
  for _ in $(seq 1 400); do  # 20 s: slow builds (ASan) start and exit slowly
    screen | grep -qF -- "$1" && return 0
    sleep 0.05
  done
  echo "timed out waiting for: $1"; screen; exit 1
}
# Wait until the REPL shows an empty primary prompt, then a moment more: a key typed before its line
# editor has put the terminal in raw mode can be lost (a Ctrl-D read as end of input by the tty's
# cooked mode, then dropped by the switch), which ASan's slower start made happen.
wait_for_prompt() {
  for _ in $(seq 1 400); do
    [ "$(screen | sed 's/ *$//' | grep -v '^$' | tail -1)" = ">>>" ] && { sleep 0.3; return 0; }
    sleep 0.05
  done
  echo "timed out waiting for an empty prompt"; screen; exit 1
}
expect_line() {  # the screen has a line exactly $1
  screen | grep -qxF -- "$1" || { echo "missing line: $1"; fail=1; }
}
expect_no_text() {
  screen | grep -qF -- "$1" && { echo "unexpected text: $1"; fail=1; }
  return 0
}
finish() {
  [ $fail -eq 0 ] || { echo "--- screen:"; screen; }
  exit $fail
}
