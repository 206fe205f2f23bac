/* Host side: ctrace --check -p PID run on the host for a process inside a
 * container.  Reads the target's credentials, capabilities, seccomp state
 * and namespaces from /proc, dumps its seccomp filters with
 * PTRACE_SECCOMP_GET_FILTER when ctrace may (CAP_SYS_ADMIN, not itself
 * under seccomp), and synthesizes the facts of "a tracer running next to
 * it, with its credentials", for the same check_assess(). */
#ifndef CTRACE_CHECK_HOSTSIDE_H
#define CTRACE_CHECK_HOSTSIDE_H

#include <linux/filter.h>
#include <stdbool.h>
#include <sys/types.h>

#include "check/facts.h"
#include "check/seccomp_query.h"

struct hostside_dump {
	unsigned n;			/* filters, [0] newest (reordered:
					 * the kernel's index 0 is the oldest);
					 * no limit but the kernel's */
	struct sock_filter **progs;	/* n, each malloc'd */
	unsigned *lens;			/* n */
	int resent_signal;		/* the target was in a signal-delivery
					 * stop: this signal went on with the detach */
};

struct hostside {
	bool container;			/* another pid or mount namespace than ctrace */
	bool other_pidns, other_mntns, other_userns;
	char uid_map[128];
	/* The filters: 1 dumped, 0 nothing to dump (seccomp off), -1 unknown. */
	int filters_known;
	int dump_err;			/* errno of the failed step, 0 */
	char dump_why[300];		/* why the filters could not be read */
	unsigned nfilters;
	unsigned *insns;		/* nfilters, malloc'd (hostside_release) */
	struct sq_result res[SQ_COUNT];	/* valid with filters_known >= 0 */
	struct check_facts facts;	/* the synthesized inside facts */
};

/* pid lives in another pid or mount namespace than ctrace (a container
 * process seen from the host): the only case --check -p inspects it. */
bool hostside_is_container(pid_t pid);

/* Read the file rel (e.g. "run/.containerenv") of the tree rooted at the
 * O_PATH directory rootfd (a container's /proc/PID/root) into buf,
 * NUL-terminated, at most size - 1 bytes.  Absolute symlinks and ".."
 * resolve inside that root (openat2 RESOLVE_IN_ROOT, no magic links), or,
 * with no_openat2 or a kernel without openat2, every component is opened
 * with O_NOFOLLOW and any symlink or ".." is refused.  Only a regular
 * file is opened for reading, never blocking: a FIFO, a device or a
 * socket is -EINVAL without being opened.  Returns the length, or a
 * negative errno (-ENOENT when it is not there). */
ssize_t hostside_read_in_root(int rootfd, const char *rel, char *buf, size_t size,
			      bool no_openat2);

/* Fill h for pid (its filters are dumped whatever its namespaces); h is
 * zeroed or was filled before (what that held is released).  host: ctrace's own facts (kernel, Yama, LSM list,
 * capabilities).  Returns 0, or -ESRCH when the process is gone. */
int hostside_inspect(pid_t pid, const struct check_facts *host, struct hostside *h);
/* Free what hostside_inspect() allocated in h (h zeroed or inspected). */
void hostside_release(struct hostside *h);

/* PTRACE_SEIZE + PTRACE_INTERRUPT the target, dump all its filters
 * (PTRACE_SECCOMP_GET_FILTER index 0 is the oldest; d holds them newest
 * first, the order the kernel runs them and bpf_run_filters() takes) and
 * detach.  The tracer is a child process of the caller: the target is
 * detached when this returns, also after a timeout (the child is killed),
 * and a signal it was receiving (signal-delivery stop) is delivered.
 * Returns 0 or a negative errno with a reason in why ("unknown: N filters
 * not read ..." when some could not be read). */
int hostside_dump_filters(pid_t pid, struct hostside_dump *d, char *why, size_t size);
void hostside_dump_release(struct hostside_dump *d);

#endif
