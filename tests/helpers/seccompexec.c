/* Run a command under a seccomp filter, as a container's profile would
 * put it there (tests/integration/preflight.sh):
 *
 *   seccompexec allow CMD [ARG...]        an allow-all filter
 *   seccompexec kill-ptrace CMD [ARG...]  ptrace kills the process (SIGSYS)
 *   seccompexec eperm-ptrace CMD [ARG...] ptrace fails with EPERM
 *   seccompexec full CMD [ARG...]         allow-all filters that spend the
 *       kernel's budget of a process's filters (32768 instructions, each
 *       filter counting 4 more) but for about FULL_LEFT: a longer filter
 *       can no longer be loaded (ENOMEM)
 *
 * NO_NEW_PRIVS is set first (needed without CAP_SYS_ADMIN).  The filter
 * looks at the syscall number only: the native ptrace; nothing else of the
 * command is touched.  Exit status 125 when the filter cannot be installed,
 * 127 when CMD cannot be run. */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define FULL_LEFT 20

/* an allow-all filter of len instructions */
static int load_long(unsigned len)
{
	static struct sock_filter f[BPF_MAXINSNS];
	struct sock_fprog prog = { (unsigned short)len, f };

	for (unsigned i = 0; i + 1 < len; i++)
		f[i] = (struct sock_filter)BPF_STMT(BPF_ALU | BPF_ADD | BPF_K, 0);
	f[len - 1] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
	return (int)syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog);
}

/* would a filter of len instructions load here?  (tried in a child) */
static int fits(unsigned len)
{
	pid_t pid = fork();
	int st;

	if (pid == 0)
		_exit(load_long(len) < 0);
	return pid > 0 && waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0;
}

/* Fill the kernel's budget of this process's filters (32768 instructions
 * in all, each filter already there counting 4 more, filters inherited
 * included) until a filter longer than FULL_LEFT no longer loads. */
static int fill(void)
{
	unsigned lo = 1, hi = BPF_MAXINSNS;

	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
		return -1;
	while (fits(BPF_MAXINSNS))
		if (load_long(BPF_MAXINSNS) < 0)
			return -1;
	/* the longest that still loads */
	while (lo < hi) {
		unsigned mid = (lo + hi + 1) / 2;

		if (fits(mid))
			lo = mid;
		else
			hi = mid - 1;
	}
	if (lo <= FULL_LEFT + 4) {
		errno = ENOSPC;
		return -1;
	}
	return load_long(lo - FULL_LEFT - 4);
}

int main(int argc, char **argv)
{
	unsigned int action;

	if (argc < 3) {
		fprintf(stderr, "usage: seccompexec allow|kill-ptrace|eperm-ptrace|full CMD [ARG...]\n");
		return 2;
	}
	if (!strcmp(argv[1], "full")) {
		if (fill() < 0) {
			fprintf(stderr, "seccompexec: cannot install the filters: %s\n", strerror(errno));
			return 125;
		}
		execvp(argv[2], argv + 2);
		fprintf(stderr, "seccompexec: %s: %s\n", argv[2], strerror(errno));
		return 127;
	}
	if (!strcmp(argv[1], "allow"))
		action = SECCOMP_RET_ALLOW;
	else if (!strcmp(argv[1], "kill-ptrace"))
		action = SECCOMP_RET_KILL_PROCESS;
	else if (!strcmp(argv[1], "eperm-ptrace"))
		action = SECCOMP_RET_ERRNO | EPERM;
	else {
		fprintf(stderr, "seccompexec: unknown mode '%s'\n", argv[1]);
		return 2;
	}

	struct sock_filter insns[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_ptrace, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, action),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = { (unsigned short)(sizeof(insns) / sizeof(insns[0])), insns };

	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0 ||
	    syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) < 0) {
		fprintf(stderr, "seccompexec: cannot install the filter: %s\n", strerror(errno));
		return 125;
	}
	execvp(argv[2], argv + 2);
	fprintf(stderr, "seccompexec: %s: %s\n", argv[2], strerror(errno));
	return 127;
}
