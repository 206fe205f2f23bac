#!/bin/sh
# ctrace --check --json: one JSON document valid against docs/check.schema.json,
# exit status consistent with summary.exit_status; usage errors exit 1.
# Needs main() to dispatch --check to check_cli() (src/check/check.h).
: "${CTRACE:?CTRACE not set}" "${srcdir:=.}"
. "$srcdir/tests/schema.sh"
schema_validator || exit 77
out=$(mktemp) || exit 1
trap 'rm -f "$out"' EXIT
for args in "" "-p $$" "-p 2147483647"; do
	# shellcheck disable=SC2086
	"$CTRACE" --check --json $args >"$out"
	rc=$?
	python3 - "$srcdir/docs/check.schema.json" "$out" "$rc" <<'PY' || exit 1
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
doc = json.load(open(sys.argv[2]))
jsonschema.validate(doc, schema)
rc = int(sys.argv[3])
assert doc["summary"]["exit_status"] == rc, (doc["summary"], rc)
names = [m["name"] for m in doc["modes"]]
assert names[:8] == ["spawn", "attach", "attach-other", "memory", "syscall-info",
                     "seccomp-bpf", "no-aslr", "stack-trace"], names
for m in doc["modes"]:
    assert m["verdict"] == "ok" or m["cause"], m
PY
done
"$CTRACE" --check --bogus 2>"$out"
rc=$?
[ "$rc" = 1 ] || { echo "FAIL: usage error exit $rc, want 1"; exit 1; }
grep -q "^$CTRACE: " "$out" || { echo "FAIL: no 'ctrace: ' line"; cat "$out"; exit 1; }
echo "PASS"
exit 0
