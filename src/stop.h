/* The ptrace loop: start or attach tracees, handle every stop, detach. */
#ifndef CTRACE_STOP_H
#define CTRACE_STOP_H

#include <stdbool.h>
#include <sys/types.h>

#include "options.h"

/* Set up output streams and state.  Returns 0 or a negative errno (after
 * printing an error line). */
int tracer_init(const struct options *opts);
/* What the preflight found: PTRACE_GET_SYSCALL_INFO works; a seccomp
 * filter can be installed (the fast path is allowed). */
void tracer_set_env(bool syscall_info_ok, bool seccomp_ok);
/* Resolve cmd through PATH like execvp.  Returns a malloc'd path or NULL
 * with errno set. */
char *tracer_find_program(const char *cmd);
/* Fork and start argv[0] (already resolved to path) under trace. */
int tracer_spawn(const char *path, char **argv);
/* Attach to the given pids (and their threads with -f). */
int tracer_attach(const pid_t *pids, size_t npids);
/* Run until no tracee is left.  Returns the exit status for ctrace: the
 * spawned command's status (a negative value -SIG when it was killed by
 * signal SIG), or 0 after attach/detach. */
int tracer_loop(void);
/* Free everything. */
void tracer_cleanup(void);

#endif
