#!/bin/bash
# ctrace and strace 6.1 see the same syscalls with the same return values
# and the same exit status for simple commands.
. "$(dirname "$0")/lib.sh"
need_strace
echo "hello ctrace" >"$TMP/file.txt"
rc=0
check() {
	local name=$1; shift
	trace_both "$name" "$@"
	if [ "$S_RC" != "$C_RC" ]; then
		echo "FAIL $name: exit status strace=$S_RC ctrace=$C_RC"; rc=1; return
	fi
	if ! cmp -s "$TMP/$name.s.stdout" "$TMP/$name.c.stdout"; then
		echo "FAIL $name: the command's output differs under ctrace"; rc=1; return
	fi
	if compare_calls "$name"; then
		echo "ok $name ($(grep -vc '^##' "$TMP/$name.c.calls") lines)"
	else
		rc=1
	fi
}
# the comparison itself: a return value equal to the other tool's pid
# (ctrace's tracee is 832, strace's read returns 832) is no difference
printf 'read(3, "x"..., 832) = 832\n+++ exited with 0 +++\n' >"$TMP/collide.s.100"
printf 'read(3, "x"..., 832) = 832\n+++ exited with 0 +++\n' >"$TMP/collide.c.832"
if compare_calls collide >/dev/null; then
	echo "ok: a value equal to one tool's pid is hidden in both traces"
else
	echo "FAIL: compare_calls: read = 832 differs when 832 is ctrace's pid"; rc=1
fi
rm -f "$TMP"/collide.*
check true -- true
check false -- false
check ls -- ls -la /usr/share/doc/bash
check cat -- cat "$TMP/file.txt"
check missing -- ls /nonexistent-path
check sh_exit -- sh -c 'exit 42'
# the command's signal dispositions are those it would have without ctrace
# (ctrace's own handlers and its ignored SIGPIPE are not inherited; what the
# caller ignored stays ignored, as with `cmd &` in a script)
for ign in "" "INT QUIT" "INT QUIT PIPE TERM HUP ALRM"; do
	# shellcheck disable=SC2086
	native=$([ -z "$ign" ] || trap '' $ign; awk '/^SigIgn:/ {print $2}' /proc/self/status)
	# shellcheck disable=SC2086
	traced=$([ -z "$ign" ] || trap '' $ign; "$CTRACE" -o /dev/null awk '/^SigIgn:/ {print $2}' /proc/self/status)
	[ "$native" = "$traced" ] && echo "ok: ignored signals '${ign:-none}': SigIgn $traced" ||
		{ echo "FAIL: with '${ign:-no}' signals ignored: SigIgn $native natively, $traced under ctrace"; rc=1; }
done
# the command's parent is ctrace's process for as long as it runs: ctrace
# starts it from a spawner thread (src/stop.c), the parent thread whose exit
# would send the command its PR_SET_PDEATHSIG signal; -u forks instead
pdeath() { # label ctrace-options...
	local label=$1 cpid prc; shift
	"$CTRACE" -o /dev/null "$@" "$HELPERS/pdeath" >"$TMP/pdeath.out" 2>&1 &
	cpid=$!
	wait $cpid; prc=$?
	if [ $prc = 0 ] && [ "$(sed -n 1p "$TMP/pdeath.out")" = "$cpid" ] &&
	   [ "$(sed -n 2p "$TMP/pdeath.out")" = alive ]; then
		echo "ok: $label: the command's parent is ctrace ($cpid) and its PR_SET_PDEATHSIG never fires"
	else
		echo "FAIL: $label: exit $prc, ctrace $cpid, the command printed:"; cat "$TMP/pdeath.out"; rc=1
	fi
}
pdeath "spawn"
pdeath "spawn, fast path" -f -e trace=execve
[ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1 && pdeath "spawn as -u nobody" -u nobody
exit $rc
