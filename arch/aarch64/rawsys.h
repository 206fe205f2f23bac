/* ptrace(2) for the requests of the stop loop (aarch64): libc's ptrace().
 * arch/x86_64/rawsys.h makes the call inline instead; the build puts the
 * host's arch/<arch>/ folder on the include path.  Never for PEEK
 * requests (their result is the data, not a status). */
#ifndef CTRACE_RAWSYS_H
#define CTRACE_RAWSYS_H

#include <sys/ptrace.h>
#include <sys/types.h>

static inline long ct_ptrace(int req, pid_t pid, void *addr, void *data)
{
	return ptrace((enum __ptrace_request)req, pid, addr, data);
}

#endif
