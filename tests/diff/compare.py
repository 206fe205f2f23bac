#!/usr/bin/env python3
"""Compare a strace trace with a ctrace trace of the same workload.

Usage: compare.py [-n NDIFF] [-q] [-t RUN_START] [-e STRACE_STDERR CTRACE_STDERR] NAME STRACE_FILE CTRACE_FILE

Both traces are written with `-f -o FILE` (every line starts with the pid).
Normalisation removes only what differs between two runs of strace
itself (tests/diff/README.md lists each rule and why): pids (mapped to
P1, P2... in order of creation), addresses that ASLR moves, times taken
from the clock during the run (-t RUN_START: epoch seconds; earlier
times, such as the pinned fixture times, are kept), ports in the
kernel's ephemeral range, socket and pipe inodes, random bytes, the
padding before " = ", and the split of a syscall into "<unfinished ...>"
/ "<... resumed>" lines (that depends on scheduling; the halves are
joined).  The lines are then aligned with difflib (an extra line does
not shift the rest).

With -e the two tracers' stderr (their own messages: "Process N
attached", warnings; and the workload's stderr) are compared too, with
the program name ("strace: " / "ctrace: " at the start of a line, or
its path when run by one: "/path/to/ctrace: ") and
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


def ephemeral_ports():
    """The kernel's range of ports it picks for bind(0) and connect()."""
    try:
        with open('/proc/sys/net/ipv4/ip_local_port_range') as f:
            lo, hi = map(int, f.read().split())
    except (OSError, ValueError):
        lo, hi = 32768, 60999
    return lo, hi


PORT_LO, PORT_HI = ephemeral_ports()
# Set by -t: times at or after it come from the clock during the run.
RUN_START = None
# Filled per trace: the heap (brk) ranges of its processes, lo..hi.
HEAPS = []
# x86_64 user addresses above 4 GiB: PIE, libraries, mmap, stack, vdso.
USER_LO, USER_HI = 1 << 32, 1 << 47


def is_address(v):
    """A value that ASLR moves: a user-space address above 4 GiB (shared
    objects, mmap, stacks, PIE programs), or one inside a heap that the
    trace itself shows brk() setting up (a non-PIE program's heap lies
    below 4 GiB).  Flag masks (sa_flags=0x14000000, si_code=0xfffffffa,
    msg_flags=0x40000000) and constants above 2^47 are kept."""
    if USER_LO <= v < USER_HI:
        return True
    return any(lo <= v <= hi for lo, hi in HEAPS)


def addr(m):
    return '0xADDR' if is_address(int(m.group(0), 16)) else m.group(0)


def clock_time(sec):
    return RUN_START is not None and int(sec) >= RUN_START


def st_time(m):
    """st_atime=N /* date */, st_atime_nsec=N: a time of this run."""
    if not clock_time(m.group(2)):
        return m.group(0)
    return '%s=TIME%s%s' % (m.group(1), ' /* DATE */' if m.group(3) else '',
                            ', %s_nsec=N' % m.group(1) if m.group(4) else '')


def timespec(m):
    """{tv_sec=N, tv_nsec=N} /* date */: a time of this run."""
    if not clock_time(m.group(1)):
        return m.group(0)
    return '{tv_sec=TIME, %s=N}%s' % (m.group(2), ' /* DATE */' if m.group(3) else '')


def port(n):
    return 'PORT' if PORT_LO <= n <= PORT_HI else str(n)


def raw_port(m):
    """sin_port="\xb1\x01" (network order bytes)"""
    b = bytes(int(x, 16) for x in re.findall(r'\\x([0-9a-f]{2})', m.group(2)))
    if len(b) == 2 and PORT_LO <= int.from_bytes(b, 'big') <= PORT_HI:
        return m.group(1) + '"PORT"'
    return m.group(0)


def yy_details(m):
    """-yy: UNIX-STREAM:[INODE->INODE], TCP:[IP:PORT->IP:PORT], TCP:[INODE]:
    socket inodes are new every run, ports as htons()."""
    text = re.sub(r'(?<=:)(\d+)(?=[\]\-,])', lambda p: port(int(p.group(1))), m.group(2))
    text = re.sub(r'(?<![.:\d])\d{4,}(?![.\d])', 'INODE', text)
    return m.group(1) + text


SUBS = [
    # addresses (ASLR): see is_address()
    (re.compile(r'0x[0-9a-f]+'), addr),
    # times taken from the clock during the run (times of files the
    # workload creates, atime and ctime); pinned fixture times stay
    (re.compile(r'\b(st_[amc]time)=(\d+)( /\* [^*]* \*/)?(, \1_nsec=\d+)?'), st_time),
    (re.compile(r'\{tv_sec=(\d+), (tv_nsec|tv_usec)=\d+\}( /\* [^*]* \*/)?'), timespec),
    # ephemeral ports (bind to port 0, connect)
    (re.compile(r'htons\((\d+)\)'), lambda m: 'htons(%s)' % port(int(m.group(1)))),
    # ports as raw bytes (-X raw / verbose)
    (re.compile(r'(sin6?_port=)"((?:\\x[0-9a-f]{2})+)"'), raw_port),
    # socket and pipe inodes (-y); -yy details: inodes and ports
    (re.compile(r'(socket|pipe):\[[0-9]+\]'), r'\1:[INODE]'),
    (re.compile(r'((?:UNIX[-A-Z]*|TCPv6|UDPv6|TCP|UDP|NETLINK):)(\[(?:\[[^\]]*\]|[^\]\[])*\])'), yy_details),
    # "_" is set by the shell to the path of the tracer (-v environments)
    (re.compile(r'"_=[^"]*"'), '"_=TRACER"'),
    # the tracer's own pid
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

BRK = re.compile(r'^brk\((?:NULL|0x([0-9a-f]+))\) += 0x([0-9a-f]+)$')
# pthread_join's wait on the tid word of a thread of the trace: the
# thread's exit races with the join, and the line is "= 0", "= -1 EAGAIN"
# (the tid word changed between glibc's load and the wait) or absent
# (the thread had exited before the join)
JOIN_RACE = re.compile(r'^futex\(0xADDR, FUTEX_WAIT_BITSET\|FUTEX_CLOCK_REALTIME, P\d+, NULL, '
                       r'FUTEX_BITSET_MATCH_ANY\) = ')
# A thread's clone3 with CLONE_CHILD_CLEARTID where child_tid and
# parent_tid are one word (glibc's pthread_create): the kernel writes the
# new tid there, and clears it when the thread exits, which may happen
# before the tracer reads it at the clone3 exit: [tid] and [0] are both
# right.  Only that case: other clone3 results are compared as they are.
CLEARTID_RACE = re.compile(r'^(clone3\(\{flags=[^}]*\bCLONE_CHILD_CLEARTID\b[^}]*'
                           r'child_tid=(0x[0-9a-f]+), parent_tid=\2,.* => \{parent_tid=\[)(?:0|P\d+)(\]\})')


# Where strace prints a pid (rt_sigreturn returns what the interrupted
# call returned, wait4's pid; pids are at most pid_max, 32768 on many
# machines: a pid equal to a size or a count elsewhere on the line must
# not be renamed, so only these places are)
PID_RET = re.compile(r'^((?:clone3?|fork|vfork|getpid|gettid|set_tid_address|wait4|waitid|getpgrp|getpgid|'
                     r'getsid|setsid|rt_sigreturn)\(.*\) += )(\d+)$')
PID_ARG1 = re.compile(r'^((?:kill|tkill|tgkill|wait4|setpgid|getpgid|getsid|pidfd_open|prlimit64|sched_\w+|'
                      r'process_vm_readv|process_vm_writev|rt_sigqueueinfo|rt_tgsigqueueinfo|kcmp|'
                      r'get_robust_list|perf_event_open)\()(\d+)')
PID_ARG2 = re.compile(r'^((?:tgkill|setpgid|kcmp|rt_tgsigqueueinfo|waitid|ptrace|ioprio_get|ioprio_set)'
                      r'\([^,()]*, )(\d+)')
PID_FIELD = re.compile(r'(\b(?:si_pid|nl_pid|pid)=|parent_tid=\[|NETLINK:\[\w+:|in pid |<pid changed to |'
                       r'\bProcess |/proc/|FUTEX_WAIT_BITSET\|FUTEX_CLOCK_REALTIME, )(\d+)\b')


def rename_pids(text, pids):
    """The pids of the trace in the places above -> P1, P2..."""
    def sub(m):
        n = pids.get(m.group(2))
        return m.group(1) + ('P%d' % n if n else m.group(2))
    for rx in (PID_RET, PID_ARG1, PID_ARG2, PID_FIELD):
        text = rx.sub(sub, text)
    return text


def heaps(lines):
    """[(pid, text)] -> [(lo, hi)]: per process, from its first brk()
    result to the highest brk() it set (each execve starts a new heap)."""
    cur, out = {}, []
    for pid, text in lines:
        if text.startswith('execve('):
            if pid in cur:
                out.append(cur.pop(pid))
            continue
        m = BRK.match(text)
        if m:
            v = int(m.group(2), 16)
            lo, hi = cur.get(pid, (v, v))
            cur[pid] = (min(lo, v), max(hi, v))
    return out + list(cur.values())


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
    HEAPS[:] = heaps(lines)
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
    out = []
    for pid, text in lines:
        text = rename_pids(text, pids)
        text = CLEARTID_RACE.sub(r'\g<1>TID-OR-0\3', text)
        for rx, rep in SUBS:
            text = rx.sub(rep, text)
        if JOIN_RACE.match(text):
            continue
        out.append((pids.get(pid, 0), 'P%d %s' % (pids.get(pid, 0), text)))
    # One process after the other (stable): the interleaving of processes
    # is scheduling, not decoding.
    out.sort(key=lambda t: t[0])
    return sigchld_before_wait([t[1] for t in out]), pids


WAIT_RET = re.compile(r'^(P\d+) wait4\(.*\) = (P\d+)$')


def sigchld_before_wait(lines):
    """A child that exits before its parent enters wait4() has its SIGCHLD
    delivered before the wait4 line (and rt_sigreturn returns what the
    previous call returned); one that exits later, after it (rt_sigreturn
    returns wait4's pid).  Two runs of strace differ in this (the shell
    workloads): a SIGCHLD and its rt_sigreturn right before the wait4 that
    reaps that child are put after it, as in the second case."""
    out = list(lines)
    for i in range(len(out) - 2):
        m = WAIT_RET.match(out[i + 2])
        if not m:
            continue
        proc, child = m.group(1), m.group(2)
        if (out[i].startswith(proc + ' --- SIGCHLD {') and 'si_pid=%s,' % child in out[i]
                and out[i + 1].startswith(proc + ' rt_sigreturn(')):
            ret = re.sub(r' = \S+$', ' = ' + child, out[i + 1])
            out[i:i + 3] = [out[i + 2], out[i], ret]
    return out


TRACER = re.compile(r'^(?:\S*/)?(?:strace|ctrace): ')


def normalise_stderr(path, pids):
    out = []
    with open(path, errors='replace') as f:
        for line in f.read().splitlines():
            line = TRACER.sub('TRACER: ', line)
            line = rename_pids(line, pids)
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
    global RUN_START
    ndiff, quiet, errs = 8, False, None
    args = argv[1:]
    while args and args[0].startswith('-'):
        if args[0] == '-n':
            ndiff = int(args[1])
            args = args[2:]
        elif args[0] == '-e':
            errs = args[1:3]
            args = args[3:]
        elif args[0] == '-t':
            RUN_START = int(args[1])
            args = args[2:]
        elif args[0] == '-q':
            quiet = True
            args = args[1:]
        else:
            break
    name, spath, cpath = args
    try:
        a, apids = normalise(spath)
        b, bpids = normalise(cpath)
        ea = normalise_stderr(errs[0], apids) if errs else []
        eb = normalise_stderr(errs[1], bpids) if errs else []
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
