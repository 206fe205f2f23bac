/* Everything the tracer reports, as strace-style text lines or, with
 * --json, as one JSON object per line (schema: docs/trace.schema.json). */
#ifndef CTRACE_EVENT_H
#define CTRACE_EVENT_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>

#include "decode.h"
#include "sink.h"
#include "tcb.h"

/* A syscall's entry and exit: the text line's printers directly (inline,
 * twice per syscall), the JSON object otherwise. */
void ev_syscall_entry_json(struct tcb *tcp);
void ev_syscall_exit_json(struct tcb *tcp);
static inline void ev_syscall_entry(struct tcb *tcp)
{
	if (!pcfg.json)
		syscall_print_entry(tcp);
	else
		ev_syscall_entry_json(tcp);
}
static inline void ev_syscall_exit(struct tcb *tcp)
{
	if (!pcfg.json)
		syscall_print_exit(tcp);
	else
		ev_syscall_exit_json(tcp);
}
/* The tracee died (or was detached) inside a syscall. */
void ev_syscall_unfinished(struct tcb *tcp, bool detached);
void ev_exit(struct tcb *tcp, int wait_status);
void ev_signal(struct tcb *tcp, int sig, const siginfo_t *si);
void ev_stopped(struct tcb *tcp, int sig);
void ev_superseded(struct tcb *tcp, long old_pid);
void ev_personality(struct tcb *tcp, const char *mode);

struct arg_marks;

/* The JSON "args" array: text (len bytes) cut at the argument starts in
 * am (offsets just after each ", " that tprint_arg_next() wrote); no
 * argument for empty text (pure; unit-tested). */
struct json_object *ev_args_from_marks(const char *text, size_t len, const struct arg_marks *am);

#endif
