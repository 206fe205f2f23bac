#!/bin/bash
# -c / -C / -S / -U / -w: the summary table matches strace 6.1's: the same
# rows, counts, errors and layout (times differ from run to run, so they
# are compared by format only).
. "$(dirname "$0")/lib.sh"
need_strace
rc=0
cmd=(ls -la /usr/share/doc/bash)
for U in "name,calls,errors" "calls,errors,name" "errors,name"; do
	for S in calls name errors; do
		"$STRACE" -c -S $S -U $U -o "$TMP/s" "${cmd[@]}" >/dev/null
		"$CTRACE" -c -S $S -U $U -o "$TMP/c" "${cmd[@]}" >/dev/null
		if ! diff -u "$TMP/s" "$TMP/c" >"$TMP/d"; then
			echo "FAIL: -c -S $S -U $U differs:"; head -20 "$TMP/d"; rc=1
		fi
	done
done
[ $rc = 0 ] && echo "ok: -S/-U tables identical to strace's"

# default columns: same header, same rows (name, calls, errors), times well-formed
"$STRACE" -c -o "$TMP/s" "${cmd[@]}" >/dev/null
"$CTRACE" -c -o "$TMP/c" "${cmd[@]}" >/dev/null
head -2 "$TMP/s" >"$TMP/sh"; head -2 "$TMP/c" >"$TMP/ch"
diff -u "$TMP/sh" "$TMP/ch" || { echo "FAIL: header differs"; rc=1; }
rows() { awk 'NR>2 && !/^-/ { if (NF == 6) print $4, $5, $6; else print $4, "-", $5 }' "$1" | sort; }
diff -u <(rows "$TMP/s") <(rows "$TMP/c") || { echo "FAIL: rows differ"; rc=1; }
bad=$(awk 'NR>2 && !/^-/ && $0 !~ /^ *[0-9]+\.[0-9][0-9] +[0-9]+\.[0-9][0-9][0-9][0-9][0-9][0-9] +[0-9]+ +[0-9]+( +[0-9]+)? +[a-z_0-9]+$/' "$TMP/c")
[ -z "$bad" ] || { echo "FAIL: malformed rows:"; echo "$bad"; rc=1; }
tail -1 "$TMP/c" | grep -q '^100\.00 ' || { echo "FAIL: total line is not 100.00%"; rc=1; }
# -c prints nothing but the table; -C prints lines and the table
grep -q '^openat(' "$TMP/c" && { echo "FAIL: -c printed syscall lines"; rc=1; }
"$CTRACE" -C -w -o "$TMP/C" "${cmd[@]}" >/dev/null
grep -q '^openat(' "$TMP/C" && grep -q '^100\.00 ' "$TMP/C" || { echo "FAIL: -C must print lines and the table"; rc=1; }
# no call counted: strace prints no table at all (-C: the lines alone)
for c in -c -C; do
	"$STRACE" $c -e trace=none -o "$TMP/s" true
	"$CTRACE" $c -e trace=none -o "$TMP/c" true
	cmp -s "$TMP/s" "$TMP/c" || { echo "FAIL: $c -e trace=none differs from strace:"; diff "$TMP/s" "$TMP/c" | head -10; rc=1; }
done
# bad -S / -U
"$CTRACE" -c -S bogus true 2>"$TMP/e"; [ $? = 1 ] && grep -q "invalid sortby: 'bogus'" "$TMP/e" || { echo "FAIL: -S bogus"; rc=1; }
"$CTRACE" -c -U bogus true 2>"$TMP/e"; [ $? = 1 ] && grep -q "unknown column name" "$TMP/e" || { echo "FAIL: -U bogus"; rc=1; }
[ $rc = 0 ] && echo "ok: default table, -C, -w, no table without calls, bad arguments"
exit $rc
