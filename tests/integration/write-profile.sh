#!/bin/sh
# ctrace --check --profile FILE --write-profile OUT --for ...: the written
# profile keeps the input and adds only what the named modes and tools
# need (checked on the JSON with python3, and by asking the what-if about
# the written file, a second, independent run); the printed flags; one
# "ctrace: " line and exit 1 for bad usage.  Tools in the what-if report.
: "${CTRACE:?CTRACE not set}" "${srcdir:=.}"
command -v python3 >/dev/null 2>&1 || { echo "SKIP: python3 not installed"; exit 77; }
FIX="$srcdir/tests/fixtures/profiles"
. "$srcdir/tests/integration/check-lib.sh"	# tmp, fail, bad, run
# verdict FILE TOOL ACTION [what-if flags]: the what-if's verdict for a tool
verdict() {
	f=$1 t=$2 a=$3
	shift 3
	"$CTRACE" --check --json --profile "$f" "$@" | python3 -c '
import json, sys
d = json.load(sys.stdin)
print(" ".join(x["verdict"] for x in d["tools"] if x["name"] == sys.argv[1] and x["action"] == sys.argv[2]))
' "$t" "$a"
}

# --- a profile that denies ptrace: gdb and strace need ptrace back ---
in=$FIX/deny-ptrace-eperm.json
[ "$(verdict "$in" gdb run)" = fails ] || bad "deny-ptrace: gdb run not judged 'fails' before"
run --check --profile "$in" --write-profile "$tmp/w1.json" --for gdb,strace
[ "$rc" = 0 ] || { bad "deny-ptrace: exit $rc, want 0"; cat "$tmp/out" "$tmp/err"; }
grep -q '^  allow ptrace$' "$tmp/out" || bad "deny-ptrace: no 'allow ptrace' change"
grep -q '^  gdb run *fails *ok$' "$tmp/out" || bad "deny-ptrace: no 'gdb run fails ok' line"
grep -q "^  docker run --security-opt seccomp=$tmp/w1.json IMAGE" "$tmp/out" ||
	bad "deny-ptrace: no docker run flags"
grep -q "^  podman run --security-opt seccomp=$tmp/w1.json IMAGE" "$tmp/out" ||
	bad "deny-ptrace: no podman run flags"
python3 - "$in" "$tmp/w1.json" <<'PY' || bad "deny-ptrace: written JSON"
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
assert b["defaultAction"] == a["defaultAction"], b
# the deny entry lost ptrace (its only name: gone), one allow entry came
assert not [e for e in b["syscalls"] if "ptrace" in e["names"] and e["action"] != "SCMP_ACT_ALLOW"], b
allow = [e for e in b["syscalls"] if e["names"] == ["ptrace"] and e["action"] == "SCMP_ACT_ALLOW"]
assert len(allow) == 1 and "args" not in allow[0], allow
assert len(b["syscalls"]) == 1, b["syscalls"]
PY
# independent: the what-if on the written file
[ "$(verdict "$tmp/w1.json" gdb run)" = ok ] || bad "deny-ptrace: gdb run not ok with the written profile"
[ "$(verdict "$tmp/w1.json" strace attach)" = ok ] || bad "deny-ptrace: strace attach not ok with the written profile"

# --- personality: only the one value, everything else kept ---
in=$FIX/personality.json
run --check --profile "$in" --write-profile "$tmp/w2.json" --for no-aslr,gdb:run
grep -q '^  allow personality with arg0 == 0x40000 (ADDR_NO_RANDOMIZE)$' "$tmp/out" ||
	{ bad "personality: no narrow personality rule"; cat "$tmp/out" "$tmp/err"; }
python3 - "$in" "$tmp/w2.json" <<'PY' || bad "personality: written JSON"
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
new = [e for e in b["syscalls"] if e not in a["syscalls"]]
gone = [e for e in a["syscalls"] if e not in b["syscalls"]]
assert not gone, gone
pers = [e for e in new if e["names"] == ["personality"]]
assert pers and pers[0]["args"] == [{"index": 0, "value": 0x40000, "op": "SCMP_CMP_EQ"}], new
for e in new:
    assert e["action"] == "SCMP_ACT_ALLOW", e
PY
[ "$(verdict "$tmp/w2.json" gdb run)" != degraded ] || bad "personality: gdb run still degraded"

# --- a capability where no profile change can replace it ---
run --check --profile "$FIX/deny-ptrace-eperm.json" --write-profile "$tmp/w3.json" --for attach-other
grep -q -- '--cap-add SYS_PTRACE (no profile change can replace it)' "$tmp/out" ||
	{ bad "attach-other: no --cap-add SYS_PTRACE"; cat "$tmp/out"; }
grep -q 'capabilities.add: \[SYS_PTRACE\]' "$tmp/out" || bad "attach-other: no Kubernetes capabilities.add"
grep -q "^  docker run --security-opt seccomp=$tmp/w3.json --cap-add SYS_PTRACE IMAGE" "$tmp/out" ||
	bad "attach-other: docker flags without --cap-add SYS_PTRACE"
# as --user 1000, Docker leaves the capability out of the effective set:
# nothing makes it ok, and the report says what remains
run --check --profile "$FIX/deny-ptrace-eperm.json" --write-profile "$tmp/w4.json" --for attach-other --user 1000
[ "$rc" = 3 ] || bad "attach-other --user 1000: exit $rc, want 3"
grep -q '^  attach-other *fails *fails: .*CAP_SYS_PTRACE' "$tmp/out" || bad "attach-other --user 1000: no remaining cause"

# --- the what-if text has the Tools section ---
run --check --profile "$FIX/deny-ptrace-eperm.json"
grep -q '^Tools' "$tmp/out" || bad "what-if: no Tools section"
grep -q '^  lldb attach  *fails  *ptrace is blocked' "$tmp/out" || bad "what-if: no 'lldb attach fails' line"
grep -q '^  valgrind run  *ok$' "$tmp/out" || bad "what-if: no 'valgrind run ok' line"

# --- bad usage: one line, exit 1 ---
for args in "--write-profile $tmp/x.json" \
	    "--profile $FIX/deny-ptrace-eperm.json --write-profile $tmp/x.json --for nosuchtool" \
	    "--profile unconfined --write-profile $tmp/x.json" \
	    "--profile $FIX/deny-ptrace-eperm.json --for gdb" \
	    "--profile $FIX/deny-ptrace-eperm.json --write-profile /nonexistent/dir/x.json" \
	    "--profile $FIX/bad-syntax.json --write-profile $tmp/x.json"; do
	# shellcheck disable=SC2086
	run --check $args
	[ "$rc" = 1 ] || bad "'$args': exit $rc, want 1"
	[ "$(wc -l <"$tmp/err")" = 1 ] && grep -q "^$CTRACE: " "$tmp/err" ||
		{ bad "'$args': not one 'ctrace: ' line"; cat "$tmp/err"; }
done
# --- capabilities the engine knows: Docker 20.10 refuses --cap-add BPF and
# PERFMON ("invalid CapAdd: unknown capability"), Docker 23.0 takes them ---
wp_flags() { sed -n 's/^  docker run \(.*\) IMAGE.*$/\1/p' "$tmp/out"; }
run --check --profile docker-default --engine-version 20.10 --engine docker \
	--write-profile "$tmp/w5.json" --for bpftrace
[ "$rc" != 1 ] || { bad "docker 20.10 bpftrace: exit 1"; cat "$tmp/err"; }
case " $(wp_flags) " in
*" --cap-add BPF "* | *" --cap-add PERFMON "*) bad "docker 20.10: flags that Docker 20.10 refuses: $(wp_flags)" ;;
*" --cap-add SYS_ADMIN "*) ;;
*) bad "docker 20.10: bpftrace without --cap-add SYS_ADMIN: $(wp_flags)" ;;
esac
run --check --profile docker-default --engine-version current --engine docker \
	--write-profile "$tmp/w6.json" --for bpftrace
case " $(wp_flags) " in
*" --cap-add BPF --cap-add PERFMON "*) ;;
*) bad "docker current: bpftrace not given --cap-add BPF --cap-add PERFMON: $(wp_flags)" ;;
esac
run --check --profile docker-default --engine-version 20.10 --cap-add PERFMON
[ "$rc" = 1 ] && [ "$(wc -l <"$tmp/err")" = 1 ] && grep -q 'unknown capability' "$tmp/err" ||
	{ bad "docker 20.10 --cap-add PERFMON: exit $rc, want 1 and one 'unknown capability' line"; cat "$tmp/err"; }

[ $fail = 0 ] && echo PASS
exit $fail
