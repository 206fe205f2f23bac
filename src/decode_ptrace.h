/* ptrace(2) decoder. */
#ifndef CTRACE_DECODE_PTRACE_H
#define CTRACE_DECODE_PTRACE_H

#include "decode_seccomp.h" /* print_bpf_fprog */
#include "abi.h"
#include "tcb.h"

/* A register structure of size bytes at addr as the layout describes it
 * (PTRACE_GETREGSET, PTRACE_GETREGS): "{r15=0x1, ...}"; the address when
 * there is no layout, the size is not a multiple of its slot, or the
 * memory cannot be read. */
void print_regset(struct tcb *tcp, const struct regset_layout *l,
		  unsigned long addr, unsigned long size);

#endif
