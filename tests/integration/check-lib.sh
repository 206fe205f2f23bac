# Sourced by the --check JSON tests (whatif.sh, pod.sh): run, bad, jcheck.
# Needs CTRACE, srcdir; sets tmp (removed at exit), fail, SCHEMA.
SCHEMA="$srcdir/docs/check.schema.json"
. "$srcdir/tests/schema.sh"
SCHEMA_CHECK=0; schema_validator && SCHEMA_CHECK=1
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }

# run ARGS...: stdout in $tmp/out, stderr in $tmp/err, status in $rc
run() { "$CTRACE" "$@" >"$tmp/out" 2>"$tmp/err"; rc=$?; }

# jcheck PYTHON-EXPR-LINES: the document in $tmp/out as d, rc as rc, its
# "whatif" object as w, v(d, mode) a mode's verdict
jcheck() {
	python3 - "$tmp/out" "$rc" "$SCHEMA" "$1" "$SCHEMA_CHECK" <<'PY' || { bad "JSON check failed: $1"; cat "$tmp/err"; }
import json, sys
d = json.load(open(sys.argv[1]))
rc = int(sys.argv[2])
def v(doc, mode):
    return {m["name"]: m["verdict"] for m in doc["modes"]}[mode]
if "whatif" in d and sys.argv[5] == "1":
    import jsonschema
    jsonschema.validate(d, json.load(open(sys.argv[3])))
w = d.get("whatif")
exec(sys.argv[4])
PY
}
