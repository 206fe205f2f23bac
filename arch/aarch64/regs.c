/* aarch64 register access: PTRACE_GETREGSET NT_PRSTATUS.
 *
 * A 64-bit tracee gives struct user_pt_regs: the syscall number is in x8,
 * the arguments in x0-x5, and x0 holds the return value at the exit stop
 * (the kernel keeps the first argument in orig_x0, which ptrace does not
 * show: the tracer keeps the entry arguments, so it needs no orig_x0).
 *
 * A 32-bit (AArch32, compat) tracee gives the 18 32-bit registers r0-r15,
 * cpsr, orig_r0: the number is in r7 (EABI), the arguments in r0-r5 and the
 * return value in r0.  Its calls are reported with AUDIT_ARCH_ARM, as
 * PTRACE_GET_SYSCALL_INFO does, so the tracer sees a personality change
 * instead of misreading 32-bit registers as 64-bit ones (a 64-bit process
 * that execs a 32-bit program ends its execve in compat mode). */
#include "config.h"
#include "arch.h"

#include <asm/ptrace.h>
#include <elf.h>
#include <errno.h>
#include <linux/audit.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/ptrace.h>
#include <sys/uio.h>

enum { A32_SP = 13, A32_PC = 15, A32_NREGS = 18 };

union a64_regs {
	struct user_pt_regs a64;
	uint32_t a32[A32_NREGS];   /* r0-r15, cpsr, orig_r0 */
};

/* Registers of a stopped tracee; *len is the size the kernel filled in,
 * which tells the 64-bit and the compat register sets apart. */
static int aarch64_getregs(pid_t pid, union a64_regs *r, size_t *len)
{
	struct iovec iov = { .iov_base = r, .iov_len = sizeof(*r) };

	if (ptrace(PTRACE_GETREGSET, pid, (void *)NT_PRSTATUS, &iov) < 0)
		return -errno;
	if (iov.iov_len != sizeof(r->a64) && iov.iov_len != sizeof(r->a32))
		return -ENOTSUP;
	*len = iov.iov_len;
	return 0;
}

static bool is_compat(size_t len)
{
	return len == sizeof(((union a64_regs *)0)->a32);
}

static int aarch64_get_syscall(pid_t pid, struct syscall_regs *out)
{
	union a64_regs r;
	size_t len = 0;
	int ret = aarch64_getregs(pid, &r, &len);

	if (ret < 0)
		return ret;
	if (is_compat(len)) {
		out->nr = (long)r.a32[7];
		for (int i = 0; i < 6; i++)
			out->args[i] = r.a32[i];
		out->ret = ret32(r.a32[0]);
		out->ip = r.a32[A32_PC];
		out->sp = r.a32[A32_SP];
		out->audit_arch = AUDIT_ARCH_ARM;
		return 0;
	}
	out->nr = (long)r.a64.regs[8];
	for (int i = 0; i < 6; i++)
		out->args[i] = r.a64.regs[i];
	out->ret = (long)r.a64.regs[0];
	out->ip = r.a64.pc;
	out->sp = r.a64.sp;
	out->audit_arch = AUDIT_ARCH_AARCH64;
	return 0;
}

static int aarch64_get_ip_sp(pid_t pid, unsigned long *ip, unsigned long *sp)
{
	union a64_regs r;
	size_t len = 0;
	int ret = aarch64_getregs(pid, &r, &len);

	if (ret < 0)
		return ret;
	*ip = is_compat(len) ? r.a32[A32_PC] : r.a64.pc;
	*sp = is_compat(len) ? r.a32[A32_SP] : r.a64.sp;
	return 0;
}

/* Argument i of the syscall a stopped tracee is entering: the kernel
 * calls the syscall with x0-x5 (r0-r5) as they are after the stop.  A
 * 32-bit (arm) call comes only from a 32-bit process, whose registers
 * tell it: pers is not needed. */
static int aarch64_set_arg(pid_t pid, const struct arch_def *pers, unsigned i, unsigned long val)
{
	union a64_regs r;
	size_t len = 0;
	struct iovec iov = { .iov_base = &r };
	int ret;

	(void)pers;
	if (i >= 6)
		return -EINVAL;
	ret = aarch64_getregs(pid, &r, &len);
	if (ret < 0)
		return ret;
	if (is_compat(len)) {
		if (val > UINT32_MAX)
			return -EINVAL;
		r.a32[i] = (uint32_t)val;
	} else {
		r.a64.regs[i] = val;
	}
	iov.iov_len = len;
	if (ptrace(PTRACE_SETREGSET, pid, (void *)NT_PRSTATUS, &iov) < 0)
		return -errno;
	return 0;
}

/* The syscall the kernel runs after the entry stop: NT_ARM_SYSTEM_CALL. */
static int aarch64_set_scno(pid_t pid, long nr)
{
	int n = (int)nr;
	struct iovec iov = { .iov_base = &n, .iov_len = sizeof(n) };

	if (ptrace(PTRACE_SETREGSET, pid, (void *)NT_ARM_SYSTEM_CALL, &iov) < 0)
		return -errno;
	return 0;
}

/* The return value: x0 (r0) at the exit stop. */
static int aarch64_set_retval(pid_t pid, long val)
{
	union a64_regs r;
	size_t len = 0;
	struct iovec iov = { .iov_base = &r };
	int ret = aarch64_getregs(pid, &r, &len);

	if (ret < 0)
		return ret;
	if (is_compat(len))
		r.a32[0] = (uint32_t)val;
	else
		r.a64.regs[0] = (unsigned long)val;
	iov.iov_len = len;
	if (ptrace(PTRACE_SETREGSET, pid, (void *)NT_PRSTATUS, &iov) < 0)
		return -errno;
	return 0;
}

static int aarch64_dwarf_regs(pid_t pid, uint64_t *regs, unsigned *nregs, uint64_t *pc)
{
	union a64_regs r;
	size_t len = 0;
	int ret = aarch64_getregs(pid, &r, &len);

	if (ret < 0)
		return ret;
	/* a 32-bit process would need the AArch32 numbering and unwinder */
	if (is_compat(len))
		return -ENOTSUP;
	/* DWARF for AArch64: x0..x30 are 0..30, sp is 31; the pc has no
	 * DWARF number and is passed separately. */
	for (int i = 0; i < 31; i++)
		regs[i] = r.a64.regs[i];
	regs[31] = r.a64.sp;
	*nregs = 32;
	*pc = r.a64.pc;
	return 0;
}

const struct arch_regs_ops arch_native_regs = {
	.arch = &arch_aarch64,
	.get_syscall = aarch64_get_syscall,
	.get_ip_sp = aarch64_get_ip_sp,
	.set_arg = aarch64_set_arg,
	.set_scno = aarch64_set_scno,
	.set_retval = aarch64_set_retval,
	.dwarf_regs = aarch64_dwarf_regs,
};
