#!/bin/bash
# Differential test of the netlink decoder: the socket calls of
# tests/helpers/nlroute (RTM_GETLINK and RTM_GETADDR dumps, a failing
# request answered by NLMSG_ERROR) and, when iproute2 is installed, of
# `ip link` and `ip addr`, under strace 6.1 and ctrace.  Requests must
# match strace's lines exactly (nlmsg_seq and nlmsg_pid normalised: ip
# picks its sequence numbers from the clock); replies too, with their
# numbers normalised (counters move between two runs).  Each workload must
# show decoded netlink (an nlmsg_type= line), so a run where nothing was
# decoded cannot pass.
. "$(dirname "$0")/lib.sh"
need_strace
[ -x "$HELPERS/nlroute" ] || fail "$HELPERS/nlroute not built"
tmp=$TMP

CALLS=sendto,sendmsg,recvfrom,recvmsg
# requests (send*) as they are; replies (recv*) with every number that
# follows "=", ", " or "[" replaced
normalise() {
	sed -E 's/nlmsg_seq=[0-9]+/nlmsg_seq=SEQ/g; s/nlmsg_pid=[0-9]+/nlmsg_pid=PID/g' "$1" |
	sed -E '/^recv/ s/([=[ ])-?[0-9]+/\1N/g'
}

fail=0
check() { # name cmd...
	name=$1
	shift
	strace -qq -o "$tmp/$name.strace" -e trace=$CALLS "$@" >/dev/null 2>&1
	"$CTRACE" -qq -o "$tmp/$name.ctrace" -e trace=$CALLS "$@" >/dev/null 2>&1
	normalise "$tmp/$name.strace" > "$tmp/$name.s"
	normalise "$tmp/$name.ctrace" > "$tmp/$name.c"
	if ! grep -q 'nlmsg_type=' "$tmp/$name.c"; then
		echo "FAIL: $name: no netlink message decoded"
		fail=1
		return
	fi
	if ! grep -q '^send' "$tmp/$name.s"; then
		echo "FAIL: $name: strace saw no request"
		fail=1
		return
	fi
	# the requests exactly
	if ! diff -u "$tmp/$name.s" "$tmp/$name.c" > "$tmp/$name.diff"; then
		echo "FAIL: $name: ctrace's lines differ from strace's"
		head -c 3000 "$tmp/$name.diff"; echo
		fail=1
		return
	fi
	echo "ok: $name ($(wc -l < "$tmp/$name.c") lines)"
}

check nlroute "$HELPERS/nlroute"
if grep -q 'NLMSG_ERROR.*error=-ENODEV' "$tmp/nlroute.ctrace"; then
	echo "ok: nlroute: NLMSG_ERROR with its errno"
else
	echo "FAIL: nlroute: no NLMSG_ERROR {error=-ENODEV, ...} reply"
	fail=1
fi
if command -v ip >/dev/null 2>&1; then
	check ip-link ip link
	check ip-addr ip addr
else
	echo "SKIP: ip link / ip addr (iproute2 not installed)"
fi
exit $fail
