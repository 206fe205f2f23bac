/* Signal delivery lines: "--- SIGCHLD {si_signo=SIGCHLD, ...} ---". */
#ifndef CTRACE_SIGNALS_H
#define CTRACE_SIGNALS_H

#include <signal.h>
#include <stddef.h>
#include "tcb.h"

/* Name of a signal ("SIGINT", "SIGRT_3"), or NULL; the text of a
 * signal's name never changes, so it may be kept (as auxstr). */
const char *signal_name(int sig);

/* A clock_t in ticks as strace: 16 followed by a comment "0.16 s", or "0"
 * (pure; hz is sysconf(_SC_CLK_TCK)).  Returns the length. */
size_t format_clock_t(char *buf, size_t size, long ticks, long hz);
void print_clock_t(struct tcb *tcp, long ticks);

/* Print the siginfo braces "{si_signo=..., ...}". */
void print_siginfo(struct tcb *tcp, const siginfo_t *si);
/* Print a whole "--- SIG... ---" line. */
void print_signal_line(struct tcb *tcp, int sig, const siginfo_t *si);

#endif
