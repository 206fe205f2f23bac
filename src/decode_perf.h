/* perf_event_open(2) (dec_perf_event_open, declared in gen/decoders.h)
 * and struct perf_event_attr, which PERF_EVENT_IOC_MODIFY_ATTRIBUTES
 * (src/ioctl_perf.c) passes too. */
#ifndef CTRACE_DECODE_PERF_H
#define CTRACE_DECODE_PERF_H

#include <stdbool.h>
#include <stdint.h>

#include "tcb.h"

/* At entry: read the structure at addr as strace does (its size field
 * says how much; without -v only the part before wakeup_events) and keep
 * it in the call's private data.  False when it printed the address
 * instead (unreadable, a size below the first version, -e verbose=). */
bool perf_attr_fetch(struct tcb *tcp, unsigned long addr);
/* At exit: print what perf_attr_fetch() kept, with " => " and the size
 * the kernel wrote back when the call failed with E2BIG. */
void perf_attr_print(struct tcb *tcp, unsigned long addr);

#endif
