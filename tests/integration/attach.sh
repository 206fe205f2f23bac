#!/bin/bash
# -p: attach to running processes (all threads with -f), print their
# syscalls, and on SIGINT/SIGTERM/SIGHUP detach so they keep running
# untraced (not stopped, TracerPid 0).
. "$(dirname "$0")/lib.sh"
rc=0
pids=()
cleanup() { kill -9 "${pids[@]}" 2>/dev/null; cleanup_tmp; }
trap cleanup EXIT

wait_for_lines() { # file pattern
	for _ in $(seq 100); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.05; done
	return 1
}
tracer_pid_of() { awk '/^TracerPid:/ {print $2}' "/proc/$1/status"; }
state_of() { awk '/^State:/ {print $2}' "/proc/$1/status"; }

check_free() { # pid: alive, not stopped, untraced (all threads)
	local p=$1 t
	kill -0 "$p" 2>/dev/null || { echo "FAIL: process $p died"; return 1; }
	for t in /proc/"$p"/task/*; do
		t=${t##*/}
		[ "$(awk '/^TracerPid:/ {print $2}' "/proc/$p/task/$t/status")" = 0 ] ||
			{ echo "FAIL: thread $t still traced"; return 1; }
		case $(awk '/^State:/ {print $2}' "/proc/$p/task/$t/status") in
		T|t) echo "FAIL: thread $t left stopped"; return 1 ;;
		esac
	done
}

for sig in INT TERM HUP; do
	"$HELPERS/spin" 2 & spin=$!; pids+=($spin)
	# its two threads exist before the attach (at most 10 s on a loaded machine)
	for _ in $(seq 200); do [ "$(ls /proc/$spin/task | wc -l)" = 3 ] && break; sleep 0.05; done
	"$CTRACE" -f -p "$spin" -o "$TMP/p.$sig" 2>"$TMP/e.$sig" & ct=$!; pids+=($ct)
	if ! wait_for_lines "$TMP/p.$sig" 'nanosleep\|getppid'; then
		echo "FAIL: no syscalls seen from $spin after attach"; cat "$TMP/e.$sig"; rc=1; continue
	fi
	kill -$sig $ct; wait $ct; st=$?
	# as strace: it detaches, then dies of the signal
	[ $st = $((128 + $(kill -l $sig))) ] || { echo "FAIL: ctrace exit status $st after SIG$sig"; rc=1; }
	grep -q "^$CTRACE: Process $spin attached with 3 threads$" "$TMP/e.$sig" ||
		{ echo "FAIL: no 'attached with 3 threads' message"; cat "$TMP/e.$sig"; rc=1; }
	n=$(grep -c "^$CTRACE: Process [0-9]* detached$" "$TMP/e.$sig")
	[ "$n" = 3 ] || { echo "FAIL: $n detach messages, expected 3"; cat "$TMP/e.$sig"; rc=1; }
	check_free "$spin" || rc=1
	# the threads' lines carry pid prefixes
	# -o FILE with -f: strace's "PID " on every line
	grep -qv '^[0-9][0-9]*  *[-a-z_+<]' "$TMP/p.$sig" && { echo "FAIL: lines without a 'PID ' prefix"; rc=1; }
	sleep 0.1; check_free "$spin" || rc=1
	kill -9 "$spin"; wait "$spin" 2>/dev/null
	echo "ok: attach -f + SIG$sig detach ($(wc -l <"$TMP/p.$sig") lines)"
done

# two pids at once, without -f: only the given threads
"$HELPERS/spin" & a=$!; "$HELPERS/spin" & b=$!; pids+=($a $b)
sleep 0.1
"$CTRACE" -p "$a,$b" -o "$TMP/two" 2>"$TMP/e.two" & ct=$!; pids+=($ct)
wait_for_lines "$TMP/two" "^$b  *[a-z]" && wait_for_lines "$TMP/two" "^$a  *[a-z]" ||
	{ echo "FAIL: not both processes traced"; rc=1; }
kill -INT $ct; wait $ct
[ "$(grep -c 'detached$' "$TMP/e.two")" = 2 ] || { echo "FAIL: two detach messages expected"; cat "$TMP/e.two"; rc=1; }
check_free $a || rc=1; check_free $b || rc=1
[ $rc = 0 ] && echo "ok: -p A,B"

# a killed ctrace never kills what it attached to
"$HELPERS/spin" & c=$!; pids+=($c)
"$CTRACE" -p "$c" -o /dev/null 2>/dev/null & ct=$!
sleep 0.3; kill -9 $ct; wait $ct 2>/dev/null; sleep 0.1
kill -0 $c 2>/dev/null && echo "ok: SIGKILL of ctrace leaves the attached process alive" ||
	{ echo "FAIL: attached process died with ctrace"; rc=1; }
exit $rc
