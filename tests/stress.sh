#!/bin/bash
# The flake hunt of issue 13: `make check` N times in a row (default 5)
# while two CPU hogs load both cores.  Not part of make check: a run of a
# built tree takes N x 25-40 minutes on 2 cores.
#   tests/stress.sh [N] [HOGS]      (HOGS: busy loops, default 2)
# Ends with "stress: N runs, N passed" and exit status 0 when every run
# passed; the log of every test that failed is kept in _build/stress/RUN/.
set -u
cd "$(dirname "$0")/.."
runs=${1:-5} nhogs=${2:-2}
out=$PWD/_build/stress
rm -rf "$out"; mkdir -p "$out"
[ -x src/ctrace ] || { echo "stress: build the tree first (src/ctrace)"; exit 1; }
hogs=()
for ((h = 0; h < nhogs; h++)); do
	(while :; do :; done) &
	hogs+=($!)
done
trap 'kill "${hogs[@]}" 2>/dev/null' EXIT
passed=0
for ((i = 1; i <= runs; i++)); do
	s=$(date +%s)
	make -j"${JOBS:-2}" check >"$out/check.$i.log" 2>&1; st=$?
	mkdir -p "$out/$i"
	for trs in $(grep -lE ':test-result: (FAIL|ERROR)' $(find tests -name '*.trs') 2>/dev/null); do
		cp "${trs%.trs}.log" "$out/$i/" 2>/dev/null
	done
	echo "run $i: make check status $st, $(($(date +%s) - s)) s, load $(cut -d' ' -f1-3 /proc/loadavg)"
	grep -E '^(FAIL|ERROR):' "$out/check.$i.log" | sed 's/^/    /'
	[ "$st" = 0 ] && passed=$((passed + 1))
done
echo "stress: $runs runs, $passed passed"
[ "$passed" = "$runs" ]
