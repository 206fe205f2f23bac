/* bareloop: the floor of a ptrace-based tracer.
 *
 * Usage: bareloop [-f] COMMAND [ARG...]
 *
 * Runs COMMAND under ptrace and stops it at every syscall entry and exit
 * (PTRACE_SYSCALL with PTRACE_O_TRACESYSGOOD), decoding and printing
 * nothing.  With -f it also follows fork/vfork/clone.  It does what any
 * tracer must do per stop (one wait, one restart) and nothing else, so its
 * wall time is the lower bound that bench/run.sh compares ctrace against.
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
	fprintf(stderr, "usage: bareloop [-f] COMMAND [ARG...]\n");
	exit(2);
}

int main(int argc, char **argv)
{
	int follow = 0, opt, status, exit_code = 0;
	long options;
	pid_t child, pid;

	while ((opt = getopt(argc, argv, "+fh")) != -1) {
		if (opt == 'f')
			follow = 1;
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
