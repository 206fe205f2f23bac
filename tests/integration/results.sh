#!/bin/bash
# tests/results.sh (the counting of tests/run-all.sh) on made-up results of
# `make check`: a run that wrote no test-suite.log (a unit test that does not
# compile), a stale log from an earlier run, a failing `make check` whose log
# counts no failure, and cmocka cases that called skip() must never be
# counted as passed.
. "$(dirname "$0")/lib.sh"
. "$srcdir/tests/results.sh"
rc=0
D=$TMP/build
reset() { rm -rf "$D"; mkdir -p "$D/tests/unit" "$D/tests/integration"; total_pass=0 total_fail=0 total_skip=0; }
result() { # name PASS|FAIL|SKIP log-text: one test's .trs and .log
	printf ':test-result: %s\n' "$2" >"$D/tests/$1.trs"; printf '%s\n' "$3" >"$D/tests/$1.log"
}
suite_log() { # pass fail skip
	printf '# TOTAL: %d\n# PASS:  %d\n# SKIP:  %d\n# XFAIL: 0\n# FAIL:  %d\n# XPASS: 0\n# ERROR: 0\n' \
		$(($1 + $2 + $3)) "$1" "$3" "$2" >"$D/test-suite.log"
}
totals() { # expected "pass fail skip" after count DIR STATUS
	local want=$1; shift
	count "$D" "$@" "$TMP/make.out" >"$TMP/count.out"
	if [ "$total_pass $total_fail $total_skip" != "$want" ]; then
		echo "FAIL: $what: counted $total_pass passed, $total_fail failed, $total_skip skipped; expected $want"
		cat "$TMP/count.out"; rc=1
	else
		echo "ok: $what: $total_pass passed, $total_fail failed, $total_skip skipped"
	fi
}
echo "tests/unit/test_x.c:1: error: expected ';'" >"$TMP/make.out"

what="all green"; reset
result unit/test_a PASS "[  PASSED  ] 3 test(s)."; result integration/b PASS "ok: b"; suite_log 2 0 0
totals "2 0 0" 0

what="a unit test that does not compile (make check stops, no test-suite.log)"; reset
totals "0 1 0" 2

what="a stale log of an earlier green run, then make check stops early"; reset
result unit/test_a PASS "[  PASSED  ] 3 test(s)."; suite_log 1 0 0
clean_results "$D"
[ -z "$(find "$D" -name '*.log' -o -name '*.trs')" ] || { echo "FAIL: clean_results left stale results"; rc=1; }
totals "0 1 0" 2

what="make check failed but its log counts no failure"; reset
result unit/test_a PASS "[  PASSED  ] 3 test(s)."; suite_log 1 0 0
totals "1 1 0" 2

what="cmocka cases that called skip()"; reset
# cmocka 1.1's own output for a group of 3 cases, 2 of them skipped
result unit/test_a PASS "[==========] Running 3 test(s).
[ RUN      ] a
SKIP: seccomp filters cannot be installed here
[  SKIPPED ] a
[ RUN      ] b
[  SKIPPED ] b
[ RUN      ] c
[       OK ] c
[==========] 3 test(s) run.
[  PASSED  ] 1 test(s).
[  SKIPPED ] 2 test(s), listed below:
[  SKIPPED ] a
[  SKIPPED ] b

 2 SKIPPED TEST(S)"
suite_log 1 0 0
totals "1 0 2" 0
grep -q '^SKIP: .*test_a: 2 cmocka case(s) skipped: a b$' "$TMP/count.out" ||
	{ echo "FAIL: the skipped cmocka cases are not named"; cat "$TMP/count.out"; rc=1; }

what="a passing script that left one check out, and a skipped test"; reset
result integration/b PASS "ok: one
SKIP: two: the machine cannot do it natively"
result integration/c SKIP "SKIP: podman is not installed"; suite_log 1 0 1
totals "1 0 2" 0

what="a failed test"; reset
result integration/b FAIL "FAIL: b"; suite_log 0 1 0
totals "0 1 0" 2
exit $rc
