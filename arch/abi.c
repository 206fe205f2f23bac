#include "config.h"
#include "abi.h"

#include <linux/audit.h>
#include <stddef.h>

static const struct arch_abi abis[] = {
	{
		/* The handler's ret popped pretcode: sp is &rt_sigframe.uc;
		 * uc_flags, uc_link, uc_stack (40) + sigcontext (256). */
		.audit_arch = AUDIT_ARCH_X86_64,
		.sigreturn_mask_off = 40 + 256,
		.clone_child_tid_arg = 3,
		.clone_tls_arg = 4,
		.ptrace_requests_set = "ptrace_requests_x86_64",
	},
	{
		/* sp is &rt_sigframe: siginfo (128), then the ucontext whose
		 * uc_sigmask follows uc_flags, uc_link, uc_stack (40). */
		.audit_arch = AUDIT_ARCH_AARCH64,
		.sigreturn_mask_off = 128 + 40,
		.clone_child_tid_arg = 4,
		.clone_tls_arg = 3,
		.ptrace_requests_set = "ptrace_requests_aarch64",
	},
};

const struct arch_abi *arch_abi_by_audit(uint32_t audit_arch)
{
	for (size_t i = 0; i < sizeof(abis) / sizeof(abis[0]); i++)
		if (abis[i].audit_arch == audit_arch)
			return &abis[i];
	return NULL;
}
