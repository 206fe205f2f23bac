/* Per-architecture ABI facts that decoders need, as data: where
 * rt_sigreturn finds the saved signal mask, and the argument order of
 * clone(2).  Looked up by AUDIT_ARCH value so foreign tables work too. */
#ifndef CTRACE_ARCH_ABI_H
#define CTRACE_ARCH_ABI_H

#include <stdint.h>

struct arch_abi {
	uint32_t audit_arch;
	/* Offset from the stack pointer at rt_sigreturn entry to the
	 * uc_sigmask of the signal frame's ucontext. */
	unsigned long sigreturn_mask_off;
	/* clone(flags, stack, parent_tid, X, Y): indices of child_tid and
	 * tls among the arguments. */
	unsigned clone_child_tid_arg;
	unsigned clone_tls_arg;
	/* Name of the xlat set of arch-specific ptrace requests, or NULL. */
	const char *ptrace_requests_set;
};

/* The ABI facts of an architecture, or NULL when unknown. */
const struct arch_abi *arch_abi_by_audit(uint32_t audit_arch);

#endif
