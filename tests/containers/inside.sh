# tests/containers/inside.sh CTRACE CTR_DIR PYTHON
#
# Runs inside a container (POSIX sh: dash from the host's /usr, or busybox).
# Prints ctrace's --check report and what really happens when each tracing
# mode is tried, for verdicts.py to compare:
#
#   ID uid=N pid1uid=N
#   BEGIN name / ... / END     a file: check.json, check.txt, their .err;
#                              pid-KEY.json: --check --json -p TARGET for the
#                              target of observation KEY
#   RC name N                  exit status of a command
#   OBS mode result detail     result: ok | slow (worked, no fast path) |
#                              fail | na (the case cannot be set up here)
#   REF tool mode result detail  the same for strace (reference only)

CT=$1
DIR=$2
PY=$3
T=$(mktemp -d /tmp/ctr-inside.XXXXXX) || exit 2
trap 'rm -rf "$T"' EXIT

. "$DIR/observe.sh"

ME=$(id -u)
echo "ID uid=$ME pid1uid=$(uid_of 1)"

# --- the report -----------------------------------------------------------
report check.json "$CT" --check --json
report check.txt "$CT" --check

# --- direct facts (no tracer): the fast paths on their own ---------------
"$PY" "$DIR/probe.py" vmread >"$T/vm" 2>&1
echo "OBS fast-vmread $(cat "$T/vm")"
"$PY" "$DIR/probe.py" seccomp >"$T/sc" 2>&1
echo "OBS direct-seccomp $(cat "$T/sc")"

# --- spawn ------------------------------------------------------------------
# traced NAME TEXT TRACER ARGS...: run TRACER -o FILE ARGS...; it worked
# when it exits 0 and the trace shows TEXT.
traced() {
	name=$1
	text=$2
	tool=$3
	shift 3
	"$tool" -o "$T/$name.trace" "$@" >/dev/null 2>"$T/$name.err"
	rc=$?
	worked=no
	[ $rc -eq 0 ] && grep -q -F -e "$text" "$T/$name.trace" 2>/dev/null && worked=yes
	judge $rc $worked "$T/$name.err"
}
echo "OBS spawn $(traced spawn 'execve(' "$CT" true)"
echo "REF strace spawn $(traced spawn 'execve(' strace true)"

# --- attach ---------------------------------------------------------------
sleep 30 </dev/null >/dev/null 2>&1 &
SIB=$!
report pid-attach.json "$CT" --check --json -p $SIB
echo "OBS attach $(try_attach $SIB "$CT")"
echo "REF strace attach $(try_attach $SIB strace)"
kill $SIB 2>/dev/null
wait $SIB 2>/dev/null

# PID 1 is a `sleep`, root's (docker/podman run) or the user's (a pod's
# runAsUser): the same uid is mode attach, another uid mode attach-other.
P1UID=$(uid_of 1)
if [ "$ME" = "$P1UID" ]; then
	report pid-attach-pid1.json "$CT" --check --json -p 1
else
	report pid-attach-other.json "$CT" --check --json -p 1
fi
P1=$(try_attach 1 "$CT")
if [ "$ME" = "$P1UID" ]; then
	echo "OBS attach-pid1 $P1"
	[ "$ME" = 0 ] ||	# (root tries a uid 1000 process below)
		echo "OBS attach-other na no other user's process here (PID 1 runs as uid $ME too)"
else
	echo "OBS attach-other $P1 (pid 1, uid $P1UID)"
	echo "REF strace attach-other $(try_attach 1 strace) (pid 1, uid $P1UID)"
fi

# Root attaching to another user's process (needs CAP_SYS_PTRACE).
if [ "$ME" = 0 ]; then
	setpriv --reuid=1000 --regid=1000 --clear-groups sleep 30 \
		</dev/null >/dev/null 2>"$T/setpriv.err" &
	OTHER=$!
	i=0
	while [ "$(uid_of $OTHER)" != 1000 ] && ! gone $OTHER && [ $i -lt 100 ]; do
		sleep 0.01
		i=$((i + 1))
	done
	if [ "$(uid_of $OTHER)" = 1000 ]; then
		report pid-attach-other.json "$CT" --check --json -p $OTHER
		echo "OBS attach-other $(try_attach $OTHER "$CT") (uid 1000 sleep)"
		echo "REF strace attach-other $(try_attach $OTHER strace) (uid 1000 sleep)"
	else
		echo "OBS attach-other na setpriv: $(err_text "$T/setpriv.err")"
	fi
	kill $OTHER 2>/dev/null
	wait $OTHER 2>/dev/null
fi

# --- memory: a traced cat shows the buffer it read -------------------------
WORD=ctrace-memory-$$
echo "$WORD" >"$T/memfile"
echo "OBS memory-read $(traced mem "\"$WORD\\n\"" "$CT" cat "$T/memfile")"
echo "REF strace memory $(traced mem "\"$WORD\\n\"" strace cat "$T/memfile")"

# --- ASLR off, the way gdb does it -----------------------------------------
# try_noaslr CMD...: the program must run with ADDR_NO_RANDOMIZE set.
try_noaslr() {
	"$@" cat /proc/self/personality >"$T/pers" 2>"$T/aslr.err"
	rc=$?
	p=$(cat "$T/pers" 2>/dev/null)
	worked=no
	if [ $rc -eq 0 ] && [ -n "$p" ] && [ $((0x$p & 0x0040000)) -ne 0 ]; then
		worked=yes
	fi
	judge $rc $worked "$T/aslr.err"
}
echo "OBS no-aslr-direct $(try_noaslr setarch -R)"
echo "OBS no-aslr $(try_noaslr "$CT" -o "$T/aslr.trace" --no-aslr)"

# --- seccomp-bpf filtered tracing, stack traces ----------------------------
echo "OBS seccomp-bpf-run $(traced bpf 'execve(' "$CT" -f --seccomp-bpf -e trace=execve true)"
echo "OBS stack-trace-run $(traced k ' > ' "$CT" -k true)"
exit 0
