#!/bin/sh
# ctrace --check --profile / --compare on the project's fixture profiles:
# text and JSON (parsed with python3, validated against the schema with
# python3-jsonschema: tests/schema.sh), exit statuses, and one clear error line
# with exit 1 for every malformed input.
: "${CTRACE:?CTRACE not set}" "${srcdir:=.}"
command -v python3 >/dev/null 2>&1 || { echo "SKIP: python3 not installed"; exit 77; }
FIX="$srcdir/tests/fixtures/profiles"
. "$srcdir/tests/integration/check-lib.sh"

# --- what-if, text ---
run --check --profile "$FIX/deny-ptrace-eperm.json"
[ "$rc" = 3 ] || bad "deny-ptrace: exit $rc, want 3"
grep -q "^  spawn *fails *ptrace is blocked by the container's seccomp profile (EPERM)" "$tmp/out" ||
	bad "deny-ptrace: no 'spawn fails' line"; 
grep -q "^  memory *ok" "$tmp/out" || bad "deny-ptrace: memory not ok"
grep -q "what-if: a process in a docker container" "$tmp/out" || bad "no what-if heading"
grep -q "LSM confinement is not modelled" "$tmp/out" || bad "no LSM note"

# --- what-if, JSON, verdicts per fixture ---
run --check --json --profile "$FIX/deny-ptrace-eperm.json"
jcheck '
assert rc == 3 and d["summary"]["exit_status"] == 3
assert v(d, "spawn") == "fails" and v(d, "memory") == "ok" and v(d, "no-aslr") == "ok"
w = d["whatif"]
assert w["engine"] == "docker" and w["seccomp"] == "profile" and w["filter"]["instructions"] > 0
assert d["environment"]["seccomp"] == "filter" and d["environment"]["seccomp_filters"] == 1
assert d["target"] is None
q = {x["call"]: x for x in w["queries"]}
assert q["ptrace(PTRACE_TRACEME)"]["action"] == "errno" and q["ptrace(PTRACE_TRACEME)"]["errno"] == "EPERM"
assert q["process_vm_readv"]["action"] == "allow"
'
run --check --json --profile "$FIX/kill-ptrace.json" --engine podman
jcheck '
assert v(d, "spawn") == "fails" and "SIGSYS" in [m for m in d["modes"] if m["name"] == "spawn"][0]["cause"]
assert v(d, "memory") == "degraded"
assert d["environment"]["engine"] == "podman"
p = {x["name"]: x for x in d["probes"]}
assert p["ptrace-traceme"]["result"] == "killed" and p["ptrace-traceme"]["signal"] == "SIGSYS"
'
run --check --json --profile "$FIX/caps-ptrace.json"
jcheck '
assert v(d, "memory") == "degraded" and v(d, "attach-other") == "fails"
assert "cap_sys_ptrace" not in d["environment"]["cap_bnd"]
'
run --check --json --profile "$FIX/caps-ptrace.json" --cap-add SYS_PTRACE
jcheck '
assert rc == 0, rc
assert all(m["verdict"] == "ok" for m in d["modes"])
assert "CAP_SYS_PTRACE" in d["whatif"]["caps"] and d["whatif"]["cap_add"] == ["SYS_PTRACE"]
'
# docker: --user keeps no effective capability; the profile keys on the configured set
run --check --json --profile "$FIX/caps-ptrace.json" --cap-add SYS_PTRACE --user 1000
jcheck '
assert v(d, "memory") == "ok" and v(d, "attach-other") == "fails"
assert d["environment"]["euid"] == 1000 and d["environment"]["cap_eff"] == []
'
# podman: the added capability is ambient for a non-root user
run --check --json --profile "$FIX/caps-ptrace.json" --cap-add SYS_PTRACE --user 1000 --engine podman
jcheck '
assert v(d, "attach-other") == "ok", d["modes"]
assert d["environment"]["cap_eff"] == ["cap_sys_ptrace"]
'
run --check --json --profile "$FIX/personality.json" --arch aarch64 --no-new-privs
jcheck '
assert d["whatif"]["arch"] == "aarch64" and d["environment"]["no_new_privs"] is True
assert v(d, "no-aslr") == "fails"
'
run --check --json --profile unconfined
jcheck '
assert d["whatif"]["seccomp"] == "unconfined" and d["whatif"]["filter"] is None
assert d["environment"]["seccomp"] == "disabled"
assert v(d, "attach-other") == "fails" and v(d, "no-aslr") == "ok" and rc == 3
'
run --check -q --profile unconfined --cap-add SYS_PTRACE
[ "$rc" = 0 ] && [ ! -s "$tmp/out" ] || bad "unconfined + SYS_PTRACE -q: exit $rc, output: $(cat "$tmp/out")"

# unknown syscall names: warning by default, error with --strict
run --check --json --profile "$FIX/unknown-name.json"
[ "$rc" != 1 ] || bad "unknown-name without --strict failed: $(cat "$tmp/err")"
jcheck 'assert "ptrace_but_misspelt" in d["whatif"]["warnings"]'
run --check --profile "$FIX/unknown-name.json"
grep -q 'ctrace: .*unknown-name.json: syscall names unknown to libseccomp.*syscalls\[0\].names\[1\] "ptrace_but_misspelt"' "$tmp/err" ||
	bad "no warning for an unknown syscall name: $(cat "$tmp/err")"

# --- errors: one line, exit 1 ---
err_case() {	# expected-regex args...
	want=$1; shift
	run "$@"
	[ "$rc" = 1 ] || bad "$*: exit $rc, want 1"
	[ "$(wc -l <"$tmp/err")" = 1 ] || bad "$*: want one error line, got: $(cat "$tmp/err")"
	grep -q "^$CTRACE: .*$want" "$tmp/err" || bad "$*: error '$(cat "$tmp/err")' lacks /$want/"
	[ ! -s "$tmp/out" ] || bad "$*: printed a report"
}
err_case 'bad-syntax.json: line [0-9]* column [0-9]*' --check --profile "$FIX/bad-syntax.json"
err_case 'bad-type.json: syscalls\[1\].names: expected an array' --check --profile "$FIX/bad-type.json"
err_case 'bad-action.json: syscalls\[3\].action: unknown action "SCMP_ACT_FOO"' --check --json --profile "$FIX/bad-action.json"
err_case 'bad-op.json: syscalls\[0\].args\[0\].op: unknown operator' --check --profile "$FIX/bad-op.json"
err_case 'unknown-name.json: syscalls\[0\].names\[1\]: unknown syscall name "ptrace_but_misspelt"' --check --strict --profile "$FIX/unknown-name.json"
err_case 'no-such-file.json: No such file' --check --profile "$tmp/no-such-file.json"
err_case '--cap-add: unknown capability "SYS_PTRAC"' --check --profile unconfined --cap-add SYS_PTRAC
err_case '--cap-drop: unknown capability "NOPE"' --check --profile unconfined --cap-drop NOPE
err_case '--engine: unknown engine "rkt"' --check --profile unconfined --engine rkt
err_case '--arch: unknown architecture "mips"' --check --profile unconfined --arch mips
err_case '--user: expected UID' --check --profile unconfined --user nobody
err_case 'podman: capability "CAP_SYS_PTRACE" cannot be dropped and added' --check --profile unconfined --engine podman --cap-add SYS_PTRACE --cap-drop SYS_PTRACE
err_case 'describe a what-if: add --profile' --check --cap-add SYS_PTRACE
err_case 'use one or the other' --check --profile unconfined -p 1
err_case "option '--profile' requires an argument" --check --profile

# --- compare ---
run --check --compare --profile "$FIX/personality.json"
[ "$rc" = 3 ] || bad "compare: exit $rc, want 3"
grep -q "^  mode / tool  *as-is  *+SYS_PTRACE  *unconfined  *profile-fix" "$tmp/out" || bad "compare: no column header"
grep -q "^  lldb launch  *fails  *fails  *ok  *ok" "$tmp/out" || bad "compare: no lldb launch row"
grep -q "allow personality with arg0 == 0x40000 (ADDR_NO_RANDOMIZE)" "$tmp/out" || bad "compare: no narrow personality fix"
run --check --compare --json --profile "$FIX/personality.json"
jcheck '
cols = [c["name"] for c in d["columns"]]
assert cols == ["as-is", "+SYS_PTRACE", "unconfined", "profile-fix"], cols
col = {c["name"]: {m["name"]: m["verdict"] for m in c["modes"]} for c in d["columns"]}
assert col["as-is"]["no-aslr"] == "fails" and col["unconfined"]["no-aslr"] == "ok"
assert col["profile-fix"]["no-aslr"] == "ok" and col["profile-fix"]["spawn"] == "ok"
assert col["+SYS_PTRACE"]["attach-other"] == "fails"   # ptrace still blocked by the profile
ch = {c["mode"]: c for c in d["profile_changes"]}
r = ch["no-aslr"]["fixes"][0]["rules"]
assert r == [{"names": ["personality"], "action": "SCMP_ACT_ALLOW",
              "args": [{"index": 0, "value": 262144, "op": "SCMP_CMP_EQ"}]}], r
assert ch["spawn"]["fixes"][0]["rules"] == [{"names": ["ptrace"], "action": "SCMP_ACT_ALLOW"}]
assert ch["attach-other"]["profile_alone_fixes"] is False and "CAP_SYS_PTRACE" in ch["attach-other"]["remaining"]
assert d["summary"]["exit_status"] == rc == 3
'
run --check --compare --json --profile "$FIX/caps-ptrace.json" --engine podman
jcheck '
col = {c["name"]: {m["name"]: m["verdict"] for m in c["modes"]} for c in d["columns"]}
assert col["as-is"]["memory"] == "degraded" and col["+SYS_PTRACE"]["memory"] == "ok"
assert col["+SYS_PTRACE"]["attach-other"] == "ok" and col["unconfined"]["attach-other"] == "fails"
'
# without a profile: this process as-is, the other columns derived
run --check --compare --json
jcheck '
assert d["compare"]["as_is"] == "measured"
assert [c["name"] for c in d["columns"]] == ["as-is", "+SYS_PTRACE", "unconfined"]
assert d["profile_changes"] is None
assert d["columns"][1]["derived"] is True
'
err_case '--compare without --profile' --check --compare --cap-add SYS_PTRACE

# --- host side on a process in our own namespaces: no "inside" part ---
run --check --json -p $$
jcheck 'assert d["inside"] is None'

[ "$fail" = 0 ] || exit 1
echo "PASS"
exit 0
