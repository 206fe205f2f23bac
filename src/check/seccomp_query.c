/* Mode syscalls evaluated on seccomp filters (see seccomp_query.h). */
#include "config.h"
#include "check/seccomp_query.h"

#include <errno.h>
#include <string.h>
#include <seccomp.h>

/* Argument values as the tracer uses them.  Pointers are placeholders
 * (filters of container profiles never look at pointer values); pids
 * are a plausible pid.  Constants are spelled out with their ABI value so
 * the table does not depend on which headers define them. */
#define ANY_PTR 0x7ffc0000ULL
#define A_PID 4242ULL

const struct sq_query seccomp_mode_queries[SQ_COUNT] = {
	{ SQ_PTRACE_TRACEME, "ptrace(PTRACE_TRACEME)", "ptrace", { 0 /* PTRACE_TRACEME */ } },
	{ SQ_PTRACE_ATTACH, "ptrace(PTRACE_ATTACH)", "ptrace", { 16 /* PTRACE_ATTACH */, A_PID } },
	{ SQ_PTRACE_SEIZE, "ptrace(PTRACE_SEIZE)", "ptrace",
	  { 0x4206 /* PTRACE_SEIZE */, A_PID, 0, 0x7f /* PTRACE_O_* options */ } },
	{ SQ_PTRACE_CONT, "ptrace(PTRACE_CONT)", "ptrace", { 7 /* PTRACE_CONT */, A_PID } },
	{ SQ_PTRACE_GET_SYSCALL_INFO, "ptrace(PTRACE_GET_SYSCALL_INFO)", "ptrace",
	  { 0x420e /* PTRACE_GET_SYSCALL_INFO */, A_PID, 88 /* sizeof(struct ptrace_syscall_info) */, ANY_PTR } },
	{ SQ_WAIT4, "wait4(__WALL)", "wait4",
	  { (uint64_t)-1, ANY_PTR, 0x40000000 /* __WALL */, 0 } },
	{ SQ_PROCESS_VM_READV, "process_vm_readv", "process_vm_readv",
	  { A_PID, ANY_PTR, 1, ANY_PTR, 1, 0 /* flags */ } },
	{ SQ_PROCESS_VM_WRITEV, "process_vm_writev", "process_vm_writev",
	  { A_PID, ANY_PTR, 1, ANY_PTR, 1, 0 } },
	{ SQ_PERSONALITY_NO_ASLR, "personality(ADDR_NO_RANDOMIZE)", "personality",
	  { 0x0040000 /* ADDR_NO_RANDOMIZE */ } },
	{ SQ_PERSONALITY_QUERY, "personality(0xffffffff)", "personality", { 0xffffffffULL } },
	{ SQ_SECCOMP_SET_FILTER, "seccomp(SECCOMP_SET_MODE_FILTER)", "seccomp",
	  { 1 /* SECCOMP_SET_MODE_FILTER */, 0, ANY_PTR } },
	{ SQ_PRCTL_SET_SECCOMP, "prctl(PR_SET_SECCOMP)", "prctl",
	  { 22 /* PR_SET_SECCOMP */, 2 /* SECCOMP_MODE_FILTER */, ANY_PTR } },
	{ SQ_PRCTL_NO_NEW_PRIVS, "prctl(PR_SET_NO_NEW_PRIVS)", "prctl",
	  { 38 /* PR_SET_NO_NEW_PRIVS */, 1 } },
	{ SQ_KCMP, "kcmp", "kcmp", { A_PID, A_PID + 1, 0 /* KCMP_FILE */, 0, 0 } },
	{ SQ_PIDFD_OPEN, "pidfd_open", "pidfd_open", { A_PID, 0 } },
	{ SQ_PIDFD_GETFD, "pidfd_getfd", "pidfd_getfd", { 3, 0, 0 } },
	{ SQ_CLONE3, "clone3", "clone3", { ANY_PTR, 88 /* sizeof(struct clone_args) */ } },
	{ SQ_PERF_EVENT_OPEN, "perf_event_open", "perf_event_open",
	  { ANY_PTR, A_PID, (uint64_t)-1, (uint64_t)-1, 0 } },
	{ SQ_BPF, "bpf(BPF_PROG_LOAD)", "bpf", { 5 /* BPF_PROG_LOAD */, ANY_PTR, 144 } },
};

static uint32_t scmp_arch_of(const char *arch)
{
	if (!arch || (strcmp(arch, "x86_64") && strcmp(arch, "aarch64")))
		return 0;
	return seccomp_arch_resolve_name(arch);
}

uint32_t seccomp_query_audit_arch(const char *arch)
{
	/* libseccomp's architecture tokens are the AUDIT_ARCH_* values. */
	return scmp_arch_of(arch);
}

long seccomp_query_nr(const char *arch, const char *name)
{
	uint32_t a = scmp_arch_of(arch);
	int nr;

	if (!a)
		return -1;
	nr = seccomp_syscall_resolve_name_arch(a, name);
	/* Negative values are libseccomp's pseudo numbers: not on this arch. */
	return nr < 0 ? -1 : nr;
}

int seccomp_query_one(const struct bpf_filter *filters, unsigned n, const char *arch,
		      const struct sq_query *q, struct sq_result *out)
{
	struct seccomp_data sd;
	uint32_t a = scmp_arch_of(arch);
	int r;

	memset(out, 0, sizeof(*out));
	out->id = q->id;
	out->label = q->label;
	out->name = q->name;
	out->nr = -1;
	if (!a)
		return -EINVAL;
	out->nr = seccomp_query_nr(arch, q->name);
	if (out->nr < 0) {
		out->no_syscall = true;
		out->ret = SECCOMP_RET_ALLOW;
		out->kind = SECCOMP_KIND_ALLOW;
		return 0;
	}
	memset(&sd, 0, sizeof(sd));
	sd.nr = (int)out->nr;
	sd.arch = a;
	sd.instruction_pointer = 0x400000;
	memcpy(sd.args, q->args, sizeof(sd.args));
	r = bpf_run_filters(filters, n, &sd, &out->ret, NULL);
	if (r < 0)
		return r;
	out->kind = seccomp_ret_kind(out->ret, &out->err);
	return 0;
}

int seccomp_query_modes(const struct bpf_filter *filters, unsigned n, const char *arch,
			struct sq_result out[SQ_COUNT])
{
	for (unsigned i = 0; i < SQ_COUNT; i++) {
		int r = seccomp_query_one(filters, n, arch, &seccomp_mode_queries[i], &out[i]);

		if (r < 0)
			return r;
	}
	return 0;
}
