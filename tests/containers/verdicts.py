"""Compare ctrace's verdicts on a container with what happened in it.

    verdicts.py "ENGINE CONFIG" OUTPUT

OUTPUT is what lib.sh's ctr_config gathered: the what-if report asked on
the host before the container started (whatif.json), the host-side report
on the running container's PID 1 (host.json), and inside.sh's output
(check.json, check.txt, OBS observations, REF strace references).

Prints a table and exits 0 when every asserted verdict matches reality and
the three reports agree, 1 on a mismatch or a broken report (a report
that printed nothing, a usage error of ctrace included, is broken).

A degraded or failing verdict's cause must also name the errno (or SIGSYS)
seen directly: strace's own spawn, process_vm_readv, setarch -R.

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
import re
import sys

MODES = ["spawn", "attach", "attach-other", "memory", "syscall-info",
         "seccomp-bpf", "no-aslr", "stack-trace"]
VERDICTS = {"ok", "degraded", "fails"}
ACCEPT = {"ok": {"ok", "degraded"}, "slow": {"degraded"}, "fail": {"fails"}}
ACCEPT_FAST = {"ok": {"ok"}, "slow": {"degraded"}, "fail": {"fails"}}


class Output:
    """The blocks and lines of one configuration's OUTPUT file."""

    def __init__(self, path):
        self.files, self.rcs, self.obs, self.ref = {}, {}, {}, {}
        self.ident, self.whatif = {}, ""
        with open(path, encoding="utf-8", errors="replace") as f:
            lines = f.read().split("\n")
        i = 0
        while i < len(lines):
            word, _, rest = lines[i].partition(" ")
            if word == "BEGIN":
                body = []
                i += 1
                while i < len(lines) and lines[i] != "END":
                    body.append(lines[i])
                    i += 1
                self.files[rest] = "\n".join(body).rstrip("\n")
            elif word == "WHATIF":
                self.whatif = rest
            elif word == "ID":
                self.ident = dict(kv.split("=", 1) for kv in rest.split())
            elif word == "RC":
                name, _, rc = rest.partition(" ")
                self.rcs[name] = int(rc)
            elif word == "OBS":
                key, _, val = rest.partition(" ")
                res, _, detail = val.partition(" ")
                self.obs[key] = (res, detail)
            elif word == "REF":
                _tool, key, val = (rest.split(" ", 2) + ["", ""])[:3]
                res, _, detail = val.partition(" ")
                self.ref[key] = (res, detail)
            i += 1


class Report:
    """One --check --json document: verdict per mode, or why there is none.
    status: "ok", "absent" (not asked
    in this configuration), "error" (no output, an error message: a
    problem unless OPTIONAL), "broken" (problems were recorded)."""

    def __init__(self, out, name, problems, label, optional=False):
        self.label, self.modes, self.rc = label, {}, out.rcs.get(name)
        self.doc = {}
        if name not in out.files:
            self.status, self.why = "absent", "not asked"
            return
        self.status, self.why = "ok", ""
        err = out.files.get(name + ".err", "").strip()
        if not out.files[name].strip() and self.rc != 0:
            self.status, self.why = "error", "exit %s: %s" % (self.rc, err[:300])
            if not optional:
                problems.append("%s printed nothing, %s" % (label, self.why))
            return
        before = len(problems)
        if self.rc is None or self.rc >= 128:
            problems.append("%s died (exit %s): it must survive its probes"
                            % (label, self.rc))
        try:
            doc = json.loads(out.files[name])
        except ValueError as e:
            problems.append("%s is not JSON (%s); stderr: %s"
                            % (label, e, err[:300]))
            doc = {}
        if not isinstance(doc, dict):
            doc = {}
        self.doc = doc
        for m in doc.get("modes", []):
            if isinstance(m, dict):
                self.modes[m.get("name")] = m
        if doc:
            for mode in MODES:
                m = self.modes.get(mode)
                if m is None:
                    problems.append("%s has no mode %s" % (label, mode))
                elif m.get("verdict") not in VERDICTS:
                    problems.append("%s: mode %s has verdict %r"
                                    % (label, mode, m.get("verdict")))
            # docs/check-json.md: 0 all ok, 2 degraded, 3 some mode fails
            got = {m.get("verdict") for m in self.modes.values()}
            want = 3 if "fails" in got else 2 if "degraded" in got else 0
            if self.rc is not None and self.rc != want:
                problems.append("%s exits %d, but its verdicts (%s) mean %d"
                                % (label, self.rc, ", ".join(sorted(got)), want))
            summary = doc.get("summary") or {}
            if "exit_status" in summary and summary["exit_status"] != self.rc:
                problems.append("%s: summary.exit_status %r, exit status %s"
                                % (label, summary["exit_status"], self.rc))
        if len(problems) > before:
            self.status = "broken"

    def container_view(self, label, problems):
        """The part of a host-side report that describes a tracer inside
        the container: a top-level object with its own "modes", under a key
        that names it ("inside", "container", ...)."""
        for key, val in self.doc.items():
            if isinstance(val, dict) and isinstance(val.get("modes"), list) \
                    and ("inside" in key or "container" in key):
                r = Report.missing(label + " ." + key, "")
                r.status, r.doc = "ok", val
                for m in val["modes"]:
                    if isinstance(m, dict):
                        r.modes[m.get("name")] = m
                for mode in MODES:
                    if r.modes.get(mode, {}).get("verdict") not in VERDICTS:
                        problems.append("%s: no valid verdict for mode %s"
                                        % (r.label, mode))
                        r.status = "broken"
                return r
        return Report.missing(label, "no container view in the host-side "
                              "report yet (an object with \"modes\" under a "
                              "key naming inside/container)")

    @classmethod
    def missing(cls, label, why):
        r = cls.__new__(cls)
        r.label, r.modes, r.rc, r.doc = label, {}, None, {}
        r.status, r.why = "absent", why
        return r

    def verdict(self, mode):
        if self.status != "ok":
            return "-"
        return self.modes.get(mode, {}).get("verdict", "-")


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


ERRNO_WORDS = [("Operation not permitted", "EPERM"),
               ("Function not implemented", "ENOSYS"),
               ("Permission denied", "EACCES"),
               ("Bad system call", "SIGSYS"), ("rc=159", "SIGSYS"),
               ("SIGSYS", "SIGSYS"), ("EPERM", "EPERM"), ("ENOSYS", "ENOSYS"),
               ("EACCES", "EACCES")]


def errno_token(text):
    for words, token in ERRNO_WORDS:
        if words in text:
            return token
    return None


def cause_tokens(out):
    """mode -> the errno (or SIGSYS) its cause must name, taken from a
    direct observation: strace's own spawn, the process_vm_readv probe,
    setarch -R."""
    want = {}
    spawn = out.ref.get("spawn")
    if spawn and spawn[0] == "fail":
        want["spawn"] = errno_token(spawn[1])
    vm = out.obs.get("fast-vmread")
    if vm and vm[0] == "fail":
        want["memory"] = errno_token(vm[1])
    aslr = out.obs.get("no-aslr-direct")
    if aslr and aslr[0] == "fail":
        want["no-aslr"] = errno_token(aslr[1])
    return {k: v for k, v in want.items() if v}


# Runs whose failure the preflight must announce: ctrace exits 1 before
# starting anything, with the cause its report gives (observation key,
# report, mode in that report).
PREFLIGHT_FAILS = [("spawn", "check.json", "spawn"),
                   ("attach", "pid-attach.json", "attach-pid"),
                   ("attach-pid1", "pid-attach-pid1.json", "attach-pid"),
                   ("attach-other", "pid-attach-other.json", "attach-pid"),
                   ("no-aslr", "check.json", "no-aslr")]


def preflight_problems(out, reports):
    """The real runs against the preflight contract (issue 5, item 4)."""
    problems = []
    for key, name, mode in PREFLIGHT_FAILS:
        r = reports.get(name)
        seen, detail = out.obs.get(key, ("na", ""))
        m = r.modes.get(mode) if r is not None and r.status == "ok" else None
        if not m or m.get("verdict") != "fails" or seen != "fail":
            continue
        rc = re.match(r"rc=(\d+)", detail)
        rc = int(rc.group(1)) if rc else None
        if rc != 1 or (m.get("cause") or "") not in detail:
            problems.append(
                "%s: %s fails, so ctrace must exit 1 naming the cause %r "
                "before starting anything; it exited %s: %s"
                % (key, mode, m.get("cause"), rc, detail[:300]))
    # A degraded mode: one warning line with the cause, then tracing goes on.
    r = reports.get("check.json")
    m = r.modes.get("memory") if r is not None and r.status == "ok" else None
    seen, detail = out.obs.get("memory-read", ("na", ""))
    if m and m.get("verdict") == "degraded" and seen == "ok" \
            and (m.get("cause") or "") not in detail:
        problems.append("memory is degraded, so a traced run must warn once "
                        "with the cause %r; its stderr: %s"
                        % (m.get("cause"), detail[:300]))
    return problems


def main():
    if len(sys.argv) != 3:
        print("usage: verdicts.py CONFIG OUTPUT", file=sys.stderr)
        return 2
    config, path = sys.argv[1], sys.argv[2]
    out = Output(path)
    problems = []

    for key in ("spawn", "attach", "attach-other", "memory-read",
                "fast-vmread", "direct-seccomp", "no-aslr-direct", "no-aslr",
                "seccomp-bpf-run", "stack-trace-run"):
        if key not in out.obs:
            problems.append("inside.sh printed no observation for " + key)

    check = Report(out, "check.json", problems, "in-container --check --json")
    if check.status == "ok":
        text_rc = out.rcs.get("check.txt")
        if text_rc is None or text_rc >= 128:
            problems.append("in-container --check died (exit %s)" % text_rc)
        elif text_rc != check.rc:
            problems.append("--check exits %d, --check --json exits %s"
                            % (text_rc, check.rc))
        if not out.files.get("check.txt", "").strip():
            problems.append("--check printed no report; stderr: "
                            + out.files.get("check.txt.err", "")[:300])

    # Configurations without a seccomp option use ctrace's built-in copy
    # of the engine's default profile (--profile docker-default): asserted
    # like the others.
    whatif = Report(out, "whatif.json", problems,
                    "what-if --check --json " + out.whatif)
    host = Report(out, "host.json", problems, "host-side --check --json -p")
    # Its attach-pid verdict (can the host attach now) is asserted below;
    # its view of a tracer inside the container (issue 6) with the others.
    if host.status == "ok":
        host_view = host.container_view("host-side --check -p", problems)
    else:
        host_view = host

    observed = observations(out.obs)
    tokens = cause_tokens(out)
    print("[%s] uid %s; in-container --check --json exit %s"
          % (config, out.ident.get("uid", "?"),
             check.rc if check.status == "ok" else "-"))
    for r in (check, whatif, host_view):
        if r.status in ("absent", "error"):
            print("  %s: not asserted (%s)" % (r.label, r.why))
    fmt = "  %-15s %-9s %-9s %-9s %-10s %-7s %-6s %s"
    print(fmt % ("mode", "check", "what-if", "host", "observed", "strace",
                 "match", "note"))
    for mode in MODES:
        seen, accept, note = observed[mode]
        strace = out.ref.get(mode, ("",))[0]
        cols = [r.verdict(mode) for r in (check, whatif, host_view)]
        bad = []
        for r, v in zip((check, whatif, host_view), cols):
            if v == "-":
                continue
            if accept is not None and seen != "na" and v not in accept:
                bad.append(r.label)
                problems.append("mode %s: %s says %s but observed %s (%s)"
                                % (mode, r.label, v, seen, note))
        given = [v for v in cols if v != "-"]
        if len(set(given)) > 1:
            bad.append("disagree")
            problems.append("mode %s: the reports disagree: in-container %s, "
                            "what-if %s, host-side %s" % ((mode,) + tuple(cols)))
        if bad:
            match = "NO"
        elif not given or accept is None or seen == "na":
            match = "n/a" if len(given) < 2 else "agree"
        else:
            match = "yes"
        print(fmt % ((mode,) + tuple(cols) + (seen, strace, match, note[:150])))
        token = tokens.get(mode)
        for r in (check, whatif, host_view):
            m = r.modes.get(mode) if r.status == "ok" else None
            if token and m and m.get("verdict") in ("degraded", "fails") \
                    and token not in (m.get("cause") or ""):
                problems.append("mode %s: %s names no %s in its cause %r"
                                % (mode, r.label, token, m.get("cause")))
    # --check -p TARGET: its attach-pid verdict against the real attach
    # (inside the container, and from the host to the container's PID 1).
    reports = {"check.json": check}
    for key in ("attach", "attach-pid1", "attach-other", "host-attach"):
        name = "host.json" if key == "host-attach" else "pid-%s.json" % key
        if name not in out.files:
            continue
        r = host if key == "host-attach" else \
            Report(out, name, problems, "--check --json -p (%s)" % key)
        reports[name] = r
        v = r.modes.get("attach-pid", {}).get("verdict", "-") \
            if r.status == "ok" else "-"
        seen, detail = out.obs.get(key, ("na", ""))
        accept = ACCEPT.get(seen)
        if r.status == "ok" and v == "-":
            problems.append("%s has no attach-pid mode" % r.label)
        if v == "-" or accept is None:
            match = "n/a"
        elif v in accept:
            match = "yes"
        else:
            match = "NO"
            problems.append("%s: attach-pid says %s but observed %s (%s)"
                            % (r.label, v, seen, detail))
        print(fmt % ("-p " + key, v, "", "", seen, "", match, detail[:150]))
    problems += preflight_problems(out, reports)
    if check.status == "ok":
        # (Under --rootfs /:O a podman container also sees the host's own
        # /.dockerenv: this machine is itself a container.)
        env = check.doc.get("environment") or {}
        engine = config.split()[0]
        if env.get("engine") != engine or env.get("in_container") is not True:
            problems.append("--check guessed engine %r (in_container %r) from "
                            "%s in a %s container"
                            % (env.get("engine"), env.get("in_container"),
                               env.get("engine_hints"), engine))
        for mode in MODES:
            m = check.modes.get(mode) or {}
            if m.get("verdict") in ("degraded", "fails"):
                print("    %s: %s -- fix: %s"
                      % (mode, m.get("cause"), m.get("fix")))
    for key in sorted(out.obs):
        res, detail = out.obs[key]
        if res != "ok" and detail:
            print("    observed %s: %s %s" % (key, res, detail[:400]))

    if out.files.get("check.txt", "").strip():
        print("  in-container ctrace --check:")
        for line in out.files["check.txt"].split("\n"):
            print("  | " + line)

    if check.status != "ok":
        problems.append("no in-container --check --json report (%s)" % check.why)
    for p in problems:
        print("FAIL [%s]: %s" % (config, p))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
