/* Holding back a syscall's line until its status is known (-e status=,
 * -z, -Z): between entry and exit the tracee's output goes to a memory
 * stream, which is copied to the real stream or dropped when the syscall
 * ends. */
#ifndef CTRACE_STAGE_H
#define CTRACE_STAGE_H

#include <stdbool.h>

#include "tcb.h"

/* Redirect tcp's output to a fresh memory stream (no-op when status
 * filtering is off or tcp is already staged). */
void stage_begin(struct tcb *tcp);
/* Restore tcp's stream; copy the held text there when status (FS_*) is
 * selected, drop it otherwise.  No-op when tcp is not staged. */
void stage_end(struct tcb *tcp, unsigned status);
bool stage_active(const struct tcb *tcp);

#endif
