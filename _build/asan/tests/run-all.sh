#!/bin/bash
# Build ctrace with warnings as errors and run the whole test suite twice:
# once in a normal build (in this tree) and once in an ASan+UBSan build (in
# _build/asan, a copy of the sources).  Ends with one line:
#   N passed, N failed, N skipped
# Set CTRACE_SKIP_ASAN=1 to run only the normal build.
set -u
cd "$(dirname "$0")/.."
top=$PWD
jobs=${JOBS:-2}
total_pass=0 total_fail=0 total_skip=0

count() { # test-suite.log -> adds to the totals
	local log=$1 p f s
	p=$(awk '/^# PASS:/ {print $3}' "$log"); f=$(awk '/^# (FAIL|ERROR|XPASS):/ {n += $3} END {print n+0}' "$log")
	s=$(awk '/^# SKIP:/ {print $3}' "$log"); x=$(awk '/^# XFAIL:/ {print $3}' "$log")
	total_pass=$((total_pass + ${p:-0} + ${x:-0})); total_fail=$((total_fail + f)); total_skip=$((total_skip + ${s:-0}))
	# show why tests failed or were skipped
	for trs in $(grep -lE '^:test-result: (FAIL|ERROR|XPASS)' $(find "$(dirname "$log")/tests" -name '*.trs')); do
		echo "=== ${trs%.trs} (failed) ==="; tail -30 "${trs%.trs}.log"
	done
	grep -h '^SKIP: ' "$(dirname "$log")"/tests/*/*.log 2>/dev/null | sort -u
}

build_and_check() { # dir label configure-args...
	local dir=$1 label=$2; shift 2
	echo "=== $label build in $dir ==="
	( cd "$dir" && ./autogen.sh >/dev/null && ./configure -q "$@" && make -j"$jobs" >/dev/null ) || {
		echo "$label build failed"; total_fail=$((total_fail + 1)); return 1; }
	( cd "$dir" && make -j"$jobs" check >/dev/null 2>&1 )
	# one line per test, then the details of failures and skips
	( cd "$dir" && awk '/^:test-result:/ {f = FILENAME; sub(/\.trs$/, "", f); print $2 ": " f}' \
		$(find tests -name '*.trs' | sort) )
	count "$dir/test-suite.log"
}

build_and_check "$top" normal --enable-werror

if [ "${CTRACE_SKIP_ASAN:-0}" != 1 ]; then
	asan=$top/_build/asan
	rm -rf "$asan"; mkdir -p "$asan"
	if git -C "$top" rev-parse --git-dir >/dev/null 2>&1; then
		git -C "$top" ls-files -co --exclude-standard -z | (cd "$top" && tar --null -cf - -T -) | tar -C "$asan" -xf -
		build_and_check "$asan" "ASan+UBSan" --enable-werror --enable-sanitizers
	else
		echo "not a git checkout: ASan+UBSan run skipped"
	fi
fi

echo "$total_pass passed, $total_fail failed, $total_skip skipped"
[ "$total_fail" = 0 ]
