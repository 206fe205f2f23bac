/* Run a command under a seccomp filter that makes
 * ptrace(PTRACE_GET_SYSCALL_INFO, ...) fail with EIO, as on a kernel older
 * than 5.3.  ctrace then reads syscalls from the registers
 * (arch/<arch>/regs.c), which is how the tests exercise that path on a
 * real kernel.  Usage: nosysinfo CMD [ARGS...] */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef PTRACE_GET_SYSCALL_INFO
#define PTRACE_GET_SYSCALL_INFO 0x420e
#endif

int main(int argc, char **argv)
{
	/* The filter runs for the architecture this helper is built for only;
	 * the low 32 bits of the request are compared, enough for 0x420e. */
	struct sock_filter prog[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_ptrace, 0, 3),
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[0])),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, PTRACE_GET_SYSCALL_INFO, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EIO),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog fprog = { .len = sizeof(prog) / sizeof(prog[0]), .filter = prog };

	if (argc < 2) {
		fprintf(stderr, "usage: nosysinfo CMD [ARGS...]\n");
		return 2;
	}
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0 ||
	    prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &fprog) < 0) {
		perror("nosysinfo: seccomp");
		return 2;
	}
	execvp(argv[1], argv + 1);
	perror("nosysinfo: exec");
	return 127;
}
