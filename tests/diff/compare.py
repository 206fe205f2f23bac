#!/usr/bin/env python3
"""Compare a strace trace with a ctrace trace of the same workload.

Usage: compare.py [-n NDIFF] [-q] [-e STRACE_STDERR CTRACE_STDERR] NAME STRACE_FILE CTRACE_FILE

Both traces are written with `-f -o FILE` (every line starts with the pid).
Normalisation removes what legitimately differs from run to run: pids
(mapped to P1, P2... in order of appearance), long hex addresses, times,
ephemeral ports, socket inodes, random bytes, the padding before " = ",
and the split of a syscall into "<unfinished ...>" / "<... resumed>"
lines (that depends on scheduling; the halves are joined).  The lines are
then aligned with difflib (an extra line does not shift the rest).

With -e the two tracers' stderr (their own messages: "Process N
attached", warnings; and the workload's stderr) are compared too, with
the program name ("strace: " / "ctrace: " at the start of a line) and
the pids normalised; their lines count in the agreement and any
difference is reported on a line "NAME: stderr differs".

Prints one line "NAME: AGREE% (M/N lines)" and, unless -q, the first
differing lines.  Exit status 0; the caller applies thresholds.
"""
import difflib
import re
import sys

PREFIX = re.compile(r'^(\d+) +')
UNFINISHED = ' <unfinished ...>'
RESUMED = re.compile(r'^<\.\.\. (\S+) resumed>')


def join_split_lines(lines):
    """[(pid, text)] -> [(pid, text)] with unfinished/resumed pairs joined
    at the position of the entry half."""
    out, pending = [], {}
    for pid, text in lines:
        m = RESUMED.match(text)
        if m and pid in pending:
            idx = pending.pop(pid)
            out[idx] = (pid, out[idx][1] + text[m.end():])
            continue
        if text.endswith(UNFINISHED):
            pending[pid] = len(out)
            out.append((pid, text[:-len(UNFINISHED)]))
            continue
        out.append((pid, text))
    # an entry never resumed (process killed): keep the marker
    for idx in pending.values():
        out[idx] = (out[idx][0], out[idx][1] + UNFINISHED)
    return out


SUBS = [
    # addresses (heap, stack, mmap, libraries); short hex (flags, sizes) stays
    (re.compile(r'0x[0-9a-f]{7,}'), '0xADDR'),
    # time values
    (re.compile(r'(tv_sec|tv_nsec|tv_usec|st_[amc]time(?:_nsec)?|stx_[abcm]time)=[0-9]+'), r'\1=N'),
    (re.compile(r'(st_ino|stx_ino|st_dev|st_blocks)=[^,}]+'), r'\1=N'),
    # ephemeral ports
    (re.compile(r'htons\((\d{4,5})\)'), lambda m: 'htons(PORT)' if int(m.group(1)) >= 1024 else m.group(0)),
    # ports as raw bytes (-X raw / verbose)
    (re.compile(r'(sin6?_port=)"(?:\\x[0-9a-f]{2})+"'), r'\1"PORT"'),
    # socket and pipe inodes (-y); -yy details: inodes and ports
    (re.compile(r'(socket|pipe):\[[0-9]+\]'), r'\1:[INODE]'),
    (re.compile(r'((?:UNIX[-A-Z]*|TCPv6|UDPv6|TCP|UDP|NETLINK):\[(?:\[[^\]]*\]|[^\]\[])*\])'),
     lambda m: re.sub(r'\d{4,}', 'N', m.group(1))),
    # "_" is set by the shell to the path of the tracer (-v environments)
    (re.compile(r'"_=[^"]*"'), '"_=TRACER"'),
    # dates printed in comments (utimensat, stat -v), the tracer's own pid
    (re.compile(r'/\* \d{4}-\d\d-\d\dT[^*]*\*/'), '/* DATE */'),
    (re.compile(r'^getppid\(\) += \d+$'), 'getppid() = PPID'),
    # counters of the whole system that change between the two runs
    (re.compile(r'\b(uptime|freeram|sharedram|bufferram|procs|f_bfree|f_bavail|f_ffree)=\d+'), r'\1=N'),
    # CPU time of a child (SIGCHLD): scheduling
    (re.compile(r'\b(si_utime|si_stime)=\d+(?: /\* [0-9.]+ s \*/)?'), r'\1=N'),
    (re.compile(r'\bloads=\[[0-9, ]*\]'), 'loads=[N]'),
    # random bytes
    (re.compile(r'^getrandom\("(?:[^"\\]|\\.)*"'), 'getrandom("RANDOM"'),
    # padding before the return value
    (re.compile(r'\) +(= (?:[^=]|=[^ ])*)$'), r') \1'),
]


def normalise(path):
    """-> (normalised lines, pid map)"""
    lines = []
    with open(path, errors='replace') as f:
        raw = f.read().splitlines()
    for line in raw:
        m = PREFIX.match(line)
        pid = m.group(1) if m else '?'
        lines.append((pid, line[m.end():] if m else line))
    lines = join_split_lines(lines)
    # Number the processes in the order they are created: the first one,
    # then the return values of clone/fork (the joined entry line comes
    # before the child's own lines), which does not depend on scheduling.
    pids = {}
    for pid, text in lines:
        if pid not in pids and pid != '?':
            pids[pid] = len(pids) + 1
        m = re.match(r'^(clone3?|fork|vfork)\(.*= (\d+)$', text)
        if m and m.group(2) not in pids:
            pids[m.group(2)] = len(pids) + 1
    pidre = re.compile(r'\b(' + '|'.join(map(re.escape, sorted(pids, key=len, reverse=True))) + r')\b') if pids else None
    out = []
    for pid, text in lines:
        # Whether a futex wait finds the word already changed (EAGAIN) is
        # a race between the tracee's threads, not decoding: such lines
        # appear in one run and not the other.
        if text.startswith('futex(') and text.endswith('= -1 EAGAIN (Resource temporarily unavailable)'):
            continue
        for rx, rep in SUBS:
            text = rx.sub(rep, text)
        if pidre:
            text = pidre.sub(lambda m: 'P%d' % pids[m.group(1)], text)
        out.append((pids.get(pid, 0), 'P%d %s' % (pids.get(pid, 0), text)))
    # One process after the other (stable): the interleaving of processes
    # is scheduling, not decoding.
    out.sort(key=lambda t: t[0])
    return [t[1] for t in out], pidre, pids


TRACER = re.compile(r'^(?:strace|ctrace): ')


def normalise_stderr(path, pidre, pids):
    out = []
    with open(path, errors='replace') as f:
        for line in f.read().splitlines():
            line = TRACER.sub('TRACER: ', line)
            if pidre:
                line = pidre.sub(lambda m: 'P%d' % pids[m.group(1)], line)
            out.append('STDERR ' + line)
    return out


def show_diff(sm, a, b, ndiff):
    shown = 0
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == 'equal':
            continue
        for line in a[i1:i2][:3]:
            print('    - ' + line[:300])
        for line in b[j1:j2][:3]:
            print('    + ' + line[:300])
        shown += 1
        if shown >= ndiff:
            break


def main(argv):
    ndiff, quiet, errs = 8, False, None
    args = argv[1:]
    while args and args[0].startswith('-'):
        if args[0] == '-n':
            ndiff = int(args[1])
            args = args[2:]
        elif args[0] == '-e':
            errs = args[1:3]
            args = args[3:]
        elif args[0] == '-q':
            quiet = True
            args = args[1:]
        else:
            break
    name, spath, cpath = args
    try:
        a, apidre, apids = normalise(spath)
        b, bpidre, bpids = normalise(cpath)
        ea = normalise_stderr(errs[0], apidre, apids) if errs else []
        eb = normalise_stderr(errs[1], bpidre, bpids) if errs else []
    except OSError as e:
        print('%-10s no trace: %s' % (name + ':', e))
        print('#RESULT %s 0 1' % name)
        return 0
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    esm = difflib.SequenceMatcher(None, ea, eb, autojunk=False)
    esame = sum(blk.size for blk in esm.get_matching_blocks())
    same = sum(blk.size for blk in sm.get_matching_blocks()) + esame
    total = max(len(a), len(b), 1) + max(len(ea), len(eb))
    print('%-10s %6.2f%%  (%d/%d lines; strace %d, ctrace %d)'
          % (name + ':', 100.0 * same / total, same, total, len(a) + len(ea), len(b) + len(eb)))
    if ea != eb:
        print('%s: stderr differs' % name)
        show_diff(esm, ea, eb, ndiff)
    if not quiet:
        show_diff(sm, a, b, ndiff)
    # machine-readable tail for the driver
    print('#RESULT %s %d %d' % (name, same, total))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
