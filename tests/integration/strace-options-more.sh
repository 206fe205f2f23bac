#!/bin/bash
# strace 6.1's options that strace-options.sh does not cover, compared with
# strace itself on the same workload (pids, addresses and counts blanked):
# -z/-Z, -X, -v/--no-abbrev/-e abbrev=, -x/-xx, -s, -y,
# -qqq, --signal=, -o '|CMD', -p PID together with a command, -C (lines
# and the table), -E VAR=VAL / -E VAR and -u USER.
. "$(dirname "$0")/lib.sh"
need_strace
rc=0
printf 'abc\001\200\n' > "$TMP/data"
WORK=(sh -c 'trap "echo usr1" USR1; echo hi; read -r x <"$0"; echo "$x" >/dev/null; cat /nonexistent 2>/dev/null; kill -USR1 $$' "$TMP/data")
SET=getpid,write,read,openat,close,fstat,newfstatat

norm() {
	perl -pe 's/\b0x[0-9a-f]{6,}\b/0xADDR/g; s/\b\d{3,}\b/N/g; s/st_(a|m|c)time=[^,}]*/st_$1time=T/g;
		s/si_(utime|stime)=\d+( \/\* [0-9.]+ s \*\/)?/si_$1=T/g;
		s/st_(ino|dev|blocks|blksize|nlink|size)=[^,}]*/st_$1=N/g' "$1"
}

same() {
	local name=$1; shift
	( "$STRACE" -o "$TMP/$name.s" "$@" "${WORK[@]}" >/dev/null 2>&1 )
	( "$CTRACE" -o "$TMP/$name.c" "$@" "${WORK[@]}" >/dev/null 2>&1 )
	if ! diff <(norm "$TMP/$name.s") <(norm "$TMP/$name.c") >"$TMP/$name.diff"; then
		echo "FAIL: $name: ctrace $* differs from strace:"
		cat "$TMP/$name.diff"
		rc=1
	fi
}

same successful-only -z -e trace=$SET
same failed-only -Z -e trace=$SET
same successful-only-long --successful-only -e trace=$SET
same failed-only-long --failed-only -e trace=$SET
same xlat-raw -X raw -e trace=$SET
same xlat-verbose -X verbose -e trace=$SET
same verbose -v -e trace=$SET
same no-abbrev --no-abbrev -e trace=$SET
same abbrev -e abbrev=none -e trace=$SET
# -v is abbrev=none where it stands: it undoes an earlier abbrev=, a later
# one narrows it
same abbrev-then-v -e abbrev=newfstatat,fstat -v -e trace=$SET
same v-then-abbrev -v -e abbrev=newfstatat,fstat -e trace=$SET
same hex-x -x -e trace=$SET
same hex-xx -xx -e trace=$SET
same string-limit -s 4 -e trace=$SET
same string-limit-long --string-limit=2 -e trace=$SET
same string-limit-0 -s 0 -e trace=$SET,execve
same decode-y -y -e trace=$SET
same quiet-qqq -qqq -e trace=$SET
same signal-none --signal=none -e trace=$SET
# -e inject= leaves the spawned command's own execve alone (strace neither
# delays nor fails it), and the calls after it are tampered with
same inject-not-first-exec -e inject=execve,read:delay_exit=1 -e trace=$SET,execve
# the pid of -f comes before the timestamp of -r (strace's order)
same follow-relative -f -r -e trace=$SET
# -e verbose=none: structures as addresses, flags and strings as ever
same verbose-none -e verbose=none -e trace=$SET,execve,rt_sigaction,rt_sigprocmask

# -o '|CMD': the trace goes through CMD, which ctrace waits for
"$STRACE" -o "|cat > $TMP/pipe.s" -e trace=$SET "${WORK[@]}" >/dev/null 2>&1
"$CTRACE" -o "|cat > $TMP/pipe.c" -e trace=$SET "${WORK[@]}" >/dev/null 2>"$TMP/pipe.err"
if ! [ -s "$TMP/pipe.c" ] || ! diff <(norm "$TMP/pipe.s") <(norm "$TMP/pipe.c"); then
	echo "FAIL: pipe: ctrace -o '|cat > FILE' differs from strace:"; cat "$TMP/pipe.err"; rc=1
fi

# -p PID with a command: both traced, pid prefixes in the -o file from the
# start.  The target lives until the command's end is in the trace (a
# target that ended by itself, "sleep 0.6", was gone before a loaded
# machine's strace attached, and the oracle lost its lines), then is
# killed: both tracers say so.
pp() {
	local tr=$1 out=$2 sp t st
	sleep 60 & sp=$!
	"$tr" -o "$out" -e trace=exit_group -p $sp sh -c 'exit 3' >/dev/null 2>&1 & t=$!
	for _ in $(seq 400); do
		grep -q 'exited with 3' "$out" 2>/dev/null && break
		sleep 0.05
	done
	kill $sp
	wait $t; st=$?
	echo "status $st" >> "$out"
	wait $sp 2>/dev/null
	sed -E 's/^[0-9]+ /PID /' "$out" | sort > "$out.n"
}
pp "$STRACE" "$TMP/pp.s"; pp "$CTRACE" "$TMP/pp.c"
if ! diff "$TMP/pp.s.n" "$TMP/pp.c.n"; then
	echo "FAIL: attach-and-command: ctrace -p PID CMD differs from strace"; rc=1
fi
# -C: the lines, then strace's table; the table's times vary, so its rows
# are compared on calls, errors and name, and its rule lines as they are
# (rows sorted: their order follows the times)
tbl() { awk '/^% time/ { t = 1 } t && NF >= 5 && $1 ~ /^[0-9.]+$/ { print "row", $4, (NF == 6 ? $5 : "-"), $NF; next }
	t { gsub(/[0-9]/, "D"); print; next } !t' "$1" | sort -s -k1,1 -k4; }
( "$STRACE" -C -o "$TMP/C.s" -e trace=$SET "${WORK[@]}" >/dev/null 2>&1 )
( "$CTRACE" -C -o "$TMP/C.c" -e trace=$SET "${WORK[@]}" >/dev/null 2>&1 )
if ! grep -q '^% time' "$TMP/C.c" || ! diff <(tbl "$TMP/C.s" > "$TMP/C.s.t"; norm "$TMP/C.s.t") \
	<(tbl "$TMP/C.c" > "$TMP/C.c.t"; norm "$TMP/C.c.t") >"$TMP/C.diff"; then
	echo "FAIL: summary-C: ctrace -C differs from strace:"; cat "$TMP/C.diff"; rc=1
fi

# -E VAR=VAL and -E VAR: the tracee's environment (what env prints, in
# its order: a VAR already there keeps its place, as putenv keeps it) and
# the trace (execve's "/* N vars */") as strace's
envrun() {
	local tr=$1 out=$2
	( CTRACE_T_GONE=1 CTRACE_T_KEEP=old "$tr" -o "$out" -E CTRACE_T_NEW=val -E CTRACE_T_GONE \
		-E CTRACE_T_KEEP=new -e trace=execve env > "$out.env" 2>&1 )
	grep -v '^_=' "$out.env" > "$out.out"
}
envrun "$STRACE" "$TMP/E.s"; envrun "$CTRACE" "$TMP/E.c"
if ! grep -qx 'CTRACE_T_NEW=val' "$TMP/E.c.out" || ! grep -qx 'CTRACE_T_KEEP=new' "$TMP/E.c.out" ||
	grep -q '^CTRACE_T_GONE=' "$TMP/E.c.out" || ! diff "$TMP/E.s.out" "$TMP/E.c.out" ||
	! diff <(norm "$TMP/E.s") <(norm "$TMP/E.c"); then
	echo "FAIL: env-E: ctrace -E differs from strace:"; cat "$TMP/E.c.out" "$TMP/E.c"; rc=1
fi

# -u USER: the program runs with the user's ids (root only; strace refuses
# -u too when it is not root)
if [ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1; then
	urun() { ( "$1" -o "$2" -u nobody -e trace=execve,getuid,getgid,geteuid,getegid \
		sh -c 'id -u; id -g' > "$2.out" 2>&1 ); }
	urun "$STRACE" "$TMP/u.s"; urun "$CTRACE" "$TMP/u.c"
	if [ "$(head -1 "$TMP/u.c.out")" != "$(id -u nobody)" ] || ! diff "$TMP/u.s.out" "$TMP/u.c.out" ||
		! diff <(norm "$TMP/u.s") <(norm "$TMP/u.c"); then
		echo "FAIL: user-u: ctrace -u nobody differs from strace:"; cat "$TMP/u.c.out"; rc=1
	fi
else
	echo "SKIP: user-u: -u needs root and a user nobody (uid $(id -u); strace refuses -u too without root)"
fi
exit $rc
