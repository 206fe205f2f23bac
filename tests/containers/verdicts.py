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
    features, ident = [], {}
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
        elif word == "FEATURES":
            features = rest.split()
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
    return files, rcs, obs, ref, features, ident


def combine_fast(run, fast):
    """A run that worked, and whether its fast path (direct probe) works."""
    if run != "ok":
        return "fail"
    return "ok" if fast == "ok" else "slow"


def observations(obs, features):
    """mode -> (observed, accepted verdicts or None if not asserted, note)"""
    def res(key):
        return obs.get(key, ("na", ""))[0]

    out = {}
    spawn = res("spawn")
    out["spawn"] = (spawn, ACCEPT.get(spawn), obs.get("spawn", ("", ""))[1])

    att = [res("attach")] + ([res("attach-pid1")] if "attach-pid1" in obs else [])
    a = att[0] if len(set(att)) == 1 else "mixed"
    out["attach"] = (a, ACCEPT.get(a, set()),
                     "sibling" + (", pid 1" if len(att) > 1 else ""))
    o = res("attach-other")
    out["attach-other"] = (o, ACCEPT.get(o), obs.get("attach-other", ("", ""))[1])

    fast = res("fast-vmread")
    fast_own = "ok" if fast == "ok" else "slow"

    def spawned(run, own, note, accept):
        """A mode that traces a spawned program: RUN is what the traced run
        showed, OWN the mode's own need observed directly."""
        if spawn == "ok":
            return (run, accept.get(run), note)
        return ("fail", {"fails"} | accept.get(own, set()),
                note + "; no spawn: own need " + own)

    out["memory"] = spawned(combine_fast(res("memory-read"), fast), fast_own,
                            "vmread " + fast, ACCEPT_FAST)

    aslr = res("no-aslr-direct")
    if "no-aslr" in obs:
        out["no-aslr"] = spawned(res("no-aslr"), aslr,
                                 "personality " + aslr, ACCEPT)
    else:
        out["no-aslr"] = (aslr, ACCEPT.get(aslr),
                          "setarch -R (ctrace has no --no-aslr)")

    direct_sc = res("direct-seccomp")
    if "seccomp-bpf-run" in obs:
        out["seccomp-bpf"] = spawned(
            combine_fast(res("seccomp-bpf-run"), direct_sc),
            "ok" if direct_sc == "ok" else "slow", "filter " + direct_sc,
            ACCEPT_FAST)
    else:
        out["seccomp-bpf"] = ("-", None, "not asserted: ctrace has no "
                              "--seccomp-bpf (filter " + direct_sc + ")")

    if "stack-trace-run" in obs:
        out["stack-trace"] = spawned(combine_fast(res("stack-trace-run"), fast),
                                     fast_own, "vmread " + fast, ACCEPT_FAST)
    else:
        out["stack-trace"] = ("-", None, "not asserted: ctrace has no -k")

    out["syscall-info"] = ("-", None, "not asserted: no separate observation")
    return out


def main():
    if len(sys.argv) != 3:
        print("usage: verdicts.py CONFIG OUTPUT", file=sys.stderr)
        return 2
    config, path = sys.argv[1], sys.argv[2]
    files, rcs, obs, ref, features, ident = parse(path)
    problems = []

    for key in ("spawn", "attach", "attach-other", "memory-read",
                "fast-vmread", "direct-seccomp", "no-aslr-direct"):
        if key not in obs:
            problems.append("inside.sh printed no observation for " + key)

    have_check = "--check" in features
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

    observed = observations(obs, features)
    print("[%s] uid %s; ctrace --check exit %s; features: %s"
          % (config, ident.get("uid", "?"), rcs.get("check.json", "-"),
             " ".join(features) or "none"))
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
        print("SKIP [%s]: ctrace has no --check yet: observations only"
              % config)
        return 77
    return 0


if __name__ == "__main__":
    sys.exit(main())
