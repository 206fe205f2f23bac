#!/bin/bash
# ctrace exits with the traced command's status; when the command is
# killed by a signal, ctrace dies of the same signal (as strace does).
. "$(dirname "$0")/lib.sh"
rc=0
for code in 0 1 7 255; do
	"$CTRACE" -o /dev/null sh -c "exit $code"; st=$?
	[ $st = $code ] && echo "ok: exit $code" || { echo "FAIL: exit $code gave $st"; rc=1; }
done
for sig in TERM KILL SEGV USR1; do
	"$CTRACE" -o "$TMP/t.txt" sh -c "kill -$sig \$\$"; st=$?
	want=$((128 + $(kill -l $sig)))
	[ $st = $want ] || { echo "FAIL: killed by SIG$sig: status $st, expected $want"; rc=1; continue; }
	grep -q "^+++ killed by SIG$sig\( (core dumped)\)\? +++\$" "$TMP/t.txt" ||
		{ echo "FAIL: no '+++ killed by SIG$sig +++' line"; tail -2 "$TMP/t.txt"; rc=1; continue; }
	echo "ok: killed by SIG$sig -> $st"
done
tail -1 "$TMP/t.txt" | grep -q '^+++ killed by SIGUSR1 +++$' || rc=1
exit $rc
