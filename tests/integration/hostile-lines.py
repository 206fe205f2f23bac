#!/usr/bin/env python3
"""Checks a ctrace trace of tests/helpers/hostile (used by hostile.sh).

  hostile-lines.py text FILE...   strace-style text
  hostile-lines.py json FILE...   --json lines

Text: only printable ASCII and newlines (no raw control byte, no byte
>= 0x80); every line is one whole event (a syscall, a resumed or
unfinished piece, a signal, an exit, a -k frame), so no name can forge
a line; the calls of the corpus have the right number of arguments,
counted with a splitter that honours quotes, escapes and the brackets
of structures and of the -y <...> annotations.
JSON: every line is valid UTF-8 and parses; the args arrays have the
same counts.  Prints one line per problem (at most 10 per file) and
exits 1 when there is one."""
import json
import re
import sys

# arguments of the calls the corpus makes with hostile bytes in them
ARGC = {
    "openat": (3, 4), "write": (3,), "fsync": (1,), "close": (1,),
    "bind": (3,), "listen": (2,), "connect": (3,), "unlink": (1,),
    "mknodat": (4,), "unlinkat": (3,), "read": (3,), "execve": (3,),
    "getdents64": (3,), "getdents": (3,), "lseek": (3,), "sendto": (6,),
    "socket": (3,), "prctl": (2, 5),
}
EVENT = re.compile(r"^(?:\[pid +\d+\] |\d+ +)?(?:[a-z_][a-z0-9_]*\(|<\.\.\. [a-z_0-9]+ resumed>|"
                   r"\+\+\+ |--- | > )")
CALL = re.compile(r"^(?:\[pid +\d+\] |\d+ +)?([a-z_][a-z0-9_]*)\((.*)$")


def split_args(s):
    """The top-level arguments of 'a, b, c) = ret'; None when unbalanced.
    Inside a -y annotation <...> only '<' and '>' nest (a path may hold
    any other bracket; ctrace and strace escape '<' '>' there as \\74
    \\76); '->' of a socket pair is no bracket."""
    args, cur, stack, instr, i = [], [], [], False, 0
    pairs = {")": "(", "]": "[", "}": "{", ">": "<"}
    while i < len(s):
        c = s[i]
        if c == "\\":
            cur.append(s[i:i + 2])
            i += 2
            continue
        cur.append(c)
        i += 1
        if instr:
            instr = c != '"'
            continue
        if c == '"':
            instr = True
        elif c == ">" and i > 1 and s[i - 2] == "-":
            pass
        elif stack and stack[-1] == "<" and c not in "<>":
            pass
        elif c in "([{<":
            stack.append(c)
        elif c in ")]}>":
            if stack:
                if stack.pop() != pairs[c]:
                    return None
                continue
            if c != ")" or not re.match(r"^ += ", s[i:]):
                return None
            cur.pop()
            args.append("".join(cur).strip())
            return [] if args == [""] else args
        elif c == "," and not stack:
            cur.pop()
            args.append("".join(cur).strip())
            cur = []
    return None


counted = [0]


def check_text(path, problems):
    data = open(path, "rb").read()
    for n, line in enumerate(data.split(b"\n"), 1):
        bad = [b for b in line if b < 0x20 or b >= 0x7f]
        if bad:
            problems.append("%s:%d: raw byte 0x%02x: %r" % (path, n, bad[0], line[:160]))
            continue
        text = line.decode("ascii")
        if text == "":
            continue
        if not EVENT.match(text):
            problems.append("%s:%d: not a whole event (a forged line?): %r" % (path, n, text[:160]))
            continue
        m = CALL.match(text)
        if not m or m.group(1) not in ARGC or "<unfinished ...>" in text:
            continue
        args = split_args(m.group(2))
        if args is None:
            problems.append("%s:%d: arguments do not balance: %r" % (path, n, text[:200]))
        elif len(args) in ARGC[m.group(1)]:
            counted[0] += 1
        else:
            problems.append("%s:%d: %s with %d arguments (expected %s): %r"
                            % (path, n, m.group(1), len(args), ARGC[m.group(1)], text[:200]))


def check_json(path, problems):
    data = open(path, "rb").read()
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as e:
        problems.append("%s: not valid UTF-8: %s" % (path, e))
    for n, line in enumerate(data.split(b"\n"), 1):
        if line == b"":
            continue
        bad = [b for b in line if b < 0x20]
        if bad:
            problems.append("%s:%d: raw control byte 0x%02x in JSON" % (path, n, bad[0]))
        try:
            o = json.loads(line)
        except ValueError as e:
            problems.append("%s:%d: not JSON: %s: %r" % (path, n, e, line[:160]))
            continue
        if o.get("type") == "syscall" and o.get("name") in ARGC and not o.get("unfinished"):
            counted[0] += len(o["args"]) in ARGC[o["name"]]
            if len(o["args"]) not in ARGC[o["name"]]:
                problems.append("%s:%d: %s with %d args (expected %s)"
                                % (path, n, o["name"], len(o["args"]), ARGC[o["name"]]))
            for a in o["args"]:
                if not isinstance(a, str):
                    problems.append("%s:%d: an argument is not a string" % (path, n))


def main():
    mode, files = sys.argv[1], sys.argv[2:]
    problems = []
    for f in files:
        p = []
        (check_text if mode == "text" else check_json)(f, p)
        problems += p[:10]
    for p in problems:
        print(p)
    if counted[0] == 0:
        print("no call of the corpus found in %s" % " ".join(files))
        return 1
    print("%d calls with the right argument count" % counted[0])
    return 1 if problems else 0


sys.exit(main())
