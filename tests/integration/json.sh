#!/bin/bash
# --json: every line of every workload parses with a real JSON parser
# (python3's json) and follows docs/trace.schema.json; the syscalls and
# return values are the same as in the text output.
. "$(dirname "$0")/lib.sh"
command -v python3 >/dev/null || skip "python3 is needed to parse the JSON"
. "$srcdir/tests/schema.sh"
SCHEMA_CHECK=0; schema_validator && SCHEMA_CHECK=1
rc=0
validate() { # file: parse every line, validate against the schema (unless schema_validator said no)
	python3 - "$1" "$srcdir/docs/trace.schema.json" "$SCHEMA_CHECK" <<'PY'
import json, sys
lines = open(sys.argv[1]).read().splitlines()
schema = json.load(open(sys.argv[2]))
v = None
if sys.argv[3] == "1":
    import jsonschema
    v = jsonschema.Draft202012Validator(schema)
n = 0
for i, l in enumerate(lines, 1):
    try:
        o = json.loads(l)
    except ValueError as e:
        print("line %d is not JSON: %s: %r" % (i, e, l[:200])); sys.exit(1)
    if v is not None:
        errs = list(v.iter_errors(o))
        if errs:
            print("line %d breaks the schema: %s: %r" % (i, errs[0].message, l[:200])); sys.exit(1)
    n += 1
if n == 0:
    print("no lines"); sys.exit(1)
print("%d lines%s" % (n, ", valid against the schema" if v else " (parsed only)"))
PY
}
run() { # name ctrace-args...
	local name=$1; shift
	"$CTRACE" --json -o "$TMP/$name.json" "$@" >/dev/null 2>"$TMP/$name.err"
	if out=$(validate "$TMP/$name.json"); then echo "ok: $name: $out"; else echo "FAIL: $name: $out"; rc=1; fi
}
printf 'a\tb"c\\d\001\377\n' >"$TMP/weird"
run ls ls -la /usr/share/doc/bash
run cat cat "$TMP/weird"
run xx -xx -s 5 cat "$TMP/weird"
run follow -f "$HELPERS/forker" 3 2
run signals -f sh -c 'kill -USR1 $$; true'
run killed sh -c 'kill -KILL $$'
run verbose -v -y -e trace=%file,execve sh -c 'ls / >/dev/null'
run fastpath -f -e trace=openat,exit_group sh -c 'cat /etc/hostname'
run failed -Z -f -e trace=openat ls /nonexistent
run stack -k -e trace=write,exit_group "$HELPERS/forker" 1 1
run execthread -f "$HELPERS/execthread" /bin/true
# a personality change, where the machine runs int $0x80 natively
if [ ! -x "$HELPERS/int80" ]; then
	echo "SKIP: personality event: $HELPERS/int80 is built on x86_64 only"
elif machine_can int80 "personality event (int \$0x80 from a 64-bit process)" "$HELPERS/int80"; then
	# -o FILE with a command implies -q (personality too), as in strace
	run int80 -e quiet=none "$HELPERS/int80"
	grep -q '"type":"personality"' "$TMP/int80.json" || { echo "FAIL: no personality event"; rc=1; }
fi
grep -q '"type":"killed","pid":[0-9]*,"time":[0-9.]*,"signal":"SIGKILL","core_dumped":false' "$TMP/killed.json" ||
	{ echo "FAIL: no killed event"; tail -2 "$TMP/killed.json"; rc=1; }
grep -q '"type":"signal".*"signal":"SIGUSR1"' "$TMP/signals.json" || { echo "FAIL: no signal event"; rc=1; }
grep -q '"type":"superseded"' "$TMP/execthread.json" || { echo "FAIL: no superseded event"; rc=1; }
grep -q '"stack":\["[^"]*libc\.so' "$TMP/stack.json" || { echo "FAIL: no stack frames with -k"; head -3 "$TMP/stack.json"; rc=1; }
# -Z keeps only failed calls
grep '"type":"syscall"' "$TMP/failed.json" | grep -vq '"errno"' && { echo "FAIL: -Z let a successful call through"; rc=1; }
grep -q '"errno":"ENOENT"' "$TMP/failed.json" || { echo "FAIL: -Z dropped the failed calls"; rc=1; }

# same syscalls and return values as the text output
"$CTRACE" -o "$TMP/t.txt" ls -la /usr/share/doc/bash >/dev/null
python3 - "$TMP/ls.json" "$TMP/t.txt" <<'PY' || rc=1
import json, re, sys
js = [json.loads(l) for l in open(sys.argv[1])]
a = [(o["name"], o.get("return", "?")) for o in js if o["type"] == "syscall"]
b = []
for l in open(sys.argv[2]):
    m = re.match(r'^([a-z_0-9]+)\(.* = (.*)$', l.rstrip("\n"))
    if m: b.append((m.group(1), m.group(2)))
# pids differ between the two runs
pidcalls = {"set_tid_address", "getpid", "gettid", "getppid"}
norm = lambda xs: [(n, "PID" if n in pidcalls else re.sub(r'0x[0-9a-f]+', 'ADDR', r)) for n, r in xs]
if norm(a) != norm(b):
    for i, (x, y) in enumerate(zip(norm(a), norm(b))):
        if x != y: print("FAIL: JSON and text differ at call %d: %s vs %s" % (i, x, y)); break
    else: print("FAIL: %d JSON calls, %d text calls" % (len(a), len(b)))
    sys.exit(1)
print("ok: JSON and text agree on %d calls" % len(a))
PY
# -y with file names a tracee picks: the JSON args come from the decoders'
# boundaries, so a name like `a, 99, "x` or `b[x(` stays inside its argument
mkdir -p "$TMP/hostile"
printf 'one\n' >"$TMP/hostile/a, 99, \"x"
printf 'two\n' >"$TMP/hostile/b[x("
"$CTRACE" --json -y -e trace=read,fstat,newfstatat,close -o "$TMP/hostile.json" \
	cat "$TMP/hostile/a, 99, \"x" "$TMP/hostile/b[x(" >/dev/null 2>"$TMP/hostile.err"
python3 - "$TMP/hostile.json" <<'PY' || rc=1
import json, sys
want = {"read": 3, "close": 1, "fstat": 2, "newfstatat": 4}
seen = {'a, 99, \\"x': 0, "b[x(": 0}
bad = 0
for l in open(sys.argv[1]):
    o = json.loads(l)
    if o["type"] != "syscall" or o["name"] not in want:
        continue
    names = [k for k in seen if k in o["args"][0]]
    if not names:
        continue
    seen[names[0]] += 1
    if len(o["args"]) != want[o["name"]] or not o["args"][0].endswith(">"):
        print("FAIL: %s with fd of %r has args %r" % (o["name"], names[0], o["args"])); bad = 1
for k, n in seen.items():
    if n == 0:
        print("FAIL: no call on the fd of %r" % k); bad = 1
if not bad:
    print("ok: -y names %s keep their calls' arg counts (%s calls)" % (list(seen), sum(seen.values())))
sys.exit(bad)
PY
exit $rc
