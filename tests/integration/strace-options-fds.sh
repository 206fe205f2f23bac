#!/bin/bash
# -y / -yy / --decode-fds=KINDS compared with strace 6.1 on the same
# workload: each kind (path, socket, dev, pidfd) decorates only its own
# descriptors ("dev" a device's path and numbers, "socket" a socket,
# "pidfd" a pidfd's pid, "path" the path of any); and -y under a pid
# namespace whose /proc is from outside it (ctrace run under unshare -p).
. "$(dirname "$0")/lib.sh"
need_strace
command -v python3 >/dev/null 2>&1 || skip "python3 is needed for the workload"
rc=0
printf 'abc\n' > "$TMP/data"
# a file, a device, a unix socket and a pidfd; each closed (close is traced)
WORK=(python3 -c '
import os, socket, sys
f = os.open(sys.argv[1], os.O_RDONLY)
d = os.open("/dev/null", os.O_RDONLY)
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
p = os.pidfd_open(os.getpid())
os.close(f); os.close(d); s.close(); os.close(p)
' "$TMP/data")

# With -f, the pid column names the processes by order of appearance (P1,
# P2...): in a new pid namespace the tracee's pid is the number of
# processes the tool forked before it (strace forks two to probe ptrace,
# ctrace none or two depending on its seccomp state), not a decoding.
# The padding after the pid and before " = " is squeezed: it follows the
# length of numbers hidden (a pid of 5 digits in one run and 6 in the other).
norm() {
	perl -pe 's/^(\d+)\s+/($id{$1} \/\/= "P" . ++$n) . " "/e; s/\b0x[0-9a-f]{6,}\b/0xADDR/g; s/\b\d{3,}\b/N/g; s/\) +=(?= )/) =/' "$1"
}

# same NAME OPTS... : trace WORK under both with OPTS, compare the lines
# after the workload's first open of its data file (all, when it has none)
same() {
	local name=$1; shift
	( $PREFIX "$STRACE" -o "$TMP/$name.s" "$@" "${WORK[@]}" >/dev/null 2>&1 )
	( $PREFIX "$CTRACE" -o "$TMP/$name.c" "$@" "${WORK[@]}" >/dev/null 2>"$TMP/$name.err" )
	for t in s c; do
		if grep -q "sendto" "$TMP/$name.$t"; then
			cp "$TMP/$name.$t" "$TMP/$name.$t.tail"
		else
			sed -n "\\|$TMP/data|,\$p" "$TMP/$name.$t" > "$TMP/$name.$t.tail"
		fi
	done
	if ! [ -s "$TMP/$name.s.tail" ]; then
		echo "FAIL: $name: strace $* traced nothing of the workload"; rc=1
	elif ! diff <(norm "$TMP/$name.s.tail") <(norm "$TMP/$name.c.tail") >"$TMP/$name.diff"; then
		echo "FAIL: $name: ctrace $* differs from strace:"
		cat "$TMP/$name.err" "$TMP/$name.diff"
		rc=1
	fi
}

SET=trace=openat,close
PREFIX=
same fds-y -y -e $SET
same fds-yy -yy -e $SET
for k in path socket dev pidfd all none path,dev socket,pidfd; do
	same "fds-$k" --decode-fds=$k -e $SET
	same "fds-e-$k" -e decode-fds=$k -e $SET
done
# strace refuses -y with --decode-fds, and so does ctrace
for o in "--decode-fds=dev -y" "-yy -e decode-fds=path"; do
	"$STRACE" $o true >/dev/null 2>"$TMP/both.s"; s=$?
	"$CTRACE" $o true >/dev/null 2>"$TMP/both.c"; c=$?
	sed -i "s|^$CTRACE: |strace: |" "$TMP/both.c"  # messages start with argv[0], as strace's
	if [ $s != $c ] || ! diff "$TMP/both.s" "$TMP/both.c"; then
		echo "FAIL: ctrace $o: exit $c, strace exit $s"; rc=1
	fi
done

# ctrace under a new pid and user namespace, /proc still the outer one:
# the tracee's descriptors are found under its outer pid
if machine_can unshare "unshare -Urpf" unshare -Urpf true; then
	PREFIX="unshare -Urpf"
	same pidns-y -y -e $SET
	same pidns-yy -yy -e $SET
	same pidns-f-y -f --decode-pids=pidns -y -e $SET
fi

# a netlink message's nlmsg_pid is a pid of the tracee's namespace:
# --decode-pids=pidns gives ctrace's too (the tracee in a new one)
PREFIX=
if machine_can unshare "unshare -Upf" unshare -Upf --map-root-user true; then
	WORK=(unshare -Upf --map-root-user python3 -c '
import os, socket, struct
s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 9)  # NETLINK_AUDIT
s.bind((0, 0))
s.sendto(struct.pack("=IHHII", 16, 1000, 1, 0, os.getpid()), (0, 0))
')
	same pidns-nlmsg_pid -qq -f --decode-pids=pidns -e signal=none -e trace=sendto
fi

[ $rc = 0 ] && pass "--decode-fds kinds and -y under a pid namespace match strace"
exit $rc
