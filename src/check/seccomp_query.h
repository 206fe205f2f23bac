/* What a seccomp filter stack answers for the syscalls the tracing modes
 * need, called with the arguments the modes really use.
 *
 * The result is one plain record per query (name, label, action kind,
 * errno) for the diagnosis to map onto its facts; no verdicts here. */
#ifndef CTRACE_CHECK_SECCOMP_QUERY_H
#define CTRACE_CHECK_SECCOMP_QUERY_H

#include <stdbool.h>
#include <stdint.h>
#include "check/bpf.h"

/* Stable identifiers of the mode queries (index into seccomp_mode_queries). */
enum sq_id {
	SQ_PTRACE_TRACEME,
	SQ_PTRACE_ATTACH,
	SQ_PTRACE_SEIZE,
	SQ_PTRACE_CONT,             /* the diagnosis' ptrace control probe */
	SQ_PTRACE_GET_SYSCALL_INFO,
	SQ_WAIT4,
	SQ_PROCESS_VM_READV,
	SQ_PROCESS_VM_WRITEV,
	SQ_PERSONALITY_NO_ASLR,
	SQ_PERSONALITY_QUERY,
	SQ_SECCOMP_SET_FILTER,
	SQ_PRCTL_SET_SECCOMP,
	SQ_PRCTL_NO_NEW_PRIVS,
	SQ_KCMP,
	SQ_PIDFD_OPEN,
	SQ_PIDFD_GETFD,
	SQ_CLONE3,
	SQ_PERF_EVENT_OPEN,
	SQ_BPF,
	SQ_COUNT
};

struct sq_query {
	enum sq_id id;
	const char *label;      /* "personality(ADDR_NO_RANDOMIZE)" */
	const char *name;       /* syscall name */
	uint64_t args[6];
};

struct sq_result {
	enum sq_id id;
	const char *label;
	const char *name;
	bool no_syscall;        /* the name has no number on the architecture */
	long nr;                /* syscall number, -1 with no_syscall */
	uint32_t ret;           /* SECCOMP_RET_* value (ALLOW with no filters) */
	enum seccomp_kind kind;
	int err;                /* errno for SECCOMP_KIND_ERRNO, else 0 */
};

extern const struct sq_query seccomp_mode_queries[SQ_COUNT];

/* Evaluate one query on a filter stack (filters[0] newest) for an
 * architecture ("x86_64", "aarch64").  Returns 0, -EINVAL for an unknown
 * architecture or an invalid filter program. */
int seccomp_query_one(const struct bpf_filter *filters, unsigned n, const char *arch,
		      const struct sq_query *q, struct sq_result *out);

/* All of seccomp_mode_queries, out[SQ_COUNT]. */
int seccomp_query_modes(const struct bpf_filter *filters, unsigned n, const char *arch,
			struct sq_result out[SQ_COUNT]);

/* Syscall number of name on arch (libseccomp's tables), -1 if none. */
long seccomp_query_nr(const char *arch, const char *name);
/* AUDIT_ARCH_* of "x86_64" / "aarch64", 0 if unknown. */
uint32_t seccomp_query_audit_arch(const char *arch);

#endif
