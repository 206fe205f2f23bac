#!/bin/busybox sh
# /init of the x86_64 test initramfs (built by tests/x86vm/run.sh): 32-bit
# and x32 system calls under ctrace on a kernel that runs them, compared
# with strace 6.1 (the oracle).  Prints one line per test,
#   RESULT <name> PASS|FAIL|SKIP <detail>
# with the evidence on "  | " lines and the differences from strace on
# "  ~ " lines, int80-json's JSON lines between "BEGIN-JSON int80-json" and
# "END-JSON int80-json" for the host to check, and "TESTS-DONE" at the end;
# then powers the machine off.
. /t/guest.sh

W=/tmp/w
mkdir -p $W
TO=60   # seconds for any single traced command

echo "ENV kernel $(uname -r) $(uname -m); cpus $(nproc); ctrace $(ctrace -V 2>&1 | head -1); $(strace -V 2>&1 | head -1)"

# -- without ctrace: does this kernel run 32-bit system calls? ----------------
# int80: getpid through int $0x80 from a 64-bit process, exit 0 when it
# returns the pid.  When it does not work here, nothing else can run: the
# host turns this SKIP into a skip of the whole test.
/t/int80 >$W/int80.native 2>&1; nrc=$?
if [ $nrc != 0 ]; then
	result native-int80 SKIP "int \$0x80 from a 64-bit process fails on this kernel too ('/t/int80' exits $nrc)"
	vm_done
fi
result native-int80 PASS "int \$0x80 from a 64-bit process works without ctrace"
/t/i386 >$W/i386.native 2>&1; irc=$?
if [ $irc = 5 ] && [ "$(cat $W/i386.native)" = i386 ]; then
	result native-i386 PASS "the i386 program prints i386 and exits 5 without ctrace"
	I386=yes
else
	result native-i386 SKIP "the i386 program does not run here (exit $irc: $(head -c 100 $W/i386.native))"
	I386=
fi

# x32: the syscall instruction with __X32_SYSCALL_BIT in the number; the
# kernel runs it only when built with x32 and booted with syscall.x32=y
/t/x32 >$W/x32.native 2>&1; xrc=$?
if [ $xrc = 7 ] && [ "$(cat $W/x32.native)" = x32 ]; then
	result native-x32 PASS "the x32 program prints x32 and exits 7 without ctrace ($(tr ' ' '\n' </proc/cmdline | grep '^syscall\.x32='))"
	X32=yes
else
	result native-x32 SKIP "the x32 program does not run here (exit $xrc: $(head -c 100 $W/x32.native); kernel command line: $(cat /proc/cmdline))"
	X32=
fi

# run a command under strace and under ctrace with the same options, in
# which OUT is $W/NAME.s for strace, $W/NAME.c for ctrace, both under the
# same wrapper; sets bad (what differs from the expectation so far)
traced() { # name expected-status wrapper tracer-options... -- command...
	n=$1 want=$2 wrap=$3; shift 3
	sopts= copts=
	while [ "$1" != -- ]; do
		case $1 in OUT) sopts="$sopts $W/$n.s" copts="$copts $W/$n.c" ;; *) sopts="$sopts $1" copts="$copts $1" ;; esac
		shift
	done
	shift
	bad=
	# shellcheck disable=SC2086
	timeout $TO $wrap strace $sopts "$@" >$W/$n.sout 2>$W/$n.serr; src=$?
	# shellcheck disable=SC2086
	timeout $TO $wrap ctrace $copts "$@" >$W/$n.cout 2>$W/$n.cerr; crc=$?
	[ $src = $want ] || bad="$bad strace-exit:$src"
	[ $crc = $want ] || bad="$bad exit:$crc"
}
# compare the traces in $W/$1.s and $W/$1.c
same_as_strace() { # name
	hide_ids $W/$1.s >$W/$1.s.n
	hide_ids $W/$1.c >$W/$1.c.n
	cmp -s $W/$1.s.n $W/$1.c.n && return 0
	bad="$bad differs-from-strace"
	diff $W/$1.s.n $W/$1.c.n | sed -n '1,30s/^/  ~ /p'
}

# -- int80: the checks of tests/integration/reliability.sh ------------------
t_int80() { # name wrapper
	n=$1
	# -o FILE with a command implies -q, personality lines included: quiet=none
	traced $n 0 "$2" -e quiet=none -o OUT -- /t/int80
	if [ -n "$2" ]; then
		# from the registers alone, int $0x80 in a 64-bit process cannot be
		# told from syscall (strace takes i386's getpid for x86_64's writev
		# too, and decodes its garbage arguments): the names and return
		# values must be strace's under the same filter
		for t in s c; do
			p=$(sed -n 's/^getpid() *= \([0-9]*\)$/\1/p' $W/$n.$t | tail -1)
			hide_ids $W/$n.$t | sed -n -e "s/ = ${p:-PID}\$/ = PID/" -e 's/^\([a-z_0-9]*\)(.*) = \([^ ]*\).*/\1 = \2/p' >$W/$n.$t.r
		done
		cmp -s $W/$n.s.r $W/$n.c.r || { bad="$bad names-or-returns-differ-from-strace"; diff $W/$n.s.r $W/$n.c.r | sed -n '1,30s/^/  ~ /p'; }
		[ -z "$bad" ] && result $n PASS "exit 0; the $(wc -l <$W/$n.c.r) names and return values of strace's under $2" ||
			{ result $n FAIL "$bad"; show $W/$n.cerr; show $W/$n.c; }
		return
	fi
	same_as_strace $n
	# i386 call 20 is getpid, named from the i386 table (x86_64's 20 is writev)
	pid=$(sed -n 's/^\[ Process PID=\([0-9]*\) runs in 32 bit mode. \]$/\1/p' $W/$n.c)
	[ -n "$pid" ] || bad="$bad no-32-bit-mode-line"
	grep -q "^\[ Process PID=$pid runs in 64 bit mode. \]$" $W/$n.c || bad="$bad no-64-bit-mode-line"
	[ "$(awk '/32 bit mode/ { getline; print; exit }' $W/$n.c | tr -s ' ')" = "getpid() = $pid" ] ||
		bad="$bad no-i386-getpid-after-the-32-bit-line"
	awk '/32 bit mode/ { getline; print }' $W/$n.c | grep -q '^writev(' && bad="$bad i386-call-decoded-as-writev"
	[ "$(tail -1 $W/$n.c)" = "+++ exited with 0 +++" ] || bad="$bad last-line"
	grep -q 'syscall_0x' $W/$n.c && bad="$bad unknown-numbers"
	[ -z "$bad" ] && result $n PASS "exit 0; 32 then 64 bit mode lines around getpid() = PID; $(wc -l <$W/$n.c) lines equal to strace's" ||
		{ result $n FAIL "$bad"; show $W/$n.cerr; show $W/$n.c; }
}

# -o FILE CMD: strace's implied -q hides the personality lines
t_int80_o() {
	n=int80-o
	traced $n 0 "" -o OUT -- /t/int80
	grep -q 'bit mode' $W/$n.c && bad="$bad personality-line-despite-implied-q"
	[ "$(grep -c '^getpid() *= [0-9]*$' $W/$n.c)" = 2 ] || bad="$bad not-2-getpid-lines"
	same_as_strace $n
	[ -z "$bad" ] && result $n PASS "exit 0, no personality line, two getpid lines; $(wc -l <$W/$n.c) lines equal to strace's" ||
		{ result $n FAIL "$bad"; show $W/$n.cerr; show $W/$n.c; }
}

# --json: the checks of tests/integration/json.sh; the host checks the lines
t_int80_json() {
	n=int80-json-run
	timeout $TO ctrace --json -e quiet=none -o $W/int80.json /t/int80 >$W/json.out 2>&1; rc=$?
	echo "EXIT-JSON int80-json $rc"
	echo "BEGIN-JSON int80-json"
	cat $W/int80.json
	echo "END-JSON int80-json"
	bad=
	[ $rc = 0 ] || bad="$bad exit:$rc"
	grep -q '"type":"personality"' $W/int80.json || bad="$bad no-personality-event"
	[ -z "$bad" ] && result $n PASS "exit 0, $(wc -l <$W/int80.json) JSON lines with a personality event" ||
		{ result $n FAIL "$bad"; show $W/json.out; }
}

# -- a real i386 program: execve into 32-bit mode, -f, output on stderr ------
t_i386() { # name wrapper
	n=$1
	if [ -z "$I386" ]; then result $n SKIP "the i386 program does not run here (native-i386)"; return; fi
	traced $n 5 "$2" -f -- /t/i386
	# the trace is on stderr; ctrace's notice that it reads registers is not
	grep -v '^ctrace: .*decoding syscalls from registers instead' $W/$n.cerr >$W/$n.c
	cp $W/$n.serr $W/$n.s
	[ "$(cat $W/$n.cout)" = i386 ] || bad="$bad output"
	pid=$(sed -n 's/^\[ Process PID=\([0-9]*\) runs in 32 bit mode. \]$/\1/p' $W/$n.c)
	[ -n "$pid" ] || bad="$bad no-32-bit-mode-line"
	grep -q "^getpid() *= $pid\$" $W/$n.c || bad="$bad getpid(20)"
	grep -q '^write(1, "i386\\n", 5) *= 5$' $W/$n.c || bad="$bad write(4)"
	grep -q '^exit_group(5) *= ?$' $W/$n.c || bad="$bad exit_group(252)"
	# a 32-bit address is no error: 0xf7..., never sign-extended to 64 bits
	# (the comparison with strace below hides addresses)
	grep -q '^mmap2(NULL, 4096, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) *= 0x[0-9a-f]\{1,8\}$' $W/$n.c || bad="$bad mmap2-result"
	grep -q 'syscall_0x' $W/$n.c && bad="$bad unknown-numbers"
	[ "$(tail -1 $W/$n.c)" = "+++ exited with 5 +++" ] || bad="$bad last-line"
	same_as_strace $n
	# -k on a 32-bit process: no unwinder for it, but the trace goes on
	timeout $TO $2 ctrace -k -o $W/$n.k /t/i386 >/dev/null 2>>$W/$n.cerr; rc=$?
	[ $rc = 5 ] || bad="$bad -k-exit:$rc"
	# a frame, if any, is the program's own pc (strace 6.1 prints
	# "unexpected_backtracing_error" there: no oracle)
	grep '^ > ' $W/$n.k | grep -qv '^ > /t/i386() \[0x[0-9a-f]*\]$' && bad="$bad -k-frame-outside-/t/i386"
	[ "$(tail -1 $W/$n.k)" = "+++ exited with 5 +++" ] || bad="$bad -k-last-line"
	[ -z "$bad" ] && result $n PASS "execve into 32 bit mode, i386 getpid/write/exit_group named, exit 5; $(wc -l <$W/$n.c) lines equal to strace's; -k goes on, frames in /t/i386" ||
		{ result $n FAIL "$bad"; show $W/$n.c; show $W/$n.k; }
}

# -e inject= on 32-bit calls: a name selects the call of that name in each
# personality (as -e trace=); strace injects there too
t_i386_inject() {
	n=i386-inject
	if [ -z "$I386" ]; then result $n SKIP "the i386 program does not run here (native-i386)"; return; fi
	# getpid's result is ignored by the program; its write fails with EIO,
	# so nothing reaches stdout, and it still exits 5
	traced $n 5 "" -e inject=getpid:retval=42 -e inject=write:error=EIO -o OUT -- /t/i386
	grep -q '^getpid() *= 42 (INJECTED)$' $W/$n.c || bad="$bad getpid-not-injected"
	grep -q '^write(1, "i386\\n", 5) *= -1 EIO (Input/output error) (INJECTED)$' $W/$n.c || bad="$bad write-not-injected"
	[ -s $W/$n.cout ] && bad="$bad write-reached-stdout"
	same_as_strace $n
	# all: also the calls of the 32-bit table alone (mmap2)
	# (traced sets n and bad: keep them)
	n1=$n bad1=$bad n2=i386-inject-all
	traced $n2 5 "" -e inject=all:delay_exit=1 -o OUT -- /t/i386
	bad="$bad1$bad"
	grep -q '^mmap2(.*) *= 0x[0-9a-f]* (DELAYED)$' $W/$n2.c || bad="$bad mmap2-not-delayed"
	same_as_strace $n2
	[ -z "$bad" ] && result $n1 PASS "getpid() = 42 and write = -1 EIO injected into the i386 program, exit 5; all:delay_exit=1 delays mmap2 too; $(wc -l <$W/$n1.c) and $(wc -l <$W/$n2.c) lines equal to strace's" ||
		{ result $n1 FAIL "$bad"; show $W/$n1.cerr; show $W/$n1.c; show $W/$n2.c; }
}

# -e trace= and inject= select in each personality by its own table, as
# strace's per-personality sets do: a class (%memory: i386's mmap2, which
# x86_64 lacks), a number (20: x86_64's writev, i386's getpid), NAME@32,
# a name of the 32-bit table alone (mmap2) and a regex
t_i386_select() {
	n=i386-select
	if [ -z "$I386" ]; then result $n SKIP "the i386 program does not run here (native-i386)"; return; fi
	traced $n 5 "" -e trace=%memory,20,write@32 -e inject=mmap2:delay_exit=1 \
		-e 'inject=/^write$:error=EIO' -o OUT -- /t/i386
	grep -q '^getpid() *= [0-9]*$' $W/$n.c || bad="$bad no-getpid-by-number"
	grep -q '^write(1, "i386\\n", 5) *= -1 EIO (Input/output error) (INJECTED)$' $W/$n.c || bad="$bad write@32-not-traced-or-injected"
	grep -q '^mmap2(.*) *= 0x[0-9a-f]* (DELAYED)$' $W/$n.c || bad="$bad mmap2-not-traced-by-class-or-delayed"
	grep -q '^execve' $W/$n.c && bad="$bad execve-traced"
	same_as_strace $n
	[ -z "$bad" ] && result $n PASS "%memory, 20 and write@32 select i386's mmap2, getpid and write; inject= by name and by regex on them; $(wc -l <$W/$n.c) lines equal to strace's" ||
		{ result $n FAIL "$bad"; show $W/$n.cerr; show $W/$n.c; }
}

# -- x32: a 64-bit program whose syscall instruction sets the x32 bit -------
# ctrace's x32 table has no decoders (4-byte longs and pointers): its ioctl
# command prints in hex where strace names it
x32_hex_ioctl() { # file
	sed -i 's/^\(\[pid  *[0-9]*\] \)\{0,1\}ioctl(1, TCGETS, NULL)/\1ioctl(1, 0x5401, 0)/' "$1"
}
t_x32() {
	n=x32
	if [ -z "$X32" ]; then result $n SKIP "the x32 program does not run here (native-x32)"; return; fi
	traced $n 7 "" -f -- /t/x32
	cp $W/$n.cerr $W/$n.c
	cp $W/$n.serr $W/$n.s
	x32_hex_ioctl $W/$n.s
	[ "$(cat $W/$n.cout)" = x32 ] || bad="$bad output"
	pid=$(sed -n 's/^\[ Process PID=\([0-9]*\) runs in x32 mode. \]$/\1/p' $W/$n.c)
	[ -n "$pid" ] || bad="$bad no-x32-mode-line"
	grep -q "^getpid() *= $pid\$" $W/$n.c || bad="$bad getpid(0x40000027)"
	grep -q '^write(1, "x32\\n", 4) *= 4$' $W/$n.c || bad="$bad write(0x40000001)"
	grep -q '^ioctl(1, 0x5401, 0) *= -1 ENOTTY (Inappropriate ioctl for device)$' $W/$n.c || bad="$bad ioctl(514)"
	grep -q '^exit_group(7) *= ?$' $W/$n.c || bad="$bad exit_group(0x400000e7)"
	grep -q 'syscall_0x' $W/$n.c && bad="$bad unknown-numbers"
	[ "$(tail -1 $W/$n.c)" = "+++ exited with 7 +++" ] || bad="$bad last-line"
	same_as_strace $n
	[ -z "$bad" ] && result $n PASS "x32 mode line, getpid/write/ioctl(514)/exit_group named from x32's table, exit 7; $(wc -l <$W/$n.c) lines equal to strace's (its ioctl command in hex)" ||
		{ result $n FAIL "$bad"; show $W/$n.c; }
}

# -e trace= and inject= on x32 calls: a number of x32's table alone (514),
# NAME@x32, and NAME@64 / NAME@32 that select none of them
t_x32_select() {
	n=x32-select
	if [ -z "$X32" ]; then result $n SKIP "the x32 program does not run here (native-x32)"; return; fi
	traced $n 7 "" -e trace=514,getpid@x32,write@x32 -e inject=write@x32:error=EIO -o OUT -- /t/x32
	x32_hex_ioctl $W/$n.s
	grep -q '^getpid() *= [0-9]*$' $W/$n.c || bad="$bad getpid@x32-not-traced"
	grep -q '^write(1, "x32\\n", 4) *= -1 EIO (Input/output error) (INJECTED)$' $W/$n.c || bad="$bad write@x32-not-traced-or-injected"
	grep -q '^ioctl(1, 0x5401, 0) *= -1 ENOTTY' $W/$n.c || bad="$bad 514-not-traced"
	grep -q '^execve' $W/$n.c && bad="$bad execve-traced"
	[ -s $W/$n.cout ] && bad="$bad write-reached-stdout"
	same_as_strace $n
	n1=$n bad1=$bad n2=x32-select-none
	traced $n2 7 "" -e trace=getpid@64,write@32,ioctl@64 -o OUT -- /t/x32
	bad="$bad1$bad"
	grep -q '^[a-z]' $W/$n2.c && bad="$bad @64-or-@32-selected-an-x32-call"
	same_as_strace $n2
	[ -z "$bad" ] && result $n1 PASS "514, getpid@x32 and write@x32 select x32's ioctl, getpid and write; inject=write@x32 gives EIO, exit 7; getpid@64,write@32,ioctl@64 select none; $(wc -l <$W/$n1.c) and $(wc -l <$W/$n2.c) lines equal to strace's" ||
		{ result $n1 FAIL "$bad"; show $W/$n1.cerr; show $W/$n1.c; show $W/$n2.c; }
}

# the seccomp fast path: libseccomp's x86_64 filter stops every x32 call
# (its bad-arch action); the selection is applied then
t_x32_fastpath() {
	n=x32-fastpath
	if [ -z "$X32" ]; then result $n SKIP "the x32 program does not run here (native-x32)"; return; fi
	traced $n 7 "" --seccomp-bpf -f -e trace=execve,write@x32 -- /t/x32
	cp $W/$n.cerr $W/$n.c
	cp $W/$n.serr $W/$n.s
	grep -q '^execve(' $W/$n.c || bad="$bad no-execve"
	grep -q '^\[ Process PID=[0-9]* runs in x32 mode. \]$' $W/$n.c || bad="$bad no-x32-mode-line"
	grep -q '^write(1, "x32\\n", 4) *= 4$' $W/$n.c || bad="$bad write@x32-not-traced"
	grep -q '^\(getpid\|ioctl\|exit_group\)' $W/$n.c && bad="$bad unselected-x32-call-traced"
	same_as_strace $n
	n1=$n bad1=$bad n2=x32-fastpath-execve
	traced $n2 7 "" --seccomp-bpf -f -e trace=execve -- /t/x32
	cp $W/$n2.cerr $W/$n2.c
	cp $W/$n2.serr $W/$n2.s
	bad="$bad1$bad"
	grep -q 'x32 mode' $W/$n2.c && bad="$bad mode-line-at-an-unselected-call"
	[ "$(grep -c '^[a-z]' $W/$n2.c)" = 1 ] || bad="$bad not-execve-alone"
	same_as_strace $n2
	[ -z "$bad" ] && result $n1 PASS "--seccomp-bpf -f: x32's write@x32 traced, its other calls not; with trace=execve alone no x32 mode line; $(wc -l <$W/$n1.c) and $(wc -l <$W/$n2.c) lines equal to strace's" ||
		{ result $n1 FAIL "$bad"; show $W/$n1.c; show $W/$n2.c; }
}

# the seccomp fast path and CLONE_UNTRACED in a 32-bit or x32 clone
# (issue #16): the filter's bad-arch action stops every call of these
# personalities; at the clone's stop ctrace clears CLONE_UNTRACED (in ebx
# for a 32-bit program, rbx for int $0x80 in a 64-bit one, rdi for x32),
# so the child is traced and its write, which the filter stops, is
# answered instead of failing with ENOSYS for want of a tracer
t_untraced() { # kind: i386, int80, x32
	n=$1-untraced
	case $1 in
	i386) [ -n "$I386" ] || { result $n SKIP "the i386 program does not run here (native-i386)"; return; } ;;
	x32) [ -n "$X32" ] || { result $n SKIP "the x32 program does not run here (native-x32)"; return; } ;;
	esac
	traced $n 0 "" --seccomp-bpf -f -e trace=write -o OUT -- /t/untraced-$1
	# strace 6.1 leaves the flag alone (src/clone.c: a TODO): its child
	# runs untraced under the filter and its write fails (ENOSYS), the
	# child exits 1; not compared, shown
	echo "  | strace 6.1: exit $src, stdout '$(cat $W/$n.sout)':"
	show $W/$n.s
	[ "$(cat $W/$n.cout)" = child ] || bad="$bad child-output"
	grep -q '^[0-9][0-9]*  *write(1, "child\\n", 6) *= 6$' $W/$n.c || bad="$bad child-write-not-traced"
	grep -q ENOSYS $W/$n.c && bad="$bad ENOSYS"
	[ "$(grep -c '^[0-9][0-9]*  *+++ exited with 0 +++$' $W/$n.c)" = 2 ] || bad="$bad not-2-exits-with-0"
	grep -q 'fast path not used' $W/$n.cerr && bad="$bad no-fast-path"
	[ -z "$bad" ] && { result $n PASS "--seccomp-bpf -f -e trace=write: the child of clone(CLONE_UNTRACED|SIGCHLD) is traced, its write = 6, both exit 0"; show $W/$n.c; } ||
		{ result $n FAIL "$bad"; show $W/$n.cerr; show $W/$n.c; }
}

# x32 calls with a number of the 64-bit ABI alone (13, 16): named
# NAME#64 as strace names them, their arguments in hex, ENOSYS; selected
# by number@x32, by that name and by a regex as in strace
t_x32_64() {
	n=x32-64
	if [ -z "$X32" ]; then result $n SKIP "the x32 program does not run here (native-x32)"; return; fi
	traced $n 3 "" -f -o OUT -- /t/x32-64
	grep -q '^rt_sigaction#64(0x1, 0, 0, 0x8) *= -1 ENOSYS' $W/$n.c || bad="$bad no-rt_sigaction#64"
	grep -q '^ioctl#64(0x1, 0x5401, 0) *= -1 ENOSYS' $W/$n.c || bad="$bad no-ioctl#64"
	grep -q 'syscall_0x' $W/$n.c && bad="$bad unknown-numbers"
	same_as_strace $n
	n1=$n bad1=$bad n2=x32-64-select
	traced $n2 3 "" -e 'trace=13@x32,ioctl#64@x32' -o OUT -- /t/x32-64
	bad="$bad1$bad"
	[ "$(grep -c '^[a-z]' $W/$n2.c)" = 2 ] || bad="$bad 13@x32,ioctl#64@x32-not-2-lines"
	same_as_strace $n2
	n3=x32-64-regex
	traced $n3 3 "" -e 'trace=/^rt_sig' -o OUT -- /t/x32-64
	grep -q '^rt_sigaction#64(' $W/$n3.c || bad="$bad regex-missed-rt_sigaction#64"
	same_as_strace $n3
	[ -z "$bad" ] && result $n1 PASS "x32's 13 and 16 print as rt_sigaction#64 and ioctl#64 (hex arguments, ENOSYS), exit 3; 13@x32,ioctl#64@x32 and /^rt_sig select them; $(wc -l <$W/$n1.c), $(wc -l <$W/$n2.c) and $(wc -l <$W/$n3.c) lines equal to strace's" ||
		{ result $n1 FAIL "$bad"; show $W/$n1.cerr; show $W/$n1.c; show $W/$n2.cerr; show $W/$n2.c; show $W/$n3.c; }
}

# -- -c: each personality's calls counted by its own table -------------------
# the deterministic part of -c's tables in $1 (times differ from run to
# run): the "System call usage summary for MODE mode:" lines, the column
# headers, and of each row its name, calls and errors; with sort=time the
# rows of each table in name order (their order is the times')
summary_rows() { # file sort
	awk -v sort=$2 '
		/^% time/ { t++ }
		/^System call usage summary/ { t++; print t, 0, $0; next }
		/^% time/ { print t, 0, $0; part = 1; next }
		/^------/ { if (part == 2) part = 3; print t, part, $0; if (part == 1) part = 2; next }
		/^ *[0-9]+\.[0-9][0-9] / {
			row = NF == 6 ? $4 " " $5 " " $6 : $4 " - " $5
			print t, part, (sort == "time" ? $NF " " row : row); next }
	' "$1" | { [ "$2" = time ] && sort -s -k1,1n -k2,2n -k3,3 || cat; }
}
t_summary_personality() {
	tn=summary-personality
	all= runs=0
	# int80: a dynamic 64-bit program (errors in its host table) with
	# one getpid in each personality
	for p in int80:0 ${I386:+i386:5} ${X32:+x32:7}; do
		prog=${p%:*} st=${p#*:} first= variants="-c:time"
		[ $prog = int80 ] || variants="-c:time|-c -S name:name|-C:time|--summary-only -S name -U name,calls,errors:exact"
		IFS='|'
		# shellcheck disable=SC2086
		set -- $variants
		unset IFS
		for v; do
			opts=${v%:*} how=${v##*:} k=$tn-$prog-$runs runs=$((runs + 1))
			[ -z "$first" ] && first=$k
			# traced sets n and bad
			# shellcheck disable=SC2086
			traced $k $st "" $opts -o OUT -- /t/$prog
			if [ $how = exact ]; then
				cmp -s $W/$k.s $W/$k.c || { bad="$bad differs-from-strace"; diff $W/$k.s $W/$k.c | sed -n '1,20s/^/  ~ /p'; }
			else
				summary_rows $W/$k.s $how >$W/$k.s.r
				summary_rows $W/$k.c $how >$W/$k.c.r
				cmp -s $W/$k.s.r $W/$k.c.r || { bad="$bad rows-differ-from-strace"; diff $W/$k.s.r $W/$k.c.r | sed -n '1,20s/^/  ~ /p'; }
			fi
			[ -n "$bad" ] && { all="$all $prog[$opts]:$bad"; show $W/$k.c; }
		done
		# ctrace's own table, whatever strace says: the program's calls
		# under the header of their mode, named from its table
		case $prog in
		int80) mode="32 bit" calls="getpid" ;;
		i386) mode="32 bit" calls="getpid mmap2 write" ;;
		x32) mode=x32 calls="getpid ioctl write" ;;
		esac
		k=$first
		[ "$(grep -c '^System call usage summary for' $W/$k.c)" = 1 ] &&
			grep -q "^System call usage summary for $mode mode:\$" $W/$k.c || all="$all $prog:no-$mode-mode-header"
		[ "$(sed -n '/^System call usage summary/,$p' $W/$k.c | awk '/^ *[0-9]+\.[0-9][0-9] / && $NF != "total" { print $NF }' | sort | tr '\n' ' ')" = "$calls " ] ||
			all="$all $prog:not-$(echo $calls | tr ' ' ,)-under-the-header"
		grep -q ' \(writev\|unknown\)$' $W/$k.c && all="$all $prog:writev-or-unknown-row"
	done
	[ -z "$all" ] && result $tn PASS "-c on /t/int80; -c, -c -S name, -C and --summary-only -S name -U name,calls,errors on ${I386:+/t/i386 }${X32:+/t/x32 }($runs runs): one table per personality, the program's calls under \"System call usage summary for 32 bit mode:\" / \"x32 mode:\", rows (names, calls, errors) equal to strace's" ||
		result $tn FAIL "$all"
}

want int80 && t_int80 int80 ""
want int80-o && t_int80_o
want int80-json && t_int80_json
want i386 && t_i386 i386 ""
want i386-inject && t_i386_inject
want i386-select && t_i386_select
want x32 && t_x32
want x32-select && t_x32_select
want x32-fastpath && t_x32_fastpath
want i386-untraced && t_untraced i386
want int80-untraced && t_untraced int80
want x32-untraced && t_untraced x32
want x32-64 && t_x32_64
want summary-personality && t_summary_personality
# the same where PTRACE_GET_SYSCALL_INFO fails (a kernel < 5.3): ctrace
# tells the personality from the registers (arch/x86_64/regs.c)
want int80-regs && t_int80 int80-regs nosysinfo
want i386-regs && t_i386 i386-regs nosysinfo
vm_done
