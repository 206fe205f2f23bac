#!/bin/sh
# Built-in profiles (--profile docker-default|podman-default|runtime-default,
# --engine-version) and the what-if of Kubernetes manifests (--pod): the
# verdicts, what was assumed, and one clear error line with exit 1 for
# every bad input.  The podman agreement with real pods is
# tests/containers/pod-play.sh.
: "${CTRACE:?CTRACE not set}" "${srcdir:=.}"
command -v python3 >/dev/null 2>&1 || { echo "SKIP: python3 not installed"; exit 77; }
FIX="$srcdir/tests/fixtures"
PODS="$FIX/pods"
. "$srcdir/tests/integration/check-lib.sh"

# --- built-in profiles: Docker 20.10 blocks process_vm_readv without
# CAP_SYS_PTRACE, current Docker allows it (kernel >= 4.8) ---
run --check --json --profile docker-default --engine-version 20.10
jcheck '
assert rc == 3, rc
assert v(d, "memory") == "degraded" and v(d, "no-aslr") == "fails" and v(d, "spawn") == "ok"
assert w["builtin_profile"]["name"] == "docker-default" and w["builtin_profile"]["version"] == "20.10"
assert "20.10.24" in w["builtin_profile"]["source"] and w["engine"] == "docker"
'
run --check --json --profile docker-default --engine-version 20.10 --cap-add SYS_PTRACE
jcheck 'assert v(d, "memory") == "ok" and v(d, "attach-other") == "ok"'
run --check --json --profile docker-default
jcheck '
assert v(d, "memory") == "ok" and v(d, "no-aslr") == "fails"
assert w["builtin_profile"]["version"] == "current"
'
# podman's profile: ENOSYS for personality, podman's capability set
run --check --json --profile podman-default
jcheck '
assert w["engine"] == "podman" and w["builtin_profile"]["name"] == "podman-default"
assert v(d, "memory") == "ok" and v(d, "no-aslr") == "fails"
assert "ENOSYS" in [m for m in d["modes"] if m["name"] == "no-aslr"][0]["cause"]
assert "CAP_MKNOD" not in w["caps"]
'
run --check --json --profile runtime-default
jcheck '
assert w["builtin_profile"]["name"] == "runtime-default" and "containerd 1.6" in w["builtin_profile"]["source"]
assert v(d, "memory") == "degraded"
'
# text: the source is named
run --check --profile docker-default --engine-version 20.10
grep -q "^  profile: *built-in docker-default, version 20.10: Docker 20.10.24" "$tmp/out" ||
	bad "text: no built-in profile line"
# a path is always a file
run --check --profile ./docker-default
[ "$rc" = 1 ] && grep -q "^$CTRACE: ./docker-default: No such file" "$tmp/err" ||
	bad "./docker-default: rc $rc, $(cat "$tmp/err")"

# podman-default is podman's own: the same answers as the seccomp.json
# podman installs, for several capability sets and users
PODMAN_JSON=/usr/share/containers/seccomp.json
if [ -r "$PODMAN_JSON" ]; then
	for flags in "" "--cap-add SYS_PTRACE" "--cap-add SYS_ADMIN" "--user 1000" \
		     "--cap-drop ALL --no-new-privs"; do
		# shellcheck disable=SC2086
		"$CTRACE" --check --json --profile podman-default $flags >"$tmp/b.json" 2>/dev/null
		# shellcheck disable=SC2086
		"$CTRACE" --check --json --profile "$PODMAN_JSON" --engine podman $flags >"$tmp/f.json" 2>/dev/null
		python3 - "$tmp/b.json" "$tmp/f.json" <<'PY' || bad "podman-default $flags differs from $PODMAN_JSON"
import json, sys
b, f = (json.load(open(x)) for x in sys.argv[1:3])
for k in ("modes", "probes"):
    assert b[k] == f[k], k
assert b["whatif"]["queries"] == f["whatif"]["queries"]
assert b["whatif"]["caps"] == f["whatif"]["caps"]
PY
	done
else
	echo "note: $PODMAN_JSON absent (podman not installed): built-in podman-default not compared"
fi

# --- --pod ---
run --check --json --pod "$PODS/sidecar.yaml" --container debug
jcheck '
assert rc == 3
assert w["builtin_profile"]["name"] == "runtime-default"
assert "CAP_SYS_PTRACE" in w["caps"] and w["user"] is None
assert any("RuntimeDefault" in n and "runtime-default" in n for n in w["notes"])
p = w["pod"]
assert p["share_process_namespace"] and p["runtime"] == "kubernetes" and p["container"] == "debug"
t = p["attach_targets"]
assert len(t) == 1 and t[0]["container"] == "app" and t[0]["uid"] == 1000 and t[0]["verdict"] == "ok"
assert v(d, "attach-other") == "ok" and v(d, "memory") == "ok"
'
run --check --json --pod "$PODS/sidecar.yaml" --container app
jcheck '
assert w["profile"] is None and w["seccomp"] == "unconfined" and w["user"] == 1000
assert any("no seccompProfile: Unconfined" in n for n in w["notes"])
t = w["pod"]["attach_targets"]
assert t[0]["container"] == "debug" and t[0]["verdict"] == "fails", t
'
# podman kube play: seccompProfile ignored, podman's default profile
run --check --json --pod "$PODS/sidecar.yaml" --container debug --engine podman
jcheck '
assert w["engine"] == "podman" and w["builtin_profile"]["name"] == "podman-default"
assert any("ignored by podman kube play" in n for n in w["notes"])
assert w["pod"]["runtime"] == "podman"
'
# --profile overrides RuntimeDefault
run --check --json --pod "$PODS/sidecar.yaml" --container debug --profile docker-default --engine-version 20.10
jcheck '
assert w["builtin_profile"]["name"] == "docker-default"
assert any("overrides" in n for n in w["notes"])
'
# Deployment (second YAML document): pod-level Localhost profile under
# --seccomp-root, runAsUser, allowPrivilegeEscalation, drop ALL
run --check --json --pod "$PODS/deployment.yaml" --seccomp-root "$FIX"
jcheck '
assert w["profile"].endswith("profiles/deny-ptrace-eperm.json"), w["profile"]
assert w["user"] == 2000 and w["no_new_privs"] is True and w["caps"] == []
assert any("annotation is ignored" in n for n in w["notes"])
assert w["pod"]["kind"] == "Deployment" and w["pod"]["name"] == "web"
assert v(d, "spawn") == "fails"
'
# ... and podman reads the template's annotation instead: unconfined
run --check --json --pod "$PODS/deployment.yaml" --seccomp-root "$FIX" --engine podman
jcheck 'assert w["seccomp"] == "unconfined" and v(d, "spawn") == "ok"'
# CronJob, privileged, hostPID
run --check --json --pod "$PODS/privileged.yaml"
jcheck '
assert w["seccomp"] == "unconfined" and "CAP_SYS_ADMIN" in w["caps"]
assert w["pod"]["host_pid"] is True and w["pod"]["kind"] == "CronJob"
'
run --check --pod "$PODS/sidecar.yaml" --container debug
grep -q "^ctrace .*what-if: container debug of Pod sidecar, as Kubernetes (containerd) starts it" "$tmp/out" ||
	bad "text: no pod heading"
grep -q "^    app  *ok  *it runs as uid 1000 and ctrace as uid 0" "$tmp/out" || bad "text: no target line"

# --- --compare --pod: what adding SYS_PTRACE changes ---
run --check --json --compare --pod "$PODS/sidecar.yaml" --container app --profile runtime-default
jcheck '
c = {x["name"]: {m["name"]: m["verdict"] for m in x["modes"]} for x in d["columns"]}
assert c["as-is"]["memory"] == "degraded" and c["+SYS_PTRACE"]["memory"] == "ok", c
'
# the debug container without SYS_PTRACE: adding it lets it attach to app
sed '/capabilities:/,/add:/d' "$PODS/sidecar.yaml" >"$tmp/noptrace.yaml"
run --check --json --compare --pod "$tmp/noptrace.yaml" --container debug
jcheck '
t = {x["name"]: x["attach_targets"][0] for x in d["columns"]}
assert t["as-is"]["container"] == "app" and t["as-is"]["verdict"] == "fails", t
assert t["+SYS_PTRACE"]["verdict"] == "ok", t
'
run --check --compare --pod "$tmp/noptrace.yaml" --container debug
grep -q "^  attach app  *fails  *ok " "$tmp/out" || bad "compare text: no 'attach app' row"

# --- bad input: one line, exit 1 ---
expect_err() {	# expect_err PATTERN ARGS...
	pat=$1; shift
	run "$@"
	[ "$rc" = 1 ] || bad "$*: exit $rc, want 1"
	[ "$(wc -l <"$tmp/err")" = 1 ] || bad "$*: not one line: $(cat "$tmp/err")"
	grep -q "^$CTRACE: .*$pat" "$tmp/err" || bad "$*: no '$pat' in: $(cat "$tmp/err")"
	[ -s "$tmp/out" ] && bad "$*: printed a report"
}
printf 'kind: Pod\nspec: [\n' >"$tmp/malformed.yaml"
expect_err "not valid YAML" --check --pod "$tmp/malformed.yaml"
expect_err "say which with --container" --check --pod "$PODS/sidecar.yaml"
expect_err 'no container "nope"' --check --pod "$PODS/sidecar.yaml" --container nope
sed 's/runAsUser: 1000/runAsUser: "1000"/' "$PODS/sidecar.yaml" >"$tmp/quoted.yaml"
expect_err "runAsUser: expected an integer" --check --pod "$tmp/quoted.yaml" --container app
sed 's/add: \["SYS_PTRACE"\]/add: SYS_PTRACE/' "$PODS/sidecar.yaml" >"$tmp/caps.yaml"
expect_err "capabilities.add: expected a list" --check --pod "$tmp/caps.yaml" --container debug
sed 's/SYS_PTRACE/SYS_PTRAC/' "$PODS/sidecar.yaml" >"$tmp/cap.yaml"
expect_err 'unknown capability "SYS_PTRAC"' --check --pod "$tmp/cap.yaml" --container debug
sed 's/type: RuntimeDefault/type: Default/' "$PODS/sidecar.yaml" >"$tmp/type.yaml"
expect_err 'unknown type "Default"' --check --pod "$tmp/type.yaml" --container debug
printf 'kind: ConfigMap\nmetadata: {name: x}\n' >"$tmp/cm.yaml"
expect_err "no Pod and no pod template" --check --pod "$tmp/cm.yaml"
expect_err "No such file" --check --pod "$tmp/absent.yaml"
expect_err "No such file" --check --pod "$PODS/deployment.yaml" --seccomp-root "$tmp"
expect_err 'no version "19.03"' --check --profile docker-default --engine-version 19.03
expect_err "goes with a built-in profile" --check --profile "$FIX/profiles/personality.json" --engine-version 20.10
expect_err "go with --pod" --check --container debug --profile unconfined
expect_err "edit its securityContext" --check --pod "$PODS/sidecar.yaml" --container debug --cap-add SYS_ADMIN
exit $fail
