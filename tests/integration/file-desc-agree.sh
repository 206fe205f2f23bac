#!/bin/sh
# Agreement of ctrace with strace on the file/desc workloads (issue 4):
# each workload runs under `strace -ff` and `ctrace -ff`, the per-process
# traces are paired by order of pid, normalised (pids, addresses) and
# compared with diff; agreement = common lines / lines of the longer trace.
# Usage: file-desc-agree.sh [-v] [MIN_PERCENT]   (CTRACE=path/to/ctrace)
# Environment: OPTS="-y -v ..." passed to both tracers; DROP=REGEX drops
# matching lines of both traces (e.g. DROP='^(mmap|mprotect)\(' to look
# at the file/desc families only together with OPTS='-e trace=%file,%desc');
# WORKLOADS=FILE replaces the built-in list (lines "name|shell command").
# Without strace this skips (77).  Exits 1 when a workload is below MIN.
verbose=0
[ "$1" = -v ] && { verbose=1; shift; }
min=${1:-0}
ctrace=${CTRACE:-src/ctrace}
command -v strace >/dev/null 2>&1 || { echo "skip: strace not installed"; exit 77; }
[ -x "$ctrace" ] || { echo "skip: $ctrace not built"; exit 77; }
strace -o /dev/null true 2>/dev/null || { echo "skip: strace cannot trace here"; exit 77; }

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

norm() { # file pidlist
	sed -E -e 's/0x[0-9a-f]{6,}/0xADDR/g' \
	    -e 's/\/\* [0-9]+ vars \*\//\/* N vars *\//' \
	    -e 's/(socket|pipe|anon_inode):\[[0-9]+\]/\1:[INO]/g' \
	    -e "$2" "$1" | { if [ -n "$DROP" ]; then grep -Ev "$DROP"; else cat; fi; }
}

run_one() { # name label tool cmd
	name=$1 label=$2 tool=$3; shift 3
	mkdir -p "$tmp/$name/$label"
	rm -rf /tmp/ctrace-agree-x
	"$tool" -ff ${OPTS} -o "$tmp/$name/$label/t" sh -c "$*" >/dev/null 2>&1
}

compare() { # name
	d=$tmp/$name
	sfiles=$(ls "$d/strace" | sort -t. -k2 -n)
	cfiles=$(ls "$d/ctrace" | sort -t. -k2 -n)
	set -- $cfiles
	total=0 common=0
	pidsed=""
	for f in $sfiles; do pidsed="${pidsed}s/\\b${f#t.}\\b/PID/g;"; done
	for f in $cfiles; do pidsed="${pidsed}s/\\b${f#t.}\\b/PID/g;"; done
	for s in $sfiles; do
		c=$1; [ $# -gt 0 ] && shift
		norm "$d/strace/$s" "$pidsed" > "$d/s.n"
		if [ -n "$c" ]; then norm "$d/ctrace/$c" "$pidsed" > "$d/c.n"; else : > "$d/c.n"; fi
		ns=$(wc -l < "$d/s.n"); nc=$(wc -l < "$d/c.n")
		del=$(diff "$d/s.n" "$d/c.n" | grep -c '^<')
		m=$ns; [ "$nc" -gt "$m" ] && m=$nc
		total=$((total + m)); common=$((common + ns - del))
		[ $verbose = 1 ] && diff "$d/s.n" "$d/c.n"
	done
	for c in "$@"; do total=$((total + $(norm "$d/ctrace/$c" "$pidsed" | wc -l))); done
	pct=$(awk -v c=$common -v t=$total 'BEGIN{printf "%.1f", t ? 100*c/t : 100}')
	echo "$name: $common/$total lines = $pct%"
	awk -v p=$pct -v m=$min 'BEGIN{exit !(p+0 >= m+0)}' || fail=1
}

fail=0
i=0
while IFS='|' read -r name cmd; do
	[ -z "$name" ] && continue
	run_one "$name" strace strace "$cmd"
	run_one "$name" ctrace "$ctrace" "$cmd"
	compare "$name"
done <<W
$(if [ -n "$WORKLOADS" ]; then cat "$WORKLOADS"; else cat <<'D'
ls|ls -la /usr/share/doc
cat|cat /etc/passwd
cp|cp -r /usr/share/doc/bash /tmp/ctrace-agree-x
tar|tar cf - /usr/share/doc/bash | tar tf -
find|find /usr/share/doc -maxdepth 2
sort|sort /etc/passwd
gzip|gzip -c /etc/services | gunzip -c
D
fi)
W
exit $fail
