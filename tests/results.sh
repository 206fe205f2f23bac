# Sourced by tests/run-all.sh (and tests/integration/results.sh, which
# tests it on made-up results): turning the results of one `make check`
# into the totals total_pass, total_fail and total_skip.

# clean_results DIR: no stale results; a log left by an earlier run must
# never be counted as this run's
clean_results() {
	find "$1/tests" \( -name '*.trs' -o -name '*.log' \) -type f -delete
	rm -f "$1/test-suite.log"
}

count() { # build-dir make-check-status make-check-output -> adds to the totals
	local dir=$1 st=$2 out=$3 log=$1/test-suite.log p f s x c k n trs
	if [ ! -s "$log" ]; then
		# make check stopped before running the tests (a unit test that does
		# not compile, a missing rule): no fresh log, a failure
		echo "FAIL: make check (status $st) wrote no test-suite.log:"; tail -30 "$out"
		total_fail=$((total_fail + 1)); return
	fi
	p=$(awk '/^# PASS:/ {print $3}' "$log"); f=$(awk '/^# (FAIL|ERROR|XPASS):/ {n += $3} END {print n+0}' "$log")
	s=$(awk '/^# SKIP:/ {print $3}' "$log"); x=$(awk '/^# XFAIL:/ {print $3}' "$log")
	if [ "$st" != 0 ] && [ "$f" = 0 ]; then
		echo "FAIL: make check exited with status $st but its log counts no failure:"; tail -30 "$out"
		f=1
	fi
	# cmocka cases that called skip() inside a unit test that passed, and
	# checks a passing script skipped ("SKIP: reason" lines), count as skipped
	c=0 k=0
	for trs in $(find "$dir/tests" -name '*.trs' -exec grep -l '^:test-result: PASS' {} +); do
		n=$(awk '/^\[  SKIPPED \] [0-9]+ test\(s\), listed below:/ {n += $4} END {print n+0}' "${trs%.trs}.log")
		[ "$n" = 0 ] || echo "SKIP: ${trs%.trs}: $n cmocka case(s) skipped:" \
			$(awk '/listed below:/ {l = 1; next} l && /^\[  SKIPPED \] [^ ]+$/ {print $4}' "${trs%.trs}.log")
		# (a cmocka case prints its reason as a "SKIP:" line too: counted once)
		c=$((c + n)); [ "$n" != 0 ] || k=$((k + $(grep -c '^SKIP: ' "${trs%.trs}.log")))
	done
	total_pass=$((total_pass + ${p:-0} + ${x:-0})); total_fail=$((total_fail + f)); total_skip=$((total_skip + ${s:-0} + c + k))
	# show why tests failed or were skipped
	for trs in $(find "$dir/tests" -name '*.trs' -exec grep -lE '^:test-result: (FAIL|ERROR|XPASS)' {} +); do
		echo "=== ${trs%.trs} (failed) ==="; tail -30 "${trs%.trs}.log"
	done
	grep -h '^SKIP: ' $(find "$dir/tests" -name '*.log') 2>/dev/null | sort -u
	# where the time went: the slowest scripts (tests/timed.sh)
	echo "slowest tests of $dir:" $(grep -H '^TIME: ' $(find "$dir/tests" -name '*.log') 2>/dev/null |
		sed 's|^.*/tests/\(.*\)\.log:TIME: \([0-9]*\)s$|\2 \1|' | sort -rn | head -8 | awk '{printf "%s %ss;", $2, $1}')
}
