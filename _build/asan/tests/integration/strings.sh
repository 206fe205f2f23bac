#!/bin/bash
# Buffers are quoted exactly like strace: escapes, octal/hex forms, -s
# truncation, -x and -xx.
. "$(dirname "$0")/lib.sh"
need_strace
rc=0
for opts in "" "-s 8" "-s 0" "-s 300" "-x" "-xx" "-x -s 5"; do
	# shellcheck disable=SC2086
	"$STRACE" -e trace=write $opts -o "$TMP/s.txt" "$HELPERS/bytes"
	# shellcheck disable=SC2086
	"$CTRACE" -e trace=write $opts -o "$TMP/c.txt" "$HELPERS/bytes"
	grep '^write(' "$TMP/s.txt" >"$TMP/s.w"; grep '^write(' "$TMP/c.txt" >"$TMP/c.w"
	[ -s "$TMP/s.w" ] || { echo "FAIL: strace printed no write lines"; rc=1; continue; }
	if ! diff -u "$TMP/s.w" "$TMP/c.w" >"$TMP/d.txt"; then
		echo "FAIL: options '$opts':"; head -20 "$TMP/d.txt"; rc=1
	else
		echo "ok '$opts' ($(wc -l <"$TMP/c.w") lines)"
	fi
done
exit $rc
