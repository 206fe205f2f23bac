/* x86_64 register access: PTRACE_GETREGSET NT_PRSTATUS.
 *
 * A 64-bit process gives struct user_regs_struct.  A 32-bit (i386) process
 * gives the i386 one: 17 32-bit registers, the number in orig_eax, the
 * arguments in ebx, ecx, edx, esi, edi, ebp, the return value in eax (the
 * kernel picks the layout by the tracee's code segment, not by the
 * tracer).  Its calls are reported with AUDIT_ARCH_I386, as
 * PTRACE_GET_SYSCALL_INFO does.  A 64-bit process calling int $0x80 gives
 * the 64-bit layout: from the registers alone that call cannot be told
 * from a 64-bit one (strace cannot either). */
#include "config.h"
#include "arch.h"

#include <elf.h>
#include <errno.h>
#include <linux/audit.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/ptrace.h>
#include <sys/uio.h>
#include <sys/user.h>

struct i386_regs {
	uint32_t ebx, ecx, edx, esi, edi, ebp, eax, xds, xes, xfs, xgs, orig_eax, eip, xcs, eflags, esp, xss;
};

union x86_regs {
	struct user_regs_struct r64;
	struct i386_regs r32;
};

/* Registers of a stopped tracee; *len is the size the kernel filled in,
 * which tells the 64-bit and the i386 register sets apart. */
static int x86_64_getregs(pid_t pid, union x86_regs *r, size_t *len)
{
	struct iovec iov = { .iov_base = r, .iov_len = sizeof(*r) };

	if (ptrace(PTRACE_GETREGSET, pid, (void *)NT_PRSTATUS, &iov) < 0)
		return -errno;
	if (iov.iov_len != sizeof(r->r64) && iov.iov_len != sizeof(r->r32))
		return -ENOTSUP;
	*len = iov.iov_len;
	return 0;
}

static bool is_i386(size_t len)
{
	return len == sizeof(((union x86_regs *)0)->r32);
}

static int x86_64_get_syscall(pid_t pid, struct syscall_regs *out)
{
	union x86_regs u;
	struct user_regs_struct *r = &u.r64;
	size_t len = 0;
	int ret = x86_64_getregs(pid, &u, &len);

	if (ret < 0)
		return ret;
	if (is_i386(len)) {
		uint32_t a32[6] = { u.r32.ebx, u.r32.ecx, u.r32.edx, u.r32.esi, u.r32.edi, u.r32.ebp };

		for (unsigned i = 0; i < 6; i++)
			out->args[i] = a32[i];
		out->nr = (int32_t)u.r32.orig_eax;
		out->ret = ret32(u.r32.eax);
		out->ip = u.r32.eip;
		out->sp = u.r32.esp;
		out->audit_arch = AUDIT_ARCH_I386;
		return 0;
	}
	out->nr = (long)r->orig_rax;
	out->ip = r->rip;
	out->sp = r->rsp;
	out->args[0] = r->rdi;
	out->args[1] = r->rsi;
	out->args[2] = r->rdx;
	out->args[3] = r->r10;
	out->args[4] = r->r8;
	out->args[5] = r->r9;
	out->ret = (long)r->rax;
	out->audit_arch = AUDIT_ARCH_X86_64;
	return 0;
}

static int x86_64_get_ip_sp(pid_t pid, unsigned long *ip, unsigned long *sp)
{
	union x86_regs u;
	size_t len = 0;
	int ret = x86_64_getregs(pid, &u, &len);

	if (ret < 0)
		return ret;
	*ip = is_i386(len) ? u.r32.eip : u.r64.rip;
	*sp = is_i386(len) ? u.r32.esp : u.r64.rsp;
	return 0;
}

static int x86_64_setregs(pid_t pid, union x86_regs *u, size_t len)
{
	struct iovec iov = { .iov_base = u, .iov_len = len };

	if (ptrace(PTRACE_SETREGSET, pid, (void *)NT_PRSTATUS, &iov) < 0)
		return -errno;
	return 0;
}

/* A 32-bit process gives the i386 registers; a 64-bit one the 64-bit
 * registers, whose i386 calls (int $0x80) take their arguments from the
 * low halves of rbx, rcx, rdx, rsi, rdi, rbp, and whose x32 calls from
 * the registers of its own. */
static int x86_64_set_arg(pid_t pid, const struct arch_def *pers, unsigned i, unsigned long val)
{
	union x86_regs u;
	size_t len = 0;
	unsigned long long *slot[6] = { &u.r64.rdi, &u.r64.rsi, &u.r64.rdx, &u.r64.r10, &u.r64.r8, &u.r64.r9 };
	unsigned long long *slot80[6] = { &u.r64.rbx, &u.r64.rcx, &u.r64.rdx, &u.r64.rsi, &u.r64.rdi, &u.r64.rbp };
	uint32_t *slot32[6] = { &u.r32.ebx, &u.r32.ecx, &u.r32.edx, &u.r32.esi, &u.r32.edi, &u.r32.ebp };
	bool i386 = pers == &arch_i386;
	int ret;

	if (i >= 6)
		return -EINVAL;
	ret = x86_64_getregs(pid, &u, &len);
	if (ret < 0)
		return ret;
	/* an i386 call's arguments are 32-bit, in either kind of process */
	if ((i386 || is_i386(len)) && val > UINT32_MAX)
		return -EINVAL;
	if (is_i386(len)) {
		*slot32[i] = (uint32_t)val;
	} else if (i386) {
		/* the program may use the high half after the call */
		*slot80[i] = (*slot80[i] & ~(unsigned long long)UINT32_MAX) | val;
	} else {
		*slot[i] = val;
	}
	return x86_64_setregs(pid, &u, len);
}

/* orig_rax (the number; orig_eax) or rax (the return value; eax) */
static int x86_64_set_reg(pid_t pid, bool orig, long val)
{
	union x86_regs u;
	size_t len = 0;
	int ret = x86_64_getregs(pid, &u, &len);

	if (ret < 0)
		return ret;
	if (is_i386(len))
		*(orig ? &u.r32.orig_eax : &u.r32.eax) = (uint32_t)val;
	else
		*(orig ? &u.r64.orig_rax : &u.r64.rax) = (unsigned long long)val;
	return x86_64_setregs(pid, &u, len);
}

static int x86_64_set_scno(pid_t pid, long nr)
{
	return x86_64_set_reg(pid, true, nr);
}

static int x86_64_set_retval(pid_t pid, long val)
{
	return x86_64_set_reg(pid, false, val);
}

static int x86_64_dwarf_regs(pid_t pid, uint64_t *regs, unsigned *nregs, uint64_t *pc)
{
	union x86_regs u;
	struct user_regs_struct r;
	size_t len = 0;
	int ret = x86_64_getregs(pid, &u, &len);

	if (ret < 0)
		return ret;
	/* a 32-bit process would need the i386 numbering and unwinder */
	if (is_i386(len))
		return -ENOTSUP;
	r = u.r64;
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
