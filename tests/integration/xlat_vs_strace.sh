#!/bin/sh
# The named-constant sets (syscalls/xlat/SET.in) against strace 6.1: for each
# set that tests/helpers/xlat_probe can exercise, trace the probe with strace
# and check that every item's name appears in the line of the call that
# passed its value; for flag sets also that all items OR-ed together print as
# A|B|C in the set's order (strace's printing order).
# Exit 0 pass, 1 fail, 77 skip.

probe=${HELPERS:-tests/helpers}/xlat_probe

if ! command -v strace >/dev/null 2>&1; then
	echo "SKIP: strace is not installed"
	exit 77
fi
ver=$(strace -V 2>/dev/null | sed -n '1s/.*version \([0-9.]*\).*/\1/p')
if [ "$ver" != "6.1" ]; then
	echo "SKIP: needs strace 6.1 (the names it prints change between versions), found '$ver'"
	exit 77
fi
if [ ! -x "$probe" ]; then
	echo "FAIL: $probe not built (a helper of this test)"
	exit 1
fi
if ! strace -qq -o /dev/null true 2>/dev/null; then
	echo "SKIP: strace cannot trace here (ptrace blocked?)"
	exit 77
fi

# In an --enable-sanitizers build the probe has ASan: LeakSanitizer cannot
# run under ptrace (it would fail the probe and add syscalls of its own).
ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export ASAN_OPTIONS

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

arch=$(uname -m)
sets=0 items=0 bad=0
for set in $("$probe" --list); do
	case "$set:$arch" in
	ptrace_requests_x86_64:x86_64) ;;
	ptrace_requests_x86_64:*) continue ;;
	esac
	for mode in one all; do
		if [ $mode = all ]; then
			grep -q '^#type flags' "$srcdir/syscalls/xlat/$set.in" 2>/dev/null || continue
		fi
		arg=; [ $mode = all ] && arg=all
		if ! strace -qq -o "$tmp/raw" "$probe" $set $arg >"$tmp/exp" 2>"$tmp/err"; then
			echo "FAIL: $set $mode: probe failed: $(cat "$tmp/err")"
			bad=$((bad + 1))
			continue
		fi
		# Lines after the getppid() marker, without the probe's own output.
		sed -n '/^getppid(/,$p' "$tmp/raw" | sed 1d |
			grep -v -e '^write(' -e '^exit_group(' -e '^+++' >"$tmp/got"
		n_exp=$(wc -l <"$tmp/exp")
		n_got=$(wc -l <"$tmp/got")
		if [ "$n_exp" -ne "$n_got" ]; then
			echo "FAIL: $set $mode: $n_exp probe calls but $n_got traced lines"
			bad=$((bad + 1))
			continue
		fi
		res=$(paste -d '\t' "$tmp/exp" "$tmp/got" | awk -F '\t' -v set="$set" -v mode="$mode" '
			{
				if (mode == "all") ok = index($2, $1) > 0
				else ok = $2 ~ ("(^|[^A-Za-z0-9_])" $1 "([^A-Za-z0-9_]|$)")
				if (!ok) { printf "MISMATCH %s: expected %s in: %s\n", set, $1, $2; bad++ }
			}
			END { printf "%d %d\n", NR, bad + 0 }')
		echo "$res" | grep '^MISMATCH' | head -5
		set -- $(echo "$res" | tail -n 1)
		items=$((items + $1))
		bad=$((bad + $2))
	done
	sets=$((sets + 1))
done

echo "xlat vs strace $ver: $sets sets, $items probe calls, $bad mismatches"
[ "$bad" -eq 0 ]
