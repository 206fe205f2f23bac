/* Per-architecture ABI facts that decoders need, as data: where
 * rt_sigreturn finds the saved signal mask, and the argument order of
 * clone(2).  Looked up by AUDIT_ARCH value so foreign tables work too. */
#ifndef CTRACE_ARCH_ABI_H
#define CTRACE_ARCH_ABI_H

#include <stdint.h>

/* One field of a register structure that ptrace reads or writes
 * (PTRACE_GETREGSET, PTRACE_GETREGS...): count 0 is a scalar of size
 * bytes, else an array of count elements of size bytes. */
struct regset_field {
	const char *name;
	unsigned short offset, size, count;
};

/* A register structure: its fields in order, its size, and the slot its
 * sizes come in (a buffer of another size is printed as an address). */
struct regset_layout {
	unsigned size;
	unsigned slot;
	unsigned nfields;
	const struct regset_field *fields;
};

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
	/* The NT_PRSTATUS and NT_FPREGSET register sets (NULL: printed as
	 * an address), and the structures of PTRACE_GETREGS/GETFPREGS
	 * (NULL: the architecture has no such requests). */
	const struct regset_layout *prstatus, *fpregset;
	const struct regset_layout *pt_regs, *pt_fpregs;
	/* Requests of this architecture only that ptrace decodes beyond
	 * their name (0: none): the register structures, and the resuming
	 * ones whose data is a signal (PTRACE_SYSEMU...). */
	struct {
		unsigned getregs, setregs, getfpregs, setfpregs;
		unsigned resume[3];
	} ptrace_req;
};

/* The ABI facts of an architecture, or NULL when unknown. */
const struct arch_abi *arch_abi_by_audit(uint32_t audit_arch);

#endif
