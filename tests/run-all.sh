#!/bin/bash
# Build ctrace with warnings as errors and run the whole test suite twice:
# once in a normal build (in this tree) and once in an ASan+UBSan build (in
# _build/asan, a copy of the sources).  Ends with one line:
#   N passed, N failed, N skipped
# (skipped: whole tests that skipped, plus unit test cases that called
# cmocka's skip() and checks a passing script left out with a "SKIP:" line)
# Set CTRACE_SKIP_ASAN=1 to skip the sanitizer build, CTRACE_SKIP_DISTCHECK=1
# to skip make distcheck, CTRACE_SKIP_VALGRIND=1 to skip the valgrind subset,
# CTRACE_SKIP_STRACE_SUITE=1 to skip strace 6.1's own test suite.
# What one build already ran is skipped in the others, with the reason:
# aarch64 and x86_64 under qemu, README, mutants (distcheck and ASan), the container tests
# (distcheck) and the debuggers-in-containers table (ASan: the real tools
# are the same in both builds; ctrace --check runs under ASan in the other
# container tests).
set -u
cd "$(dirname "$0")/.."
top=$PWD
mkdir -p "$top/_build"
jobs=${JOBS:-2}
total_pass=0 total_fail=0 total_skip=0
start=$(date +%s)
# minutes:seconds since the start, on each stage's header (CI has a budget)
since() { local d=$(($(date +%s) - start)); printf '%d:%02d' $((d / 60)) $((d % 60)); }

. "$top/tests/results.sh"

build_and_check() { # dir label configure-args...
	local dir=$1 label=$2 st; shift 2
	echo "=== $label build in $dir (at $(since)) ==="
	( cd "$dir" && ./autogen.sh >/dev/null && ./configure -q "$@" && make -j"$jobs" >/dev/null ) || {
		echo "$label build failed"; total_fail=$((total_fail + 1)); return 1; }
	clean_results "$dir"
	( cd "$dir" && make -j"$jobs" check >"$top/_build/check.log" 2>&1 ); st=$?
	# one line per test, then the details of failures and skips
	( cd "$dir" && awk '/^:test-result:/ {f = FILENAME; sub(/\.trs$/, "", f); print $2 ": " f}' \
		$(find tests -name '*.trs' | sort) )
	count "$dir" $st "$top/_build/check.log"
}

build_and_check "$top" normal --enable-werror

# a subset under valgrind (memcheck): errors or definite leaks fail it
if command -v valgrind >/dev/null && [ "${CTRACE_SKIP_VALGRIND:-0}" != 1 ]; then
	echo "=== valgrind (at $(since)) ==="
	vg_fail=0
	while read -r expect args; do
		# shellcheck disable=SC2086
		(cd "$top" && valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
			./src/ctrace $args >/dev/null 2>"$top/_build/valgrind.log")
		st=$?
		if [ "$st" != "$expect" ]; then
			echo "FAIL: valgrind ctrace $args (status $st, expected $expect)"; tail -20 "$top/_build/valgrind.log"; vg_fail=1
		fi
	done <<'EOF_VG'
3 -f -o /dev/null tests/helpers/forker 2 1
0 --json -k -o /dev/null ls
0 -c -S calls -o /dev/null ls -la /usr/share/doc/bash
0 -yy -v -x -o /dev/null tests/helpers/netprog
0 -e trace=%file,%process -f -o /dev/null sh -c ls
1 -e trace=nosuchcall true
0 -f -e trace=execve -E CTRACE_VG=1 -o /dev/null sh -c true
1 -o /dev/null /
EOF_VG
	if [ $vg_fail = 0 ]; then echo "PASS: valgrind"; total_pass=$((total_pass + 1)); else total_fail=$((total_fail + 1)); fi
else
	echo "SKIP: valgrind (not installed)"; total_skip=$((total_skip + 1))
fi

# strace 6.1's own test suite with STRACE=ctrace, the judge of parity
# (fetched with apt-get source and built at test time, cached; see
# tests/strace-suite/run.sh): one test in the count
if [ "${CTRACE_SKIP_STRACE_SUITE:-0}" != 1 ]; then
	echo "=== strace 6.1's test suite (make check-strace-suite) (at $(since)) ==="
	if (cd "$top" && make check-strace-suite >"$top/_build/strace-suite.log" 2>&1); then
		echo "PASS: check-strace-suite"; total_pass=$((total_pass + 1))
	else
		echo "FAIL: check-strace-suite"; total_fail=$((total_fail + 1))
	fi
	grep -E '^(FAIL|strace 6\.1|ended)|PASS.*FAIL.*SKIP' "$top/_build/strace-suite.log" | head -60
fi

# the release tarball builds and passes its tests too
if [ "${CTRACE_SKIP_DISTCHECK:-0}" != 1 ]; then
	echo "=== make distcheck (at $(since)) ==="
	if (cd "$top" && CTRACE_SKIP_AARCH64=1 CTRACE_SKIP_X86VM=1 CTRACE_SKIP_README=1 CTRACE_SKIP_MUTANTS=1 CTRACE_SKIP_CONTAINERS=1 make -j"$jobs" distcheck >"$top/_build/distcheck.log" 2>&1); then
		echo "PASS: distcheck"; total_pass=$((total_pass + 1))
	else
		echo "FAIL: distcheck"; tail -30 "$top/_build/distcheck.log"; total_fail=$((total_fail + 1))
	fi
fi

if [ "${CTRACE_SKIP_ASAN:-0}" != 1 ]; then
	asan=$top/_build/asan
	rm -rf "$asan"; mkdir -p "$asan"
	rm -f "$top"/ctrace-*.tar.gz
	if git -C "$top" rev-parse --git-dir >/dev/null 2>&1; then
		git -C "$top" ls-files -co --exclude-standard -z | (cd "$top" && tar --null -cf - -T -) | tar -C "$asan" -xf -
		export CTRACE_SKIP_AARCH64=1 CTRACE_SKIP_X86VM=1 CTRACE_SKIP_README=1 CTRACE_SKIP_MUTANTS=1 CTRACE_SKIP_TOOLS=1
		build_and_check "$asan" "ASan+UBSan" --enable-werror --enable-sanitizers
	else
		echo "not a git checkout: ASan+UBSan run skipped"
	fi
fi

echo "=== done (at $(since)) ==="
echo "$total_pass passed, $total_fail failed, $total_skip skipped"
[ "$total_fail" = 0 ]
