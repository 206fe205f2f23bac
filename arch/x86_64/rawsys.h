/* ptrace(2) for the requests of the stop loop, without libc's wrapper
 * (x86_64; each arch/<arch>/rawsys.h has its ct_ptrace, and the build
 * puts the host's folder on the include path).
 *
 * glibc's ptrace() is variadic and special-cases the PEEK requests
 * (their result is the data, not a status): ~30 instructions per call
 * before the syscall, and the loop makes four calls per traced syscall
 * (PTRACE_GET_SYSCALL_INFO and the resume, at entry and exit).  On
 * x86_64 the call is made inline: the same system call, arguments and
 * return convention (-1 and errno on failure).  Never for PEEK requests. */
#ifndef CTRACE_RAWSYS_H
#define CTRACE_RAWSYS_H

#include <errno.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/types.h>

static inline long ct_ptrace(int req, pid_t pid, void *addr, void *data)
{
	long ret;
	register long r10 __asm__("r10") = (long)data;

	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "0"((long)SYS_ptrace), "D"((long)req), "S"((long)pid), "d"(addr), "r"(r10)
			 : "rcx", "r11", "memory");
	if ((unsigned long)ret > -4096UL) {
		errno = (int)-ret;
		return -1;
	}
	return ret;
}

#endif
