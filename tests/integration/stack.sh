#!/bin/bash
# -k: stack traces after every syscall line.  tests/helpers/stackcalls calls
# write() from ctrace_test_leaf, called from ctrace_test_middle, called from
# main.  The write's frames must name the libc wrapper, then those three
# functions, in that order, with addresses that agree with nm; the same
# frames when memory is read with PTRACE_PEEKDATA (CTRACE_NO_VM_READV=1, and
# in a podman container whose seccomp profile blocks process_vm_readv when
# podman is usable); the same modules per frame as strace -k; the module map
# must follow mmap (full trace) and execve.
. "$(dirname "$0")/lib.sh"
rc=0
prog=$HELPERS/stackcalls
[ -x "$prog" ] || fail "$prog not built"
need_ptrace

# The frames after the write line of the helper: "module|symbol|addr".
frames_of_write() {
	# (with -f -o, lines start with "PID ")
	awk '{ sub(/^[0-9]+ +/, "") }
	     /^write\(/ { inw = /ctrace stack test/; next }
	     /^ > / { if (inw) print; next }
	     { inw = 0 }' "$1"
}
split_frames() {
	sed -E 's/^ > (.*)\((.*)\) \[(0x[0-9a-f]+)\]$/\1|\2|\3/' "$1"
}

check_write_stack() {   # $1: trace file, $2: label
	local f=$TMP/frames.$2
	frames_of_write "$1" >"$f"
	if [ ! -s "$f" ]; then
		echo "FAIL ($2): no frames after the write line"; sed -n 1,40p "$1"; return 1
	fi
	# order: libc's write wrapper, leaf, middle, main
	if ! awk -v prog="$prog" '
		BEGIN { want[1] = "libc wrapper"; want[2] = "ctrace_test_leaf";
			want[3] = "ctrace_test_middle"; want[4] = "main"; k = 1 }
		k == 1 && /libc[.-][^(]*\((__)?(libc_)?write[^(]*\+0x[0-9a-f]+\)/ { k++; next }
		k > 1 && k <= 4 && index($0, prog "(" want[k] "+0x") == 4 { k++ }
		END { if (k <= 4) { print "missing or out of order: " want[k]; exit 1 } }' "$f"; then
		echo "FAIL ($2): frames:"; cat "$f"; return 1
	fi
	# the address in brackets is module-relative: address - offset is the
	# symbol's value in the executable's symbol table
	local sym off addr val bad=0
	for sym in ctrace_test_leaf ctrace_test_middle main; do
		line=$(grep -F "$prog($sym+0x" "$f" | head -1)
		off=$(sed -E 's/.*\+(0x[0-9a-f]+)\).*/\1/' <<<"$line")
		addr=$(sed -E 's/.*\[(0x[0-9a-f]+)\]$/\1/' <<<"$line")
		val=$(nm "$prog" | awk -v s="$sym" '$3 == s && ($2 == "T" || $2 == "t") { print $1 }')
		[ -n "$val" ] || { echo "FAIL ($2): nm $prog shows no $sym"; bad=1; continue; }
		if [ $((addr - off)) -ne $((16#$val)) ]; then
			echo "FAIL ($2): $sym: [$addr] - $off != nm's 0x$val"; bad=1
		fi
	done
	return $bad
}

# 1. process_vm_readv (the default).  -e trace=write also means the seccomp
# fast path, where unselected mmaps run unseen.
"$CTRACE" -k -e trace=write -o "$TMP/vm" "$prog" >/dev/null 2>"$TMP/vm.err" || { echo "FAIL: ctrace -k failed"; cat "$TMP/vm.err"; rc=1; }
check_write_stack "$TMP/vm" vm_readv || rc=1
[ -s "$TMP/vm.err" ] && { echo "FAIL: unexpected messages:"; cat "$TMP/vm.err"; rc=1; }

# 2. PTRACE_PEEKDATA only: the same frames
CTRACE_NO_VM_READV=1 "$CTRACE" -k -e trace=write -o "$TMP/peek" "$prog" >/dev/null 2>"$TMP/peek.err" ||
	{ echo "FAIL: ctrace -k with PTRACE_PEEKDATA failed"; cat "$TMP/peek.err"; rc=1; }
check_write_stack "$TMP/peek" peekdata || rc=1
if ! diff -u "$TMP/frames.vm_readv" "$TMP/frames.peekdata"; then
	echo "FAIL: frames differ between process_vm_readv and PTRACE_PEEKDATA"; rc=1
fi

# 3. full trace (no fast path): the module map follows the mmaps of the
# dynamic loader, so every frame of every syscall has a module, and each
# syscall line is followed by frames
"$CTRACE" -k -o "$TMP/full" "$prog" >/dev/null 2>"$TMP/full.err" ||
	{ echo "FAIL: ctrace -k (full trace) failed"; cat "$TMP/full.err"; rc=1; }
check_write_stack "$TMP/full" full || rc=1
if grep -q '^ > ?()' "$TMP/full"; then
	echo "FAIL: frames without a module in a full trace:"; grep -B3 '^ > ?()' "$TMP/full" | head -20; rc=1
fi
if ! awk '{ sub(/^[0-9]+ +/, "") }
	  /^[a-z_0-9]+\(/ { if (pending) bad = bad " " pending; pending = $0; sub(/\(.*/, "", pending); next }
	  /^ > / { pending = "" }
	  END { if (bad != "") { print "no frames after:" bad; exit 1 } }' "$TMP/full"; then
	rc=1
fi

# 4. execve: the new program's modules, not the old ones
"$CTRACE" -f -k -e trace=execve,write -o "$TMP/exec" sh -c "exec $prog" >/dev/null 2>"$TMP/exec.err" ||
	{ echo "FAIL: ctrace -f -k failed"; cat "$TMP/exec.err"; rc=1; }
check_write_stack "$TMP/exec" exec || rc=1
# (with -f -o, lines start with "PID ")
sed -E 's/^[0-9]+ +//' "$TMP/exec" >"$TMP/exec.nopid"
grep -q "^execve(\"$prog\"" "$TMP/exec.nopid" || { echo "FAIL: no execve of the helper"; cat "$TMP/exec"; rc=1; }
sh_path=$(readlink -f "$(command -v sh)")
if sed -n "/^execve(\"${prog//\//\\/}\"/,\$p" "$TMP/exec.nopid" | grep -qF -e " > $sh_path(" -e " > /bin/sh(" -e " > /usr/bin/sh("; then
	echo "FAIL: frames of the shell ($sh_path) after it exec'd the helper"; cat "$TMP/exec"; rc=1
fi
# the frame at the return of the helper's execve is the new dynamic loader's
# entry point, found in the new module map
sed -n "/^execve(\"${prog//\//\\/}\"/{n;p;q}" "$TMP/exec.nopid" | grep -Eq '^ > /[^ ]*/ld-linux[^/ ]*\(_start\+0x0\) \[0x[0-9a-f]+\]$' ||
	{ echo "FAIL: the helper's execve is not followed by the new loader's _start frame"; cat "$TMP/exec"; rc=1; }

# 5. strace -k (if it has an unwinder): same modules, frame by frame
if command -v "$STRACE" >/dev/null 2>&1 && "$STRACE" -k -o "$TMP/s" -e trace=write "$prog" >/dev/null 2>&1; then
	frames_of_write "$TMP/s" | split_frames /dev/stdin | cut -d'|' -f1 >"$TMP/s.mods"
	split_frames "$TMP/frames.vm_readv" | cut -d'|' -f1 >"$TMP/c.mods"
	if ! diff -u "$TMP/s.mods" "$TMP/c.mods"; then
		echo "FAIL: modules per frame differ (--- strace +++ ctrace)"; rc=1
	fi
else
	echo "SKIP: module comparison with strace -k: '$STRACE -k' cannot unwind here"
fi

# 7. a signal: its line is followed by the stack where it was delivered,
# with C++ names demangled when ctrace is built with libiberty (as strace:
# its stack-demangle feature)
"$CTRACE" -k -e trace=none -o "$TMP/sig" "$prog" 1 signal >/dev/null 2>"$TMP/sig.err" ||
	{ echo "FAIL: ctrace -k on a signal failed"; cat "$TMP/sig.err"; rc=1; }
sigframes() { awk '{ sub(/^[0-9]+ +/, "") } /^--- SIGURG / { s = 1; next } s && /^ > / { print; next } { s = 0 }' "$1"; }
sigframes "$TMP/sig" >"$TMP/sig.frames"
if "$CTRACE" -V | grep -q 'stack-demangle'; then
	want_sym='ctrace::signal(int)'
elif [ "${CI:-}" = true ]; then
	echo "FAIL: ctrace -V lists no stack-demangle, and .ci/run installs libiberty-dev"; rc=1; want_sym='ctrace::signal(int)'
else
	echo "SKIP: demangling: this ctrace is built without libiberty (libiberty-dev; ctrace -V: $("$CTRACE" -V | tail -1))"
	want_sym=_ZN6ctrace6signalEi
fi
if ! awk -v prog="$prog" -v sym="$want_sym" '
	NR == 1 && /libc[.-][^(]*\((__)?kill[^(]*\+0x[0-9a-f]+\)/ { k = 1; next }
	k == 1 && index($0, " > " prog "(" sym "+0x") == 1 { k = 2; next }
	k == 2 && index($0, " > " prog "(main+0x") == 1 { k = 3 }
	END { exit k != 3 }' "$TMP/sig.frames"; then
	echo "FAIL: the SIGURG line is not followed by kill, $want_sym, main:"; cat "$TMP/sig"; rc=1
fi
# the same symbols as strace -k, where strace can unwind and demangles
if "$STRACE" -V 2>/dev/null | grep -q 'stack-demangle' && [ "$want_sym" != _ZN6ctrace6signalEi ] &&
	"$STRACE" -k -e trace=none -o "$TMP/ssig" "$prog" 1 signal >/dev/null 2>&1; then
	sym_of() { sigframes "$1" | grep -F " > $prog(" | sed -E 's/^ > [^(]*\((.*)\+0x[0-9a-f]+\) .*/\1/'; }
	if ! diff <(sym_of "$TMP/ssig") <(sym_of "$TMP/sig"); then
		echo "FAIL: the helper's frames after SIGURG differ from strace -k's (< strace > ctrace)"; rc=1
	fi
fi

# 6. in a container whose seccomp profile blocks process_vm_readv: ctrace
# says it falls back to PTRACE_PEEKDATA and the frames are the same
. "$srcdir/tests/engine.sh"
if [ "$(id -u)" != 0 ]; then
	echo "SKIP: container part: rootful podman needs root"
elif podman_works; then
	cat >"$TMP/novm.json" <<'EOF'
{"defaultAction": "SCMP_ACT_ALLOW",
 "syscalls": [{"names": ["process_vm_readv"], "action": "SCMP_ACT_ERRNO", "errnoRet": 1}]}
EOF
	# shellcheck disable=SC2086
	if timeout 60 podman --runtime runc run $PODMAN_RUN_OPTS \
		--security-opt seccomp="$TMP/novm.json" -v "$TMP:$TMP" --rootfs /:O \
		"$CTRACE" -k -e trace=write -o "$TMP/ctr" "$prog" >/dev/null 2>"$TMP/ctr.err"; then
		grep -q 'process_vm_readv.*PEEKDATA' "$TMP/ctr.err" ||
			{ echo "FAIL: no PEEKDATA fallback message in the container:"; cat "$TMP/ctr.err"; rc=1; }
		check_write_stack "$TMP/ctr" container || rc=1
		diff -u "$TMP/frames.vm_readv" "$TMP/frames.container" ||
			{ echo "FAIL: frames differ in the container"; rc=1; }
	else
		echo "FAIL: ctrace -k failed in a container (podman runs containers here):"; cat "$TMP/ctr.err"; rc=1
	fi
fi

# libdw is loaded for -k only (src/dwapi_dl.c): the traced command reads
# its parent's (ctrace's) mappings
maps_of_ctrace() { "$CTRACE" "$@" -o /dev/null sh -c 'cat /proc/$PPID/maps' >"$TMP/maps" 2>"$TMP/maps.err"; }
maps_of_ctrace || { echo "FAIL: ctrace sh -c 'cat /proc/\$PPID/maps':"; cat "$TMP/maps.err"; rc=1; }
grep -q '\[stack\]' "$TMP/maps" || { echo "FAIL: no mappings read:"; head -3 "$TMP/maps"; rc=1; }
grep -q 'libdw' "$TMP/maps" && { echo "FAIL: libdw mapped by ctrace without -k:"; grep libdw "$TMP/maps"; rc=1; }
if LC_ALL=C readelf -l "$CTRACE" 2>/dev/null | grep -q INTERP; then
	# a dynamic ctrace: -k loads it
	maps_of_ctrace -k || { echo "FAIL: ctrace -k sh -c 'cat /proc/\$PPID/maps':"; cat "$TMP/maps.err"; rc=1; }
	grep -q 'libdw' "$TMP/maps" || { echo "FAIL: libdw not mapped by ctrace -k"; rc=1; }
	# an unloadable libdw (an empty file bound over it in a private mount
	# namespace): ctrace still traces, and -k says why it cannot
	dw=$(ldconfig -p 2>/dev/null | awk '$1 == "libdw.so.1" { print $NF; exit }')
	if [ -n "$dw" ] && machine_can mountns "a private mount namespace" unshare -m sh -c "mount --bind /dev/null $dw"; then
		unshare -m sh -c 'mount --bind /dev/null "$1" && shift && exec "$@"' sh "$dw" \
			"$CTRACE" -o /dev/null true 2>"$TMP/nodw.err" ||
			{ echo "FAIL: without a loadable libdw ctrace cannot trace (no -k):"; cat "$TMP/nodw.err"; rc=1; }
		unshare -m sh -c 'mount --bind /dev/null "$1" && shift && exec "$@"' sh "$dw" \
			"$CTRACE" -k -o /dev/null true 2>"$TMP/nodw.err"; st=$?
		[ $st = 1 ] && grep -q -- "-k/--stack-traces needs libdw: " "$TMP/nodw.err" ||
			{ echo "FAIL: -k without a loadable libdw: status $st, not the reason:"; cat "$TMP/nodw.err"; rc=1; }
	fi
fi

[ $rc = 0 ] && pass "-k stack traces"
exit $rc
