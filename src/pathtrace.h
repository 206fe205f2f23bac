/* -P PATH / --trace-path=PATH: only the syscalls that touch PATH, by a path
 * argument or by a file descriptor (or directory fd) that refers to it,
 * as strace matches them. */
#ifndef CTRACE_PATHTRACE_H
#define CTRACE_PATHTRACE_H

#include <stdbool.h>

#include "tcb.h"

/* Add PATH (and what it resolves to, when that differs: one line says so
 * unless quiet).  Returns 0 or -EINVAL (empty path). */
int pathtrace_add(const char *path, bool quiet);
extern size_t pathtrace_npaths;
static inline bool pathtrace_active(void)
{
	return pathtrace_npaths > 0; /* (asked at every entry: inline) */
}
/* At syscall entry: does the current call touch a selected path? */
bool pathtrace_match(struct tcb *tcp);

#endif
