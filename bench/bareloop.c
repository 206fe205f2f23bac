/* bareloop: the floor of a ptrace-based tracer.
 *
 * Usage: bareloop [-f] [-r] COMMAND [ARG...]
 *
 * Runs COMMAND under ptrace and stops it at every syscall entry and exit
 * (PTRACE_SYSCALL with PTRACE_O_TRACESYSGOOD), decoding and printing
 * nothing.  With -f it also follows fork/vfork/clone.  It does what any
 * tracer must do per stop (one wait, one restart) and nothing else, so its
 * wall time is the lower bound that bench/run.sh compares ctrace against.
 *
 * -r: the floor of a tracer that prints read/write lines as strace does:
 * also PTRACE_GET_SYSCALL_INFO at every stop, and one process_vm_readv
 * of the data (at most 32 bytes, strace's default -s) of a read (at its
 * exit, if it returned > 0) or a write (at its entry).  These are the
 * kernel calls ctrace makes for `dd bs=1` (bench/README.md, "Kernel calls
 * per syscall"), so ctrace/floor on that row is ctrace's own overhead.
 *
 * Exit status: COMMAND's exit status, or 128+N if it was killed by signal N.
 * Part of the benchmark only (built by bench/run.sh, never by make).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#define PID_BITS (1u << 22) /* PID_MAX_LIMIT on 64-bit */

/* Pids whose first stop we have seen.  The first stop of an auto-attached
 * child is the SIGSTOP the kernel queues for it; that one is suppressed. */
static unsigned long *seen;

static int test_and_set_seen(pid_t pid)
{
	unsigned long bit = 1ul << ((unsigned)pid % (8 * sizeof(long)));
	unsigned long *w = &seen[((unsigned)pid % PID_BITS) / (8 * sizeof(long))];
	int was = (*w & bit) != 0;

	*w |= bit;
	return was;
}

static void clear_seen(pid_t pid)
{
	unsigned long bit = 1ul << ((unsigned)pid % (8 * sizeof(long)));

	seen[((unsigned)pid % PID_BITS) / (8 * sizeof(long))] &= ~bit;
}

static void usage(void)
{
	fprintf(stderr, "usage: bareloop [-f] [-r] COMMAND [ARG...]\n");
	exit(2);
}

/* -r: what a tracer printing read/write lines must do at a syscall stop */
static void info_and_data(pid_t pid)
{
	static unsigned long read_addr; /* of the pending read (one tracee: dd) */
	struct __ptrace_syscall_info info;
	unsigned long addr = 0, len = 0;
	char buf[32];

	if (ptrace(PTRACE_GET_SYSCALL_INFO, pid, (void *)sizeof(info), &info) <= 0)
		return;
	if (info.op == PTRACE_SYSCALL_INFO_ENTRY) {
		read_addr = info.entry.nr == SYS_read ? (unsigned long)info.entry.args[1] : 0;
		if (info.entry.nr == SYS_write) {
			addr = (unsigned long)info.entry.args[1];
			len = (unsigned long)info.entry.args[2];
		}
	} else if (info.op == PTRACE_SYSCALL_INFO_EXIT && read_addr && !info.exit.is_error &&
		   info.exit.rval > 0) {
		addr = read_addr;
		len = (unsigned long)info.exit.rval;
		read_addr = 0;
	}
	if (len) {
		struct iovec l = { buf, len < sizeof(buf) ? len : sizeof(buf) };
		struct iovec r = { (void *)addr, l.iov_len };

		process_vm_readv(pid, &l, 1, &r, 1, 0);
	}
}

int main(int argc, char **argv)
{
	int follow = 0, reads = 0, opt, status, exit_code = 0;
	long options;
	pid_t child, pid;

	while ((opt = getopt(argc, argv, "+frh")) != -1) {
		if (opt == 'f')
			follow = 1;
		else if (opt == 'r')
			reads = 1;
		else
			usage();
	}
	if (optind >= argc)
		usage();

	seen = calloc(PID_BITS / 8, 1);
	if (!seen) {
		perror("bareloop: calloc");
		return 1;
	}

	child = fork();
	if (child < 0) {
		perror("bareloop: fork");
		return 1;
	}
	if (child == 0) {
		if (ptrace(PTRACE_TRACEME, 0, NULL, NULL) < 0) {
			perror("bareloop: PTRACE_TRACEME");
			_exit(127);
		}
		execvp(argv[optind], argv + optind);
		fprintf(stderr, "bareloop: exec %s: %s\n", argv[optind], strerror(errno));
		_exit(127);
	}

	/* First stop: the SIGTRAP that follows a PTRACE_TRACEME exec. */
	if (waitpid(child, &status, 0) < 0) {
		perror("bareloop: waitpid");
		return 1;
	}
	if (!WIFSTOPPED(status)) /* exec failed: the child already exited */
		return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
	test_and_set_seen(child);

	options = PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEEXEC | PTRACE_O_EXITKILL;
	if (follow)
		options |= PTRACE_O_TRACECLONE | PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK;
	if (ptrace(PTRACE_SETOPTIONS, child, NULL, (void *)options) < 0) {
		perror("bareloop: PTRACE_SETOPTIONS");
		kill(child, SIGKILL);
		return 1;
	}
	if (ptrace(PTRACE_SYSCALL, child, NULL, NULL) < 0) {
		perror("bareloop: PTRACE_SYSCALL");
		return 1;
	}

	for (;;) {
		int sig = 0;

		pid = waitpid(-1, &status, __WALL);
		if (pid < 0) {
			if (errno == EINTR)
				continue;
			if (errno == ECHILD)
				break;
			perror("bareloop: waitpid");
			return 1;
		}
		if (WIFEXITED(status) || WIFSIGNALED(status)) {
			clear_seen(pid);
			if (pid == child)
				exit_code = WIFEXITED(status) ? WEXITSTATUS(status)
							      : 128 + WTERMSIG(status);
			continue;
		}
		if (!WIFSTOPPED(status))
			continue;

		if (WSTOPSIG(status) == (SIGTRAP | 0x80)) {
			/* syscall entry or exit: the hot path, nothing to do */
			if (reads)
				info_and_data(pid);
		} else if (status >> 16) {
			/* fork/vfork/clone/exec event: just continue */
		} else if (!test_and_set_seen(pid) && WSTOPSIG(status) == SIGSTOP) {
			/* initial stop of a newly attached child */
		} else {
			siginfo_t si;

			/* signal-delivery-stop: pass it on; group-stop: resume */
			if (ptrace(PTRACE_GETSIGINFO, pid, NULL, &si) == 0)
				sig = WSTOPSIG(status);
		}
		if (ptrace(PTRACE_SYSCALL, pid, NULL, (void *)(long)sig) < 0 && errno != ESRCH)
			perror("bareloop: PTRACE_SYSCALL");
	}
	return exit_code;
}
