#!/bin/sh
# Output options and -e expressions behave as in strace: error messages and
# exit status for bad expressions, -z/-Z/-e status=, -e raw=, -X, -x/-xx,
# -s, -y/-yy.  Expected lines are strace 6.1's formats.
ctrace=${CTRACE:-src/ctrace}
: "${srcdir:=.}" "${HELPERS:=$(dirname "$ctrace")/../tests/helpers}"
[ -x "$ctrace" ] || { echo "FAIL: $ctrace not built"; exit 1; }
CTRACE=$ctrace; . "$srcdir/tests/ptrace.sh"; need_ptrace

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }

# usage errors: message and exit status 1
experr() { # expected-message args...
	want=$1; shift
	"$ctrace" "$@" true >/dev/null 2>"$tmp/err"
	rc=$?
	[ $rc = 1 ] || bad "ctrace $*: exit $rc, want 1"
	grep -qxF "$ctrace: ${want#ctrace: }" "$tmp/err" || bad "ctrace $*: stderr '$(head -1 "$tmp/err")', want '$want'"
}
experr "ctrace: invalid system call 'nosuch'" -e trace=nosuch
experr "ctrace: invalid system call 'nosuch'" -e trace=open,nosuch
experr "ctrace: invalid system call '%nosuch'" -e trace=%nosuch
experr "ctrace: invalid system call '/^nosuch'" -e trace=/^nosuch
experr "ctrace: regcomp: [: Invalid regular expression" -e 'trace=/['
experr "ctrace: invalid status 'foo'" -e status=foo
experr "ctrace: invalid signal 'FOO'" -e signal=FOO
experr "ctrace: invalid system call 'nosuch'" -e raw=nosuch
experr "ctrace: invalid -X argument: 'foo'" -X foo
experr "ctrace: invalid inject argument 'getpid:error=EFOO'" -e inject=getpid:error=EFOO
experr "ctrace: invalid inject argument 'getpid:when=0'" -e inject=getpid:when=0
experr "ctrace: invalid fault argument 'getpid:retval=1'" -e fault=getpid:retval=1
experr "ctrace: invalid system call 'nosuch'" --inject=nosuch:retval=1
experr "ctrace: invalid quiet 'bogus'" -e quiet=bogus
experr "ctrace: invalid -a argument: 'x'" -a x
# ?name is ignored when unknown
"$ctrace" -e 'trace=?nosuch,close' -o /dev/null true || bad "?nosuch rejected"

printf 'a\tb\n\001\377"\\z\177' > "$tmp/esc.bin"
printf 'abcdefgh' > "$tmp/plain.txt"
trace() { # args... -> $tmp/out
	"$ctrace" -o "$tmp/out" "$@" >/dev/null 2>&1 </dev/null
}

# -z: no failed syscall; -Z: only failed ones; the status is known at exit
trace -z cat /nonexistent
grep -q ' = -1 ' "$tmp/out" && bad "-z printed a failed syscall"
grep -q '^close(1) *= 0$' "$tmp/out" || bad "-z lost a successful syscall"
grep -q '^exit_group' "$tmp/out" && bad "-z printed exit_group (unfinished)"
grep -q '^+++ exited with 1 +++$' "$tmp/out" || bad "-z lost the exit line"
trace -Z cat /nonexistent
grep -v '^+++' "$tmp/out" | grep -qv ' = -1 ' && bad "-Z printed a successful syscall: $(grep -v '^+++' "$tmp/out" | grep -v ' = -1 ' | head -1)"
grep -q '^openat(AT_FDCWD, "/nonexistent", .* = -1 ENOENT' "$tmp/out" || bad "-Z lost the failed openat"
trace -e status=unfinished cat /nonexistent
[ "$(grep -vc '^+++' "$tmp/out")" = 1 ] && grep -q '^exit_group(1) *= ?$' "$tmp/out" || bad "status=unfinished: $(cat "$tmp/out")"

# -e raw=: numbers only, hex return value
trace -e raw=close -e trace=close cat "$tmp/plain.txt"
grep -q '^close(0x1) *= 0$' "$tmp/out" || bad "raw=close: $(tail -3 "$tmp/out")"

# -X
trace -X raw -e trace=access cat "$tmp/plain.txt"
grep -q '^access("/etc/ld.so.preload", 0x4) *= -1 ENOENT' "$tmp/out" || bad "-X raw: $(head -1 "$tmp/out")"
netprog=${HELPERS:-tests/helpers}/netprog
if [ -x "$netprog" ]; then
	trace -X raw -e trace=socket,setsockopt "$netprog" tcp
	grep -qxF 'socket(0x2, 0x1|0x80000, 0x6)           = 3' "$tmp/out" || bad "-X raw socket: $(head -1 "$tmp/out")"
	# a descriptor result too big for an int (injected): the whole value
	trace -y -e trace=socket -e inject=socket:retval=841540765612359407 "$netprog" tcp
	grep -q '^socket(AF_INET, .* = 841540765612359407 (INJECTED)$' "$tmp/out" ||
		bad "-y injected long descriptor: $(head -1 "$tmp/out")"
	trace -X verbose -e trace=socket,setsockopt "$netprog" tcp
	grep -qF 'socket(0x2 /* AF_INET */, 0x1 /* SOCK_STREAM */|0x80000 /* SOCK_CLOEXEC */, 0x6 /* IPPROTO_TCP */) = 3' "$tmp/out" ||
		bad "-X verbose socket: $(head -1 "$tmp/out")"
	grep -qF 'setsockopt(3, 0x1 /* SOL_SOCKET */, 0x2 /* SO_REUSEADDR */, [1], 4) = 0' "$tmp/out" ||
		bad "-X verbose setsockopt: $(sed -n 2p "$tmp/out")"
	grep -qF 'socket(0x2 /* AF_INET */, 0x1 /* SOCK_STREAM */, 0 /* IPPROTO_IP */) = 4' "$tmp/out" ||
		bad "-X verbose zero: $(sed -n 3p "$tmp/out")"
else
	bad "$netprog not built (a helper of this test)"
fi

# strings: default, -x, -xx, -s
trace -e trace=read cat "$tmp/esc.bin"
grep -qF 'read(3, "a\tb\n\1\377\"\\z\177", 131072) = 10' "$tmp/out" || bad "quoting: $(grep '= 10$' "$tmp/out")"
trace -x -e trace=read cat "$tmp/esc.bin"
grep -qF 'read(3, "\x61\x09\x62\x0a\x01\xff\x22\x5c\x7a\x7f", 131072) = 10' "$tmp/out" || bad "-x: $(grep '= 10$' "$tmp/out")"
trace -x -e trace=read cat "$tmp/plain.txt"
grep -qF 'read(3, "abcdefgh", 131072)' "$tmp/out" || bad "-x printable: $(grep '= 8$' "$tmp/out")"
trace -xx -e trace=read cat "$tmp/plain.txt"
grep -qF 'read(3, "\x61\x62\x63\x64\x65\x66\x67\x68", 131072)' "$tmp/out" || bad "-xx: $(grep '= 8$' "$tmp/out")"
trace -s 3 -e trace=read cat "$tmp/plain.txt"
grep -qF 'read(3, "abc"..., 131072)' "$tmp/out" || bad "-s 3: $(grep '= 8$' "$tmp/out")"

# -y / -yy
trace -y -e trace=read cat "$tmp/plain.txt"
grep -qF "read(3<$tmp/plain.txt>, \"abcdefgh\", 131072)" "$tmp/out" || bad "-y: $(grep '= 8$' "$tmp/out")"
trace -yy -e trace=write sh -c 'echo hi > /dev/null'
grep -qF 'write(1</dev/null<char 1:3>>, "hi\n", 3)' "$tmp/out" || bad "-yy device: $(cat "$tmp/out")"
trace -yy -e trace=socketpair,sendmsg,recvmsg python3 -c 'import socket; a, b = socket.socketpair(); a.send(b"x")' 2>/dev/null
if grep -q socketpair "$tmp/out"; then
	grep -qE 'socketpair\(AF_UNIX, SOCK_STREAM\|SOCK_CLOEXEC, 0, \[[0-9]+<UNIX-STREAM:\[[0-9]+->[0-9]+\]>, [0-9]+<UNIX-STREAM:\[[0-9]+->[0-9]+\]>\]\) += 0' "$tmp/out" ||
		bad "-yy unix: $(grep socketpair "$tmp/out")"
fi

# -e lists without a command, against strace 6.1 itself: each is checked
# as it is read (an error before "must have PROG [ARGS] or -p PID"), with
# strace's list rules: each leading '!' inverts, "none"/"all" only alone,
# a list without any name said whole, an unknown KEY= a trace set, a
# number valid when it names a call in the native or the compat table
if command -v "${STRACE:-strace}" >/dev/null 2>&1; then
	for e in '!' 'trace=!' '!,' 'trace=' ',' 'trace=!!' 'trace=!!read' 'trace=read,none' \
		'trace=read,all' 'trace=@64' 'trace=?@x' 'inject=' 'inject=!' 'inject=:error=EIO' \
		'fault=!,' 'raw=,' 'signal=' 'signal=!' 'signal=!!INT' 'signal=INT,all' \
		'status=!' 'status=,' 'status=failed,none' 'foo=bar' 'inject=read:foo' \
		'415' '1,387' '-1@64' '/non_syscall@64' '336'; do
		s=$("${STRACE:-strace}" -e "$e" 2>&1 </dev/null | head -1)
		c=$("$ctrace" -e "$e" 2>&1 </dev/null | head -1)
		[ "${c#"$ctrace"}" = "${s#strace}" ] || bad "-e '$e' alone: ctrace '$c', strace '$s'"
	done
else
	echo "SKIP (part): no strace to compare -e list errors with"
fi

[ $fail = 0 ] && echo "options: all checks passed"
exit $fail
