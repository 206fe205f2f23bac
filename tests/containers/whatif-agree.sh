#!/bin/sh
# What-if, host-side and in-container verdicts must agree (issue 6).
#
# For each configuration, three answers, from the same check_assess():
#   what-if:  ctrace --check --json --profile P --engine podman [flags]   (on the host)
#   inside:   ctrace --check --json       in a real podman container started with the flags
#   host:     ctrace --check --json -p PID  of a sleeping process in such a container,
#             its "inside" verdicts (filters dumped with PTRACE_SECCOMP_GET_FILTER)
# and every mode's verdict (and cause) must be the same.  Reality check by
# independent tools in the same container: strace CMD (spawn), setarch -R
# (no-aslr), strace -p of a sibling (attach) and, as root, of a uid 4321
# process (attach-other) succeed exactly when those modes are "ok".  Helpers are local to this
# script (tests/containers/lib.sh belongs to another branch).
: "${CTRACE:?CTRACE not set}" "${srcdir:=.}"

skip() { echo "SKIP: $*"; exit 77; }
command -v python3 >/dev/null 2>&1 || skip "python3 not installed"
[ "$(id -u)" = 0 ] || skip "needs root (rootful podman)"
. "$srcdir/tests/engine.sh"
podman_works || exit 77
DEFAULT=/usr/share/containers/seccomp.json
[ -r "$DEFAULT" ] || engine_broken "$DEFAULT (podman's default seccomp profile) missing" || exit 77
. "$srcdir/tests/schema.sh"
SCHEMA_CHECK=0; schema_validator && SCHEMA_CHECK=1

# LeakSanitizer (a --enable-sanitizers build) stops the world with ptrace:
# under a profile that kills ptrace it spins forever, so it is off inside;
# --timeout bounds every container anyway.
wa_run() {	# wa_run [podman flags] --rootfs /:O command...
	podman --runtime runc run --rm --network none --timeout 60 \
		--env ASAN_OPTIONS=detect_leaks=0 \
		--ulimit nofile=20000:20000 --ulimit nproc=4096:4096 "$@"
}
wa_out=$(mktemp -d) || exit 1
wa_cids=""
cleanup() {
	for c in $wa_cids; do podman rm -f -t 0 "$c" >/dev/null 2>&1; done
	rm -rf "$wa_out"
}
trap cleanup EXIT INT TERM

FIX="$srcdir/tests/fixtures/profiles"
fail=0
n=0
# name | podman flags | what-if flags
while IFS='|' read -r name pflags wflags; do
	[ -n "$name" ] || continue
	n=$((n + 1))
	# shellcheck disable=SC2086
	"$CTRACE" --check --json $wflags --engine podman >"$wa_out/$name.whatif" 2>"$wa_out/$name.err"
	wrc=$?
	# shellcheck disable=SC2086
	wa_run $pflags --rootfs /:O "$CTRACE" --check --json >"$wa_out/$name.inside" 2>>"$wa_out/$name.err"
	irc=$?
	# reality, by independent tools: strace (spawn) and setarch -R (no-aslr)
	# shellcheck disable=SC2086
	wa_run $pflags --rootfs /:O sh -c '
		if command -v strace >/dev/null; then strace -o /dev/null true >/dev/null 2>&1; echo "spawn $?"; fi
		if command -v setarch >/dev/null; then setarch "$(uname -m)" -R true >/dev/null 2>&1; echo "no-aslr $?"; fi
		# attach: strace -p stays attached until timeout kills it (124)
		if command -v strace >/dev/null && command -v timeout >/dev/null; then
			sleep 5 & t=$!
			timeout 0.5 strace -o /dev/null -p $t >/dev/null 2>&1; echo "attach $?"
			kill $t
			if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
				setpriv --reuid=4321 --regid=4321 --clear-groups sleep 5 & t=$!
				sleep 0.1
				timeout 0.5 strace -o /dev/null -p $t >/dev/null 2>&1; echo "attach-other $?"
				kill $t
			fi
		fi
	' >"$wa_out/$name.real" 2>>"$wa_out/$name.err"
	# shellcheck disable=SC2086
	cid=$(podman --runtime runc run -d --network none --ulimit nofile=20000:20000 \
		--ulimit nproc=4096:4096 $pflags --rootfs /:O sleep 30 2>>"$wa_out/$name.err")
	hrc=x
	if [ -n "$cid" ]; then
		wa_cids="$wa_cids $cid"
		pid=$(podman inspect --format '{{.State.Pid}}' "$cid")
		"$CTRACE" --check --json -p "$pid" >"$wa_out/$name.host" 2>>"$wa_out/$name.err"
		hrc=$?
		if [ "$name" = default ] && command -v setpriv >/dev/null 2>&1; then
			# without CAP_SYS_ADMIN the filters cannot be read: said, not guessed
			setpriv --inh-caps=-sys_admin --bounding-set=-sys_admin \
				"$CTRACE" --check --json -p "$pid" >"$wa_out/noadmin.host" 2>>"$wa_out/$name.err"
			python3 - "$wa_out/noadmin.host" <<'PY' || { echo "FAIL: host side without CAP_SYS_ADMIN"; fail=1; }
import json, sys
d = json.load(open(sys.argv[1]))["inside"]
sf = d["seccomp_filters"]
assert sf["source"] == "unknown" and "CAP_SYS_ADMIN" in sf["error"] and sf["errno"] == "EPERM", sf
assert d["queries"] is None and d["probes"] == []
for m in d["modes"]:
    assert m["verdict"] != "ok" or (m["certain"] is False and "could not be read" in m["cause"]), m
print("  default        host side without CAP_SYS_ADMIN: filters unknown, ok verdicts marked uncertain")
PY
		fi
		podman rm -f -t 0 "$cid" >/dev/null 2>&1
	fi
	if ! python3 - "$name" "$wa_out/$name.whatif" "$wrc" "$wa_out/$name.inside" "$irc" \
		"$wa_out/$name.host" "$srcdir/docs/check.schema.json" "$wa_out/$name.real" "$SCHEMA_CHECK" <<'PY'
import json, sys
name, wf, wrc, inf, irc, hf, schema, real, schema_check = sys.argv[1:10]
def load(p, what):
    try:
        return json.load(open(p))
    except Exception as e:
        print(f"FAIL {name}: {what} output is not JSON ({e})")
        sys.exit(1)
w, i, h = load(wf, "what-if"), load(inf, "in-container"), load(hf, "host-side")
if schema_check == "1":
    import jsonschema
    sch = json.load(open(schema))
    for doc in (w, i, h):
        jsonschema.validate(doc, sch)
def verdicts(modes):
    return {m["name"]: m["verdict"] for m in modes if m["name"] != "attach-pid"}
vw, vi = verdicts(w["modes"]), verdicts(i["modes"])
assert "whatif" in w, "what-if document lacks the whatif object"
assert w["summary"]["exit_status"] == int(wrc), (w["summary"], wrc)
assert i["summary"]["exit_status"] == int(irc), (i["summary"], irc)
inside = h.get("inside")
ok = True
if inside is None:
    print(f"FAIL {name}: host-side report has no 'inside' object"); sys.exit(1)
vh = verdicts(inside["modes"])
src = inside["seccomp_filters"]["source"]
for mode in vi:
    row = (vw.get(mode), vi[mode], vh.get(mode))
    same = row[0] == row[1] == row[2]
    ok &= same
    print(f"  {name:14} {mode:13} what-if={row[0]:9} inside={row[1]:9} host-side={row[2]:9}"
          + ("" if same else "  <-- DISAGREE"))
def causes(modes):
    return {m["name"]: m["cause"] for m in modes}
cw, ci, ch = causes(w["modes"]), causes(i["modes"]), causes(inside["modes"])
for mode in vi:
    if not (cw.get(mode) == ci.get(mode) == ch.get(mode)):
        ok = False
        print(f"  FAIL {name} {mode}: causes differ:\n    what-if:   {cw.get(mode)}\n"
              f"    inside:    {ci.get(mode)}\n    host-side: {ch.get(mode)}")
tools = {"spawn": ("strace true", "0"), "no-aslr": ("setarch -R true", "0"),
         "attach": ("strace -p (same user)", "124"), "attach-other": ("strace -p (uid 4321)", "124")}
for line in open(real):
    mode, rc = line.split()
    tool, good = tools[mode]
    want = "ok" if rc == good else "fails"
    print(f"  {name:14} reality: {tool} exit {rc} -> {mode} {want}")
    if vi[mode] != want:
        print(f"  FAIL {name}: {mode} is '{vi[mode]}' but {tool} exits {rc}")
        ok = False
if src != "dumped" and i["environment"]["seccomp"] == "filter":
    print(f"FAIL {name}: host side did not dump the filters: {inside['seccomp_filters']}")
    ok = False
sys.exit(0 if ok else 1)
PY
	then
		fail=1
		echo "--- $name stderr:"; cat "$wa_out/$name.err"
	fi
done <<CONFIGS
default||--profile $DEFAULT
cap-ptrace|--cap-add SYS_PTRACE|--profile $DEFAULT --cap-add SYS_PTRACE
unconfined|--security-opt seccomp=unconfined|--profile unconfined
deny-ptrace|--security-opt seccomp=$FIX/deny-ptrace-eperm.json|--profile $FIX/deny-ptrace-eperm.json
kill-ptrace|--security-opt seccomp=$FIX/kill-ptrace.json|--profile $FIX/kill-ptrace.json
user-1000|--user 1000|--profile $DEFAULT --user 1000
user-1000-ptrace|--user 1000 --cap-add SYS_PTRACE|--profile $DEFAULT --user 1000 --cap-add SYS_PTRACE
CONFIGS
[ "$n" -gt 0 ] || { echo "FAIL: no configuration ran"; exit 1; }

# The narrowest profile change of --compare, applied for real: the default
# profile plus the suggested rules, in a container, gives the verdicts of
# the profile-fix column.
"$CTRACE" --check --compare --json --profile "$DEFAULT" --engine podman >"$wa_out/compare.json"
python3 - "$DEFAULT" "$wa_out/compare.json" "$wa_out/fixed.json" <<'PY' || { echo "FAIL: compare output"; fail=1; }
import json, sys
prof = json.load(open(sys.argv[1]))
cmp = json.load(open(sys.argv[2]))
rules = [r for c in cmp["profile_changes"] for r in (c["fixes"][0]["rules"] if c["fixes"] else [])]
assert rules, "no profile change suggested for podman's default profile"
prof["syscalls"] = rules + prof["syscalls"]
json.dump(prof, open(sys.argv[3], "w"))
print("  profile-fix    rules added:", json.dumps(rules))
PY
wa_run --security-opt seccomp="$wa_out/fixed.json" --rootfs /:O "$CTRACE" --check --json \
	>"$wa_out/fixed.inside" 2>"$wa_out/fixed.err"
python3 - "$wa_out/compare.json" "$wa_out/fixed.inside" <<'PY' || { fail=1; cat "$wa_out/fixed.err"; }
import json, sys
cmp = json.load(open(sys.argv[1]))
col = [c for c in cmp["columns"] if c["name"] == "profile-fix"][0]
want = {m["name"]: m["verdict"] for m in col["modes"]}
got = {m["name"]: m["verdict"] for m in json.load(open(sys.argv[2]))["modes"]}
for mode in want:
    print(f"  profile-fix    {mode:13} predicted={want[mode]:9} in a container={got[mode]}")
assert want == got, (want, got)
PY
[ "$fail" = 0 ] || { echo "FAIL: verdicts disagree (see above)"; exit 1; }
echo "PASS: $n configurations, what-if = in-container = host-side for every mode"
exit 0
