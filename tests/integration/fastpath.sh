#!/bin/bash
# The filtered fast path (seccomp-bpf): used automatically for -f -e trace=
# subsets of a command ctrace starts (as strace's --seccomp-bpf, only with
# -f), same output as without it, children created with CLONE_UNTRACED
# cannot escape it, and it says why when it is not used.
. "$(dirname "$0")/lib.sh"
rc=0
# pids, addresses and random bytes differ from run to run
norm() { sed -E 's/^[0-9]+ +/[pid N] /; s/0x[0-9a-f]+/ADDR/g; s/= [0-9]+$/= NUM/;
	s/si_pid=[0-9]+/si_pid=N/; s/^(\[pid N\] )?getrandom\(".*", /getrandom(BYTES, /; s/ +=/ =/' "$1" |
	# whether SIGCHLD arrives before or during wait4 is a race in the
	# shell itself, with or without the fast path
	grep -Ev '^(\[pid N\] )?(wait4\(|rt_sigreturn\(|--- SIGCHLD )'; }

# 1. in use: the tracee runs under a seccomp filter (Seccomp: 2)
"$CTRACE" -f -o /dev/null -e trace=openat cat /proc/self/status >"$TMP/st" 2>"$TMP/err"
grep -q '^Seccomp:[[:space:]]2$' "$TMP/st" || { echo "FAIL: fast path not in use"; grep Seccomp "$TMP/st"; cat "$TMP/err"; rc=1; }
[ -s "$TMP/err" ] && { echo "FAIL: unexpected messages:"; cat "$TMP/err"; rc=1; }
# without -f no filter: a child must stay free to be traced by its parent
"$CTRACE" -o /dev/null -e trace=openat cat /proc/self/status >"$TMP/st"
grep -q '^Seccomp:[[:space:]]0$' "$TMP/st" || { echo "FAIL: filter installed without -f"; rc=1; }
"$CTRACE" --seccomp-bpf -o /dev/null -e trace=openat true 2>"$TMP/e"
grep -qx "$CTRACE: --seccomp-bpf cannot be used without -f/--follow-forks, disabling" "$TMP/e" ||
	{ echo "FAIL: no strace message for --seccomp-bpf without -f"; cat "$TMP/e"; rc=1; }
if command -v strace >/dev/null; then
	# a traced program that traces its own child (strace here, gdb alike)
	"$CTRACE" -o /dev/null -e trace=openat strace -o /dev/null true; st=$?
	[ $st = 0 ] || { echo "FAIL: a tracer traced without -f could not trace its child (status $st)"; rc=1; }
fi
"$CTRACE" -f --no-seccomp-bpf -o /dev/null -e trace=openat cat /proc/self/status >"$TMP/st"
grep -q '^Seccomp:[[:space:]]0$' "$TMP/st" || { echo "FAIL: --no-seccomp-bpf still filtered"; rc=1; }
# full tracing needs no filter
"$CTRACE" -o /dev/null cat /proc/self/status >"$TMP/st"
grep -q '^Seccomp:[[:space:]]0$' "$TMP/st" || { echo "FAIL: filter installed for a full trace"; rc=1; }

# 2. same output with and without it (-ff: one file per process, since the
# interleaving of processes in one stream depends on scheduling)
cmd=(sh -c 'cat /etc/hostname >/dev/null; ls / >/dev/null; echo x')
joined() { for p in $(pids_of "$1"); do echo "## process"; norm "$TMP/$1.$p"; done; }
for expr in "trace=openat,execve,write" "trace=%file" "trace=!mmap,mprotect,brk" "trace=clone,clone3,wait4,exit_group"; do
	rm -f "$TMP"/fa.* "$TMP"/fb.*
	"$CTRACE" -ff -e "$expr" -o "$TMP/fa" --seccomp-bpf "${cmd[@]}" >/dev/null
	"$CTRACE" -ff -e "$expr" -o "$TMP/fb" --no-seccomp-bpf "${cmd[@]}" >/dev/null
	if ! diff <(joined fa) <(joined fb) >"$TMP/d"; then
		echo "FAIL: '-ff -e $expr' differs with the fast path:"; head -10 "$TMP/d"; rc=1
	else
		echo "ok: '-ff -e $expr' identical ($(pids_of fa | wc -l) processes)"
	fi
done

# 3. children are traced: they never get ENOSYS; without -f (no filter)
# they run untraced
"$CTRACE" -o "$TMP/u" -f -e trace=openat "$HELPERS/untraced"; st=$?
[ $st = 0 ] || { echo "FAIL: CLONE_UNTRACED children failed under the fast path (status $st)"; rc=1; }
n=$(grep -c '^[0-9][0-9]*  *openat(AT_FDCWD, "/dev/null"' "$TMP/u")
[ "$n" = 2 ] || { echo "FAIL: $n CLONE_UNTRACED children's openat shown, expected 2"; cat "$TMP/u"; rc=1; }
"$CTRACE" -o "$TMP/u" -e trace=openat "$HELPERS/untraced"; st=$?
[ $st = 0 ] || { echo "FAIL: without -f, children failed under the fast path (status $st)"; rc=1; }
grep -q '/dev/null' "$TMP/u" && { echo "FAIL: without -f, children's calls were printed"; rc=1; }
"$CTRACE" -o /dev/null -e trace=write sh -c 'sh -c "echo nested" > "$0"' "$TMP/nested"
grep -qx nested "$TMP/nested" || { echo "FAIL: a grandchild's write did not happen"; rc=1; }

# 4. it says why it is not used
"$CTRACE" -f --seccomp-bpf -o /dev/null true 2>"$TMP/e"
grep -q "fast path not used: every syscall is traced" "$TMP/e" || { echo "FAIL: no notice for a full trace"; rc=1; }
sleep 5 & sp=$!
"$CTRACE" -f --seccomp-bpf -e trace=write -p $sp -o /dev/null 2>"$TMP/e" & ct=$!
sleep 0.3; kill -INT $ct; wait $ct; kill $sp
grep -qx "$CTRACE: --seccomp-bpf is not enabled for processes attached with -p" "$TMP/e" ||
	{ echo "FAIL: no strace message for --seccomp-bpf -p"; cat "$TMP/e"; rc=1; }
# set-user-ID program, tracer without CAP_SYS_ADMIN
if command -v setpriv >/dev/null && [ "$(id -u)" = 0 ] && [ -u /usr/bin/passwd ]; then
	setpriv --reuid=65534 --regid=65534 --clear-groups "$CTRACE" -f -e trace=write -o /dev/null \
		/usr/bin/passwd --help >/dev/null 2>"$TMP/e"
	grep -q "fast path not used: the program is set-user-ID" "$TMP/e" ||
		{ echo "FAIL: no notice for a set-user-ID program"; cat "$TMP/e"; rc=1; }
else
	echo "SKIP: set-user-ID case: needs root, setpriv and a set-user-ID /usr/bin/passwd"
fi
# a filter the kernel refuses to load (the budget of a process's filters
# spent by seccompexec full): ctrace says so, stops at every syscall from
# the exec on (the exec itself, which the filter was to stop, is not
# shown: docs/design.md, "Spawn"), and the command runs
if "$HELPERS/seccompexec" full true; then
	out=$("$HELPERS/seccompexec" full "$CTRACE" -f -e trace=execve,exit_group -o "$TMP/full.trace" /bin/echo hi 2>"$TMP/e"); st=$?
	if [ $st = 0 ] && [ "$out" = hi ] && grep -Eq '^([0-9]+ +)?exit_group\(0\) += \?$' "$TMP/full.trace" &&
	   grep -q "fast path not used: the filter could not be loaded (Cannot allocate memory); stopping at every syscall" "$TMP/e"; then
		echo "ok: a filter the kernel refuses: said, the command runs traced (exit $st)"
	else
		echo "FAIL: a filter the kernel refuses: exit $st, output '$out'"; cat "$TMP/e" "$TMP/full.trace"; rc=1
	fi
else
	echo "SKIP: a filter the kernel refuses: 'seccompexec full true' fails without ctrace (exit $?)"
fi
[ $rc = 0 ] && echo "ok: fast path"
exit $rc
