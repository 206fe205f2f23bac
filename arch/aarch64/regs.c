/* aarch64 register access: struct user_pt_regs via PTRACE_GETREGSET
 * NT_PRSTATUS.  The syscall number is in x8; x0 holds the first argument
 * at entry and the return value at exit (the tracer keeps the entry
 * arguments, so the overwritten x0 is not needed at exit). */
#include "config.h"
#include "arch.h"

#include <asm/ptrace.h>
#include <elf.h>
#include <errno.h>
#include <linux/audit.h>
#include <sys/ptrace.h>
#include <sys/uio.h>

static int aarch64_getregs(pid_t pid, struct user_pt_regs *r)
{
	struct iovec iov = { .iov_base = r, .iov_len = sizeof(*r) };

	if (ptrace(PTRACE_GETREGSET, pid, (void *)NT_PRSTATUS, &iov) < 0)
		return -errno;
	/* A 32-bit (compat) tracee returns the smaller compat_pt_regs. */
	if (iov.iov_len != sizeof(*r))
		return -ENOTSUP;
	return 0;
}

static int aarch64_get_syscall(pid_t pid, struct syscall_regs *out)
{
	struct user_pt_regs r;
	int ret = aarch64_getregs(pid, &r);

	if (ret < 0)
		return ret;
	out->nr = (long)r.regs[8];
	for (int i = 0; i < 6; i++)
		out->args[i] = r.regs[i];
	out->ret = (long)r.regs[0];
	out->ip = r.pc;
	out->sp = r.sp;
	out->audit_arch = AUDIT_ARCH_AARCH64;
	return 0;
}

static int aarch64_get_ip_sp(pid_t pid, unsigned long *ip, unsigned long *sp)
{
	struct user_pt_regs r;
	int ret = aarch64_getregs(pid, &r);

	if (ret < 0)
		return ret;
	*ip = r.pc;
	*sp = r.sp;
	return 0;
}

static int aarch64_set_arg(pid_t pid, unsigned i, unsigned long val)
{
	struct user_pt_regs r;
	struct iovec iov = { .iov_base = &r, .iov_len = sizeof(r) };
	int ret;

	if (i >= 6)
		return -EINVAL;
	ret = aarch64_getregs(pid, &r);
	if (ret < 0)
		return ret;
	r.regs[i] = val;
	if (ptrace(PTRACE_SETREGSET, pid, (void *)NT_PRSTATUS, &iov) < 0)
		return -errno;
	return 0;
}

static int aarch64_dwarf_regs(pid_t pid, uint64_t *regs, unsigned *nregs, uint64_t *pc)
{
	struct user_pt_regs r;
	int ret = aarch64_getregs(pid, &r);

	if (ret < 0)
		return ret;
	/* DWARF for AArch64: x0..x30 are 0..30, sp is 31; the pc has no
	 * DWARF number and is passed separately. */
	for (int i = 0; i < 31; i++)
		regs[i] = r.regs[i];
	regs[31] = r.sp;
	*nregs = 32;
	*pc = r.pc;
	return 0;
}

const struct arch_regs_ops arch_native_regs = {
	.arch = &arch_aarch64,
	.get_syscall = aarch64_get_syscall,
	.get_ip_sp = aarch64_get_ip_sp,
	.set_arg = aarch64_set_arg,
	.dwarf_regs = aarch64_dwarf_regs,
};
