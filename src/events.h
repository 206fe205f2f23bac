/* Everything the tracer reports, as strace-style text lines or, with
 * --json, as one JSON object per line (schema: docs/trace.schema.json). */
#ifndef CTRACE_EVENTS_H
#define CTRACE_EVENTS_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>

#include "tcb.h"

void ev_syscall_entry(struct tcb *tcp);
void ev_syscall_exit(struct tcb *tcp);
/* The tracee died (or was detached) inside a syscall. */
void ev_syscall_unfinished(struct tcb *tcp, bool detached);
void ev_exit(struct tcb *tcp, int wait_status);
void ev_signal(struct tcb *tcp, int sig, const siginfo_t *si);
void ev_stopped(struct tcb *tcp, int sig);
void ev_superseded(struct tcb *tcp, long old_pid);
void ev_personality(struct tcb *tcp, const char *mode);

/* Split an argument list "a, {b, c}, \"d, e\"" at its top-level commas.
 * Calls fn(start, len, data) for each argument (pure; unit-tested). */
void split_args(const char *s, size_t len,
		void (*fn)(const char *start, size_t len, void *data), void *data);

#endif
