"""The table of tests/containers/tools.sh: ctrace's tool verdicts against
what the tools did, tool x configuration.

    tools_table.py WRITTEN_FOR CONFIG=OUTPUT...

OUTPUT: what tools-inside.sh printed in one container (check.json between
"BEGIN check.json" and "END", "TOOL NAME ACTION RESULT DETAIL" lines).
WRITTEN_FOR: the --for list given to --write-profile ("" if none); in the
configuration named "written" those tools must not fail.

Each cell is PREDICTED/REAL; exit 1 when any cell differs, a tool is not
installed, or a report is missing.
"""

import json
import sys


def parse(path):
    check, real, cur, body = None, {}, None, []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f.read().split("\n"):
            if cur is not None:
                if line == "END":
                    if cur == "check.json":
                        check = "\n".join(body)
                    cur = None
                else:
                    body.append(line)
                continue
            if line.startswith("BEGIN "):
                cur, body = line[6:], []
            elif line.startswith("TOOL "):
                parts = line.split(" ", 4)
                real[(parts[1], parts[2])] = (parts[3], parts[4] if len(parts) > 4 else "")
    return check, real


def main():
    written_for = [t for t in sys.argv[1].split(",") if t]
    cfgs = [a.split("=", 1) for a in sys.argv[2:]]
    bad = []
    notes = set()
    rows, cols = [], []
    for name, path in cfgs:
        check, real = parse(path)
        pred, causes = {}, {}
        try:
            doc = json.loads(check)
            for t in doc["tools"]:
                pred[(t["name"], t["action"])] = t["verdict"]
                causes[(t["name"], t["action"])] = t["cause"] or ""
        except (TypeError, ValueError, KeyError) as e:
            bad.append(f"{name}: no usable --check --json report ({e})")
        for key in pred:
            if key not in rows:
                rows.append(key)
        cols.append((name, pred, real, causes))
    if not rows:
        print("FAIL: no tools in any report")
        return 1
    width = max(12, max(len(c[0]) for c in cols) + 1)
    print("\n%-18s" % "tool action" + "".join("%-*s" % (width, c[0]) for c in cols))
    for key in rows:
        line = "%-18s" % " ".join(key)
        for name, pred, real, causes in cols:
            p = pred.get(key, "-")
            r = real.get(key, ("missing", ""))[0]
            cell = "%s/%s" % (p, r) if p != r else p
            if r == "n/a":
                notes.add("%s %s: not judged: %s" % (key[0], key[1], real[key][1]))
            elif p != r:
                cell += " !"
                bad.append("%s: %s %s: ctrace says %s, the tool %s: %s; ctrace's cause: %s" % (
                    name, key[0], key[1], p, r, real.get(key, ("", ""))[1], causes.get(key)))
            elif name == "written" and key[0] in written_for and r == "fails":
                bad.append("written: %s %s still fails under the written profile: %s" % (
                    key[0], key[1], real.get(key, ("", ""))[1]))
            line += "%-*s" % (width, cell)
        print(line)
    print("(a cell is the verdict when ctrace and the tool agree, PREDICTED/REAL ! when not)")
    for n in sorted(notes):
        print("note: " + n)
    for name, _pred, real, _c in cols:
        for key, (res, detail) in real.items():
            if res == "absent":
                bad.append(f"{name}: {key[0]} {key[1]}: {detail}")
    for b in bad:
        print("FAIL: " + b)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
