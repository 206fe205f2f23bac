/* Run a command under a seccomp filter, as a container's profile would
 * put it there (tests/integration/preflight.sh):
 *
 *   seccompexec allow CMD [ARG...]        an allow-all filter
 *   seccompexec kill-ptrace CMD [ARG...]  ptrace kills the process (SIGSYS)
 *   seccompexec eperm-ptrace CMD [ARG...] ptrace fails with EPERM
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
#include <unistd.h>

int main(int argc, char **argv)
{
	unsigned int action;

	if (argc < 3) {
		fprintf(stderr, "usage: seccompexec allow|kill-ptrace|eperm-ptrace CMD [ARG...]\n");
		return 2;
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
