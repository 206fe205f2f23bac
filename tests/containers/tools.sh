#!/bin/bash
# Debuggers in containers, against reality: in each configuration below a
# real container runs every tool's action (tools-inside.sh: gdb, gdbserver,
# lldb, strace, ltrace, rr, perf, bpftrace, austin, dlv, valgrind,
# heaptrack, all at once) and `ctrace --check --json` inside it; the
# verdict of each row of "tools" must equal what the tool did.  The last
# configuration is a container started with the profile and the flags that
# `--check --write-profile` wrote and printed, whose what-if verdicts must
# be "ok" for the tools it was asked for, and true.
#
# Prints the table tool x configuration, predicted/real.  A tool that is
# not installed fails the test (apt-get install gdb gdbserver lldb strace
# ltrace rr linux-perf bpftrace delve valgrind heaptrack austin golang-go).
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
. "$srcdir/tests/containers/lib.sh"
[ "${CTRACE_SKIP_TOOLS:-0}" = 1 ] &&
	ctr_skip "CTRACE_SKIP_TOOLS=1 (the tools were judged in the normal build of this CI run)"

podman_require
docker_require

# The machine itself: without hardware counters no container has them,
# and rr must be judged "fails" everywhere (asserted through the table).
echo "native: perf stat -e instructions /usr/bin/true: $(perf stat -x, -e instructions /usr/bin/true 2>&1 >/dev/null | cut -d, -f1,3 | head -n1)"

# A tool that fails natively cannot be judged in a container: austin
# (Debian 12's 1.0.1) does not know Python 3.11.  Proven here, without
# ctrace and without a container, with the same action as inside.
NO_AUSTIN=
if command -v austin >/dev/null 2>&1 && [ -x /usr/bin/python3 ]; then
	/usr/bin/python3 -c 'import time
while True: time.sleep(0.01)' >/dev/null 2>&1 &
	py=$!
	sleep 0.5
	if ! timeout -s INT 5 austin -i 10000 -t 5000 -p "$py" 2>&1 | grep -q "^P$py;"; then
		NO_AUSTIN="austin fails natively (no container, no ctrace): $(timeout -s INT 5 austin -i 10000 -t 5000 -p "$py" 2>&1 | grep -v '^$' | head -n1)"
		echo "native: $NO_AUSTIN"
	fi
	kill "$py" 2>/dev/null
fi

# A Go program with debug info, for delve.
GOPROG=
if command -v go >/dev/null 2>&1; then
	mkdir -p "$CTR_TMP/go"
	if GOCACHE=$CTR_TMP/go/cache GOPATH=$CTR_TMP/go GO111MODULE=off GOFLAGS= \
		go build -o "$CTR_TMP/goprog" "$CTR_DIR/goprog/main.go" >"$CTR_TMP/go.err" 2>&1; then
		GOPROG=$CTR_TMP/goprog
	else
		ctr_fail "go build of tests/containers/goprog failed: $(cat "$CTR_TMP/go.err")"
	fi
fi
chmod 755 "$CTR_TMP"

# tools_config ENGINE NAME [run flags...] [-- exec flags...]
tools_config() {
	local engine=$1 cfg=$2 id rc
	shift 2
	ctr_split "$@"
	local run=("${CTR_FLAGS[@]}") exe=("${CTR_CMD[@]}")
	echo "=== $engine $cfg: run ${run[*]:-(no flags)}${exe[*]:+; exec ${exe[*]}}"
	id=ctrace-tools-$cfg-$$
	ctr_on_exit "ctr_rm $engine $id"
	local vol=()
	[ "$engine" = docker ] && vol=(-v "$CTR_TMP:$CTR_TMP:ro")
	case $engine in
	podman) run_podman -d --name "$id" "${run[@]}" -- sleep 600 ;;
	docker) run_docker -d --name "$id" "${vol[@]}" "${run[@]}" -- sleep 600 ;;
	esac >/dev/null 2>"$CTR_TMP/$cfg.start" ||
		{ echo "FAIL: cannot start the container: $(cat "$CTR_TMP/$cfg.start")"; return 1; }
	ctr_exec "$engine" "$id" "${exe[@]}" \
		-e "ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
		-e "TOOLS_NO_AUSTIN=$NO_AUSTIN" -- \
		sh "$CTR_DIR/tools-inside.sh" "$CTRACE" "$GOPROG" >"$CTR_TMP/$cfg.out" 2>"$CTR_TMP/$cfg.err"
	rc=$?
	ctr_rm "$engine" "$id"
	[ $rc -eq 0 ] || { echo "FAIL: tools-inside.sh exited $rc: $(tail -n 3 "$CTR_TMP/$cfg.err")"; return 1; }
	CFGS+=("$cfg=$CTR_TMP/$cfg.out")
}

CFGS=()
st=()
tools_config docker docker-default;                                          st+=($?)
tools_config docker docker-cap-ptrace --cap-add SYS_PTRACE;                   st+=($?)
tools_config docker docker-unconfined --security-opt seccomp=unconfined;      st+=($?)
tools_config podman podman-default;                                           st+=($?)
tools_config docker deny-ptrace --security-opt "seccomp=$CTR_PROFILES/ctr-ptrace-eperm.json"; st+=($?)
tools_config docker user-1000 -- --user 1000;                                 st+=($?)
tools_config docker no-new-privs --security-opt no-new-privileges;           st+=($?)

# The narrowest profile for these tools, from the running dockerd's default
# profile (built into ctrace in the version this dockerd applies), used in
# Docker with exactly the flags ctrace prints.
FOR=gdb,lldb,dlv,perf,bpftrace,heaptrack,strace
if :; then
	# Docker's built-in profile of the running dockerd's version: Docker
	# 20.10 refuses --cap-add BPF and PERFMON, 23.0 takes them
	ctr_whatif_args docker
	"$CTRACE" --check "${CTR_WHATIF[@]}" \
		--write-profile "$CTR_TMP/written.json" --for "$FOR" >"$CTR_TMP/write.txt" 2>&1
	wrc=$?
	sed 's/^/  write-profile: /' "$CTR_TMP/write.txt"
	flags=$(sed -n 's/^ *docker run \(.*\) IMAGE.*$/\1/p' "$CTR_TMP/write.txt" | head -n1)
	# exit 2: some target stays degraded for a reason no profile removes
	# (perf without hardware counters); the table judges each tool
	if { [ $wrc -ne 0 ] && [ $wrc -ne 2 ]; } || [ -z "$flags" ] || [ ! -s "$CTR_TMP/written.json" ]; then
		echo "FAIL: --write-profile (exit $wrc) printed no docker run flags or wrote nothing"
		st+=(1)
	else
		# the flags, as printed (the profile path has no blanks)
		read -r -a fl <<<"$flags"
		tools_config docker written "${fl[@]}"; st+=($?)
		WRITTEN_FOR=$FOR
	fi
fi

"$CTR_PYTHON" "$CTR_DIR/tools_table.py" "${WRITTEN_FOR:-}" "${CFGS[@]}"; st+=($?)
ctr_finish "${st[@]}"
