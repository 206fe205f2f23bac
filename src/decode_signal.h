/* Signal family decoders (rt_sigaction, rt_sigprocmask, rt_sigreturn,
 * sigaltstack, rt_sigsuspend, rt_sigtimedwait, ...) and the sigset
 * printer that other families share. */
#ifndef CTRACE_DECODE_SIGNAL_H
#define CTRACE_DECODE_SIGNAL_H

#include <stddef.h>
#include <stdint.h>

#include "tcb.h"

/* Format a kernel sigset of len bytes (at most 8 used) as strace does:
 * "[INT TERM]", "[]", or the complement "~[RTMIN RT_1]" when more than
 * half of the signals are set.  Pure.  Returns the length. */
size_t format_sigset(char *buf, size_t size, const void *set, size_t len);

/* Print the sigset of sigsetsize bytes at addr ("NULL", the address when
 * unreadable or the size is implausible). */
void print_sigset(struct tcb *tcp, unsigned long addr, unsigned long sigsetsize);

/* Kernel struct sigaction, the same on x86_64 and aarch64. */
struct k_sigaction {
	uint64_t handler;
	uint64_t flags;
	uint64_t restorer;
	uint64_t mask;
};
/* "{sa_handler=SIG_IGN, sa_mask=[PIPE], sa_flags=SA_RESTORER, sa_restorer=0x...}". */
size_t format_k_sigaction(char *buf, size_t size, const struct k_sigaction *sa);

/* The siginfo_t at addr ("{si_signo=SIGUSR1, si_code=SI_QUEUE, ...}"),
 * or its address when unreadable. */
void print_siginfo_at(struct tcb *tcp, unsigned long addr);

#endif
