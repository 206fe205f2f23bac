#!/bin/bash
# strace 6.1's options, compared with strace itself on the same workload:
# the two traces must be the same once pids, addresses and instruction
# pointers are blanked (keeping their width, so -a alignment is compared).
. "$(dirname "$0")/lib.sh"
need_strace
rc=0
printf 'abc\001\200\n' > "$TMP/data"
# dash, no child: the same syscalls under both tracers
WORK=(sh -c 'trap "echo usr1" USR1; echo hi; read -r x <"$0"; echo "$x" >/dev/null; kill -USR1 $$' "$TMP/data")
SET=getpid,write,read,openat,close

norm() {
	perl -pe 's/\b0x[0-9a-f]{6,}\b/0xADDR/g; s/\[([0-9a-f]{16})\]/"[" . ("X" x 16) . "]"/ge;
		s/\b\d{3,}\b/N/g' "$1"
}

# same NAME OPTS... : trace WORK under both with OPTS, compare
same() {
	local name=$1; shift
	( "$STRACE" -o "$TMP/$name.s" "$@" "${WORK[@]}" >/dev/null 2>&1 )
	( "$CTRACE" -o "$TMP/$name.c" "$@" "${WORK[@]}" >/dev/null 2>"$TMP/$name.err" )
	# ctrace's own messages are strace's, with its name
	sed "s|^$CTRACE: |strace: |" "$TMP/$name.err" > "$TMP/$name.c.msg"
	( "$STRACE" -o /dev/null "$@" "${WORK[@]}" >/dev/null 2>"$TMP/$name.s.msg" )
	if ! diff "$TMP/$name.s.msg" "$TMP/$name.c.msg" >"$TMP/$name.msg.diff"; then
		echo "FAIL: $name: ctrace $*: messages differ from strace's:"; cat "$TMP/$name.msg.diff"; rc=1
	fi
	if ! diff <(norm "$TMP/$name.s") <(norm "$TMP/$name.c") >"$TMP/$name.diff"; then
		echo "FAIL: $name: ctrace $* differs from strace:"
		cat "$TMP/$name.err" "$TMP/$name.diff"
		rc=1
	fi
}

same columns-a -a 20 -e trace=$SET
same columns-long --columns=60 -e trace=$SET
same columns-0 -a0 -e trace=$SET
same syscall-number -n -e trace=$SET
same instruction-pointer -i -e trace=$SET
same ip-and-number --instruction-pointer --syscall-number -e trace=$SET
same trace-long --trace=$SET
same signal-long --signal=none --trace=$SET
same status-long --status=successful --trace=$SET
same raw-long --raw=openat --trace=$SET
same quiet-exit -e quiet=exit -e trace=$SET
same quiet-long --quiet=exit,attach --trace=$SET
same quiet-qq -qq -e trace=$SET
same strings-in-hex --strings-in-hex=all -e trace=$SET
same strings-in-hex-nonascii --strings-in-hex=non-ascii -e trace=$SET
same strings-in-hex-chars --strings-in-hex=non-ascii-chars -e trace=$SET
same const-print-style --const-print-style=raw -e trace=$SET
same decode-fds --decode-fds=path -e trace=$SET
same decode-fds-e -e decode-fds=path -e trace=$SET

# -P / --trace-path: calls that name the path or use a fd that refers to it
same trace-path -P "$TMP/data"
same trace-path-long --trace-path="$TMP/data" --trace-path=/dev/null
same trace-path-resolved -P "$TMP/../$(basename "$TMP")/data"
same trace-path-quiet -e quiet=path-resolution -P "$TMP/./data"

# -e inject / -e fault: the call fails (or returns) as asked, the line says
# so as strace's does, and the program sees it (its stdout is compared too)
INJ=(sh -c 'echo $$ $PPID; cd /var; pwd; exec 5</dev/null; exec 5<&-; exec 6</dev/null; exec 6<&-')
inj() { # name opts...
	local name=$1; shift
	( "$STRACE" -qq -o "$TMP/$name.s" "$@" "${INJ[@]}" >"$TMP/$name.s.out" 2>&1 ) 2>/dev/null
	( "$CTRACE" -qq -o "$TMP/$name.c" "$@" "${INJ[@]}" >"$TMP/$name.c.out" 2>&1 ) 2>/dev/null
	if ! diff <(norm "$TMP/$name.s"; norm "$TMP/$name.s.out") \
		  <(norm "$TMP/$name.c"; norm "$TMP/$name.c.out") >"$TMP/$name.diff"; then
		echo "FAIL: $name: ctrace $* differs from strace:"; cat "$TMP/$name.diff"; rc=1
	fi
}
inj inject-retval -e trace=getpid,getppid -e inject=getpid:retval=42 -e inject=getppid:error=EPERM
inj inject-long --trace=getpid,chdir --inject=getpid,chdir:error=ENOENT
inj inject-syscall -e trace=getpid -e inject=getpid:syscall=getppid:retval=5
inj inject-when -e trace=dup2,close -e inject=dup2,close:retval=0:when=2+2
inj inject-when-range -e trace=fcntl,close -e inject=close:error=EBADF:when=1..3
inj fault-default -e trace=chdir -e fault=chdir
inj fault-long --trace=chdir --fault=chdir:error=EACCES:when=1
inj inject-signal -e trace=getppid -e inject=getppid:signal=USR2
inj inject-poke -e trace=chdir -e inject=chdir:poke_enter=@arg1=2f746d7000
inj inject-delay -e trace=getppid -e inject=getppid:delay_enter=1000:delay_exit=1ms
inj inject-delay-retval -e trace=getppid -e inject=getppid:retval=3:delay_exit=10us

# -A / --output-append-mode: the old content stays, the trace follows
echo "old line" > "$TMP/app.s"; cp "$TMP/app.s" "$TMP/app.c"
( "$STRACE" -A -o "$TMP/app.s" -e trace=$SET "${WORK[@]}" >/dev/null 2>&1 )
( "$CTRACE" --output-append-mode -o "$TMP/app.c" -e trace=$SET "${WORK[@]}" >/dev/null 2>&1 )
diff <(norm "$TMP/app.s") <(norm "$TMP/app.c") || { echo "FAIL: -A differs from strace"; rc=1; }

[ $rc = 0 ] && echo "ok: strace-options"
exit $rc
