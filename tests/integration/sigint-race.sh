#!/bin/bash
# ^C at random moments: SIGINT sent to ctrace 1 to 3 times, 0-40 ms after
# its exec (see started(); so also while it starts, attaches or sits in
# waitpid with no event to come), while it traces a busy loop with syscalls and one with
# none (tests/helpers/hostile --busy).  ctrace must always exit within 5 s.
#   spawned command (no -o; strace 6.1's default -I2 acts on SIGINT then):
#     as strace: the tracee is killed, the tracer's status is 130;
#   -p PID: the target is detached and keeps running, not stopped, not
#     traced (TracerPid 0); status 0 (docs/ctrace.1), or 130 when the
#     SIGINT came before ctrace's handler.
# And one run without chance: the tracee reads 64 KiB (a line of ~256 KiB
# with -xx, printed at the syscall's exit), then computes without any
# syscall; ctrace's stderr is a pipe nobody reads yet, so ctrace is held in
# write() for that last line when SIGINT comes.  The reader then drains the
# pipe: ctrace must exit with 130 within 5 s (the signal, held while it
# writes, must still end the wait that follows: no later event will come),
# the tracee must be killed and the line must be whole.
# strace is run once per case as the oracle of the tracee's fate.
# CTRACE_SIGINT_ROUNDS (default 12) rounds per case.
. "$(dirname "$0")/lib.sh"
need_ptrace
prog=$HELPERS/hostile
[ -x "$prog" ] || fail "$prog not built"
rounds=${CTRACE_SIGINT_ROUNDS:-12}
rc=0
# A job started with & in a script inherits SIGINT ignored: restore the
# default so the tracer sees the signal as it would from a terminal (exec:
# the job's pid, $!, is then the tracer's).
if env --default-signal=INT true 2>/dev/null; then
	dflt() { exec env --default-signal=INT "$@"; }
elif command -v python3 >/dev/null; then
	dflt() { exec python3 -c 'import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])' "$@"; }
else
	skip "neither env --default-signal nor python3 to restore SIGINT for a background job"
fi

msleep() { sleep "$(printf '0.%03d' "$1")"; }

# started PID TOOL: wait (up to 5 s) until the job PID runs TOOL.  Until
# its exec, the job is a subshell (then env) with SIGINT ignored: a SIGINT
# sent then is lost, and the tracer, never interrupted, ran on ("status
# hang" under load, 1 SIGINT after 4 ms).  The delays count from here.
started() {
	local want
	want=$(readlink -f "$(command -v "$2")")
	for _ in $(seq 1000); do
		[ "$(readlink "/proc/$1/exe" 2>/dev/null)" = "$want" ] && return 0
		kill -0 "$1" 2>/dev/null || return 0
		sleep 0.005
	done
	echo "FAIL: $2 not started in 5 s"
	rc=1
}

# wait_gone PID: up to 5 s; 0 when the process has ended
wait_gone() {
	for _ in $(seq 100); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.05; done
	return 1
}
# alive TAG: pid of a live (not zombie) busy loop started with TAG
alive() {
	local p
	for p in $(pgrep -f -- "--busy [a-z]+ $1\$"); do
		case $(awk '/^State:/ {print $2}' "/proc/$p/status" 2>/dev/null) in
		Z | X | "") ;;
		*) echo "$p"; return 0 ;;
		esac
	done
	return 1
}

# spawn TOOL KIND TAG DELAY_MS TIMES: status in $st, "killed" or "alive" in $fate
spawn() {
	local tool=$1 kind=$2 tag=$3 delay=$4 times=$5 t left ws
	dflt "$tool" "$prog" --busy "$kind" "$tag" 2>/dev/null &
	t=$!
	started "$t" "$tool"
	msleep "$delay"
	for ((k = 0; k < times; k++)); do kill -INT "$t" 2>/dev/null; msleep $((RANDOM % 4)); done
	if ! wait_gone "$t"; then
		st=hang; kill -9 "$t" 2>/dev/null
	fi
	wait "$t" 2>/dev/null; ws=$?
	[ "$st" = hang ] || st=$ws
	fate=killed
	sleep 0.05
	if left=$(alive "$tag"); then fate=alive; kill -9 "$left"; fi
}

# attach TOOL KIND TAG DELAY_MS TIMES: $st, and $fate "running" (untraced, not stopped) or what is wrong
attach() {
	local tool=$1 kind=$2 tag=$3 delay=$4 times=$5 t target state tracer ws
	"$prog" --busy "$kind" "$tag" &
	target=$!
	dflt "$tool" -o /dev/null -p "$target" 2>/dev/null &
	t=$!
	started "$t" "$tool"
	msleep "$delay"
	for ((k = 0; k < times; k++)); do kill -INT "$t" 2>/dev/null; msleep $((RANDOM % 4)); done
	st=
	if ! wait_gone "$t"; then
		st=hang; kill -9 "$t" 2>/dev/null
	fi
	wait "$t" 2>/dev/null; ws=$?
	[ "$st" = hang ] || st=$ws
	sleep 0.05
	state=$(awk '/^State:/ {print $2}' "/proc/$target/status" 2>/dev/null)
	tracer=$(awk '/^TracerPid:/ {print $2}' "/proc/$target/status" 2>/dev/null)
	case "$state/$tracer" in
	[RS]/0) fate=running ;;
	*) fate="state '$state', TracerPid '$tracer'" ;;
	esac
	kill -9 "$target" 2>/dev/null; wait "$target" 2>/dev/null
}

# blocked_output: the run without chance described above
blocked_output() {
	local t c st=
	mkfifo "$TMP/pipe" || fail "mkfifo"
	dflt "$CTRACE" -xx -s 65536 "$prog" --busy bigread "b$$" 2>"$TMP/pipe" &
	t=$!
	exec 3<"$TMP/pipe"
	# held in write(): the pipe is full and the tracee is quiet (up to
	# 20 s: under two CPU hogs the 64 KiB read and its line take a while)
	for _ in $(seq 400); do
		[ "$(cat "/proc/$t/wchan" 2>/dev/null)" = anon_pipe_write ] ||
			[ "$(cat "/proc/$t/wchan" 2>/dev/null)" = pipe_write ] && break
		sleep 0.05
	done
	sleep 0.2
	kill -INT "$t"
	sleep 0.1
	# bounded: a tracee left running (a failure) keeps the pipe open
	timeout 10 cat <&3 >"$TMP/blocked.out" &
	c=$!
	exec 3<&-
	wait_gone "$t" || { st=hang; kill -9 "$t"; }
	wait "$t" 2>/dev/null; ws=$?
	[ "$st" = hang ] || st=$ws
	wait "$c"
	sleep 0.05
	if [ "$st" != 130 ]; then
		echo "FAIL: SIGINT while ctrace writes the last line before a quiet tracee: status $st (expected 130; hang: not exited in 5 s)"
		rc=1
	elif left=$(alive "b$$"); then
		echo "FAIL: SIGINT while ctrace writes the last line: the tracee still runs"; kill -9 "$left"; rc=1
	elif ! grep -q '^read(3, "\\x00\\x00.*\\x00", 65536) = 65536$' "$TMP/blocked.out"; then
		echo "FAIL: SIGINT while ctrace writes the last line: the line is cut: $(grep '^read(3' "$TMP/blocked.out" | tail -c 100)"
		rc=1
	else
		echo "ok: SIGINT while ctrace is held writing the last line before a quiet tracee: exit 130, tracee killed, line whole"
	fi
	left=$(alive "b$$") && kill -9 "$left"
}
blocked_output

strace_ok=0
"$STRACE" -o /dev/null true 2>/dev/null && strace_ok=1
for kind in cpu syscalls; do
	# the oracle: strace, SIGINT well after the start
	want_spawn="130 killed"
	if [ $strace_ok = 1 ]; then
		st=; spawn "$STRACE" "$kind" "s$$" 200 1
		[ "$st $fate" = "$want_spawn" ] || echo "note: strace, spawned $kind loop: status $st, tracee $fate (expected $want_spawn)"
		st=; attach "$STRACE" "$kind" "sa$$" 200 1
		[ "$fate" = running ] || echo "note: strace -p, $kind loop: target $fate"
	fi
	bad=0
	for ((i = 0; i < rounds; i++)); do
		d=$((RANDOM % 41)) n=$((RANDOM % 3 + 1))
		st=; spawn "$CTRACE" "$kind" "c$$.$i" "$d" "$n"
		if [ "$st $fate" != "$want_spawn" ]; then
			echo "FAIL: spawned $kind loop, $n SIGINT after $d ms: status $st, tracee $fate (expected $want_spawn)"
			bad=1
		fi
		d=$((RANDOM % 41)) n=$((RANDOM % 3 + 1))
		st=; attach "$CTRACE" "$kind" "ca$$.$i" "$d" "$n"
		if { [ "$st" != 0 ] && [ "$st" != 130 ]; } || [ "$fate" != running ]; then
			echo "FAIL: -p of a $kind loop, $n SIGINT after $d ms: status $st, target $fate"
			bad=1
		fi
	done
	[ $bad = 0 ] && echo "ok: $kind loop: $rounds spawned and $rounds attached runs interrupted at random moments"
	[ $bad = 0 ] || rc=1
done
exit $rc
