#!/bin/bash
# A hostile tracee (tests/helpers/hostile) puts ESC sequences, newlines,
# 0xff, quotes, 'a, 99, "x', 'b[x(', '<' '>', 'gt>, 1) = 0' and every byte 1..255 into
# file names, device names (mknod, as root), unix socket paths, its comm
# name, argv, environment and a netlink message, and calls getdents while
# a second thread rewrites the buffer with lying records.
# Traced with -y, -yy, -yy -v -s 300 (getdents names), -x, -f, -ff, -k and
# --json, every output must hold no raw control byte nor any byte >= 0x80,
# every line must be one whole event (no forged line), the corpus' calls
# must have the right number of arguments, every JSON line must be UTF-8
# and parse (tests/integration/hostile-lines.py); the lines that strace 6.1
# prints too must be the same as strace's (escapes included); ctrace and
# the tracee exit 0 and nothing hangs (each run bounded by timeout).
. "$(dirname "$0")/lib.sh"
need_ptrace
command -v python3 >/dev/null || skip "python3 is needed to check the lines"
prog=$HELPERS/hostile
[ -x "$prog" ] || fail "$prog not built"
lines=$srcdir/tests/integration/hostile-lines.py
rc=0
D=$TMP/d
mkdir "$D" || fail "mkdir $D"
machine_can hostile "run the hostile corpus" "$prog" "$D" || exit 77
rm -rf "${D:?}"/*

# ct NAME MODE OPTS...: trace the corpus with ctrace -o $TMP/NAME, check it
ct() {
	local name=$1 mode=$2 st out; shift 2
	rm -rf "${D:?}"/*
	timeout 60 "$CTRACE" "$@" -o "$TMP/$name" "$prog" "$D" >"$TMP/$name.stdout" 2>"$TMP/$name.stderr"
	st=$?
	if [ $st != 0 ]; then
		echo "FAIL: $name: ctrace $* exits with $st (124: hung)"; head -5 "$TMP/$name.stderr"; rc=1; return
	fi
	# -ff: one file per thread
	local files
	files=$(ls "$TMP/$name" "$TMP/$name".[0-9]* 2>/dev/null)
	# shellcheck disable=SC2086
	if out=$(python3 "$lines" "$mode" $files); then
		echo "ok: $name ($*): $out"
	else
		echo "FAIL: $name ($*):"; echo "$out" | head -12; rc=1
	fi
}

ct y text -y
ct yy text -yy
ct yyv text -yy -v -s 300
ct x text -yy -x -s 300
ct f text -f -yy -v
ct ff text -ff -yy -v
ct json json --json -yy -v -s 300
ct jsonf json --json -f -ff -y
if "$CTRACE" -k -o /dev/null true 2>/dev/null; then
	# the module name holds the hostile bytes: a copy of the helper
	hk=$TMP/kdir/mod$(printf '\033')[31mX$(printf '\n')forged\(1\)\ =\ 0$(printf '\377')
	mkdir -p "$TMP/kdir" && cp "$prog" "$hk" || fail "copy $prog"
	prog_saved=$prog; prog=$hk
	ct k text -k -y -e trace=fsync,write
	ct kjson json --json -k -e trace=fsync,write
	prog=$prog_saved
	grep -q '^ > .*mod\\33\[31mX' "$TMP/k" || { echo "FAIL: -k: no frame names the hostile module"; rc=1; }
else
	echo "SKIP: -k: this build has no stack traces"
fi

# The same lines as strace 6.1 where strace prints them: the calls that
# carry hostile names, pids, addresses, inode numbers and alignment
# normalised.  (The netlink message is left out: strace decodes it as
# nlmsghdr, ctrace as a string.  With -xx the inode numbers of sockets are
# hex digits too, and so are the pids in /proc/PID: those lines are left
# out.)
if "$STRACE" -o /dev/null true 2>/dev/null; then
	same() { # label opts...
		local label=$1; shift
		rm -rf "${D:?}"/*
		timeout 60 "$STRACE" "$@" -o "$TMP/s.$label" "$prog" "$D" >/dev/null 2>&1
		rm -rf "${D:?}"/*
		timeout 60 "$CTRACE" "$@" -o "$TMP/c.$label" "$prog" "$D" >/dev/null 2>&1
		for t in s c; do
			grep -E '^(\[pid +[0-9]+\] |[0-9]+ +)?(openat|write|fsync|close|bind|listen|connect|unlink|mknodat|unlinkat|prctl|read|execve|socket)\(' "$TMP/$t.$label" |
				grep -v -E '^(\[pid +[0-9]+\] |[0-9]+ +)?(read|openat|close)\(.*(/lib|ld\.so)' |
				grep -v -F -e '<\x73\x6f\x63\x6b\x65\x74\x3a' -e '<\x2f\x70\x72\x6f\x63\x2f' |
				sed -E 's/^(\[pid +[0-9]+\] |[0-9]+ +)//; s/0x[0-9a-f]+/ADDR/g; s/\[[0-9]+(,|\]|->)/[INO\1/g;
					s/->[0-9]+/->INO/g; s#/proc/[0-9]+/#/proc/PID/#g; s/ROUTE:[0-9]+/ROUTE:PID/; s/\) +=/) =/' >"$TMP/$t.$label.n"
		done
		if [ ! -s "$TMP/s.$label.n" ]; then
			echo "FAIL: strace $*: no lines to compare"; rc=1
		elif diff -u "$TMP/s.$label.n" "$TMP/c.$label.n" >"$TMP/d.$label"; then
			echo "ok: same lines as strace with $* ($(wc -l <"$TMP/c.$label.n") lines)"
		else
			echo "FAIL: lines differ from strace with $*:"; head -20 "$TMP/d.$label" | cut -c1-300; rc=1
		fi
	}
	same y -y
	same yy -yy -s 300
	same x -yy -x
	same xx -y -xx -s 40
else
	echo "SKIP: comparison with strace: strace cannot trace here"
fi
exit $rc
