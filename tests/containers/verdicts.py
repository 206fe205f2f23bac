"""Compare ctrace --check verdicts with what happened in a container.

    verdicts.py "ENGINE CONFIG" OUTPUT-OF-inside.sh

Prints a table (mode, verdict, observed, strace for reference) and exits
0 when every asserted verdict matches reality, 1 on a mismatch or a broken
report, 77 when this ctrace has no --check (observations printed only).

Matching rules (observed result -> verdicts accepted):
  ok   (it worked, fast path too)        -> ok, or degraded for modes whose
                                            degraded state is not observable
  slow (worked without the fast path)    -> degraded
  fail (it did not work)                 -> fails
Modes that trace a spawned program (memory, no-aslr, seccomp-bpf,
stack-trace) cannot work when spawning does not; there the verdict may say
fails, or judge the mode's own need, observed directly (process_vm_readv,
personality, a seccomp filter).
"""

import json
import sys

MODES = ["spawn", "attach", "attach-other", "memory", "syscall-info",
         "seccomp-bpf", "no-aslr", "stack-trace"]
VERDICTS = {"ok", "degraded", "fails"}
ACCEPT = {"ok": {"ok", "degraded"}, "slow": {"degraded"}, "fail": {"fails"}}
ACCEPT_FAST = {"ok": {"ok"}, "slow": {"degraded"}, "fail": {"fails"}}


def parse(path):
    files, rcs, obs, ref = {}, {}, {}, {}
    nocheck, ident = None, {}
    with open(path, encoding="utf-8", errors="replace") as f:
        lines = f.read().split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        word, _, rest = line.partition(" ")
        if word == "BEGIN":
            body = []
            i += 1
            while i < len(lines) and lines[i] != "END":
                body.append(lines[i])
                i += 1
            files[rest] = "\n".join(body).rstrip("\n")
        elif word == "NOCHECK":
            nocheck = rest
        elif word == "ID":
            ident = dict(kv.split("=", 1) for kv in rest.split())
        elif word == "RC":
            name, _, rc = rest.partition(" ")
            rcs[name] = int(rc)
        elif word == "OBS":
            key, _, val = rest.partition(" ")
            res, _, detail = val.partition(" ")
            obs[key] = (res, detail)
        elif word == "REF":
            _tool, key, val = (rest.split(" ", 2) + ["", ""])[:3]
            res, _, detail = val.partition(" ")
            ref[key] = (res, detail)
        i += 1
    return files, rcs, obs, ref, nocheck, ident


def combine_fast(run, fast):
    """A run that worked, and whether its fast path (direct probe) works."""
    if run != "ok":
        return run
    return "ok" if fast == "ok" else "slow"


def observations(obs):
    """mode -> (observed, accepted verdicts or None if not asserted, note)"""
    def res(key):
        return obs.get(key, ("na", ""))[0]

    def detail(key):
        return obs.get(key, ("", ""))[1]

    out = {}
    spawn = res("spawn")
    out["spawn"] = (spawn, ACCEPT.get(spawn), detail("spawn"))

    att = [res("attach")] + ([res("attach-pid1")] if "attach-pid1" in obs else [])
    a = att[0] if len(set(att)) == 1 else "mixed"
    out["attach"] = (a, ACCEPT.get(a, set()),
                     "sibling" + (", pid 1" if len(att) > 1 else ""))
    o = res("attach-other")
    out["attach-other"] = (o, ACCEPT.get(o), detail("attach-other"))

    fast = res("fast-vmread")
    fast_own = "ok" if fast == "ok" else "slow"

    def spawned(key, run, own, note, accept):
        """A mode that traces a spawned program: RUN is what the traced run
        (OBS KEY) showed, OWN the mode's own need observed directly."""
        if run == "na":
            return ("na", None, "not asserted: " + detail(key))
        if spawn == "ok":
            return (run, accept.get(run), note)
        return ("fail", {"fails"} | accept.get(own, set()),
                note + "; no spawn: own need " + own)

    out["memory"] = spawned("memory-read",
                            combine_fast(res("memory-read"), fast), fast_own,
                            "vmread " + fast, ACCEPT_FAST)

    aslr = res("no-aslr-direct")
    if res("no-aslr") == "na":
        out["no-aslr"] = (aslr, ACCEPT.get(aslr),
                          "setarch -R: ctrace " + detail("no-aslr"))
    else:
        out["no-aslr"] = spawned("no-aslr", res("no-aslr"), aslr,
                                 "personality " + aslr, ACCEPT)

    sc = res("direct-seccomp")
    out["seccomp-bpf"] = spawned(
        "seccomp-bpf-run", combine_fast(res("seccomp-bpf-run"), sc),
        "ok" if sc == "ok" else "slow", "filter " + sc, ACCEPT_FAST)

    out["stack-trace"] = spawned(
        "stack-trace-run", combine_fast(res("stack-trace-run"), fast),
        fast_own, "vmread " + fast, ACCEPT_FAST)

    out["syscall-info"] = ("-", None, "not asserted: no separate observation")
    return out


def main():
    if len(sys.argv) != 3:
        print("usage: verdicts.py CONFIG OUTPUT", file=sys.stderr)
        return 2
    config, path = sys.argv[1], sys.argv[2]
    files, rcs, obs, ref, nocheck, ident = parse(path)
    problems = []

    for key in ("spawn", "attach", "attach-other", "memory-read",
                "fast-vmread", "direct-seccomp", "no-aslr-direct", "no-aslr",
                "seccomp-bpf-run", "stack-trace-run"):
        if key not in obs:
            problems.append("inside.sh printed no observation for " + key)

    have_check = nocheck is None
    verdict = {}
    report = None
    if have_check:
        rc = rcs.get("check.json")
        text_rc = rcs.get("check.txt")
        for name, r in (("--check", text_rc), ("--check --json", rc)):
            if r is None or r >= 128:
                problems.append("ctrace %s died (exit %s): it must survive "
                                "its probes" % (name, r))
        if not files.get("check.txt", "").strip():
            problems.append("ctrace --check printed no report; stderr: "
                            + files.get("check.txt.err", "")[:200])
        try:
            report = json.loads(files.get("check.json", ""))
        except ValueError as e:
            problems.append("ctrace --check --json is not JSON (%s); stderr: %s"
                            % (e, files.get("check.json.err", "")[:200]))
        if report is not None:
            for m in report.get("modes", []):
                verdict[m.get("name")] = m
            for name in MODES:
                m = verdict.get(name)
                if m is None:
                    problems.append("--check --json has no mode " + name)
                elif m.get("verdict") not in VERDICTS:
                    problems.append("mode %s: bad verdict %r"
                                    % (name, m.get("verdict")))
            any_fails = any(m.get("verdict") == "fails"
                            for m in verdict.values())
            if rc is not None and (rc == 0) == any_fails:
                problems.append("--check --json exit status %d but %s mode fails"
                                % (rc, "a" if any_fails else "no"))
            if text_rc is not None and rc is not None and text_rc != rc:
                problems.append("--check exits %d, --check --json exits %d"
                                % (text_rc, rc))

    observed = observations(obs)
    print("[%s] uid %s; ctrace --check --json exit %s"
          % (config, ident.get("uid", "?"),
             rcs.get("check.json", "-") if have_check else "- (" + nocheck + ")"))
    fmt = "  %-13s %-9s %-10s %-7s %-6s %s"
    print(fmt % ("mode", "verdict", "observed", "strace", "match", "note"))
    for name in MODES:
        seen, accept, note = observed[name]
        v = verdict.get(name, {}).get("verdict", "-") if have_check else "-"
        strace = ref.get(name, ("",))[0]
        if accept is None or not have_check or seen == "na":
            match = "n/a"
        elif v in accept:
            match = "yes"
        else:
            match = "NO"
            problems.append("mode %s: verdict %s but observed %s (%s)"
                            % (name, v, seen, note))
        print(fmt % (name, v, seen, strace, match, note))
    if report is not None:
        for name in MODES:
            m = verdict.get(name) or {}
            if m.get("verdict") in ("degraded", "fails"):
                print("    %s: %s -- fix: %s"
                      % (name, m.get("cause"), m.get("fix")))
    for key in sorted(obs):
        res, detail = obs[key]
        if res != "ok" and detail:
            print("    observed %s: %s %s" % (key, res, detail))

    for p in problems:
        print("FAIL [%s]: %s" % (config, p))
    if problems:
        return 1
    if not have_check:
        print("SKIP [%s]: ctrace has no --check yet (%s): observations only"
              % (config, nocheck))
        return 77
    return 0


if __name__ == "__main__":
    sys.exit(main())
