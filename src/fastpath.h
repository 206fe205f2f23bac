/* The filtered fast path (-e trace=SUBSET on a command ctrace starts): a
 * seccomp filter installed in the child before exec stops the tracee only
 * at the selected syscalls (SECCOMP_RET_TRACE) and lets every other
 * syscall run without a ptrace stop. */
#ifndef CTRACE_FASTPATH_H
#define CTRACE_FASTPATH_H

#include <stdbool.h>
#include <linux/filter.h>
#include <seccomp.h>

#include "arch.h"
#include "tcb.h"

/* Why the fast path is not used (FP_OK when it is). */
enum fp_reason {
	FP_OK = 0,
	FP_DISABLED,        /* --no-seccomp-bpf */
	FP_NOTHING_TO_SKIP, /* every syscall is traced */
	FP_ATTACH,          /* -p: a filter cannot be added to a running process */
	FP_SETID,           /* set-user/group-ID or file capabilities + NO_NEW_PRIVS */
	FP_BUILD,           /* libseccomp could not build the filter */
};

/* Decide and build.  set is a selection of a's (filter.h); only its
 * host part is read: a->nsyscalls + 1 entries (the last: numbers
 * without a name).  The filter has rules for the host's calls alone:
 * every call of another personality (i386, x32) stops (its bad-arch
 * action), clone and clone3 among them.  need_nnp: the tracer lacks
 * CAP_SYS_ADMIN, so the child needs NO_NEW_PRIVS.  On FP_OK *ctx holds
 * the filter. */
enum fp_reason fastpath_prepare(const struct arch_def *a, const bool *set, bool attach,
				int forced, const char *path, bool need_nnp,
				scmp_filter_ctx *ctx);
const char *fastpath_reason_text(enum fp_reason r);

/* The filter as the BPF program libseccomp generates for it, made in the
 * tracer so that the child has only to load it: the child may share the
 * tracer's memory until its exec (vfork), where it must not allocate. */
struct fp_prog {
	struct sock_fprog fprog;
	bool nnp;           /* set NO_NEW_PRIVS first (SCMP_FLTATR_CTL_NNP) */
};

/* In the tracer: export ctx's program into *p.  0 or a negative errno. */
int fastpath_export(scmp_filter_ctx ctx, struct fp_prog *p);
void fastpath_prog_free(struct fp_prog *p);

/* In the child: load the program as seccomp_load() would load ctx (no
 * filter flags are set).  0 or a negative errno. */
int fastpath_load(const struct fp_prog *p);

/* At a seccomp stop of clone/clone3 that asks for CLONE_UNTRACED: clear
 * that flag so the child is traced and cannot escape the filter's
 * accounting, in a call of any personality (tcp->arch: the register of
 * its ABI).  set is the whole selection of arch_native's (filter.h), the
 * call looked up in its personality's part.  Returns true when the call
 * is not selected (the stop was only for this). */
bool fastpath_fix_untraced(struct tcb *tcp, const bool *set);

/* Does the tracer have CAP_SYS_ADMIN (no NO_NEW_PRIVS needed)? */
bool fastpath_have_sys_admin(void);

#endif
