#!/bin/bash
# strace 6.1's options, compared with strace itself on the same workload:
# the two traces must be the same once pids, addresses and instruction
# pointers are blanked (keeping their width, so -a alignment is compared).
. "$(dirname "$0")/lib.sh"
need_strace
rc=0
printf 'abc\001\200\n' > "$TMP/data"
# dash, no child: the same syscalls under both tracers
WORK=(sh -c 'trap "echo usr1" USR1; echo hi; read -r x <"$0"; echo "$x" >/dev/null; kill -USR1 $$' "$TMP/data")
SET=getpid,write,read,openat,close

norm() {
	perl -pe 's/\b0x[0-9a-f]{6,}\b/0xADDR/g; s/\[([0-9a-f]{16})\]/"[" . ("X" x 16) . "]"/ge;
		s/\b\d{3,}\b/N/g' "$1"
}

# same NAME OPTS... : trace WORK under both with OPTS, compare
same() {
	local name=$1; shift
	( "$STRACE" -o "$TMP/$name.s" "$@" "${WORK[@]}" >/dev/null 2>&1 )
	( "$CTRACE" -o "$TMP/$name.c" "$@" "${WORK[@]}" >/dev/null 2>"$TMP/$name.err" )
	if ! diff <(norm "$TMP/$name.s") <(norm "$TMP/$name.c") >"$TMP/$name.diff"; then
		echo "FAIL: $name: ctrace $* differs from strace:"
		cat "$TMP/$name.err" "$TMP/$name.diff"
		rc=1
	fi
}

same columns-a -a 20 -e trace=$SET
same columns-long --columns=60 -e trace=$SET
same columns-0 -a0 -e trace=$SET
same syscall-number -n -e trace=$SET
same instruction-pointer -i -e trace=$SET
same ip-and-number --instruction-pointer --syscall-number -e trace=$SET
same trace-long --trace=$SET
same signal-long --signal=none --trace=$SET
same status-long --status=successful --trace=$SET
same raw-long --raw=openat --trace=$SET
same quiet-exit -e quiet=exit -e trace=$SET
same quiet-long --quiet=exit,attach --trace=$SET
same quiet-qq -qq -e trace=$SET
same strings-in-hex --strings-in-hex=all -e trace=$SET
same strings-in-hex-nonascii --strings-in-hex=non-ascii -e trace=$SET
same strings-in-hex-chars --strings-in-hex=non-ascii-chars -e trace=$SET
same const-print-style --const-print-style=raw -e trace=$SET
same decode-fds --decode-fds=path -e trace=$SET
same decode-fds-e -e decode-fds=path -e trace=$SET

# -A / --output-append-mode: the old content stays, the trace follows
echo "old line" > "$TMP/app.s"; cp "$TMP/app.s" "$TMP/app.c"
( "$STRACE" -A -o "$TMP/app.s" -e trace=$SET "${WORK[@]}" >/dev/null 2>&1 )
( "$CTRACE" --output-append-mode -o "$TMP/app.c" -e trace=$SET "${WORK[@]}" >/dev/null 2>&1 )
diff <(norm "$TMP/app.s") <(norm "$TMP/app.c") || { echo "FAIL: -A differs from strace"; rc=1; }

[ $rc = 0 ] && echo "ok: strace-options"
exit $rc
