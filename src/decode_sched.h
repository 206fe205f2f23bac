/* Scheduling decoders: sched_* (affinity, policy, param, attr). */
#ifndef CTRACE_DECODE_SCHED_H
#define CTRACE_DECODE_SCHED_H

#include <stddef.h>

/* A CPU set of len bytes as "[0 1 5]" (pure). */
size_t format_cpuset(char *buf, size_t size, const unsigned char *set, size_t len);

#endif
