#!/bin/sh
# Run inside a container by tools.sh: each tool's action, for real, all at
# once, then one line per action:
#   TOOL NAME ACTION RESULT DETAIL
# RESULT: ok, degraded (it worked with the loss the tools table names:
# ASLR left on, hardware events missing), fails, or absent (the tool is not
# installed: the line says so and tools.sh fails the configuration).
# Also: `ctrace --check --json` of this container (BEGIN check.json / END).
#
#   tools-inside.sh CTRACE GOPROG
# GOPROG: a Go program with debug info for delve ("" if none was built).
CTRACE=$1
GOPROG=$2
W=$(mktemp -d /tmp/tools.XXXXXX) || exit 1
cd "$W" || exit 1
export HOME=$W TMPDIR=$W _RR_TRACE_DIR=$W/rr LC_ALL=C

echo "ID uid=$(id -u)"
echo "BEGIN check.json"
"$CTRACE" --check --json
echo "END"

# An attach target of the container's user, not a child of the tool.
target() {
	sleep "${1:-60}" >/dev/null 2>&1 &
	echo $!
}
pytarget() {
	python3 -c 'import time
while True: time.sleep(0.01)' >/dev/null 2>&1 &
	echo $!
}

T="timeout -k 5 90"
have() { command -v "$1" >/dev/null 2>&1; }

# Each job: NAME ACTION, output in $W/NAME.ACTION.out, status in .rc;
# stdin from $W/NAME.ACTION.in when there is one.
job() {
	name=$1 action=$2
	shift 2
	in=$W/$name.$action.in
	[ -f "$in" ] || in=/dev/null
	( "$@" >"$W/$name.$action.out" 2>&1 <"$in"; echo $? >"$W/$name.$action.rc" ) &
}
# A tool that stays attached until its target ends: the target ends once
# the tool said it attached (WORDS in its output), or after 60 s.
attach_then_end() {
	o=$1 pid=$2 words=$3
	shift 3
	"$@" &
	tool=$!
	i=0
	while [ $i -lt 600 ] && kill -0 "$tool" 2>/dev/null && ! grep -q "$words" "$o" 2>/dev/null; do
		sleep 0.1
		i=$((i + 1))
	done
	kill "$pid" 2>/dev/null
	wait "$tool"
}

job gdb run $T gdb -nx -q -batch -ex run /usr/bin/true
P1=$(target); job gdb attach $T gdb -nx -q -batch -p "$P1" -ex detach
job gdbserver run $T gdb -nx -q -batch -ex 'target remote | exec gdbserver - /usr/bin/true' -ex continue
P2=$(target); job gdbserver attach $T gdb -nx -q -batch -ex "target remote | exec gdbserver --attach - $P2" -ex detach
# a loaded machine must not make lldb-server's handshake time out
LLDB_SLOW="settings set plugin.process.gdb-remote.packet-timeout 60"
job lldb launch $T lldb -b -O "$LLDB_SLOW" -o run /usr/bin/true
P3=$(target); job lldb attach $T lldb -b -O "$LLDB_SLOW" -p "$P3" -o detach
job strace run $T strace -o /dev/null /usr/bin/true
P4=$(target); job strace attach attach_then_end "$W/strace.attach.out" "$P4" "Process $P4 attached" \
	$T strace -o /dev/null -p "$P4"
job ltrace run $T ltrace -o /dev/null /usr/bin/true
job rr record $T rr record /usr/bin/true
job perf stat $T perf stat -o "$W/perf-stat.txt" -- /usr/bin/true
job perf record $T sh -c "perf record -q -o '$W/perf.data' -- /usr/bin/true && perf evlist -i '$W/perf.data'"
job bpftrace run $T bpftrace -e 'BEGIN { printf("hello from bpftrace\n"); exit(); }'
P5=$(pytarget)
have py-spy && job py-spy dump $T py-spy dump --pid "$P5"
if [ -z "${TOOLS_NO_AUSTIN:-}" ]; then job austin attach $T timeout -s INT 5 austin -i 10000 -t 5000 -p "$P5"
fi
if [ -n "$GOPROG" ]; then
	printf 'continue\nexit\n' >"$W/dlv-run.init"
	job dlv launch $T dlv exec --disable-aslr "$GOPROG" --allow-non-terminal-interactive=true --init "$W/dlv-run.init"
	"$GOPROG" 60 >/dev/null 2>&1 & P6=$!
	printf 'exit\n' >"$W/dlv-attach.init"
	printf 'n\n' >"$W/dlv.attach.in"	# "kill the process?" no: detach
	job dlv attach $T dlv attach "$P6" --allow-non-terminal-interactive=true --init "$W/dlv-attach.init"
fi
job valgrind run $T valgrind -q --error-exitcode=9 /usr/bin/true
job heaptrack run $T heaptrack /usr/bin/true
P7=$(target); job heaptrack attach attach_then_end "$W/heaptrack.attach.out" "$P7" "injection finished" \
	$T heaptrack -p "$P7"
wait
kill "$P1" "$P2" "$P3" ${P5:+"$P5"} ${P6:+"$P6"} 2>/dev/null

# ---- what each did ----
out() { cat "$W/$1.$2.out" 2>/dev/null; }
rc() { cat "$W/$1.$2.rc" 2>/dev/null || echo 255; }
say() { # NAME ACTION RESULT [detail from the output]
	d=$(out "$1" "$2" | grep -v '^$' | tail -n 2 | tr '\n\t' '  ' | cut -c1-200)
	echo "TOOL $1 $2 $3 rc=$(rc "$1" "$2") $d"
}
absent() { echo "TOOL $1 $2 absent $3 is not installed"; }
aslr_warn() { out "$1" "$2" | grep -q 'Error disabling address space randomization'; }

if ! have gdb; then absent gdb run gdb; absent gdb attach gdb; else
	if out gdb run | grep -q 'exited normally'; then
		if aslr_warn gdb run; then say gdb run degraded; else say gdb run ok; fi
	else say gdb run fails; fi
	if out gdb attach | grep -q "process $P1) detached" && ! out gdb attach | grep -q 'ptrace: '; then
		say gdb attach ok; else say gdb attach fails; fi
fi
if ! have gdbserver; then absent gdbserver run gdbserver; absent gdbserver attach gdbserver; else
	if out gdbserver run | grep -q 'exited normally'; then
		if aslr_warn gdbserver run; then say gdbserver run degraded; else say gdbserver run ok; fi
	else say gdbserver run fails; fi
	if out gdbserver attach | grep -q "Attached; pid = $P2"; then
		say gdbserver attach ok; else say gdbserver attach fails; fi
fi
if ! have lldb; then absent lldb launch lldb; absent lldb attach lldb; else
	if out lldb launch | grep -q 'exited with status = 0'; then
		say lldb launch ok; else say lldb launch fails; fi
	if out lldb attach | grep -q "Process $P3 stopped" && ! out lldb attach | grep -q '^error:'; then
		say lldb attach ok; else say lldb attach fails; fi
fi
if ! have strace; then absent strace run strace; absent strace attach strace; else
	if [ "$(rc strace run)" = 0 ]; then say strace run ok; else say strace run fails; fi
	if out strace attach | grep -q "Process $P4 attached" && ! out strace attach | grep -q 'attach: ptrace'; then
		say strace attach ok; else say strace attach fails; fi
fi
if ! have ltrace; then absent ltrace run ltrace; else
	if [ "$(rc ltrace run)" = 0 ] && ! out ltrace run | grep -qi 'ptrace\|couldn'"'"'t'; then
		say ltrace run ok; else say ltrace run fails; fi
fi
if ! have rr; then absent rr record rr; else
	if [ "$(rc rr record)" = 0 ] && ! out rr record | grep -q 'FATAL'; then
		say rr record ok; else say rr record fails; fi
fi
if ! have perf; then absent perf stat perf; absent perf record perf; else
	if [ "$(rc perf stat)" = 0 ] && grep -q 'task-clock' "$W/perf-stat.txt" 2>/dev/null; then
		if grep -q '<not supported>' "$W/perf-stat.txt"; then
			d=$(grep -c '<not supported>' "$W/perf-stat.txt")
			echo "TOOL perf stat degraded rc=0 $d events <not supported>"
		else say perf stat ok; fi
	else
		cat "$W/perf-stat.txt" >>"$W/perf.stat.out" 2>/dev/null
		say perf stat fails
	fi
	if [ "$(rc perf record)" = 0 ]; then
		if out perf record | grep -q '^cpu-clock'; then say perf record degraded
		else say perf record ok; fi
	else say perf record fails; fi
fi
if ! have bpftrace; then absent bpftrace run bpftrace; else
	if out bpftrace run | grep -q 'hello from bpftrace'; then
		say bpftrace run ok; else say bpftrace run fails; fi
fi
if ! have py-spy; then echo "TOOL py-spy dump n/a py-spy is not packaged in Debian 12 (pip install py-spy)"
else
	if [ "$(rc py-spy dump)" = 0 ] && out py-spy dump | grep -q "Process $P5"; then
		say py-spy dump ok; else say py-spy dump fails; fi
fi
if [ -n "${TOOLS_NO_AUSTIN:-}" ]; then echo "TOOL austin attach n/a $TOOLS_NO_AUSTIN"
elif ! have austin; then absent austin attach austin; else
	# samples are lines "P<pid>;T<tid>;... <µs>"
	if out austin attach | grep -q "^P$P5;"; then
		say austin attach ok; else say austin attach fails; fi
fi
if [ -z "$GOPROG" ]; then absent dlv launch "a Go program for delve"; absent dlv attach "a Go program for delve"
else
	# the program prints its personality: 00040000 with ASLR off
	if out dlv launch | grep -q 'Process [0-9]* has exited with status 0'; then
		if out dlv launch | grep -q '^personality 00040000'; then say dlv launch ok
		else say dlv launch degraded; fi
	else say dlv launch fails; fi
	if [ "$(rc dlv attach)" = 0 ] && ! out dlv attach | grep -q 'could not attach'; then
		say dlv attach ok; else say dlv attach fails; fi
fi
if ! have valgrind; then absent valgrind run valgrind; else
	if [ "$(rc valgrind run)" = 0 ]; then say valgrind run ok; else say valgrind run fails; fi
fi
if ! have heaptrack; then absent heaptrack run heaptrack; absent heaptrack attach heaptrack; else
	if [ "$(rc heaptrack run)" = 0 ] && out heaptrack run | grep -q 'heaptrack --analyze'; then
		say heaptrack run ok; else say heaptrack run fails; fi
	# gdb's words while injecting (removing the injection from the
	# target that was ended meanwhile fails, harmlessly)
	if out heaptrack attach | grep -q 'injection finished' &&
	   ! out heaptrack attach | sed '/injection finished/q' | grep -q 'ptrace: \|not being run'; then
		say heaptrack attach ok; else say heaptrack attach fails; fi
fi
# the tools' own words, for the log
for f in "$W"/*.out; do
	echo "BEGIN $(basename "$f")"
	tail -n 15 "$f"
	echo "END"
done
cd / && rm -rf "$W"
