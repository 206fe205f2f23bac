/* x86_64 register access: struct user_regs_struct via PTRACE_GETREGSET. */
#include "config.h"
#include "arch.h"

#include <elf.h>
#include <errno.h>
#include <linux/audit.h>
#include <sys/ptrace.h>
#include <sys/uio.h>
#include <sys/user.h>

static int x86_64_getregs(pid_t pid, struct user_regs_struct *r)
{
	struct iovec iov = { .iov_base = r, .iov_len = sizeof(*r) };

	if (ptrace(PTRACE_GETREGSET, pid, (void *)NT_PRSTATUS, &iov) < 0)
		return -errno;
	return 0;
}

static int x86_64_get_syscall(pid_t pid, struct syscall_regs *out)
{
	struct user_regs_struct r;
	int ret = x86_64_getregs(pid, &r);

	if (ret < 0)
		return ret;
	out->nr = (long)r.orig_rax;
	out->ip = r.rip;
	out->sp = r.rsp;
	/* A 32-bit code segment means the i386 personality (int 0x80 etc.):
	 * the i386 ABI's registers, 32 bits wide. */
	if (r.cs == 0x23) {
		unsigned long long a32[6] = { r.rbx, r.rcx, r.rdx, r.rsi, r.rdi, r.rbp };

		for (unsigned i = 0; i < 6; i++)
			out->args[i] = (uint32_t)a32[i];
		out->nr = (int32_t)r.orig_rax;
		out->ret = (int32_t)r.rax;
		out->audit_arch = AUDIT_ARCH_I386;
		return 0;
	}
	out->args[0] = r.rdi;
	out->args[1] = r.rsi;
	out->args[2] = r.rdx;
	out->args[3] = r.r10;
	out->args[4] = r.r8;
	out->args[5] = r.r9;
	out->ret = (long)r.rax;
	out->audit_arch = AUDIT_ARCH_X86_64;
	return 0;
}

static int x86_64_get_ip_sp(pid_t pid, unsigned long *ip, unsigned long *sp)
{
	struct user_regs_struct r;
	int ret = x86_64_getregs(pid, &r);

	if (ret < 0)
		return ret;
	*ip = r.rip;
	*sp = r.rsp;
	return 0;
}

static int x86_64_set_arg(pid_t pid, unsigned i, unsigned long val)
{
	struct user_regs_struct r;
	struct iovec iov = { .iov_base = &r, .iov_len = sizeof(r) };
	unsigned long long *slot[6] = { &r.rdi, &r.rsi, &r.rdx, &r.r10, &r.r8, &r.r9 };
	int ret;

	if (i >= 6)
		return -EINVAL;
	ret = x86_64_getregs(pid, &r);
	if (ret < 0)
		return ret;
	*slot[i] = val;
	if (ptrace(PTRACE_SETREGSET, pid, (void *)NT_PRSTATUS, &iov) < 0)
		return -errno;
	return 0;
}

static int x86_64_set_reg(pid_t pid, unsigned long long *(*slot)(struct user_regs_struct *),
			  long val)
{
	struct user_regs_struct r;
	struct iovec iov = { .iov_base = &r, .iov_len = sizeof(r) };
	int ret = x86_64_getregs(pid, &r);

	if (ret < 0)
		return ret;
	*slot(&r) = (unsigned long long)val;
	if (ptrace(PTRACE_SETREGSET, pid, (void *)NT_PRSTATUS, &iov) < 0)
		return -errno;
	return 0;
}

static unsigned long long *slot_orig_rax(struct user_regs_struct *r)
{
	return &r->orig_rax;
}

static unsigned long long *slot_rax(struct user_regs_struct *r)
{
	return &r->rax;
}

static int x86_64_set_scno(pid_t pid, long nr)
{
	return x86_64_set_reg(pid, slot_orig_rax, nr);
}

static int x86_64_set_retval(pid_t pid, long val)
{
	return x86_64_set_reg(pid, slot_rax, val);
}

static int x86_64_dwarf_regs(pid_t pid, uint64_t *regs, unsigned *nregs, uint64_t *pc)
{
	struct user_regs_struct r;
	int ret = x86_64_getregs(pid, &r);

	if (ret < 0)
		return ret;
	/* DWARF numbering of the x86-64 psABI; 16 is the return address
	 * column, which holds the program counter of the innermost frame. */
	regs[0] = r.rax;
	regs[1] = r.rdx;
	regs[2] = r.rcx;
	regs[3] = r.rbx;
	regs[4] = r.rsi;
	regs[5] = r.rdi;
	regs[6] = r.rbp;
	regs[7] = r.rsp;
	regs[8] = r.r8;
	regs[9] = r.r9;
	regs[10] = r.r10;
	regs[11] = r.r11;
	regs[12] = r.r12;
	regs[13] = r.r13;
	regs[14] = r.r14;
	regs[15] = r.r15;
	regs[16] = r.rip;
	*nregs = 17;
	*pc = r.rip;
	return 0;
}

const struct arch_regs_ops arch_native_regs = {
	.arch = &arch_x86_64,
	.get_syscall = x86_64_get_syscall,
	.get_ip_sp = x86_64_get_ip_sp,
	.set_arg = x86_64_set_arg,
	.set_scno = x86_64_set_scno,
	.set_retval = x86_64_set_retval,
	.dwarf_regs = x86_64_dwarf_regs,
};
