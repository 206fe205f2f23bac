"""Direct observations for the container tests, independent of ctrace.

    probe.py vmread    process_vm_readv of a forked child's memory (what a
                       tracer's fast memory reads do)
    probe.py seccomp   install an allow-all seccomp filter in a child, with
                       no_new_privs (what seccomp-bpf filtered tracing does)

Prints "ok" or "fail <reason>"; the work happens in forked children so a
SIGSYS kill is observed, not suffered.
"""

import ctypes
import errno
import os
import signal
import struct
import sys

libc = ctypes.CDLL(None, use_errno=True)


class IoVec(ctypes.Structure):
    _fields_ = [("base", ctypes.c_void_p), ("len", ctypes.c_size_t)]


def err_name(e):
    return errno.errorcode.get(e, str(e))


def describe_status(status):
    if os.WIFSIGNALED(status):
        return "killed by " + signal.Signals(os.WTERMSIG(status)).name
    return None


def vmread():
    text = b"ctrace-container-probe"
    src = ctypes.create_string_buffer(text)
    rfd, wfd = os.pipe()
    child = os.fork()
    if child == 0:
        os.close(wfd)
        os.read(rfd, 1)          # wait until the parent is done
        os._exit(0)
    os.close(rfd)
    dst = ctypes.create_string_buffer(len(text))
    local = IoVec(ctypes.cast(dst, ctypes.c_void_p), len(text))
    remote = IoVec(ctypes.addressof(src), len(text))
    # A child: the same address holds the same bytes in it.
    pid = os.fork()
    if pid == 0:
        n = libc.process_vm_readv(child, ctypes.byref(local), 1,
                                  ctypes.byref(remote), 1, 0)
        if n == len(text) and dst.raw == text:
            os._exit(0)
        os._exit(min(ctypes.get_errno(), 250) if n < 0 else 251)
    _, status = os.waitpid(pid, 0)
    os.close(wfd)
    os.waitpid(child, 0)
    how = describe_status(status)
    if how:
        return "fail " + how
    code = os.WEXITSTATUS(status)
    if code == 0:
        return "ok"
    if code == 251:
        return "fail short or wrong read"
    return "fail " + err_name(code)


PR_SET_NO_NEW_PRIVS = 38
PR_SET_SECCOMP = 22
SECCOMP_MODE_FILTER = 2
BPF_RET_K = 0x06
SECCOMP_RET_ALLOW = 0x7fff0000


class SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


def seccomp():
    insn = struct.pack("=HBBI", BPF_RET_K, 0, 0, SECCOMP_RET_ALLOW)
    buf = ctypes.create_string_buffer(insn, len(insn))
    prog = SockFprog(1, ctypes.cast(buf, ctypes.c_void_p))
    pid = os.fork()
    if pid == 0:
        if libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
            os._exit(min(ctypes.get_errno(), 250))
        if libc.prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER,
                      ctypes.byref(prog), 0, 0) != 0:
            os._exit(min(ctypes.get_errno(), 250))
        os._exit(0)
    _, status = os.waitpid(pid, 0)
    how = describe_status(status)
    if how:
        return "fail " + how
    code = os.WEXITSTATUS(status)
    return "ok" if code == 0 else "fail " + err_name(code)


def main():
    probes = {"vmread": vmread, "seccomp": seccomp}
    if len(sys.argv) != 2 or sys.argv[1] not in probes:
        print("usage: probe.py vmread|seccomp", file=sys.stderr)
        return 2
    print(probes[sys.argv[1]]())
    return 0


if __name__ == "__main__":
    sys.exit(main())
