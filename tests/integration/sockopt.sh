#!/bin/bash
# Differential test of getsockopt/setsockopt values (src/decode_sockopt.c):
# the calls of tests/helpers/sockopts under strace 6.1 and ctrace must
# print the same lines (stack addresses aside), in each -X style.
. "$(dirname "$0")/lib.sh"
need_strace
[ -x "$HELPERS/sockopts" ] || fail "$HELPERS/sockopts not built"
tmp=$TMP
fail=0
for x in abbrev raw verbose; do
	strace -qq -X$x -o "$tmp/s.$x" -e trace=getsockopt,setsockopt "$HELPERS/sockopts"
	"$CTRACE" -qq -X$x -o "$tmp/c.$x" -e trace=getsockopt,setsockopt "$HELPERS/sockopts"
	# stack addresses differ from run to run
	sed -i -E 's/0x7ff[0-9a-f]+/ADDR/g' "$tmp/s.$x" "$tmp/c.$x"
	if ! grep -q 'ICMP_FILTER\|0x1,' "$tmp/c.$x" || [ "$(wc -l < "$tmp/c.$x")" -lt 15 ]; then
		echo "FAIL: -X$x: ctrace traced too few calls"
		fail=1
	elif ! diff -u "$tmp/s.$x" "$tmp/c.$x"; then
		echo "FAIL: -X$x: ctrace's lines differ from strace's"
		fail=1
	else
		echo "ok: -X$x ($(wc -l < "$tmp/c.$x") lines)"
	fi
done
exit $fail
