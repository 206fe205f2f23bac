# tests/integration/strace-control.sh: a child made with
# clone(CLONE_PTRACE | SIGCHLD) (x86_64 syscall numbers), which a tracer
# without -f gets stopped and must let go.
import ctypes, os, sys
libc = ctypes.CDLL(None, use_errno=True)
# clone(CLONE_PTRACE | SIGCHLD): a child the tracer gets without -f
pid = libc.syscall(56, 0x2000 | 17, 0, 0, 0, 0)
if pid == 0:
    os._exit(0)
os.waitpid(pid, 0)
