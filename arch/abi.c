#include "config.h"
#include "abi.h"

#include <linux/audit.h>
#include <stddef.h>


/* Register structures as the kernel's uapi headers lay them out, written
 * as data so that every host knows every architecture's. */
#define WORD(i, n) { n, (i) * 8, 8, 0 }
#define NFIELDS(a) (sizeof(a) / sizeof((a)[0]))

/* x86_64 struct user_regs_struct (asm/user.h): 27 unsigned longs. */
static const struct regset_field x86_64_regs_fields[] = {
	WORD(0, "r15"),
	WORD(1, "r14"),
	WORD(2, "r13"),
	WORD(3, "r12"),
	WORD(4, "rbp"),
	WORD(5, "rbx"),
	WORD(6, "r11"),
	WORD(7, "r10"),
	WORD(8, "r9"),
	WORD(9, "r8"),
	WORD(10, "rax"),
	WORD(11, "rcx"),
	WORD(12, "rdx"),
	WORD(13, "rsi"),
	WORD(14, "rdi"),
	WORD(15, "orig_rax"),
	WORD(16, "rip"),
	WORD(17, "cs"),
	WORD(18, "eflags"),
	WORD(19, "rsp"),
	WORD(20, "ss"),
	WORD(21, "fs_base"),
	WORD(22, "gs_base"),
	WORD(23, "ds"),
	WORD(24, "es"),
	WORD(25, "fs"),
	WORD(26, "gs"),
};
static const struct regset_layout x86_64_regs = {
	.size = 27 * 8, .slot = 8,
	.nfields = NFIELDS(x86_64_regs_fields), .fields = x86_64_regs_fields,
};

/* x86_64 struct user_fpregs_struct (asm/user.h), the FXSAVE area. */
static const struct regset_field x86_64_fpregs_fields[] = {
	{ "cwd", 0, 2, 0 },
	{ "swd", 2, 2, 0 },
	{ "ftw", 4, 2, 0 },
	{ "fop", 6, 2, 0 },
	{ "rip", 8, 8, 0 },
	{ "rdp", 16, 8, 0 },
	{ "mxcsr", 24, 4, 0 },
	{ "mxcr_mask", 28, 4, 0 },
	{ "st_space", 32, 4, 32 },
	{ "xmm_space", 160, 4, 64 },
	{ "padding", 416, 4, 24 },
};
static const struct regset_layout x86_64_fpregs = {
	.size = 512, .slot = 8,
	.nfields = NFIELDS(x86_64_fpregs_fields), .fields = x86_64_fpregs_fields,
};

/* aarch64 struct user_pt_regs (asm/ptrace.h). */
static const struct regset_field aarch64_regs_fields[] = {
	{ "regs", 0, 8, 31 },
	WORD(31, "sp"),
	WORD(32, "pc"),
	WORD(33, "pstate"),
};
static const struct regset_layout aarch64_regs = {
	.size = 34 * 8, .slot = 8,
	.nfields = NFIELDS(aarch64_regs_fields), .fields = aarch64_regs_fields,
};

static const struct arch_abi abis[] = {
	{
		/* The handler's ret popped pretcode: sp is &rt_sigframe.uc;
		 * uc_flags, uc_link, uc_stack (40) + sigcontext (256). */
		.audit_arch = AUDIT_ARCH_X86_64,
		.sigreturn_mask_off = 40 + 256,
		.clone_child_tid_arg = 3,
		.clone_tls_arg = 4,
		.ptrace_requests_set = "ptrace_requests_x86_64",
		.prstatus = &x86_64_regs,
		.fpregset = &x86_64_fpregs,
		.pt_regs = &x86_64_regs,
		.pt_fpregs = &x86_64_fpregs,
		/* asm/ptrace-abi.h: GETREGS..SETFPREGS, SYSEMU,
		 * SYSEMU_SINGLESTEP, SINGLEBLOCK */
		.ptrace_req = { 12, 13, 14, 15, { 31, 32, 33 } },
	},
	{
		/* sp is &rt_sigframe: siginfo (128), then the ucontext whose
		 * uc_sigmask follows uc_flags, uc_link, uc_stack (40). */
		.audit_arch = AUDIT_ARCH_AARCH64,
		.sigreturn_mask_off = 128 + 40,
		.clone_child_tid_arg = 4,
		.clone_tls_arg = 3,
		.ptrace_requests_set = "ptrace_requests_aarch64",
		.prstatus = &aarch64_regs,
	},
};

const struct arch_abi *arch_abi_by_audit(uint32_t audit_arch)
{
	for (size_t i = 0; i < sizeof(abis) / sizeof(abis[0]); i++)
		if (abis[i].audit_arch == audit_arch)
			return &abis[i];
	return NULL;
}
