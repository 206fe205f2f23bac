#include "config.h"
#include "arch.h"

#include <linux/audit.h>
#include <string.h>

#include "gen/syscalls.h"
#include "gen/xlat/mmap_prot_aarch64.h"
#include "syscallent.h"

const struct arch_def arch_x86_64 = {
	.name = "x86_64",
	.wordsize = 8,
	.audit_arch = AUDIT_ARCH_X86_64,
	.table = syscalls_x86_64,
	.nsyscalls = SYSCALLS_X86_64_COUNT,
	.personalities = { "64", "32", "x32" },
	.pers = { &arch_x86_64, &arch_i386, &arch_x32 },
	.mode = "64 bit",
};

const struct arch_def arch_aarch64 = {
	.name = "aarch64",
	.wordsize = 8,
	.audit_arch = AUDIT_ARCH_AARCH64,
	.table = syscalls_aarch64,
	.nsyscalls = SYSCALLS_AARCH64_COUNT,
	.mmap_prot_extra = &xlat_mmap_prot_aarch64,
	.personalities = { "64", "32" },
	.pers = { &arch_aarch64, &arch_arm },
	.mode = "64 bit",
};

const struct arch_def arch_i386 = {
	.name = "i386",
	.wordsize = 4,
	.audit_arch = AUDIT_ARCH_I386,
	.table = syscalls_i386,
	.nsyscalls = SYSCALLS_I386_COUNT,
	.mode = "32 bit",
};

const struct arch_def arch_arm = {
	.name = "arm",
	.wordsize = 4,
	.audit_arch = AUDIT_ARCH_ARM,
	.table = syscalls_arm,
	.nsyscalls = SYSCALLS_ARM_COUNT,
	.mode = "32 bit",
};

const struct arch_def arch_x32 = {
	.name = "x32",
	.wordsize = 4,
	.audit_arch = AUDIT_ARCH_X86_64,
	.table = syscalls_x32,
	.nsyscalls = SYSCALLS_X32_COUNT,
	.mode = "x32",
	.nr_bit = 0x40000000, /* __X32_SYSCALL_BIT */
};

const struct arch_def *const arch_all[] = { &arch_x86_64, &arch_aarch64, NULL };
static const struct arch_def *const arch_compat[] = { &arch_i386, &arch_arm, NULL };

const struct arch_def *arch_by_name(const char *name)
{
	for (unsigned i = 0; arch_all[i]; i++)
		if (strcmp(arch_all[i]->name, name) == 0)
			return arch_all[i];
	if (strcmp(name, "arm64") == 0)
		return &arch_aarch64;
	if (strcmp(name, "amd64") == 0)
		return &arch_x86_64;
	return NULL;
}

const struct arch_def *arch_by_audit(uint32_t audit_arch)
{
	for (unsigned i = 0; arch_all[i]; i++)
		if (arch_all[i]->audit_arch == audit_arch)
			return arch_all[i];
	for (unsigned i = 0; arch_compat[i]; i++)
		if (arch_compat[i]->audit_arch == audit_arch)
			return arch_compat[i];
	return NULL;
}

const struct arch_def *arch_personality(uint32_t audit_arch, long *nr)
{
	const struct arch_def *a = arch_by_audit(audit_arch);

	if (!a || *nr < 0)
		return a;
	for (unsigned i = 1; a->pers[i]; i++)
		if (a->pers[i]->nr_bit && (*nr & a->pers[i]->nr_bit)) {
			*nr &= ~a->pers[i]->nr_bit;
			return a->pers[i];
		}
	return a;
}

const struct syscall_ent *arch_syscall(const struct arch_def *a, long nr)
{
	if (nr < 0 || (unsigned long)nr >= a->nsyscalls || !a->table[nr].name[0])
		return NULL;
	return &a->table[nr];
}

long arch_syscall_number(const struct arch_def *a, const char *name)
{
	for (unsigned i = 0; i < a->nsyscalls; i++)
		if (a->table[i].name[0] && strcmp(a->table[i].name, name) == 0)
			return (long)i;
	return -1;
}
