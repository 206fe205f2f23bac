#!/bin/bash
# strace 6.1's -e read=/write= dumps, -Y / --decode-pids=comm,pidns,
# -e kvm=, --secontext, -d and --tips, compared with strace itself on the
# same program (tests/helpers/iodump): the traces must be the same once
# pids and addresses are blanked.
. "$(dirname "$0")/lib.sh"
need_strace
rc=0
IO=$HELPERS/iodump
[ -x "$IO" ] || skip "tests/helpers/iodump is not built"
IOSET=read,write,readv,writev,pwritev,sendto,recvfrom,sendmsg,recvmsg,sendmmsg,recvmmsg
# the child's calls, then the parent's after its wait4 (no interleaving)
PIDSET="gettid,kill,getpid,getpgrp -e signal=none"

norm() {
	perl -pe 's/\b0x[0-9a-f]{6,}\b/0xADDR/g; s/\b\d{3,}\b/N/g' "$1"
}

# same NAME OPTS... -- CMD...: trace CMD under both with OPTS (-o), compare
# the traces; ctrace's stderr is left in $TMP/NAME.err
same() {
	local name=$1; shift
	local opts=()
	while [ "$1" != -- ]; do opts+=("$1"); shift; done
	shift
	( "$STRACE" -o "$TMP/$name.s" "${opts[@]}" "$@" >/dev/null 2>"$TMP/$name.s.err" )
	( "$CTRACE" -o "$TMP/$name.c" "${opts[@]}" "$@" >/dev/null 2>"$TMP/$name.err" )
	if ! diff <(norm "$TMP/$name.s") <(norm "$TMP/$name.c") >"$TMP/$name.diff"; then
		echo "FAIL: $name: ctrace ${opts[*]} differs from strace:"
		cat "$TMP/$name.err" "$TMP/$name.diff"
		rc=1
	fi
}

# -e read=SET / -e write=SET: hex dumps after the lines of the listed fds
# (the pipe is 3 and 4, the sockets 5 and 6)
same dump-read-write -e trace=$IOSET -e read=3 -e write=4 -- "$IO"
same dump-all -e trace=$IOSET -e read=all -e write=all -- "$IO"
same dump-sockets --trace=$IOSET --read=6 --write=5 -- "$IO"
same dump-negated -e trace=$IOSET -e reads='!3' -e writes=none -- "$IO"
same dump-short-names -e trace=$IOSET -e r=3,6 -e w=4,5 -- "$IO"
grep -q '^ | 00000  00 07 0e 15' "$TMP/dump-all.c" || { echo "FAIL: dump-all: no dump of the 300-byte write"; rc=1; }

# -Y / --decode-pids=comm: "1234<comm>" in the prefix, arguments, returns
same pids-Y -f -Y -e trace=$PIDSET -- "$IO"
same pids-comm-long -f --decode-pids=comm -e trace=$PIDSET -- "$IO"
same pids-comm-e -f -e decode-pids=comm -e signal=none -e trace=$PIDSET -- "$IO"
grep -qE '^[0-9]+<kid\\0741\\76> kill\([0-9]+<kid\\0741\\76>, 0\)' "$TMP/pids-Y.c" ||
	{ echo "FAIL: pids-Y: no quoted comm in the child's kill line"; rc=1; }

# --decode-pids=pidns: ids in the tracee's pid namespace translated
if machine_can userns-pidns "a user and pid namespace (unshare -Urpf)" unshare -Urpf true; then
	same pidns -f --decode-pids=pidns -e trace=$PIDSET -- unshare -Urpf "$IO"
	same pidns-long -f --pidns-translation -e trace=$PIDSET -- unshare -Urpf "$IO"
	# each of -Y, --pidns-translation, --decode-pids= replaces the others
	same pidns-then-Y -f --pidns-translation -Y -e trace=$PIDSET -- unshare -Urpf "$IO"
	same pidns-and-comm -f -e decode-pids=pidns,comm -e trace=$PIDSET -- unshare -Urpf "$IO"
	grep -q "getpid() *= 1 /\* N in strace's PID NS \*/" <(norm "$TMP/pidns.c") ||
		{ echo "FAIL: pidns: getpid of the namespace's init not translated"; rc=1; }
fi

# -e kvm=vcpu: accepted; one line says why it has no effect here
same kvm -e kvm=vcpu -e trace=getpid -- "$IO"
if [ "$(wc -l < "$TMP/kvm.err")" != 1 ] || ! grep -q "kvm=vcpu has no effect: " "$TMP/kvm.err"; then
	echo "FAIL: kvm: expected one line saying why -e kvm=vcpu has no effect, got:"; cat "$TMP/kvm.err"; rc=1
fi

# --secontext: this strace is built without it and dies; ctrace accepts it,
# traces as without it and says in one line why it has no effect
for o in --secontext --secontext=full -e\ secontext=mismatch --secontext='!full,mismatch'; do
	# shellcheck disable=SC2086
	( "$CTRACE" -o "$TMP/se.c" $o -e trace=getpid "$IO" >/dev/null 2>"$TMP/se.err" ) ||
		{ echo "FAIL: secontext: ctrace $o failed"; cat "$TMP/se.err"; rc=1; }
	( "$STRACE" -o "$TMP/se.s" -e trace=getpid "$IO" >/dev/null 2>&1 )
	diff <(norm "$TMP/se.s") <(norm "$TMP/se.c") || { echo "FAIL: secontext: $o changed the trace"; rc=1; }
	if [ "$(wc -l < "$TMP/se.err")" != 1 ] || ! grep -q "secontext has no effect: " "$TMP/se.err"; then
		echo "FAIL: secontext: expected one line saying why $o has no effect, got:"; cat "$TMP/se.err"; rc=1
	fi
done

# -d: the trace is the same, debug messages go to stderr
same debug -d -e trace=getpid -- "$IO"
grep -q "^$CTRACE: "'\[wait(0x[0-9a-f]*) = [0-9]*\] WIFSTOPPED' "$TMP/debug.err" ||
	{ echo "FAIL: debug: no wait status among -d's messages:"; head -5 "$TMP/debug.err"; rc=1; }
same debug-long --debug -e trace=getpid -- "$IO"
[ -s "$TMP/debug-long.err" ] || { echo "FAIL: debug-long: --debug printed nothing"; rc=1; }

# --tips: the trace is the same, a tip follows on stderr (none with
# format:none, as strace)
same tips --tips -e trace=getpid -- "$IO"
grep -q '^| .* |$' "$TMP/tips.err" || { echo "FAIL: tips: no tip on stderr:"; cat "$TMP/tips.err"; rc=1; }
same tips-full --tips=id:2,format:full -e trace=getpid -- "$IO"
grep -q 'tip 2 of' "$TMP/tips-full.err" || { echo "FAIL: tips-full: not tip 2 in full:"; cat "$TMP/tips-full.err"; rc=1; }
same tips-none --tips=format:none -e trace=getpid -- "$IO"
[ -s "$TMP/tips-none.s.err" ] || [ -s "$TMP/tips-none.err" ] && { echo "FAIL: tips-none: stderr not empty"; cat "$TMP/tips-none.err"; rc=1; }

# bad values: strace's message, exit status 1
bad() {
	local s c
	s=$("$STRACE" "$@" true 2>&1 >/dev/null | head -1); local src=$?
	c=$("$CTRACE" "$@" true 2>&1 >/dev/null | head -1 | sed "s|^$CTRACE: |strace: |")
	"$CTRACE" "$@" true >/dev/null 2>&1; local crc=$?
	"$STRACE" "$@" true >/dev/null 2>&1; src=$?
	if [ "$s" != "$c" ] || [ $crc != $src ]; then
		echo "FAIL: bad value $*: strace says '$s' ($src), ctrace '$c' ($crc)"; rc=1
	fi
}
bad -e read=x
bad -e write=3,-1
bad --read=
bad -e kvm=foo
bad -e decode-pids=foo
bad --decode-pids=comm,bar
bad --tips=bogus
bad --tips=id:x

[ $rc = 0 ] && echo "ok: strace-options-io-pids"
exit $rc
