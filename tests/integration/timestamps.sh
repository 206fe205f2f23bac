#!/bin/bash
# -t -tt -ttt -r -T and the long forms with precisions: the same line
# shapes as strace 6.1 (digits differ from run to run, so they are masked).
. "$(dirname "$0")/lib.sh"
need_strace
rc=0
shape() { sed -E 's/0x[0-9a-f]+/ADDR/g; s/[0-9]/D/g' "$1"; }
for o in "-t" "-tt" "-ttt" "-r" "-T" "-ttt -T" "-tt -r" "-t -r -T" \
	"--absolute-timestamps" "--absolute-timestamps=format:unix,precision:ms" \
	"--absolute-timestamps=precision:ns" "--absolute-timestamps=unix,us" \
	"--relative-timestamps=ms" "--syscall-times=ns" "--syscall-times=s" "--timestamps=format:time"; do
	# shellcheck disable=SC2086
	"$STRACE" $o -e trace=brk,exit_group -o "$TMP/s" true
	# shellcheck disable=SC2086
	"$CTRACE" $o -e trace=brk,exit_group -o "$TMP/c" true
	if diff <(shape "$TMP/s") <(shape "$TMP/c") >"$TMP/d"; then
		echo "ok: $o"
	else
		echo "FAIL: $o"; cat "$TMP/d"; rc=1
	fi
done
# bad arguments: strace's message (past the program name) and status 1
for o in --syscall-times=fortnights --absolute-timestamps=format:bogus; do
	"$STRACE" $o true 2>"$TMP/e.s"; s=$?
	"$CTRACE" $o true 2>"$TMP/e.c"; c=$?
	if [ $c != 1 ] || [ $s != $c ] || ! diff <(sed 's/^strace\b//' "$TMP/e.s") \
		<(sed "s|^$CTRACE||; s|'$CTRACE -h'|'strace -h'|" "$TMP/e.c"); then
		echo "FAIL: $o: exit $c (strace $s), or a message other than strace's"; rc=1
	fi
done
exit $rc
