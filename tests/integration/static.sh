#!/bin/bash
# The static ctrace ($CTRACE_STATIC: src/ctrace of a configure
# --enable-static-binary build, or the twin tests/helpers/ctrace-static a
# normal build links from the same objects): no program interpreter, every
# feature at work (-k with libdw, --json with json-c, the what-if with
# libseccomp, --check), the same lines as the dynamic build, and -u without
# NSS modules (static glibc crashes when getpwnam loads the host's
# libnss_systemd.so).  The real-container tests copy it into images.
. "$(dirname "$0")/lib.sh"
S=${CTRACE_STATIC:-}
[ -n "$S" ] || skip "this build has no static ctrace: configure's 'whether ctrace links statically' said no (static libraries missing: libc6-dev, the -dev packages' .a files), or this is an --enable-sanitizers build (ASan does not link statically)"
[ -x "$S" ] || fail "CTRACE_STATIC=$S is not built"
need_ptrace
rc=0
bad() { echo "FAIL: $*"; rc=1; }

# 1. fully static: no program interpreter, no dynamic section
if LC_ALL=C readelf -l "$S" | grep -q -e INTERP -e DYNAMIC; then
	bad "$S has a program interpreter or a dynamic section: $(LC_ALL=C readelf -l "$S" | grep -e INTERP -e DYNAMIC)"
else
	pass "no program interpreter ($(wc -c <"$S") bytes)"
fi

# 2. the same trace as the dynamic build (normalised), same exit status
"$CTRACE" -o "$TMP/dyn" cat "$srcdir/README.md" /nonexistent >/dev/null 2>&1; d=$?
"$S" -o "$TMP/sta" cat "$srcdir/README.md" /nonexistent >/dev/null 2>&1; s=$?
norm() {  # whole lines, addresses hidden; set_tid_address returns the pid
	awk -v mode=lines -f "$srcdir/tests/calls_of.awk" "$1" |
		sed 's/^\(set_tid_address(ADDR)\) = [0-9]*$/\1 = PID/'
}
norm "$TMP/dyn" >"$TMP/dyn.calls"
norm "$TMP/sta" >"$TMP/sta.calls"
if [ $d != $s ] || ! cmp -s "$TMP/dyn.calls" "$TMP/sta.calls" || [ ! -s "$TMP/sta.calls" ]; then
	bad "static and dynamic traces of cat differ (exit $s vs $d):"
	diff "$TMP/dyn.calls" "$TMP/sta.calls" | head -20
else
	pass "same $(wc -l <"$TMP/sta.calls") lines as the dynamic build, exit $s"
fi

# 3. -k: libdw resolves the helper's functions in the static binary too
if [ -x "$HELPERS/stackcalls" ]; then
	"$S" -k -e trace=write -o "$TMP/k" "$HELPERS/stackcalls" >/dev/null 2>&1
	if grep -q "stackcalls(ctrace_test_leaf+0x" "$TMP/k" && grep -q "stackcalls(main+0x" "$TMP/k"; then
		pass "-k names ctrace_test_leaf and main"
	else
		bad "-k: no frames naming ctrace_test_leaf and main:"; head -20 "$TMP/k"
	fi
fi

# 4. --json: every line one JSON object, as the dynamic build prints them
"$S" --json -o "$TMP/j" true >/dev/null 2>&1
if python3 -c 'import json, sys
n = 0
for line in open(sys.argv[1]):
    assert isinstance(json.loads(line), dict); n += 1
assert n > 3' "$TMP/j"; then
	pass "--json: $(wc -l <"$TMP/j") objects"
else
	bad "--json output is not one object per line:"; head -5 "$TMP/j"
fi

# 5. --check --json and the what-if (libseccomp): the same verdicts and
# exit status as the dynamic build
verdicts() {  # the mode -> verdict pairs of a --check --json report
	python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
print(" ".join("%s=%s" % (m["name"], m["verdict"]) for m in d["modes"]))' "$1"
}
for args in "--check --json" \
	"--check --json --profile $srcdir/tests/fixtures/profiles/deny-ptrace-eperm.json"; do
	# shellcheck disable=SC2086
	"$CTRACE" $args >"$TMP/c.dyn" 2>&1; d=$?
	# shellcheck disable=SC2086
	"$S" $args >"$TMP/c.sta" 2>&1; s=$?
	vd=$(verdicts "$TMP/c.dyn" 2>&1) vs=$(verdicts "$TMP/c.sta" 2>&1)
	if [ $d != $s ] || [ "$vd" != "$vs" ] || [ -z "$vs" ] || [ $s -ge 128 ]; then
		bad "ctrace $args: static exit $s '$vs', dynamic exit $d '$vd'"
	else
		pass "${args}: exit $s, $vs"
	fi
done

# 6. -u: an unknown user is one clear error line and exit 1 (it crashed)
"$S" -u ctrace-no-such-user true >"$TMP/u.out" 2>"$TMP/u.err"; s=$?
if [ $s != 1 ] || [ "$(wc -l <"$TMP/u.err")" != 1 ] ||
	! grep -q "^$S: Cannot find user 'ctrace-no-such-user'.*/etc/passwd" "$TMP/u.err"; then
	bad "-u of an unknown user: exit $s, stderr: $(cat "$TMP/u.err")"
else
	pass "-u of an unknown user: $(cat "$TMP/u.err")"
fi
# a known one: the ids id(1) itself reports for that user (as root only)
if [ "$(id -u)" = 0 ]; then
	for u in nobody root; do
		id "$u" >/dev/null 2>&1 || continue
		want=$(id "$u")
		got=$("$S" -o /dev/null -u "$u" id 2>&1)
		if [ "$got" != "$want" ]; then
			bad "-u $u: id says '$got', id $u says '$want'"
		else
			pass "-u $u: $got"
		fi
	done
fi
exit $rc
