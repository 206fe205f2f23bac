/* Holding back a syscall's line until its status is known (-e status=,
 * -z, -Z): between entry and exit the tracee's output goes to a memory
 * stream, which is copied to the real stream or dropped when the syscall
 * ends. */
#ifndef CTRACE_STAGE_H
#define CTRACE_STAGE_H

#include <stdbool.h>

#include "filter.h"
#include "tcb.h"

/* (inline below: both are asked at every traced syscall, and do
 * nothing without -e status=) */
struct stage;
extern struct stage *stage_list;
void stage_begin_slow(struct tcb *tcp);
void stage_end_slow(struct tcb *tcp, unsigned status);

/* Redirect tcp's output to a fresh memory stream (no-op when status
 * filtering is off or tcp is already staged). */
static inline void stage_begin(struct tcb *tcp)
{
	if (filter_status_active())
		stage_begin_slow(tcp);
}
/* Restore tcp's stream; copy the held text there when status (FS_*) is
 * selected, drop it otherwise.  No-op when tcp is not staged. */
static inline void stage_end(struct tcb *tcp, unsigned status)
{
	if (stage_list)
		stage_end_slow(tcp, status);
}
bool stage_active(const struct tcb *tcp);

#endif
