/* Per-architecture definitions.  Every architecture has a const struct
 * arch_def (name, AUDIT_ARCH value, syscall table) built on every host, so
 * tables of a foreign architecture are available (--check --arch, tests).
 * Register access lives in arch/<arch>/regs.c and is built only for the
 * host architecture, which also defines arch_native. */
#ifndef CTRACE_ARCH_H
#define CTRACE_ARCH_H

#include <stdint.h>
#include <sys/types.h>

struct syscall_ent; /* src/syscallent.h: one row of a table */

/* What a syscall stop tells: number, arguments, return value. */
struct syscall_regs {
	long nr;
	unsigned long args[6];
	long ret;
	uint32_t audit_arch;   /* personality of the call (AUDIT_ARCH_*) */
	unsigned long ip, sp;
};

struct xlat;

/* Personalities of one architecture at most: x86_64, i386, x32. */
#define ARCH_NPERS 3

struct arch_def {
	const char *name;          /* "x86_64", "aarch64", "i386", "arm", "x32" */
	unsigned wordsize;         /* bytes in a long: 8, or 4 (compat, x32) */
	uint32_t audit_arch;       /* AUDIT_ARCH_X86_64 ... */
	const struct syscall_ent *table;
	unsigned nsyscalls;        /* entries in table (max number + 1) */
	/* PROT_ bits of this architecture only (aarch64: PROT_BTI,
	 * PROT_MTE), decoded after the common ones; NULL when none. */
	const struct xlat *mmap_prot_extra;
	/* strace's personality designators (-e trace=NAME@64), the native
	 * one first, then the others; NULL-terminated */
	const char *personalities[ARCH_NPERS + 1];
	/* the personality each designator names, parallel to
	 * personalities[]: [0] is this architecture itself, then its 32-bit
	 * one (i386, arm) and x32; NULL-terminated */
	const struct arch_def *pers[ARCH_NPERS + 1];
	/* strace's name of this personality in "[ Process PID=N runs in
	 * MODE mode. ]": "64 bit", "32 bit", "x32" */
	const char *mode;
	/* A personality that shares its host's audit_arch (x32) and whose
	 * calls carry this bit in their number (__X32_SYSCALL_BIT); 0 for
	 * the others.  arch_by_audit() never gives such a personality. */
	long nr_bit;
};

/* Register access for the host architecture. */
struct arch_regs_ops {
	const struct arch_def *arch;
	/* Read number, arguments and return value from the registers of a
	 * stopped tracee.  Returns 0 or a negative errno. */
	int (*get_syscall)(pid_t pid, struct syscall_regs *out);
	/* Stack pointer and instruction pointer (for -k). */
	int (*get_ip_sp)(pid_t pid, unsigned long *ip, unsigned long *sp);
	/* Change argument i of the syscall a stopped tracee is entering,
	 * a call of personality pers (tcp->arch; NULL: unknown, taken as
	 * the process's own).  x86_64: an i386 call of a 64-bit process
	 * (int $0x80) takes its arguments from rbx, rcx, rdx, rsi, rdi, rbp,
	 * not from the registers of the 64-bit ABI (x32's). */
	int (*set_arg)(pid_t pid, const struct arch_def *pers, unsigned i, unsigned long val);
	/* -e inject: at a syscall-entry stop, make the kernel run syscall
	 * nr instead (-1: none, the call fails with ENOSYS); at the exit
	 * stop, set the value the call returns (-errno for an error). */
	int (*set_scno)(pid_t pid, long nr);
	int (*set_retval)(pid_t pid, long val);
	/* Registers for the unwinder (-k), in DWARF register numbering from
	 * 0: x86_64 rax rdx rcx rbx rsi rdi rbp rsp r8..r15 rip; aarch64
	 * x0..x30 sp.  Fills at most ARCH_DWARF_NREGS_MAX values, sets
	 * *nregs and the program counter.  0 or a negative errno. */
	int (*dwarf_regs)(pid_t pid, uint64_t *regs, unsigned *nregs, uint64_t *pc);
};

#define ARCH_DWARF_NREGS_MAX 64

extern const struct arch_def arch_x86_64;
extern const struct arch_def arch_aarch64;
/* The 32-bit (compat) personalities of x86_64 and aarch64: names and
 * signatures from syscalls/compat.def, no custom decoders. */
extern const struct arch_def arch_i386;
extern const struct arch_def arch_arm;
/* x32 of x86_64: a 64-bit process whose syscall instruction sets
 * __X32_SYSCALL_BIT in the number; its own table (syscalls/x32.tbl),
 * 4-byte longs and pointers, no custom decoders. */
extern const struct arch_def arch_x32;
extern const struct arch_regs_ops arch_native_regs;
#define arch_native (arch_native_regs.arch)

/* All known 64-bit architectures, NULL-terminated (--check --arch and
 * the tables of foreign architectures). */
extern const struct arch_def *const arch_all[];

const struct arch_def *arch_by_name(const char *name);
/* Any personality, the 32-bit ones included, but not x32 (whose
 * audit_arch is x86_64's). */
const struct arch_def *arch_by_audit(uint32_t audit_arch);
/* The personality of a call reported with audit_arch and number *nr
 * (PTRACE_GET_SYSCALL_INFO, registers): arch_by_audit()'s, or its x32
 * when *nr carries x32's bit, which is then taken off *nr.  NULL for an
 * unknown audit_arch. */
const struct arch_def *arch_personality(uint32_t audit_arch, long *nr);
/* arch_personality() at a stop, where nearly always nothing changed:
 * the last stop's personality (last, reported with last_audit) when the
 * audit arch is the same, last has no number bit of its own and the
 * number is within its table (so it carries no personality's bit). */
static inline const struct arch_def *arch_personality_again(const struct arch_def *last,
							    uint32_t last_audit,
							    uint32_t audit_arch, long *nr)
{
	if (last && audit_arch == last_audit && !last->nr_bit &&
	    (unsigned long)*nr < last->nsyscalls)
		return last;
	return arch_personality(audit_arch, nr);
}
/* The number the kernel takes for call nr of personality a (x32's with
 * its bit); a negative nr (no call) stays as it is. */
static inline long arch_raw_nr(const struct arch_def *a, long nr)
{
	return nr < 0 ? nr : nr | a->nr_bit;
}

/* Table lookups.  NULL / -1 when unknown. */
const struct syscall_ent *arch_syscall(const struct arch_def *a, long nr);
long arch_syscall_number(const struct arch_def *a, const char *name);

/* A 32-bit personality's result register as the kernel reports it with
 * PTRACE_GET_SYSCALL_INFO: -errno sign-extended, any other value (an
 * address above 2 GiB) zero-extended. */
static inline long ret32(uint32_t reg)
{
	int32_t v = (int32_t)reg;

	return v < 0 && v >= -4095 ? (long)v : (long)reg;
}

#endif
