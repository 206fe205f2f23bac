#!/usr/bin/env bash
# bench/run.sh: ctrace vs strace vs a bare ptrace loop vs native, side by side.
#
# Usage: bench/run.sh [-n N] [--quick] [--cpu CPU|all] [--raw DIR] [-h]
#   -n N        repetitions per cell (default 5); medians are printed
#   --quick     smoke test: smaller workloads, n=1 unless -n is given (seconds)
#   --cpu CPU   pin every run (tracer and tracee) to this CPU (default: the
#               last one); "--cpu all" does not pin (see "Pinning" in the script).
#   --raw DIR   keep the raw per-run measurements (one tstat line per run) in DIR
#   --rows LIST only these rows, e.g. dd-full,dd-attach,forkloop-execve
# Environment: CTRACE (default: src/ctrace of this tree), STRACE (default:
# strace, expected 6.1), CC (default: cc).
#
# Every (workload, mode) row is one paired session: for each repetition the
# four variants run back to back in a rotating order, so slow drifts of a
# shared machine hit all of them alike.  Variants:
#   native   the workload alone
#   bare     bench/bareloop: PTRACE_SYSCALL at every entry and exit, decodes
#            nothing (the floor of any ptrace tracer; it cannot filter, so in
#            the filtered and -c modes it still stops everywhere; it gets -f
#            when the row has -f)
#   strace   $STRACE -o /dev/null OPTIONS WORKLOAD
#   ctrace   $CTRACE -o /dev/null OPTIONS WORKLOAD
# A ctrace that rejects an option set (probed once on `true`), or a run whose
# exit status differs from native's, gives "n/a" in its cells, not an abort.
#
# What is measured, and how (bench/tstat.c, bench/selfstat.c):
#   wall     CLOCK_MONOTONIC from fork to exit of the tracer (so startup,
#            ctrace's preflight and teardown are included)
#   usr us/sc  user CPU of the TRACER PROCESS ONLY, in microseconds, divided by
#            the number of syscalls the workload makes (counted once per
#            workload with `strace -f -c`; the same divisor in every mode, so
#            filtered modes show the cost per syscall of the workload).
#            GNU time's %U (wait4 rusage) cannot be used: the tracee is the
#            tracer's child and is reaped by it, so its CPU time would be
#            added in.  Instead an LD_PRELOAD library (selfstat.so) calls
#            getrusage(RUSAGE_SELF) in a destructor when the tracer exits:
#            RUSAGE_SELF is the process and its threads, never its children.
#            The library unsets LD_PRELOAD in its constructor, so the
#            tracee does not load it.  If the tracer leaves by _exit() or a
#            signal, tstat falls back to the utime field of /proc/PID/stat of
#            the unreaped zombie (own time only, 10 ms granularity).
#            Note the kernel splits CPU time into user/system by tick
#            sampling, so one run's user time is an estimate: CPU columns
#            are means over the repetitions, and `cpu us/sc` (user+system,
#            exact) is printed beside it.
#            The true row runs without the library (its loading would be a
#            visible part of a few ms): there CPU and RSS are wait4's, i.e.
#            include the tracee `true`, which is negligible.
#   RSS      peak RSS (MB) of the tracer only: ru_maxrss of the same
#            RUSAGE_SELF call (wait4's ru_maxrss is the max over the tracer
#            and its reaped children, i.e. it may be the tracee's).
#   noise    interquartile range of strace's walls / their median (n >= 4):
#            how far the row can be trusted (the paired ratios are steadier)
#   ratios   ctrace/bare, ctrace/strace, ctrace/native and bare/strace (what
#            the floor would gain over strace): the median over the
#            repetitions of the ratio of the two walls of that repetition
#            (paired, so a slow spell of the machine cancels out), not the
#            ratio of the medians.
#
# Pinning: on a small VM, ptrace timings are bimodal when tracer and tracee
# run on different CPUs (each stop is a cross-CPU wakeup of an idle vCPU),
# and which mode you get depends on the load of the other helpers.  Pinning
# everything to one CPU gives stable, comparable figures; --cpu all shows the
# unpinned behaviour.
# awk programs in single quotes and a printf format in $HDR are intended:
# shellcheck disable=SC2016,SC2059
set -u -o pipefail

N=5
QUICK=0
CPU=default
RAW=
ROWS=
NSET=
usage() { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
	case $1 in
	-n) [ $# -ge 2 ] || { usage >&2; exit 2; }; N=$2; NSET=1; shift 2 ;;
	-n*) N=${1#-n}; NSET=1; shift ;;
	--quick) QUICK=1; shift ;;
	--cpu) [ $# -ge 2 ] || { usage >&2; exit 2; }; CPU=$2; shift 2 ;;
	--raw) [ $# -ge 2 ] || { usage >&2; exit 2; }; RAW=$2; shift 2 ;;
	--rows) [ $# -ge 2 ] || { usage >&2; exit 2; }; ROWS=,$2,; shift 2 ;;
	-h|--help) usage; exit 0 ;;
	*) echo "run.sh: unknown argument: $1" >&2; usage >&2; exit 2 ;;
	esac
done
case $N in ''|*[!0-9]*|0) echo "run.sh: -n wants a positive integer" >&2; exit 2 ;; esac
[ "$QUICK" = 1 ] && [ -z "$NSET" ] && N=1

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
CTRACE=${CTRACE:-$root/src/ctrace}
STRACE=${STRACE:-strace}
CC=${CC:-cc}

die() { echo "run.sh: $*" >&2; exit 1; }
command -v "$STRACE" >/dev/null || die "strace not found (STRACE=$STRACE)"
command -v "$CC" >/dev/null || die "no C compiler (CC=$CC)"

work=$(mktemp -d /tmp/ctrace-bench.XXXXXX) || die "mktemp failed"
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

for p in bareloop tstat; do
	"$CC" -O2 -Wall -o "$work/$p" "$here/$p.c" || die "cannot build $p"
done
# static: the preload library goes to the tracer it starts, not to it
"$CC" -O2 -Wall -static -o "$work/attachee" "$here/attachee.c" ||
	die "cannot build attachee (static)"
"$CC" -O2 -Wall -shared -fPIC -o "$work/selfstat.so" "$here/selfstat.c" ||
	die "cannot build selfstat.so"
PRELOAD=(-p "$work/selfstat.so")
# a sanitizer build of ctrace would refuse a preload that comes first
export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0

PIN=()
if [ "$CPU" = default ]; then
	CPU=$(( $(nproc) - 1 ))
fi
if [ "$CPU" != all ]; then
	command -v taskset >/dev/null || die "taskset not found (use --cpu all)"
	taskset -c "$CPU" true 2>/dev/null || die "cannot pin to CPU $CPU"
	PIN=(taskset -c "$CPU")
fi

# ---------------------------------------------------------------------------
# Workloads
if [ "$QUICK" = 1 ]; then
	DDCOUNT=2000 LOOPS=30 BIGMB=20
else
	DDCOUNT=20000 LOOPS=300 BIGMB=200
fi
FINDDIR=/usr/share/doc
BIG=$work/big.dat
head -c $((BIGMB * 1024 * 1024)) /dev/zero >"$BIG" || die "cannot create $BIG"

WORKLOADS=(dd find forkloop cat true)
# sets W (command) and WOPT (options every tracer gets for it)
workload() {
	case $1 in
	dd) W=(dd if=/dev/zero of=/dev/null bs=1 "count=$DDCOUNT"); WOPT=() ;;
	find) W=(find "$FINDDIR" -name '*.gz'); WOPT=() ;;
	forkloop) W=(sh -c "for i in \$(seq $LOOPS); do /bin/true; done"); WOPT=(-f) ;;
	cat) W=(cat "$BIG"); WOPT=(-s 0) ;;
	true) W=(true); WOPT=() ;;
	esac
}
MODES=(full execve file count)
# attach: the tracer attaches (-p) to the workload, which waits for it
# before its exec (bench/attachee.c); the dd row only
# sets MOPT
mode() {
	case $1 in
	full) MOPT=() ;;
	execve) MOPT=(-f -e trace=execve) ;;
	file) MOPT=(-e trace=%file) ;;
	count) MOPT=(-c) ;;
	attach) MOPT=() ;;
	esac
}
# OPTS = workload options + mode options, with a single -f (-ff means
# per-process output files to strace)
merge_opts() {
	local f=0 o
	OPTS=()
	for o in "${WOPT[@]}" "${MOPT[@]}"; do
		if [ "$o" = -f ]; then
			[ $f = 1 ] && continue
			f=1
		fi
		OPTS+=("$o")
	done
	BOPT=()
	[ $f = 1 ] && BOPT=(-f)
	return 0
}

# ---------------------------------------------------------------------------
# Header
strace_ver=$("$STRACE" -V 2>/dev/null | head -n1)
case $strace_ver in *" 6.1"*) ;; *) echo "warning: expected strace 6.1, got: $strace_ver" >&2 ;; esac
have_ctrace=1
if [ ! -x "$CTRACE" ] && ! command -v "$CTRACE" >/dev/null 2>&1; then
	have_ctrace=0
fi
ctrace_ver=n/a
[ $have_ctrace = 1 ] && ctrace_ver=$("$CTRACE" -V 2>/dev/null | head -n1)

echo "ctrace benchmark  $(date -u '+%Y-%m-%d %H:%M:%S UTC')  $(uname -srm)  $(nproc) CPUs"
echo "strace: $(command -v "$STRACE") ($strace_ver)"
echo "ctrace: $CTRACE (${ctrace_ver:-no version})$([ $have_ctrace = 0 ] && echo '  NOT FOUND: ctrace cells are n/a')"
echo "repetitions: $N (medians; the true row: $((N * 5)))$([ "$QUICK" = 1 ] && echo ', --quick workloads')  pinned: $([ ${#PIN[@]} -gt 0 ] && echo "CPU $CPU" || echo no)"

load() { awk '{ print $1 }' /proc/loadavg; }
load_start=$(load)
busy() { awk -v l="$1" -v n="$(nproc)" 'BEGIN { exit !(l > n / 2) }'; }
echo "load average at start: $load_start$(busy "$load_start" && echo '  WARNING: busy machine, figures unreliable')"

# Syscall counts (the divisor of us/sc), warm-up of caches on the way.
declare -A NSC
for w in "${WORKLOADS[@]}"; do
	workload "$w"
	"${W[@]}" >/dev/null 2>&1
	"$STRACE" -f -c -o "$work/count.$w" "${W[@]}" >/dev/null 2>&1
	NSC[$w]=$(awk '$NF == "total" { print $4 }' "$work/count.$w")
	[ -n "${NSC[$w]}" ] || NSC[$w]=0
done
printf 'syscalls per workload (strace -f -c):'
for w in "${WORKLOADS[@]}"; do printf ' %s=%s' "$w" "${NSC[$w]}"; done
printf '\n'
echo "workloads: dd: dd if=/dev/zero of=/dev/null bs=1 count=$DDCOUNT | find: find $FINDDIR -name '*.gz'"
echo "  forkloop: -f sh -c 'for i in \$(seq $LOOPS); do /bin/true; done' | cat: -s 0 cat ${BIGMB}MB file >/dev/null | true: startup"
echo "modes: full: (none) | execve: -f -e trace=execve | file: -e trace=%file | count: -c | attach (dd): -p, see bench/attachee.c"
echo

# ---------------------------------------------------------------------------
# Measurement
# run_variant ROW VARIANT: one run, appended to $work/ROW.VARIANT
run_variant() {
	local res=$work/$1.$2 err=$work/$1.$2.err
	case $2 in
	native) "${PIN[@]}" "$work/tstat" -r "$res" -- "${W[@]}" ;;
	bare) "${PIN[@]}" "$work/tstat" "${RUNPRE[@]}" -r "$res" -- \
		"$work/bareloop" "${BOPT[@]}" "${W[@]}" ;;
	floor) "${PIN[@]}" "$work/tstat" "${RUNPRE[@]}" -r "$res" -- \
		"$work/bareloop" -r "${W[@]}" ;;
	sbpf) "${PIN[@]}" "$work/tstat" "${RUNPRE[@]}" -r "$res" -- \
		"$STRACE" --seccomp-bpf -o /dev/null "${OPTS[@]}" "${W[@]}" ;;
	strace) "${PIN[@]}" "$work/tstat" "${RUNPRE[@]}" -r "$res" -- \
		"${ATT[@]}" "$STRACE" -o /dev/null "${OPTS[@]}" "${ATTSEP[@]}" "${W[@]}" ;;
	ctrace) "${PIN[@]}" "$work/tstat" "${RUNPRE[@]}" -r "$res" -- \
		"${ATT[@]}" "$CTRACE" -o /dev/null "${OPTS[@]}" "${ATTSEP[@]}" "${W[@]}" ;;
	esac >/dev/null 2>>"$err"
}

# agg ROW VARIANT EXPR median|mean [CHECK]: EXPR (awk, over the fields of
# a tstat line: $1 wall, $3 utime, $4 stime, $5 maxrss) aggregated over the
# runs of ROW; n/a if the variant did not run, a run's exit status differed
# from native's, or field CHECK is unknown (-1) in a run
agg() {
	local f=$work/$1.$2
	[ -s "$f" ] || { echo n/a; return; }
	awk -v want="$EXPECT" -v how="$4" -v chk="${5:-0}" '
		$2 != want || (chk && $chk < 0) { bad = 1 }
		{ v[n++] = '"$3"'; sum += v[n-1] }
		END {
			if (bad || !n) { print "n/a"; exit }
			if (how == "mean") { print sum / n; exit }
			for (i = 1; i < n; i++) for (j = i; j > 0 && v[j-1] > v[j]; j--) { t = v[j]; v[j] = v[j-1]; v[j-1] = t }
			print (n % 2) ? v[(n-1)/2] : (v[n/2-1] + v[n/2]) / 2
		}' "$f"
}

# pratio ROW A B: median over repetitions of wall(A) / wall(B), runs paired
# by repetition; n/a as for agg
pratio() {
	local fa=$work/$1.$2 fb=$work/$1.$3
	{ [ -s "$fa" ] && [ -s "$fb" ]; } || { echo n/a; return; }
	paste -d ' ' "$fa" "$fb" | awk -v want="$EXPECT" '
		NF != 12 || $2 != want || $8 != want || $7 <= 0 { bad = 1; next }
		{ v[n++] = $1 / $7 }
		END {
			if (bad || !n) { print "n/a"; exit }
			for (i = 1; i < n; i++) for (j = i; j > 0 && v[j-1] > v[j]; j--) { t = v[j]; v[j] = v[j-1]; v[j-1] = t }
			printf "%.2f\n", (n % 2) ? v[(n-1)/2] : (v[n/2-1] + v[n/2]) / 2
		}'
}

# spread ROW VARIANT: interquartile range of the walls / median, in %
spread() {
	local f=$work/$1.$2
	[ -s "$f" ] || { echo n/a; return; }
	awk '{ v[n++] = $1 }
		END {
			for (i = 1; i < n; i++) for (j = i; j > 0 && v[j-1] > v[j]; j--) { t = v[j]; v[j] = v[j-1]; v[j-1] = t }
			m = (n % 2) ? v[(n-1)/2] : (v[n/2-1] + v[n/2]) / 2
			if (n < 4 || m <= 0) { print "-"; exit }
			printf "%.0f%%\n", 100 * (v[int(3*(n-1)/4)] - v[int((n-1)/4)]) / m
		}' "$f"
}

# calc PRINTF-FORMAT EXPR A [B]: EXPR of a and b by awk, formatted;
# n/a if any value is n/a
calc() {
	local fmtstr=$1 expr=$2
	shift 2
	local v
	for v in "$@"; do [ "$v" = n/a ] && { echo n/a; return; }; done
	awk -v a="${1:-0}" -v b="${2:-0}" "BEGIN { x = $expr; if (x != x) print \"n/a\"; else printf \"$fmtstr\", x }" 2>/dev/null || echo n/a
}

HDR='%-9s %-6s %8s %8s %8s %8s  %6s %8s %8s %8s  %6s %6s  %6s %6s  %5s %5s  %5s\n'
printf "$HDR" "" "" "wall (s," "median)" "" "" "wall" "ratios," "paired" "" \
	"usr us" "/sc" "cpu us" "/sc" "RSS" "MB" "noise"
printf "$HDR" workload mode native bare strace ctrace c/bare c/strace c/native b/strace \
	strace ctrace strace ctrace strace ctrace strace
NOTES=()
REF=()
FLOOR=

for w in "${WORKLOADS[@]}"; do
	modes=("${MODES[@]}")
	[ "$w" = true ] && modes=(full)
	[ "$w" = dd ] && modes+=(attach)
	for m in "${modes[@]}"; do
		workload "$w"
		mode "$m"
		merge_opts
		row=$w-$m
		[ -z "$ROWS" ] || [[ $ROWS == *",$row,"* ]] || continue
		ATT=() ATTSEP=()
		[ "$m" = attach ] && ATT=("$work/attachee") ATTSEP=(--)
		run=(native bare strace)
		# reference for the filtered target: strace's own seccomp fast path
		[ "$m" = execve ] && run+=(sbpf)
		# dd: the floor including the syscall info and the data reads
		# that its lines need (bareloop -r)
		[ "$row" = dd-full ] && run+=(floor)
		if [ $have_ctrace = 1 ]; then
			if "$CTRACE" -o /dev/null "${OPTS[@]}" true >/dev/null 2>"$work/$row.probe"; then
				run+=(ctrace)
			else
				NOTES+=("$row: ctrace ${OPTS[*]} -o /dev/null true failed: $(head -n1 "$work/$row.probe")")
			fi
		fi
		# the true row measures start-up: no preload library (it would add its
		# own loading to a few ms); its CPU/RSS then include the tracee `true`
		RUNPRE=("${PRELOAD[@]}")
		[ "$w" = true ] && RUNPRE=()
		reps=$N
		# a few ms per run: more repetitions cost nothing and steady the median
		[ "$w" = true ] && reps=$((N * 5))
		for ((i = 0; i < reps; i++)); do
			k=${#run[@]}
			for ((j = 0; j < k; j++)); do
				run_variant "$row" "${run[(i + j) % k]}"
			done
		done
		EXPECT=$(awk 'NR == 1 { print $2 }' "$work/$row.native")
		tn=$(agg "$row" native '$1' median); tb=$(agg "$row" bare '$1' median)
		ts=$(agg "$row" strace '$1' median); tc=$(agg "$row" ctrace '$1' median)
		us=$(agg "$row" strace '$3' mean 3); uc=$(agg "$row" ctrace '$3' mean 3)
		ks=$(agg "$row" strace '$3 + $4' mean 3); kc=$(agg "$row" ctrace '$3 + $4' mean 3)
		rs=$(agg "$row" strace '$5' median 5); rc=$(agg "$row" ctrace '$5' median 5)
		for v in bare strace ctrace; do
			if [ "$(agg "$row" $v '$1' median)" = n/a ] && [ -s "$work/$row.$v" ]; then
				NOTES+=("$row: $v failed or exit status != native's ($EXPECT): $(tail -n1 "$work/$row.$v.err" 2>/dev/null)")
			fi
		done
		printf "$HDR" "$w" "$m" \
			"$(calc %.4f a "$tn")" "$(calc %.4f a "$tb")" \
			"$(calc %.4f a "$ts")" "$(calc %.4f a "$tc")" \
			"$(pratio "$row" ctrace bare)" "$(pratio "$row" ctrace strace)" \
			"$(pratio "$row" ctrace native)" "$(pratio "$row" bare strace)" \
			"$(calc %.2f a/b "$us" "${NSC[$w]}")" "$(calc %.2f a/b "$uc" "${NSC[$w]}")" \
			"$(calc %.2f a/b "$ks" "${NSC[$w]}")" "$(calc %.2f a/b "$kc" "${NSC[$w]}")" \
			"$(calc %.1f a/1024 "$rs")" "$(calc %.1f a/1024 "$rc")" \
			"$(spread "$row" strace)"
		[ "$row" = dd-full ] && FLOOR="$(printf '%-9s %-6s %8s %8s %8s  %8s %8s' "$w" "$m" \
			"$(calc %.4f a "$tb")" "$(calc %.4f a "$(agg "$row" floor '$1' median)")" \
			"$(calc %.4f a "$tc")" "$(pratio "$row" floor bare)" "$(pratio "$row" ctrace floor)")"
		[ "$m" = execve ] && REF+=("$(printf '%-9s %-6s %8s %8s %8s  %8s %8s\n' "$w" "$m" \
			"$(calc %.4f a "$tn")" "$(calc %.4f a "$(agg "$row" sbpf '$1' median)")" \
			"$(calc %.4f a "$tc")" "$(pratio "$row" sbpf native)" "$(pratio "$row" ctrace native)")")
	done
done

echo
echo "reference: strace --seccomp-bpf (medians; ratios paired, as above)"
printf '%-9s %-6s %8s %8s %8s  %8s %8s\n' workload mode native s-bpf ctrace s-bpf/n c/native
printf '%s\n' "${REF[@]}"

if [ -n "$FLOOR" ]; then
	echo
	echo "reference: the floor with the kernel calls the lines need (bareloop -r: + GET_SYSCALL_INFO, data reads)"
	printf '%-9s %-6s %8s %8s %8s  %8s %8s\n' workload mode bare floor ctrace f/bare c/floor
	echo "$FLOOR"
fi

load_end=$(load)
echo
echo "load average at end: $load_end$(busy "$load_end" && echo '  WARNING: busy machine, figures unreliable')"
if [ -n "$RAW" ]; then
	mkdir -p "$RAW" && cp "$work"/*.native "$work"/*.bare "$work"/*.strace "$RAW"/ &&
		{ ! ls "$work"/*.floor >/dev/null 2>&1 || cp "$work"/*.floor "$RAW"/; } &&
		{ ! ls "$work"/*.ctrace >/dev/null 2>&1 || cp "$work"/*.ctrace "$RAW"/; } &&
		cp "$work"/count.* "$RAW"/ &&
		NOTES+=("raw runs (WALL_S EXIT UTIME_US STIME_US MAXRSS_KB SOURCE, one line per run) kept in $RAW")
fi
if [ ${#NOTES[@]} -gt 0 ]; then
	echo "notes:"
	printf '  %s\n' "${NOTES[@]}"
fi
exit 0
