#!/bin/bash
# The preflight's probe child (src/check/preflight.c, probe_child_needed()):
# 1. no seccomp filter on ctrace (Seccomp: 0): no probe child; ctrace forks
#    only the command it traces (counted with strace -c on ctrace alone);
# 2. under a seccomp filter (here an allow-all one): the probe child is
#    forked, and the trace is the same;
# 3. under a filter that kills on ptrace: the probe child dies, not ctrace,
#    which says why before tracing and exits 1 (not SIGSYS);
# 4. under a filter that fails ptrace with EPERM: said before tracing.
# The filters are put on ctrace as a container's profile would be, by
# tests/helpers/seccompexec; each is first proven natively.
. "$(dirname "$0")/lib.sh"
need_ptrace
need_strace
rc=0
SX=$HELPERS/seccompexec
# LeakSanitizer (the ASan build) stops the process with ptrace at exit:
# under strace -c and the ptrace filters of this test it fails, and the
# sanitizer's own error is not ctrace's (as in xlat_vs_strace.sh)
ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export ASAN_OPTIONS
[ -x "$SX" ] || fail "$SX not built"

# forks of ctrace alone (strace without -f: ctrace's children are ctrace's)
forks_of() {
	awk '$NF ~ /^(clone|clone3|fork|vfork)$/ { n += $4 } END { print n + 0 }' "$1"
}

# 1. no filter here?
if grep -q '^Seccomp:[[:space:]]*0$' /proc/self/status; then
	"$STRACE" -c -o "$TMP/c0" "$CTRACE" -o "$TMP/t0" true 2>"$TMP/e0"; st=$?
	[ $st = 0 ] || { echo "FAIL: ctrace true under strace -c: status $st"; cat "$TMP/e0"; rc=1; }
	n=$(forks_of "$TMP/c0")
	[ "$n" = 1 ] || { echo "FAIL: without a seccomp filter ctrace forked $n times (want 1: the command, no probe child)"; cat "$TMP/c0"; rc=1; }
	grep -q '^execve("/usr/bin/true\|^execve(".*/true"' "$TMP/t0" ||
		{ echo "FAIL: no execve of true in the trace"; head -3 "$TMP/t0"; rc=1; }
	[ -s "$TMP/e0" ] && { echo "FAIL: unexpected messages:"; cat "$TMP/e0"; rc=1; }
else
	echo "SKIP (part 1): this test runs under a seccomp filter already"
fi

# 2. an allow-all filter: the probe child is forked again
if machine_can seccomp "an allow-all seccomp filter" "$SX" allow true; then
	"$SX" allow "$STRACE" -c -o "$TMP/c1" "$CTRACE" -o "$TMP/t1" true 2>"$TMP/e1"; st=$?
	[ $st = 0 ] || { echo "FAIL: ctrace true under an allow-all filter: status $st"; cat "$TMP/e1"; rc=1; }
	n=$(forks_of "$TMP/c1")
	[ "$n" -ge 2 ] || { echo "FAIL: under a seccomp filter ctrace forked $n times (want the probe child and the command)"; cat "$TMP/c1"; rc=1; }
	[ -s "$TMP/e1" ] && { echo "FAIL: unexpected messages:"; cat "$TMP/e1"; rc=1; }
fi

# 3. ptrace kills: a tracer that calls ptrace itself (strace) dies of SIGSYS
if machine_can seccomp-kill "a seccomp filter that kills on ptrace" "$SX" kill-ptrace true; then
	{ "$SX" kill-ptrace "$STRACE" -o /dev/null true </dev/null >/dev/null 2>&1; } 2>/dev/null; st=$?
	if [ $st != $((128 + 31)) ]; then
		echo "FAIL: strace under the kill filter gave status $st, not SIGSYS (159): the filter is not what this test means"; rc=1
	fi
	{ "$SX" kill-ptrace "$CTRACE" -o /dev/null true 2>"$TMP/e2"; } 2>/dev/null; st=$?
	[ $st = 1 ] || { echo "FAIL: ctrace under a filter that kills on ptrace: status $st (want 1; 159 is ctrace killed by SIGSYS)"; cat "$TMP/e2"; rc=1; }
	grep -Eq "^$CTRACE: cannot trace a new program: ptrace is fatal under (a seccomp filter|the container's seccomp profile) \(the process is killed by SIGSYS\)" "$TMP/e2" ||
		{ echo "FAIL: no explanation before tracing:"; cat "$TMP/e2"; rc=1; }
fi

# 4. ptrace fails with EPERM
if machine_can seccomp-eperm "a seccomp filter that fails ptrace" "$SX" eperm-ptrace true; then
	"$SX" eperm-ptrace "$CTRACE" -o /dev/null true 2>"$TMP/e3"; st=$?
	[ $st = 1 ] || { echo "FAIL: ctrace under a filter that fails ptrace: status $st (want 1)"; cat "$TMP/e3"; rc=1; }
	grep -Eq "^$CTRACE: cannot trace a new program: ptrace is blocked by (a seccomp filter|the container's seccomp profile) \(EPERM\)" "$TMP/e3" ||
		{ echo "FAIL: no explanation before tracing:"; cat "$TMP/e3"; rc=1; }
fi

[ $rc = 0 ] && pass "preflight: probe child only under a seccomp filter, explained there"
exit $rc
