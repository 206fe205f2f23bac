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

# The buffer of a read or write is the only read at its stop: ctrace
# reads the bytes the line shows, not the whole page around them (dd
# bs=1: 1 byte per call, not 4096; issue 20).  Counted with strace on
# ctrace itself.
# (LeakSanitizer of the ASan build cannot run under strace: off)
if ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}" \
	"$STRACE" -qq -e signal=none -e trace=process_vm_readv -o "$TMP/pv.txt" \
	"$CTRACE" -o /dev/null dd if=/dev/zero of=/dev/null bs=1 count=50 2>/dev/null; then
	one=$(grep -c 'iov_len=1}\], 1, 0) = 1$' "$TMP/pv.txt")
	if [ "$one" -ge 100 ]; then
		echo "ok: dd bs=1: $one reads of 1 byte for 50 reads and 50 writes"
	else
		echo "FAIL: dd bs=1: $one reads of 1 byte (want 100: one per read and write buffer):"
		grep -v 'iov_len=1}' "$TMP/pv.txt" | cut -c1-160 | sort | uniq -c | sort -rn | head -5; rc=1
	fi
else
	echo "FAIL: strace -e trace=process_vm_readv ctrace dd failed"; rc=1
fi
exit $rc
