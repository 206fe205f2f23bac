#!/bin/bash
# ^Z and fg of ctrace in an interactive shell (a real pty under tmux): both
# ctrace and the tracee stop, fg resumes the trace, ^C ends both.
. "$(dirname "$0")/lib.sh"
command -v tmux >/dev/null || skip "tmux is not installed (apt-get install tmux)"
sock="$TMP/tmux.sock"
T() { tmux -S "$sock" "$@"; }
T new-session -d -s jc -x 150 -y 40 "bash --norc --noprofile" || skip "tmux cannot start a session"
trap 'T kill-server 2>/dev/null; cleanup_tmp' EXIT
rc=0
out="$TMP/trace"
# until COMMAND succeeds, at most 10 s (a bound for a loaded machine, not a timing)
until_ok() { for _ in $(seq 200); do "$@" && return 0; sleep 0.05; done; return 1; }
state_is() { case $(awk '/^State:/ {print $2}' "/proc/$1/status" 2>/dev/null) in $2) return 0 ;; esac; return 1; }
more_calls() { [ "$(grep -c nanosleep "$out")" -gt "$1" ]; }
T send-keys -t jc "$CTRACE -o $out $HELPERS/spin" Enter
for _ in $(seq 100); do grep -q nanosleep "$out" 2>/dev/null && break; sleep 0.05; done
ct=$(pgrep -f "^$CTRACE -o $out" | head -1)
tracee=$(pgrep -P "$ct" spin)
[ -n "$ct" ] && [ -n "$tracee" ] || { echo "FAIL: ctrace/spin not running"; exit 1; }
T send-keys -t jc C-z
until_ok state_is "$ct" T; until_ok state_is "$tracee" '[Tt]'
st_c=$(awk '/^State:/ {print $2}' /proc/$ct/status); st_t=$(awk '/^State:/ {print $2}' /proc/$tracee/status)
[ "$st_c" = T ] || { echo "FAIL: ^Z: ctrace state $st_c, expected T"; rc=1; }
case $st_t in T|t) ;; *) echo "FAIL: ^Z: tracee state $st_t, expected stopped"; rc=1 ;; esac
n1=$(grep -c nanosleep "$out"); sleep 0.3; n2=$(grep -c nanosleep "$out")
[ "$n1" = "$n2" ] || { echo "FAIL: the trace went on while stopped"; rc=1; }
T send-keys -t jc "fg" Enter
until_ok more_calls "$n2"
n3=$(grep -c nanosleep "$out")
[ "$n3" -gt "$n2" ] || { echo "FAIL: fg did not resume the trace ($n2 -> $n3)"; rc=1; }
st_t=$(awk '/^State:/ {print $2}' /proc/$tracee/status 2>/dev/null)
case $st_t in S|R|t) ;; *) echo "FAIL: after fg the tracee is $st_t"; rc=1 ;; esac
T send-keys -t jc C-c
until_ok eval '! kill -0 "$ct" 2>/dev/null'; until_ok eval '! kill -0 "$tracee" 2>/dev/null'
kill -0 "$ct" 2>/dev/null && { echo "FAIL: ^C did not end ctrace"; rc=1; }
kill -0 "$tracee" 2>/dev/null && { echo "FAIL: ^C did not end the tracee"; rc=1; }
tail -1 "$out" | grep -q '^+++ killed by SIGINT +++$' || { echo "FAIL: last line: $(tail -1 "$out")"; rc=1; }
[ $rc = 0 ] && echo "ok: ^Z stops both, fg resumes ($n2 -> $n3 calls), ^C ends both"
exit $rc
