/* Process family decoders (execve, clone, clone3, wait4, waitid, prctl,
 * arch_prctl, rlimits, getrusage, uname, ...) and their pure formatters. */
#ifndef CTRACE_DECODE_PROCESS_H
#define CTRACE_DECODE_PROCESS_H

#include <stddef.h>
#include <stdint.h>

/* wait status as strace: "[{WIFEXITED(s) && WEXITSTATUS(s) == 0}]". */
size_t format_wait_status(char *buf, size_t size, int status);
/* clone(2) flags with the exit signal in the low byte:
 * "CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD". */
size_t format_clone_flags(char *buf, size_t size, uint64_t flags);
/* An rlimit value: "RLIM64_INFINITY", "8192*1024", "20000". */
size_t format_rlim(char *buf, size_t size, uint64_t v);

/* "IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4)" (ioprio_set, iocb aio_reqprio) */
size_t format_ioprio(char *buf, size_t size, uint32_t v);

#endif
