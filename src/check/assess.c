/* The diagnosis, as one pure function of the facts; see assess.h.
 *
 * How causes are told apart:
 *  - the probes with invalid arguments (ptrace on a non-child, process_vm_readv
 *    with flags=1, ...) get a known errno from the kernel whenever the seccomp
 *    filter lets them through, so any other answer is the filter's -- unless
 *    Seccomp_filters is 0, then it is the kernel's (e.g. ENOSYS: too old);
 *  - the real tests (PTRACE_TRACEME, PTRACE_SEIZE of a sibling) can also fail
 *    in the kernel (Yama, LSM, capabilities): when the ptrace control probe
 *    passed the filter, an EPERM there is the kernel's, and the facts (Yama
 *    scope, capabilities, LSM label) name it. */
#include "config.h"
#include "check/assess.h"
#include "check/tools.h"
#include <errno.h>
#include <stdio.h>

#include <signal.h>
#include <stdarg.h>
#include <string.h>

static const char *const mode_names[MODE_COUNT] = {
	[MODE_SPAWN] = "spawn",
	[MODE_ATTACH] = "attach",
	[MODE_ATTACH_OTHER] = "attach-other",
	[MODE_MEMORY] = "memory",
	[MODE_SYSCALL_INFO] = "syscall-info",
	[MODE_SECCOMP_BPF] = "seccomp-bpf",
	[MODE_NO_ASLR] = "no-aslr",
	[MODE_STACK_TRACE] = "stack-trace",
	[MODE_ATTACH_PID] = "attach-pid",
};

const char *check_mode_name(enum check_mode m) { return mode_names[m]; }

const char *check_verdict_name(enum check_verdict v)
{
	return v == VERDICT_OK ? "ok" : v == VERDICT_DEGRADED ? "degraded" : "fails";
}

enum check_verdict check_report_worst(const struct check_report *r)
{
	enum check_verdict w = VERDICT_OK;
	for (int m = 0; m < MODE_COUNT; m++)
		if (r->modes[m].present && r->modes[m].verdict > w)
			w = r->modes[m].verdict;
	return w;
}

/* ---- small helpers (no I/O) ---- */

static void set(struct check_mode_result *m, enum check_verdict v,
		const char *fix, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void set(struct check_mode_result *m, enum check_verdict v,
		const char *fix, const char *fmt, ...)
{
	va_list ap;
	m->present = true;
	m->verdict = v;
	m->cause[0] = '\0';
	if (fmt) {
		va_start(ap, fmt);
		vsnprintf(m->cause, sizeof(m->cause), fmt, ap);
		va_end(ap);
	}
	snprintf(m->fix, sizeof(m->fix), "%s", fix ? fix : "");
}

static void copy_mode(struct check_mode_result *dst, const struct check_mode_result *src,
		      enum check_verdict v)
{
	*dst = *src;
	dst->present = true;
	dst->verdict = v;
}

static const char *err_name(int err)
{
	/* Only the errnos a probe can meet; no libc call keeps this pure. */
	switch (err) {
	case EPERM: return "EPERM";
	case ENOENT: return "ENOENT";
	case ESRCH: return "ESRCH";
	case EIO: return "EIO";
	case EBADF: return "EBADF";
	case EACCES: return "EACCES";
	case EFAULT: return "EFAULT";
	case EBUSY: return "EBUSY";
	case EINVAL: return "EINVAL";
	case ENOMEM: return "ENOMEM";
	case ENOSYS: return "ENOSYS";
	case ENODEV: return "ENODEV";
	case EOPNOTSUPP: return "EOPNOTSUPP";
	case EPROTO: return "EPROTO";
	case 0: return "success";
	default: return "an unexpected errno";
	}
}

static const char *err_text(int err)
{
	switch (err) {
	case EPERM: return "Operation not permitted";
	case EACCES: return "Permission denied";
	case ENOSYS: return "Function not implemented";
	case EINVAL: return "Invalid argument";
	default: return "an error";
	}
}

static const char *sig_name(int sig)
{
	switch (sig) {
	case SIGSYS: return "SIGSYS";
	case SIGKILL: return "SIGKILL";
	case SIGSEGV: return "SIGSEGV";
	case SIGTRAP: return "SIGTRAP";
	case SIGABRT: return "SIGABRT";
	default: return "a signal";
	}
}

static bool has_cap(const struct check_facts *f, int cap)
{
	return check_has_cap(f->cap_eff, cap);
}

static bool in_container(const struct check_facts *f)
{
	return f->engine != ENGINE_NONE;
}

/* How the seccomp filter treated a probe's syscall: writes a phrase like
 * "blocked by the seccomp filter (EPERM)" into buf and returns true, or
 * returns false when the filter let it through (or we can't tell). */
static bool filter_blocks(const struct check_facts *f, enum probe_id id,
			  char *buf, size_t size)
{
	const struct probe_outcome *o = &f->probes[id];
	const char *who = in_container(f) ? "the container's seccomp profile"
					  : "a seccomp filter";

	switch (o->result) {
	case PROBE_NOT_RUN:
	case PROBE_ALLOWED:
		return false;
	case PROBE_ERRNO:
		if (f->seccomp_filters == 0)
			return false;	/* no filter: the kernel's own answer */
		snprintf(buf, size, "is blocked by %s (%s)", who, err_name(o->err));
		return true;
	case PROBE_KILLED:
		if (o->sig == SIGSYS)
			snprintf(buf, size, "is fatal under %s (the process is killed by SIGSYS)", who);
		else
			snprintf(buf, size, "killed the test process (%s)", sig_name(o->sig));
		return true;
	case PROBE_HUNG:
		snprintf(buf, size, "hangs under %s (handed to a supervisor that never answers)", who);
		return true;
	}
	return false;
}

static const char *const BROAD_UNCONFINED =
	"--security-opt seccomp=unconfined (broader than needed: turns off all syscall filtering)";

/* Fix for a syscall the filter blocks.  cap_gated: Docker's default profile
 * allows it when the container is configured with CAP_SYS_PTRACE (which
 * shows in the bounding set, not necessarily in CapEff). */
static void filter_fix(const struct check_facts *f, enum probe_id id, const char *sys,
		       bool cap_gated, char *buf, size_t size)
{
	const struct probe_outcome *o = &f->probes[id];

	if (cap_gated && !check_has_cap(f->cap_bnd, CHECK_CAP_SYS_PTRACE) &&
	    o->result == PROBE_ERRNO && o->err == EPERM)
		snprintf(buf, size, "--cap-add SYS_PTRACE (docker/podman run; the default "
			 "seccomp profile then allows %s), or add %s to your seccomp "
			 "profile's allow list", sys, sys);
	else
		snprintf(buf, size, "add %s to your seccomp profile's allow list, or %s",
			 sys, BROAD_UNCONFINED);
}

/* Kernel-side causes of a ptrace EPERM (Yama, capability, LSM).  attach:
 * true for attaching to an existing process (Yama 1 applies). */
static bool kernel_ptrace_cause(const struct check_facts *f, bool attach,
				struct check_mode_result *m)
{
	bool cap = has_cap(f, CHECK_CAP_SYS_PTRACE);

	if (f->yama_scope == 3) {
		set(m, VERDICT_FAILS,
		    "none inside the container: on the host, ptrace_scope 3 can only be "
		    "lowered by a reboot (then sysctl kernel.yama.ptrace_scope=1)",
		    "Yama ptrace_scope=3 on this kernel forbids all ptrace");
		return true;
	}
	if (f->yama_scope == 2 && !cap) {
		set(m, VERDICT_FAILS,
		    "--cap-add SYS_PTRACE and run ctrace as root, or sysctl "
		    "kernel.yama.ptrace_scope=1 (on the host; affects the whole host)",
		    "Yama ptrace_scope=2 lets only processes with CAP_SYS_PTRACE use ptrace, "
		    "and ctrace lacks it");
		return true;
	}
	if (attach && f->yama_scope == 1 && !cap) {
		set(m, VERDICT_FAILS,
		    "start the program under ctrace instead (ctrace CMD), or --cap-add "
		    "SYS_PTRACE, or sysctl kernel.yama.ptrace_scope=0 (on the host; broader: "
		    "every process may then attach to any process of its user)",
		    "Yama ptrace_scope=1 lets a process attach only to its own descendants");
		return true;
	}
	if (f->lsm == LSM_APPARMOR && f->lsm_confined) {
		set(m, VERDICT_FAILS,
		    "--security-opt apparmor=unconfined (broader than needed: removes all "
		    "AppArmor confinement), or a profile with a ptrace rule for the target",
		    "the AppArmor profile \"%s\" denies ptrace", f->lsm_label);
		return true;
	}
	if (f->lsm == LSM_SELINUX && f->lsm_confined) {
		set(m, VERDICT_FAILS,
		    "--security-opt label=disable (broader than needed), or a policy "
		    "allowing ptrace for this type",
		    "the SELinux policy for \"%s\" denies ptrace", f->lsm_label);
		return true;
	}
	return false;
}

bool check_filter_blocks(const struct check_facts *f, enum probe_id id, char *buf, size_t size)
{
	return filter_blocks(f, id, buf, size);
}

const char *check_err_name(int err)
{
	return err_name(err);
}

/* ---- modes ---- */

/* ptrace blocked by the filter (control probe or the real test killed). */
static bool ptrace_filtered(const struct check_facts *f, enum probe_id real,
			    struct check_mode_result *m)
{
	char how[200], fix[400];
	enum probe_id id = PROBE_PTRACE;

	if (!filter_blocks(f, PROBE_PTRACE, how, sizeof(how))) {
		/* The control passed; the real test may still be killed
		 * (a filter on the request argument). */
		if (f->probes[real].result != PROBE_KILLED &&
		    f->probes[real].result != PROBE_HUNG)
			return false;
		if (!filter_blocks(f, real, how, sizeof(how)))
			return false;
		id = real;
	}
	filter_fix(f, id, "ptrace", false, fix, sizeof(fix));
	set(m, VERDICT_FAILS, fix, "ptrace %s", how);
	return true;
}

static void assess_spawn(const struct check_facts *f, struct check_mode_result *m)
{
	const struct probe_outcome *o = &f->probes[PROBE_TRACEME];

	if (ptrace_filtered(f, PROBE_TRACEME, m))
		return;
	if (o->result == PROBE_ALLOWED) {
		set(m, VERDICT_OK, NULL, NULL);
		return;
	}
	if (kernel_ptrace_cause(f, false, m))
		return;
	if (o->result == PROBE_NOT_RUN) {
		set(m, VERDICT_OK, NULL, NULL);
		return;
	}
	set(m, VERDICT_FAILS, NULL, "ptrace(PTRACE_TRACEME) failed in a test child (%s)",
	    err_name(o->err));
}

static void assess_attach(const struct check_facts *f, struct check_mode_result *m)
{
	const struct probe_outcome *o = &f->probes[PROBE_SEIZE];

	if (ptrace_filtered(f, PROBE_SEIZE, m))
		return;
	if (o->result == PROBE_ALLOWED) {
		set(m, VERDICT_OK, NULL, NULL);
		return;
	}
	if (kernel_ptrace_cause(f, true, m))
		return;
	if (o->result == PROBE_NOT_RUN) {
		set(m, VERDICT_OK, NULL, NULL);
		return;
	}
	set(m, VERDICT_FAILS, NULL, "ptrace(PTRACE_SEIZE) of a sibling test process failed (%s)",
	    err_name(o->err));
}

static void assess_attach_other(const struct check_facts *f,
				const struct check_mode_result *attach,
				struct check_mode_result *m)
{
	char fix[400];

	if (attach->verdict == VERDICT_FAILS) {
		copy_mode(m, attach, VERDICT_FAILS);
		return;
	}
	if (has_cap(f, CHECK_CAP_SYS_PTRACE)) {
		set(m, VERDICT_OK, NULL, NULL);
		return;
	}
	if (!in_container(f) && f->euid != 0) {
		set(m, VERDICT_FAILS, "run ctrace as root (sudo), or as the target's user",
		    "attaching to another user's or a non-dumpable process needs "
		    "CAP_SYS_PTRACE, which ctrace (uid %u) lacks", (unsigned)f->euid);
		return;
	}
	if (check_has_cap(f->cap_bnd, CHECK_CAP_SYS_PTRACE) && f->euid != 0) {
		set(m, VERDICT_FAILS,
		    "run ctrace as root in the container (--user 0, docker exec -u 0), "
		    "or as the target's user",
		    "attaching to another user's or a non-dumpable process needs "
		    "CAP_SYS_PTRACE; the container has it, but ctrace runs as uid %u, "
		    "so its effective capabilities are empty", (unsigned)f->euid);
		return;
	}
	snprintf(fix, sizeof(fix),
		 "--cap-add SYS_PTRACE%s (not --privileged: far broader than needed), "
		 "or run ctrace as the target's user (--user matching the target; "
		 "enough for dumpable targets)",
		 f->euid != 0 ? " and run ctrace as root (--user 0)" : "");
	set(m, VERDICT_FAILS, fix,
	    "attaching to another user's or a non-dumpable process needs "
	    "CAP_SYS_PTRACE, which ctrace lacks");
}

/* What the kernel's ptrace check said about the target: 0 allowed, an
 * errno, or -1 unknown.  An open of /proc/PID/mem refused by the file's mode
 * never reached that check; the ns link's read check then still refuses
 * what attaching would (read is the weaker mode). */
static int target_access_err(const struct check_target *t)
{
	if (t->mem_err == EACCES && t->mem_dac)
		return t->ns_err > 0 ? t->ns_err : -1;
	return t->mem_err;
}

static void assess_attach_pid(const struct check_facts *f, struct check_mode_result *m)
{
	const struct check_target *t = &f->target;
	int access_err = target_access_err(t);
	bool cap = has_cap(f, CHECK_CAP_SYS_PTRACE);
	bool same_uid = f->euid == t->uid[0] && f->euid == t->uid[1] &&
			f->euid == t->uid[2] && f->egid == t->gid[0] &&
			f->egid == t->gid[1] && f->egid == t->gid[2];
	char fix[400];

	if (t->exists == 0) {
		set(m, VERDICT_FAILS,
		    "share the target's pid namespace: --pid=container:NAME (a sidecar "
		    "next to the target's container) or --pid=host",
		    "no process %d is visible in ctrace's pid namespace%s", (int)t->pid,
		    f->nspid_depth > 1 ? " (ctrace runs in a container's own pid namespace)" :
		    in_container(f) ? " (a container normally has its own pid namespace)" : "");
		return;
	}
	if (t->is_self) {
		set(m, VERDICT_FAILS, "give the pid of another process",
		    "PID %d is ctrace itself", (int)t->pid);
		return;
	}
	if (ptrace_filtered(f, PROBE_SEIZE, m))
		return;
	if (access_err == 0) {
		set(m, VERDICT_OK, NULL, NULL);
		return;
	}
	if (f->yama_scope == 3 || (f->yama_scope == 2 && !cap)) {
		kernel_ptrace_cause(f, true, m);
		return;
	}
	if (!same_uid && !cap) {
		/* the container may already have the capability in its bounding
		 * set: then only running as root is missing */
		bool in_bnd = check_has_cap(f->cap_bnd, CHECK_CAP_SYS_PTRACE) && f->euid != 0;

		snprintf(fix, sizeof(fix),
			 "run ctrace as the target's user (--user %u, or docker exec -u %u), "
			 "or %s", (unsigned)t->uid[1], (unsigned)t->uid[1],
			 in_bnd ? "run ctrace as root (the container has CAP_SYS_PTRACE; "
				  "uid != 0 leaves it out of the effective set)" :
			 f->euid != 0 ? "--cap-add SYS_PTRACE and run ctrace as root" :
					"--cap-add SYS_PTRACE");
		set(m, VERDICT_FAILS, fix,
		    "PID %d runs as uid %u and ctrace as uid %u; attaching to another "
		    "user's process needs CAP_SYS_PTRACE, which ctrace lacks",
		    (int)t->pid, (unsigned)t->uid[1], (unsigned)f->euid);
		return;
	}
	if (t->dumpable == 0 && !cap) {
		set(m, VERDICT_FAILS, "--cap-add SYS_PTRACE",
		    "PID %d is not dumpable (it changed credentials or called "
		    "prctl(PR_SET_DUMPABLE, 0)) and ctrace lacks CAP_SYS_PTRACE", (int)t->pid);
		return;
	}
	if (f->yama_scope == 1 && !cap) {
		kernel_ptrace_cause(f, true, m);
		if (t->is_ancestor) {
			size_t len = strlen(m->cause);
			snprintf(m->cause + len, sizeof(m->cause) - len,
				 "; PID %d is an ancestor of ctrace", (int)t->pid);
		}
		return;
	}
	if (t->other_userns && cap) {
		set(m, VERDICT_FAILS,
		    "run ctrace inside the target's container (docker/podman exec)",
		    "PID %d is in another user namespace, where ctrace's CAP_SYS_PTRACE "
		    "does not count", (int)t->pid);
		return;
	}
	if (access_err > 0 && kernel_ptrace_cause(f, true, m))
		return;
	if (access_err > 0) {
		if (t->dumpable == 0 && cap && f->userns == 1)
			set(m, VERDICT_FAILS, "run ctrace in the target's user namespace",
			    "PID %d is not dumpable and ctrace's CAP_SYS_PTRACE only counts in "
			    "its own user namespace", (int)t->pid);
		else
			set(m, VERDICT_FAILS, NULL,
			    "the kernel refuses access to PID %d (%s on /proc/%d/%s)",
			    (int)t->pid, err_name(access_err), (int)t->pid,
			    t->mem_dac ? "ns/pid" : "mem");
		return;
	}
	set(m, VERDICT_OK, NULL, NULL);
}

static void assess_memory(const struct check_facts *f, struct check_mode_result *m)
{
	const struct probe_outcome *o = &f->probes[PROBE_VM_READV];
	char how[200], fix[400];

	if (o->result == PROBE_ALLOWED || o->result == PROBE_NOT_RUN) {
		set(m, VERDICT_OK, NULL, NULL);
		return;
	}
	if (filter_blocks(f, PROBE_VM_READV, how, sizeof(how))) {
		filter_fix(f, PROBE_VM_READV, "process_vm_readv", true, fix, sizeof(fix));
		set(m, VERDICT_DEGRADED, fix,
		    "process_vm_readv %s; reading memory with PTRACE_PEEKDATA, slower", how);
		return;
	}
	set(m, VERDICT_DEGRADED, NULL,
	    "the kernel refuses process_vm_readv (%s); reading memory with "
	    "PTRACE_PEEKDATA, slower", err_name(o->err));
}

static void assess_syscall_info(const struct check_facts *f,
				const struct check_mode_result *spawn,
				struct check_mode_result *m)
{
	const struct probe_outcome *o = &f->probes[PROBE_SYSCALL_INFO];
	bool old = f->kver_major && (f->kver_major < 5 ||
				     (f->kver_major == 5 && f->kver_minor < 3));

	if (spawn->verdict == VERDICT_FAILS) {
		copy_mode(m, spawn, VERDICT_FAILS);
		return;
	}
	if (o->result == PROBE_ALLOWED || (o->result == PROBE_NOT_RUN && !old)) {
		set(m, VERDICT_OK, NULL, NULL);
		return;
	}
	/* EIO on a kernel that has the request: a seccomp filter answers
	 * for the kernel (ptrace is filtered by argument) */
	if (!old && f->kver_major && o->result == PROBE_ERRNO && f->seccomp_filters > 0) {
		set(m, VERDICT_DEGRADED,
		    "allow ptrace(PTRACE_GET_SYSCALL_INFO) in your seccomp profile, or "
		    "--security-opt seccomp=unconfined (broader than needed)",
		    "ptrace(PTRACE_GET_SYSCALL_INFO) is refused (%s) by the container's seccomp "
		    "profile although the kernel%s%s has it; decoding syscalls from registers instead",
		    err_name(o->err), f->kernel_release[0] ? " " : "", f->kernel_release);
		return;
	}
	if (old || (o->result == PROBE_ERRNO && o->err == EIO)) {
		set(m, VERDICT_DEGRADED, "a host kernel >= 5.3",
		    "the kernel%s%s lacks PTRACE_GET_SYSCALL_INFO (Linux >= 5.3); "
		    "decoding syscalls from registers instead",
		    f->kernel_release[0] ? " " : "", f->kernel_release);
		return;
	}
	set(m, VERDICT_DEGRADED, NULL,
	    "PTRACE_GET_SYSCALL_INFO failed in a test (%s); decoding syscalls from "
	    "registers instead", o->result == PROBE_ERRNO ? err_name(o->err) : probe_result_name(o->result));
}

static void assess_seccomp_bpf(const struct check_facts *f,
			       const struct check_mode_result *spawn,
			       struct check_mode_result *m)
{
	const struct probe_outcome *o = &f->probes[PROBE_SECCOMP_FILTER];
	char how[200], fix[400];

	if (spawn->verdict == VERDICT_FAILS) {
		copy_mode(m, spawn, VERDICT_FAILS);
		return;
	}
	if (o->result == PROBE_ALLOWED || o->result == PROBE_NOT_RUN) {
		set(m, VERDICT_OK, NULL, NULL);
		return;
	}
	if (filter_blocks(f, PROBE_SECCOMP, how, sizeof(how)) ||
	    filter_blocks(f, PROBE_SECCOMP_FILTER, how, sizeof(how))) {
		snprintf(fix, sizeof(fix),
			 "add seccomp and prctl to your seccomp profile's allow list, or %s",
			 BROAD_UNCONFINED);
		set(m, VERDICT_DEGRADED, fix,
		    "installing a seccomp filter in the traced program is impossible: "
		    "seccomp %s; ctrace stops at every syscall instead, slower", how);
		return;
	}
	set(m, VERDICT_DEGRADED, NULL,
	    "installing a seccomp filter failed in a test (%s); ctrace stops at every "
	    "syscall instead, slower",
	    o->result == PROBE_ERRNO ? err_name(o->err) : probe_result_name(o->result));
}

static void assess_no_aslr(const struct check_facts *f, struct check_mode_result *m)
{
	const struct probe_outcome *o = &f->probes[PROBE_PERSONALITY_NORAND];
	const struct probe_outcome *q = &f->probes[PROBE_PERSONALITY_QUERY];
	char how[200], fix[400];
	const char *which = "";

	if (o->result == PROBE_ALLOWED || o->result == PROBE_NOT_RUN) {
		set(m, VERDICT_OK, NULL, NULL);
		return;
	}
	snprintf(fix, sizeof(fix),
		 "add personality with the value 0x0040000 (ADDR_NO_RANDOMIZE) to your "
		 "seccomp profile's allow list, or %s", BROAD_UNCONFINED);
	if (o->result == PROBE_ERRNO && f->seccomp_filters != 0) {
		if (q->result == PROBE_ALLOWED && o->err == EPERM)
			which = "; like Docker's default, it allows only a few personality values";
		else if (q->result == PROBE_ALLOWED && o->err == ENOSYS)
			which = "; like podman's default, it allows only a few personality values";
		set(m, VERDICT_FAILS, fix,
		    "personality(ADDR_NO_RANDOMIZE), which turns ASLR off, is blocked by %s "
		    "(%s%s); this is why gdb says \"Error disabling address space "
		    "randomization: %s\"",
		    in_container(f) ? "the container's seccomp profile" : "a seccomp filter",
		    err_name(o->err), which, err_text(o->err));
		return;
	}
	if (!filter_blocks(f, PROBE_PERSONALITY_NORAND, how, sizeof(how))) {
		set(m, VERDICT_FAILS, NULL,
		    "the kernel refuses personality(ADDR_NO_RANDOMIZE) (%s); gdb would say "
		    "\"Error disabling address space randomization: %s\"",
		    err_name(o->err), err_text(o->err));
		return;
	}
	set(m, VERDICT_FAILS, fix,
	    "personality(ADDR_NO_RANDOMIZE), which turns ASLR off, %s; gdb meets the "
	    "same wall (\"Error disabling address space randomization\")", how);
}

static void assess_stack_trace(const struct check_facts *f,
			       const struct check_mode_result *spawn,
			       const struct check_mode_result *attach,
			       const struct check_mode_result *memory,
			       struct check_mode_result *m)
{
	if (spawn->verdict == VERDICT_FAILS && attach->verdict == VERDICT_FAILS) {
		copy_mode(m, spawn, VERDICT_FAILS);
		return;
	}
	if (memory->verdict != VERDICT_OK) {
		set(m, VERDICT_DEGRADED, memory->fix[0] ? memory->fix : NULL,
		    "unwinding reads the stack with PTRACE_PEEKDATA because %s", memory->cause);
		/* cut the memory mode's own ", reading memory..." tail */
		char *tail = strstr(m->cause, "; reading memory with PTRACE_PEEKDATA");
		if (tail)
			strcpy(tail, ", slower");
		return;
	}
	set(m, VERDICT_OK, NULL, NULL);
}

void check_assess(const struct check_facts *f, struct check_report *out)
{
	struct check_mode_result *r = out->modes;

	memset(out, 0, sizeof(*out));
	assess_spawn(f, &r[MODE_SPAWN]);
	assess_attach(f, &r[MODE_ATTACH]);
	assess_attach_other(f, &r[MODE_ATTACH], &r[MODE_ATTACH_OTHER]);
	assess_memory(f, &r[MODE_MEMORY]);
	assess_syscall_info(f, &r[MODE_SPAWN], &r[MODE_SYSCALL_INFO]);
	assess_seccomp_bpf(f, &r[MODE_SPAWN], &r[MODE_SECCOMP_BPF]);
	assess_no_aslr(f, &r[MODE_NO_ASLR]);
	assess_stack_trace(f, &r[MODE_SPAWN], &r[MODE_ATTACH], &r[MODE_MEMORY],
			   &r[MODE_STACK_TRACE]);
	if (f->target.present)
		assess_attach_pid(f, &r[MODE_ATTACH_PID]);
	check_assess_tools(f, out, out->tools);
}
