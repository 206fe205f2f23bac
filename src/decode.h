/* Printing a syscall: "name(args" at entry, "...) = ret" at exit. */
#ifndef CTRACE_DECODE_H
#define CTRACE_DECODE_H

#include "syscallent.h"
#include "tcb.h"

/* Print the arguments: at entry those known then, at exit the rest
 * (no "name(" and no ")"). */
void syscall_decode_args(struct tcb *tcp);
/* " = 3" / " = -1 ENOENT (...)" / " = ?" with the padding before it. */
void syscall_print_retval(struct tcb *tcp);
/* The syscall's name, or "syscall_0x1c8" (in buf) for an unknown number. */
const char *syscall_name(const struct tcb *tcp, char *buf, size_t size);

/* Print the entry part of tcp's current syscall. */
void syscall_print_entry(struct tcb *tcp);
/* Print the exit part (and the return value) and end the line. */
void syscall_print_exit(struct tcb *tcp);
/* The tracee died inside a syscall: finish its line with " = ?". */
void syscall_print_unfinished_exit(struct tcb *tcp);

/* Print argument i of the current syscall according to its argspec
 * (used by the generic decoder and by custom decoders for plain args). */
void print_arg(struct tcb *tcp, unsigned i);
/* Print arguments [from, to) with ", " separators (the first one gets a
 * separator when from > 0). */
void print_args(struct tcb *tcp, unsigned from, unsigned to);

/* For a call whose first argument is a file descriptor and whose others
 * are printed at exit (what the call wrote): at entry, print the
 * descriptor and ", " and return true (the decoder then returns
 * DEC_MORE); at exit, false. */
bool print_fd_at_entry(struct tcb *tcp);

/* A flags argument as strace prints it: names, unknown bits in hex, and
 * a value with no known bit as "0x4000 /+ AT_??? +/" (comment markers). */
void print_flags_arg(struct tcb *tcp, const struct xlat *x, uint64_t v);
void print_xenum(struct tcb *tcp, const struct xlat *x, uint64_t v);

/* At exit: the call failed (an errno, or a negative result). */
static inline bool syscall_failed(const struct tcb *tcp)
{
	return tcp->err || tcp->rval < 0;
}

/* The decoder driven by syscalls.def argument kinds. */
int decode_generic(struct tcb *tcp);

/* Errnos the kernel uses internally (include/linux/errno.h); a tracer
 * sees them in the exit result of a call a signal interrupted. */
enum kernel_errno {
	ERESTARTSYS = 512,           /* restarted if the handler has SA_RESTART */
	ERESTARTNOINTR = 513,        /* always restarted */
	ERESTARTNOHAND = 514,        /* restarted if no handler runs */
	ENOIOCTLCMD = 515,           /* never reaches user space */
	ERESTART_RESTARTBLOCK = 516, /* restart_syscall() follows */
};

/* Text for errnos the kernel uses internally (ERESTARTSYS...). */
const char *errno_text(int err, bool *restart);

#endif
