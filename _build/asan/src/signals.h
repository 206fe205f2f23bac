/* Signal delivery lines: "--- SIGCHLD {si_signo=SIGCHLD, ...} ---". */
#ifndef CTRACE_SIGNALS_H
#define CTRACE_SIGNALS_H

#include <signal.h>
#include "tcb.h"

/* Print the siginfo braces "{si_signo=..., ...}". */
void print_siginfo(struct tcb *tcp, const siginfo_t *si);
/* Print a whole "--- SIG... ---" line. */
void print_signal_line(struct tcb *tcp, int sig, const siginfo_t *si);

#endif
