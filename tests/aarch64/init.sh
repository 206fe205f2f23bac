#!/bin/busybox sh
# /init of the aarch64 test initramfs (built by tests/aarch64/run.sh): runs
# ctrace tests on the real aarch64 kernel and prints one line per test,
#   RESULT <name> PASS|FAIL <detail>
# with the evidence of a failure on "  | " lines, the --check JSON between
# "BEGIN-JSON <name>" and "END-JSON <name>" for the host to validate, and
# "TESTS-DONE" at the end; then powers the machine off.
. /t/guest.sh

T=/t
E=$T/expect
W=/tmp/w
mkdir -p $W
TO=60   # seconds for any single traced command
FAST=$(cat $T/fast-set)  # -e trace= set of decode-fastpath, as on the host

normalize() { # trace file: the marked region, pids and addresses hidden
	awk -f $T/normalize.awk "$1"
}
unknown_calls() { # trace files: lines with numbers the table lacks
	grep -h 'syscall_0x' "$@" | head -5
}

echo "ENV kernel $(uname -r) $(uname -m); cpus $(nproc); ctrace $(ctrace -V 2>&1 | head -1)"

# -- spawn ------------------------------------------------------------------
t_spawn_true() {
	timeout $TO ctrace -o $W/true.txt true; rc=$?
	first=$(head -1 $W/true.txt); last=$(tail -1 $W/true.txt)
	if [ $rc != 0 ]; then result spawn-true FAIL "exit status $rc"; show $W/true.txt; return; fi
	case $first in
	'execve("/bin/true", ["true"], 0x'*' /* '*' vars */) = 0') ;;
	*) result spawn-true FAIL "first line: $first"; return ;;
	esac
	[ "$last" = "+++ exited with 0 +++" ] || { result spawn-true FAIL "last line: $last"; return; }
	u=$(unknown_calls $W/true.txt)
	[ -z "$u" ] || { result spawn-true FAIL "unknown syscall numbers: $u"; return; }
	result spawn-true PASS "$(wc -l <$W/true.txt) lines"
}

t_spawn_ls() {
	ls -la $T >$W/ls.native 2>&1
	timeout $TO ctrace -o $W/ls.txt ls -la $T >$W/ls.out 2>&1; rc=$?
	[ $rc = 0 ] || { result spawn-ls FAIL "exit status $rc"; show $W/ls.out; return; }
	cmp -s $W/ls.native $W/ls.out || { result spawn-ls FAIL "output differs under ctrace"; diff $W/ls.native $W/ls.out | show; return; }
	grep -q '^openat(AT_FDCWD, "/t", [^)]*) *= 3$' $W/ls.txt ||
		{ result spawn-ls FAIL 'no openat(AT_FDCWD, "/t", ...) = 3'; show $W/ls.txt; return; }
	grep -q '^getdents64(3, .*) *= [1-9][0-9]*$' $W/ls.txt ||
		{ result spawn-ls FAIL "no getdents64(3, ...) = N > 0"; show $W/ls.txt; return; }
	grep -q '^newfstatat(\|^statx(\|^fstat(' $W/ls.txt ||
		{ result spawn-ls FAIL "no newfstatat/statx/fstat"; show $W/ls.txt; return; }
	if grep -q '^\(open\|stat\|lstat\|fork\|vfork\|access\|readlink\)(' $W/ls.txt; then
		result spawn-ls FAIL "a call aarch64 does not have"; grep '^\(open\|stat\|lstat\|fork\)(' $W/ls.txt | show; return
	fi
	u=$(unknown_calls $W/ls.txt)
	[ -z "$u" ] || { result spawn-ls FAIL "unknown syscall numbers: $u"; return; }
	result spawn-ls PASS "$(wc -l <$W/ls.txt) lines, same output as untraced"
}

t_exit_status() {
	bad=
	for code in 0 1 42 255; do
		timeout $TO ctrace -o /dev/null sh -c "exit $code"; st=$?
		[ $st = $code ] || bad="$bad exit:$code->$st"
	done
	for sig in TERM SEGV USR1; do
		timeout $TO ctrace -o $W/sig.txt sh -c "kill -$sig \$\$"; st=$?
		want=$((128 + $(kill -l $sig)))
		[ $st = $want ] || bad="$bad SIG$sig:$st!=$want"
		tail -1 $W/sig.txt | grep -q "^+++ killed by SIG$sig\( (core dumped)\)\? +++\$" ||
			bad="$bad no-killed-line:SIG$sig"
	done
	[ -z "$bad" ] && result exit-status PASS "exit 0 1 42 255, SIGTERM SIGSEGV SIGUSR1" ||
		result exit-status FAIL "$bad"
}

# -- -f ---------------------------------------------------------------------
# $1: test name, rest: wrapper (empty or nosysinfo)
t_follow() {
	name=$1; shift
	rm -rf $W/f; mkdir -p $W/f
	timeout $TO "$@" ctrace -f -ff -o $W/f/t forker 3 2 >$W/f.out 2>$W/f.err; rc=$?
	bad=
	[ $rc = 3 ] || bad="$bad exit-status:$rc"
	n=$(ls $W/f | wc -l)
	[ "$n" = 6 ] || bad="$bad files:$n!=6"
	for f in $W/f/t.*; do
		tail -1 $f | grep -q '^+++ exited with [0-9]* +++$' || bad="$bad no-exit-line:${f##*/}"
	done
	c=$(cat $W/f/t.* | grep -c '^+++ exited with 1[01] +++$')
	[ "$c" = 2 ] || bad="$bad child-exits:$c"
	grep -q '^--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, si_pid=[0-9]*, si_uid=0} ---$' $W/f/t.* ||
		bad="$bad no-SIGUSR1-line"
	grep -q '^rt_sigreturn(' $W/f/t.* || bad="$bad no-rt_sigreturn"
	nclone=$(cat $W/f/t.* | grep -c '^clone3\?(')
	[ "$nclone" = 5 ] || bad="$bad clone-lines:$nclone!=5"
	grep -q '^\(fork\|vfork\)(' $W/f/t.* && bad="$bad fork-on-aarch64"
	u=$(unknown_calls $W/f/t.*)
	[ -z "$u" ] || bad="$bad unknown:$u"
	if [ -z "$bad" ]; then
		result $name PASS "6 processes/threads, exit 3, children 10 and 11, SIGUSR1, 5 clone/clone3 lines"
	else
		result $name FAIL "$bad"; cat $W/f.err | show; for f in $W/f/t.*; do show $f; done
	fi
}

# -- -p, detach on SIGINT -----------------------------------------------------
wait_for() { # file pattern
	i=0
	while [ $i -lt 200 ]; do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.1; i=$((i + 1)); done
	return 1
}
t_attach() {
	name=$1; shift
	rm -f $W/$name.txt $W/$name.err
	spin 2 & spin=$!
	sleep 0.5
	"$@" ctrace -f -p $spin -o $W/$name.txt 2>$W/$name.err & ct=$!
	bad=
	wait_for $W/$name.txt 'nanosleep\|getppid' || bad="$bad no-calls-seen"
	kill -INT $ct; wait_max $ct 30; st=$?
	[ $st = 124 ] && bad="$bad ctrace-still-running-30s-after-SIGINT(killed)"
	# interrupted, ctrace dies of the signal after detaching, as strace does: 128+SIGINT
	[ $st = 130 ] || bad="$bad ctrace-exit:$st"
	grep -q "^ctrace: Process $spin attached with 3 threads\$" $W/$name.err || bad="$bad no-attached-3-threads"
	n=$(grep -c '^ctrace: Process [0-9]* detached$' $W/$name.err)
	[ "$n" = 3 ] || bad="$bad detached:$n!=3"
	sleep 0.3
	if kill -0 $spin 2>/dev/null; then
		for s in /proc/$spin/task/*/status; do
			tp=$(awk '/^TracerPid:/ {print $2}' $s)
			state=$(awk '/^State:/ {print $2}' $s)
			[ "$tp" = 0 ] || bad="$bad still-traced"
			case $state in T|t) bad="$bad left-stopped" ;; esac
		done
	else
		bad="$bad target-died"
	fi
	# -f -o FILE: every line starts with the thread's id, as in strace
	grep -qv '^[0-9][0-9]*  *[-a-z_+<]' $W/$name.txt && bad="$bad line-without-PID-prefix"
	u=$(unknown_calls $W/$name.txt)
	[ -z "$u" ] || bad="$bad unknown:$u"
	kill -9 $spin; wait $spin 2>/dev/null
	if [ -z "$bad" ]; then
		result $name PASS "3 threads attached, SIGINT detached all, target runs untraced ($(wc -l <$W/$name.txt) lines)"
	else
		result $name FAIL "$bad"; show $W/$name.err; show $W/$name.txt
	fi
}

# -- decoding: same lines as ctrace on x86_64 for the same program ------------
# $1 name, $2 expectation, $3 wrapper or "", rest: ctrace options
t_decode() {
	name=$1 exp=$2 wrap=$3; shift 3
	mkdir -p $W/cwd
	timeout $TO $wrap ctrace "$@" -o $W/$name.txt calls $W/cwd >$W/$name.out 2>&1; rc=$?
	[ $rc = 0 ] || { result $name FAIL "exit status $rc"; show $W/$name.out; show $W/$name.txt; return; }
	normalize $W/$name.txt >$W/$name.norm
	if diff $E/$exp $W/$name.norm >$W/$name.diff; then
		result $name PASS "$(wc -l <$W/$name.norm) lines equal to x86_64"
	else
		result $name FAIL "lines differ from x86_64 (- x86_64, + aarch64)"; show $W/$name.diff
	fi
}

# -- -e trace= with aarch64's names: no open/stat there, as in strace ---------
t_filter() {
	bad=
	# 'open' is no aarch64 call but an AArch32 one: strace takes the names of
	# every personality, so both accept it; x86's arch_prctl is in none
	strace -e trace=open -o /dev/null true >/dev/null 2>&1; src=$?
	ctrace -e trace=open -o /dev/null true >/dev/null 2>$W/filter.err; crc=$?
	[ $src = $crc ] || bad="$bad trace=open:strace-exit-$src-ctrace-exit-$crc"
	ctrace -e trace=arch_prctl -o /dev/null true >/dev/null 2>>$W/filter.err && bad="$bad trace=arch_prctl-accepted"
	grep -q "'arch_prctl'" $W/filter.err || bad="$bad no-message-naming-arch_prctl"
	ctrace -e 'trace=?open,openat' -o $W/filter.txt cat /t/fast-set >/dev/null 2>>$W/filter.err || bad="$bad ?open-refused"
	grep -q '^openat(AT_FDCWD, "/t/fast-set", ' $W/filter.txt || bad="$bad no-openat-line"
	grep -v '^openat(\|^+++ exited with 0 +++$' $W/filter.txt | grep -q . && bad="$bad other-lines"
	ctrace -e trace=%file -o $W/filter2.txt ls /t >/dev/null 2>>$W/filter.err || bad="$bad %file-failed"
	grep -q '^openat(AT_FDCWD, "/t", ' $W/filter2.txt || bad="$bad %file-no-openat"
	grep -q '^\(read\|write\|mmap\|close\|getdents64\)(' $W/filter2.txt && bad="$bad %file-has-desc-calls"
	[ -z "$bad" ] && result filter-names PASS "'open' accepted as by strace, 'arch_prctl' refused ($(head -1 $W/filter.err)), ?open ignored, %file has openat and no descriptor calls" ||
		{ result filter-names FAIL "$bad"; show $W/filter.err; show $W/filter.txt; show $W/filter2.txt; }
}

# -- aarch64-only PROT_ bits -------------------------------------------------
t_prot() {
	timeout $TO ctrace -e trace=mprotect,mmap -o $W/prot.txt prot >$W/prot.out 2>&1; rc=$?
	bad=
	[ $rc = 0 ] || bad="$bad exit:$rc"
	grep -Eq '^mprotect\(0x[0-9a-f]+, 4096, PROT_READ\|PROT_EXEC\|PROT_BTI\) += (0|-1 E[A-Z]+ .*)$' $W/prot.txt ||
		bad="$bad no-PROT_BTI"
	grep -Eq '^mmap\(NULL, 4096, PROT_READ\|PROT_WRITE\|PROT_MTE, MAP_PRIVATE\|MAP_ANONYMOUS, -1, 0\) += ' $W/prot.txt ||
		bad="$bad no-PROT_MTE"
	[ -z "$bad" ] && result prot-bits PASS "$(grep -E 'PROT_(BTI|MTE)' $W/prot.txt | sed 's/^\([a-z]*\)(.*PROT_\(BTI\|MTE\).* = /\1 \2 = /' | tr '\n' ';')" ||
		{ result prot-bits FAIL "$bad"; show $W/prot.out; show $W/prot.txt; }
}

# -- struct sigaction of aarch64: no sa_restorer, the mask after the flags ----
t_sigaction() {
	mkdir -p $W/cwd
	timeout $TO ctrace -e trace=rt_sigaction -o $W/sigaction.txt calls $W/cwd >$W/sigaction.out 2>&1; rc=$?
	bad=
	[ $rc = 0 ] || bad="$bad exit:$rc"
	grep -q '^rt_sigaction(SIGUSR1, {sa_handler=0x[0-9a-f]*, sa_mask=\[USR2\], sa_flags=SA_RESTART}, NULL, 8) *= 0$' $W/sigaction.txt ||
		bad="$bad SIGUSR1-line"
	[ -z "$bad" ] && result sigaction PASS "$(grep '^rt_sigaction(SIGUSR1' $W/sigaction.txt | tr -s ' ')" ||
		{ result sigaction FAIL "$bad"; show $W/sigaction.out; show $W/sigaction.txt; }
}

# -- the seccomp fast path: in use, and CLONE_UNTRACED cleared (SETREGSET) -----
t_untraced() {
	name=$1; shift
	bad=
	# the automatic fast path needs -f, as strace's --seccomp-bpf
	timeout $TO "$@" ctrace -f -o /dev/null -e trace=openat cat /proc/self/status >$W/$name.st 2>$W/$name.err
	grep -q '^Seccomp:[[:space:]]2$' $W/$name.st || bad="$bad fast-path-not-in-use($(grep Seccomp: $W/$name.st | tr -s ' \t' ' '))"
	timeout $TO "$@" ctrace -o $W/$name.txt -f -e trace=openat untraced >>$W/$name.err 2>&1; rc=$?
	[ $rc = 0 ] || bad="$bad CLONE_UNTRACED-children-failed:$rc"
	n=$(grep -c '^[0-9][0-9]*  *openat(AT_FDCWD, "/dev/null"' $W/$name.txt)
	[ "$n" = 2 ] || bad="$bad openat-lines:$n!=2"
	[ -z "$bad" ] && result $name PASS "filter installed (Seccomp: 2); clone and clone3 children with CLONE_UNTRACED traced" ||
		{ result $name FAIL "$bad"; show $W/$name.err; show $W/$name.txt; }
}

# -- -k: stack traces unwound with libdwfl from the aarch64 registers ---------
t_stack() {
	mkdir -p $W/cwd
	timeout $TO ctrace -k -e trace=getppid -o $W/stack.txt calls $W/cwd >$W/stack.out 2>&1; rc=$?
	bad=
	[ $rc = 0 ] || bad="$bad exit:$rc"
	# the frames after the getppid line: syscall() of libc, then main
	awk '/^getppid\(/ { on = 1; next } on && /^ > / { print; next } { on = 0 }' $W/stack.txt >$W/stack.frames
	grep -q '^ > /t/calls(syscall+0x[0-9a-f]*) \[0x[0-9a-f]*\]$' $W/stack.frames || bad="$bad no-syscall-frame"
	grep -q '^ > /t/calls(main+0x[0-9a-f]*) \[0x[0-9a-f]*\]$' $W/stack.frames || bad="$bad no-main-frame"
	[ -z "$bad" ] && result stack-trace PASS "getppid unwound through syscall() and main ($(wc -l <$W/stack.frames) frames)" ||
		{ result stack-trace FAIL "$bad"; show $W/stack.out; show $W/stack.txt; }
}

# -- a 32-bit (AArch32) program: a personality change ------------------------
# /t/arm32 (made by run.sh): getpid(); write(1, "arm32\n", 6); exit_group(5).
# The arm (EABI) table names its calls; the whole trace must equal the one
# of Debian's arm64 strace 6.1 on the same program (pid and address hidden).
t_compat() {
	name=$1; shift
	/t/arm32 >$W/a32.native 2>&1; nrc=$?
	if [ $nrc != 5 ]; then
		result $name SKIP "AArch32 programs do not run on this CPU/kernel (exit $nrc: $(head -c 100 $W/a32.native))"
		return
	fi
	timeout $TO "$@" ctrace -o $W/$name.txt /t/arm32 >$W/$name.out 2>$W/$name.err; rc=$?
	bad=
	[ $rc = 5 ] || bad="$bad exit:$rc"
	[ "$(cat $W/$name.out)" = arm32 ] || bad="$bad output"
	grep -q '^execve("/t/arm32", \["/t/arm32"\], 0x[0-9a-f]* /\* [0-9]* vars\? \*/) *= 0$' $W/$name.txt ||
		bad="$bad execve-line"
	# -o FILE with a command implies -q (no personality line), as in strace
	grep -q 'bit mode' $W/$name.txt && bad="$bad mode-line-despite-implied-q"
	timeout $TO "$@" ctrace -e quiet=thread-execve -o $W/$name.m /t/arm32 >/dev/null 2>>$W/$name.err
	pid=$(sed -n 's/^\[ Process PID=\([0-9]*\) runs in 32 bit mode. \]$/\1/p' $W/$name.m)
	[ -n "$pid" ] || bad="$bad no-32-bit-mode-line"
	grep -q "^getpid() *= $pid\$" $W/$name.m || bad="$bad getpid(20)"
	grep -q '^write(1, "arm32\\n", 6) *= 6$' $W/$name.txt || bad="$bad write(4)"
	grep -q '^exit_group(5) *= ?$' $W/$name.txt || bad="$bad exit_group(248)"
	grep -q '^syscall_' $W/$name.txt && bad="$bad unnamed-call"
	if strace -o $W/$name.st /t/arm32 >/dev/null 2>&1 || [ $? = 5 ]; then
		for f in st txt; do
			hide_ids $W/$name.$f >$W/$name.$f.n
		done
		cmp -s $W/$name.st.n $W/$name.txt.n || { bad="$bad differs-from-strace"; diff $W/$name.st.n $W/$name.txt.n | sed 's/^/  ~ /'; }
	else
		bad="$bad strace-failed"
	fi
	[ "$(tail -1 $W/$name.txt)" = "+++ exited with 5 +++" ] || bad="$bad last-line"
	# -k on a 32-bit process: no unwinder for it, but the trace goes on
	timeout $TO "$@" ctrace -k -o $W/$name.k /t/arm32 >/dev/null 2>>$W/$name.err; rc=$?
	[ $rc = 5 ] || bad="$bad -k-exit:$rc"
	[ "$(tail -1 $W/$name.k)" = "+++ exited with 5 +++" ] || bad="$bad -k-last-line"
	[ -z "$bad" ] && result $name PASS "execve into AArch32, 32 bit mode line, arm call names and arguments, equal to strace's trace" ||
		{ result $name FAIL "$bad"; show $W/$name.err; show $W/$name.txt; }
}

# -- the oracle: Debian's arm64 strace 6.1 on the same programs ----------------
# Names and return values of every call must agree, and at least 95% of the
# whole lines (addresses, pids, random bytes hidden); the lines that differ
# are shown on "  ~ " lines.
vs_one() { # name, grep -v pattern of lines to leave out, command...
	vn=$1 skipre=$2; shift 2
	rm -rf $W/vs; mkdir -p $W/vs/s $W/vs/c
	timeout $TO strace -ff -o $W/vs/s/t "$@" >/dev/null 2>&1; src=$?
	timeout $TO $VS_WRAP ctrace -ff -o $W/vs/c/t "$@" >/dev/null 2>&1; crc=$?
	[ $src = $crc ] || { echo "  | $vn: exit status strace $src, ctrace $crc"; return 1; }
	for t in s c; do
		ps=$(ls $W/vs/$t | sed 's/^t\.//' | sort -n | tr '\n' ' ')
		for p in $ps; do
			echo "## process"
			grep -v -e "$skipre" $W/vs/$t/t.$p | awk -v pids="$ps" -f $T/calls_of.awk
		done >$W/vs/$t.calls
		for p in $ps; do
			grep -v -e "$skipre" $W/vs/$t/t.$p | awk -v pids="$ps" -v mode=lines -f $T/calls_of.awk
		done >$W/vs/$t.lines
	done
	total=$(wc -l <$W/vs/s.lines)
	ndiff=$(diff $W/vs/s.lines $W/vs/c.lines | grep -c '^-[^-]')
	VS_INFO="$VS_INFO $vn:$((total - ndiff))/$total"
	diff $W/vs/s.lines $W/vs/c.lines | grep '^[-+][^-+]' | head -10 | sed "s/^/  ~ $vn /"
	# whole lines: at least 95% equal, as the x86_64 differential harness
	if [ $total = 0 ] || [ $(((total - ndiff) * 100 / total)) -lt 95 ]; then
		echo "  | $vn: only $((total - ndiff)) of $total lines equal to strace's"
		return 1
	fi
	if ! diff $W/vs/s.calls $W/vs/c.calls >$W/vs/calls.diff; then
		echo "  | $vn: names or return values differ (- strace, + ctrace)"
		sed -n '1,30s/^/  | /p' $W/vs/calls.diff
		return 1
	fi
	return 0
}
t_vs_strace() { # name, wrapper or ""
	name=$1 VS_WRAP=$2
	if ! strace -o /dev/null true 2>$W/strace.err; then
		result $name SKIP "strace does not run: $(head -1 $W/strace.err)"; return
	fi
	mkdir -p $W/cwd
	VS_INFO=
	# futex: EAGAIN or not is a race between threads; calls' child reads
	# /proc/PID/stat, whose length changes from run to run
	vs_one ls '^futex(' ls -la /t >$W/vs.log; r1=$?
	# (and its child polls /proc/PID/stat a timing-dependent number of times)
	vs_one calls '^read([0-9]*, "[0-9]* (calls) 
/stat", O_RDONLY) = [0-9]*$
^newfstatat([0-9]*, "", {st_mode=S_IFREG|0444, st_size=0, ...}, AT_EMPTY_PATH) = 0$
^read([0-9]*, "", 1024) = 0$
^close([0-9]*) = 0$
^clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=0, tv_nsec=100000000}, NULL) = 0$' calls $W/cwd >>$W/vs.log; r2=$?
	vs_one forker '^futex(' forker 3 2 >>$W/vs.log; r3=$?
	vs_one sh '^futex(' sh -c 'cat /t/fast-set >/dev/null; exit 42' >>$W/vs.log; r4=$?
	if [ $r1$r2$r3$r4 = 0000 ]; then
		result $name PASS "names and return values equal to strace 6.1 (arm64); whole lines equal:$VS_INFO"
		grep '^  ~ ' $W/vs.log
	else
		result $name FAIL "differs from strace 6.1 (arm64):$VS_INFO"; cat $W/vs.log
	fi
}

# -- --check ------------------------------------------------------------------
t_check() {
	timeout $TO ctrace --check >$W/check.txt 2>&1; rc=$?
	bad=
	[ $rc = 0 ] || bad="$bad exit:$rc"
	for m in spawn attach attach-other memory syscall-info seccomp-bpf no-aslr stack-trace; do
		grep -q "^  $m  *ok\$" $W/check.txt || bad="$bad $m-not-ok"
	done
	grep -q "kernel: *$(uname -r)" $W/check.txt || bad="$bad kernel-line"
	[ -z "$bad" ] && result check PASS "all 8 modes ok on a bare kernel as root" ||
		{ result check FAIL "$bad"; show $W/check.txt; }
	for v in plain nosysinfo; do
		w=; [ $v = nosysinfo ] && w=nosysinfo
		timeout $TO $w ctrace --check --json >$W/check-$v.json 2>$W/check-$v.err; rc=$?
		echo "EXIT-JSON check-json-$v $rc"
		echo "BEGIN-JSON check-json-$v"
		cat $W/check-$v.json
		echo "END-JSON check-json-$v"
	done
}

want spawn-true && t_spawn_true
want spawn-ls && t_spawn_ls
want exit-status && t_exit_status
want follow && t_follow follow
want attach && t_attach attach
want decode && t_decode decode calls.txt ""
want decode-fastpath && t_decode decode-fastpath calls-fast.txt "" -e trace=$FAST
want decode-regs && t_decode decode-regs calls.txt nosysinfo
want decode-fastpath-regs && t_decode decode-fastpath-regs calls-fast.txt nosysinfo -e trace=$FAST
want follow-regs && t_follow follow-regs nosysinfo
want attach-regs && t_attach attach-regs nosysinfo
want filter-names && t_filter
want prot-bits && t_prot
want sigaction && t_sigaction
want untraced && t_untraced untraced
want untraced-regs && t_untraced untraced-regs nosysinfo
want stack-trace && t_stack
want compat32 && t_compat compat32
want compat32-regs && t_compat compat32-regs nosysinfo
want vs-strace && t_vs_strace vs-strace ""
want vs-strace-regs && t_vs_strace vs-strace-regs nosysinfo
want check && t_check
vm_done
