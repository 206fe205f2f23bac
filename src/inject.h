/* -e inject= and -e fault=: tampering with syscalls, as strace does.
 *
 * A rule names a set of syscalls and what to do to the calls it selects
 * (when=FIRST[..LAST][+[STEP]] counts the calls of each syscall, per
 * tracee): fail with an errno or return a value instead of running
 * (error=, retval=), run another syscall instead (syscall=), deliver a
 * signal (signal=), sleep before or after (delay_enter=, delay_exit=),
 * write bytes into argument buffers (poke_enter=, poke_exit=). */
#ifndef CTRACE_INJECT_H
#define CTRACE_INJECT_H

#include <stdbool.h>
#include <stddef.h>

#include "arch.h"
#include "tcb.h"

/* Parse the value of "inject=" (fault: "fault=", ENOSYS by default) and
 * add the rule.  Returns 0, or -EINVAL with a message in err. */
int inject_parse(const struct arch_def *a, const char *value, bool fault,
		 char *err, size_t errsize);
/* Any rule given? */
bool inject_active(void);
/* At a syscall-entry stop: apply the rule selecting this call, if any
 * (TCB_INJECTED set on tcp).  Returns the signal to deliver on resuming
 * (0: none).  A delay (delay_enter=, and delay_exit= at the exit stop) is
 * left in tcp->inj_delay_us: the tracer holds that tracee, and only it,
 * at the stop for that long. */
int inject_entry(struct tcb *tcp);
/* the number of rules (0: no -e inject=; inject_entry() then only
 * clears tcp's injection state, see stop.c) */
extern size_t inject_nrules;
/* At the exit stop of an injected call, after tcp->rval/err were read:
 * set the return value and tcp->rval/err as the tracee sees them. */
void inject_exit(struct tcb *tcp);
/* " (INJECTED)", " (INJECTED: args)" ... after the return value. */
const char *inject_note(const struct tcb *tcp);

#endif
