#!/bin/sh
# Differential test of the memory, process, signal, time and futex
# decoders: trace tests/helpers/proc_signals (fork + wait4, a thread via
# clone3 + futex, signal handlers and a SIGUSR1, sleeps, rlimits, uname,
# prctl, mmap family) and `sh -c` under strace and ctrace, keep the lines
# of those families (and the --- signal --- lines), normalise pids,
# addresses, times and random bytes, and require that at least
# $THRESHOLD % of strace's lines appear in ctrace's output.  Calls split by
# another tracee ("<unfinished ...>" / "<... resumed>") are joined back per
# pid first: where the split falls depends on scheduling, not on decoders.
THRESHOLD=${THRESHOLD:-97}
: "${CTRACE:=./src/ctrace}"
: "${HELPERS:=./tests/helpers}"

if ! command -v strace >/dev/null 2>&1; then
	echo "SKIP: strace is not installed (the oracle)"
	exit 77
fi
if ! strace -qq -e trace=none true >/dev/null 2>&1; then
	echo "SKIP: strace cannot trace here (ptrace not permitted)"
	exit 77
fi
if [ ! -x "$HELPERS/proc_signals" ]; then
	echo "FAIL: $HELPERS/proc_signals not built"
	exit 1
fi

tmp=$(mktemp -d)
[ -n "$KEEP" ] && echo "keeping $tmp" || trap 'rm -rf "$tmp"' EXIT

FAMILY='mmap|munmap|mprotect|brk|madvise|mremap|msync|mlock|mlock2|mlockall|munlock|munlockall|clone|clone3|fork|vfork|execve|wait4|waitid|exit|exit_group|kill|tkill|tgkill|prctl|arch_prctl|set_tid_address|set_robust_list|rseq|prlimit64|getrlimit|setrlimit|getrusage|uname|getpid|gettid|getuid|geteuid|getgid|getegid|rt_sigaction|rt_sigprocmask|rt_sigreturn|sigaltstack|rt_sigsuspend|rt_sigtimedwait|pause|clock_gettime|clock_nanosleep|nanosleep|gettimeofday|clock_getres|setitimer|getitimer|alarm|futex|getrandom|sched_yield|restart_syscall'

# normalise FILE: family lines only, one per line, canonical form
normalise() {
	awk -v fam="^($FAMILY)\\\\(" '
	{
		pid = "leader"
		if (match($0, /^\[pid +[0-9]+\] /)) {
			pid = substr($0, 1, RLENGTH)
			$0 = substr($0, RLENGTH + 1)
		}
		# join a call split by another tracee back into one line
		if ($0 ~ / <unfinished \.\.\.>$/) {
			sub(/ <unfinished \.\.\.>$/, "")
			pending[pid] = $0
			next
		}
		if (match($0, /^<\.\.\. [a-z0-9_]+ resumed>/)) {
			name = substr($0, 6, RLENGTH - 14)
			key = pid
			if (!(key in pending) || index(pending[key], name "(") != 1) {
				# the prefix appears and disappears with the
				# number of tracees: look for the call by name
				key = ""
				for (k in pending)
					if (index(pending[k], name "(") == 1)
						key = k
				if (key == "")
					next
			}
			$0 = pending[key] substr($0, RLENGTH + 1)
			delete pending[key]
		}
		if ($0 !~ fam && $0 !~ /^(---|\+\+\+) /) next
		# pids: return values of the calls that return one, and the
		# fields / arguments that hold one
		if ($0 ~ /^(clone|clone3|fork|vfork|getpid|gettid|set_tid_address|wait4|waitid)\(/)
			sub(/= [0-9]+$/, "= PID")
		gsub(/si_pid=[0-9]+/, "si_pid=PID")
		gsub(/parent_tid=\[[0-9]+\]/, "parent_tid=[PID]")
		sub(/^(kill|tkill|wait4)\([0-9]+/, "&#"); sub(/[0-9]+#/, "PID")
		sub(/^tgkill\([0-9]+, [0-9]+/, "tgkill(PID, PID")
		sub(/FUTEX_WAIT_BITSET\|FUTEX_CLOCK_REALTIME, [0-9]+/, "FUTEX_WAIT_BITSET|FUTEX_CLOCK_REALTIME, PID")
		gsub(/0x[0-9a-f]+/, "0xA")
		gsub(/tv_sec=[0-9]+, tv_nsec=[0-9]+/, "tv_sec=N, tv_nsec=N")
		gsub(/tv_sec=[0-9]+, tv_usec=[0-9]+/, "tv_sec=N, tv_usec=N")
		gsub(/si_utime=[0-9]+, si_stime=[0-9]+/, "si_utime=N, si_stime=N")
		sub(/^getrandom\("[^"]*"/, "getrandom(\"R\"")
		# rt_sigreturn returns whatever the interrupted call returned
		sub(/^rt_sigreturn\(\{mask=[^}]*\}\) += .*/, "rt_sigreturn() = R")
		gsub(/\) +=/, ") =")
		print
	}' "$1" | sort
}

fail=0
# One try: sets $total and $same.
try_workload() {
	name=$1; shift
	strace -q -f "$@" >/dev/null 2>"$tmp/$name.s"
	"$CTRACE" -q -f "$@" >/dev/null 2>"$tmp/$name.c"
	normalise "$tmp/$name.s" >"$tmp/$name.sn"
	normalise "$tmp/$name.c" >"$tmp/$name.cn"
	total=$(wc -l <"$tmp/$name.sn")
	same=$(comm -12 "$tmp/$name.sn" "$tmp/$name.cn" | wc -l)
}

# The workloads race (a child killed before it reaches pause(), a signal
# that interrupts a different call): a workload below the threshold gets
# a second run before it fails.
run_workload() {
	try_workload "$@"
	if [ "$total" -ge 10 ] && [ $((same * 100 / total)) -lt "$THRESHOLD" ]; then
		echo "$1: $same of $total strace lines matched, trying again"
		try_workload "$@"
	fi
	if [ "$total" -lt 10 ]; then
		echo "FAIL: $name: strace printed only $total family lines"
		fail=1
		return
	fi
	pct=$((same * 100 / total))
	echo "$name: $same of $total strace lines matched ($pct%)"
	if [ "$pct" -lt "$THRESHOLD" ]; then
		echo "FAIL: $name below $THRESHOLD%; strace lines ctrace did not print:"
		comm -23 "$tmp/$name.sn" "$tmp/$name.cn" | head -20
		fail=1
	fi
}

run_workload helper "$HELPERS/proc_signals"
run_workload sh sh -c 'sleep 0.1; echo hi | cat'
exit $fail
