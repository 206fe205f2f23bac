/* Preflight before tracing and explanations of ptrace errors; see check.h. */
#include "config.h"
#include "check/check.h"
#include "check/assess.h"
#include "check/facts.h"
#include "check/probes.h"

#include <stdio.h>
#include <string.h>

#include "util.h"

#define PREFLIGHT_PROBE_TIMEOUT_MS 100
#define PREFLIGHT_PID_MAX_LIMIT (4 * 1024 * 1024)	/* the kernel's PID_MAX_LIMIT */

static uint32_t needed_probes(const struct preflight_req *req)
{
	uint32_t mask = PROBE_BIT(PROBE_PTRACE) | PROBE_BIT(PROBE_VM_READV) |
			PROBE_BIT(PROBE_SYSCALL_INFO);

	if (req->spawn)
		mask |= PROBE_BIT(PROBE_TRACEME);
	if (req->seccomp_bpf || req->seccomp_bpf_auto)
		mask |= PROBE_BIT(PROBE_SECCOMP) | PROBE_BIT(PROBE_PRCTL_SECCOMP) |
			PROBE_BIT(PROBE_SECCOMP_FILTER);
	if (req->no_aslr)
		mask |= PROBE_BIT(PROBE_PERSONALITY_QUERY) |
			PROBE_BIT(PROBE_PERSONALITY_NORAND);
	return mask;
}

/* Whether the probes need a child.  With no seccomp filter on ctrace
 * (Seccomp: 0; a process only gets a filter by installing it or from its
 * parent, so ctrace's children have none either), no probe can kill or hang
 * ctrace: the probes that make one harmless call run in ctrace itself, and
 * those that trace a child of their own are not run (that fork and its
 * traced grandchild were a quarter of the CPU time of `ctrace true`).
 * Without a filter only
 * the kernel can refuse ctrace a ptrace of its own child: Yama, whose scope
 * is a fact (check_assess() judges a probe not run from the facts), or a
 * confining LSM, which only a try shows: with one, the child runs as
 * before.  A refusal no fact predicts (an LSM that labels nothing in
 * /proc/self/attr/current) is the real tracer's error, explained then by
 * check_explain_ptrace_error(). */
static bool probe_child_needed(const struct check_facts *f)
{
	return !f->have_status || f->seccomp_mode != 0 || f->lsm_confined;
}

/* The probes of mask, in a child when needed, else the harmless ones here.
 * Returns 0 or a negative errno (no child could be forked). */
static int run_probes(struct check_facts *f, uint32_t mask)
{
	if (!probe_child_needed(f)) {
		probes_run_here(mask, f->probes);
		return 0;
	}
	return probes_run(mask, PREFLIGHT_PROBE_TIMEOUT_MS, f->probes);
}

static void say(bool error, const char *what, const struct check_mode_result *m)
{
	const char *fix = m->fix[0] ? ". Fix: " : "";
	if (error)
		ct_error("%s: %s%s%s", what, m->cause, fix, m->fix);
	else
		ct_warn("%s%s%s", m->cause, fix, m->fix);
}

/* Causes already said: a blocked ptrace fails several modes with one cause. */
struct said {
	char causes[16][sizeof(((struct check_mode_result *)0)->cause)];
	size_t n;
};

/* Report one needed mode; returns true when it fails. */
static bool report_mode(const struct check_mode_result *m, const char *what, int quiet,
			struct said *said)
{
	if (!m->present || m->verdict == VERDICT_OK)
		return false;
	for (size_t i = 0; i < said->n; i++)
		if (!strcmp(said->causes[i], m->cause))
			return m->verdict == VERDICT_FAILS;
	if (said->n < ARRAY_SIZE(said->causes))
		strcpy(said->causes[said->n++], m->cause);
	if (m->verdict == VERDICT_FAILS) {
		say(true, what, m);
		return true;
	}
	if (quiet < 2)
		say(false, what, m);
	return false;
}

int preflight(const struct preflight_req *req, struct preflight_res *res)
{
	static struct check_facts f;	/* large: keep off the stack */
	static struct check_report r, rp;
	static struct said said;
	bool fails = false;
	char what[64];

	memset(res, 0, sizeof(*res));
	said.n = 0;
	check_gather_mode_facts(&f);
	if (run_probes(&f, needed_probes(req)) < 0) {
		/* No fork: say nothing, the tracer's own errors will tell. */
		res->use_vm_readv = true;
		res->syscall_info_ok = true;
		res->seccomp_bpf_ok = req->seccomp_bpf || req->seccomp_bpf_auto;
		return 0;
	}
	check_assess(&f, &r);

	if (req->spawn)
		fails |= report_mode(&r.modes[MODE_SPAWN], "cannot trace a new program",
				     req->quiet, &said);
	for (size_t i = 0; i < req->npids; i++) {
		/* a pid no kernel gives (above PID_MAX_LIMIT, 2^22) is in no
		 * pid namespace: the attach says "No such process" as strace */
		if (req->pids[i] > PREFLIGHT_PID_MAX_LIMIT)
			continue;
		check_gather_target(&f, req->pids[i]);
		check_assess(&f, &rp);
		snprintf(what, sizeof(what), "cannot attach to PID %d", (int)req->pids[i]);
		fails |= report_mode(&rp.modes[MODE_ATTACH_PID], what, req->quiet, &said);
	}
	fails |= report_mode(&r.modes[MODE_SYSCALL_INFO], "cannot trace", req->quiet, &said);
	fails |= report_mode(&r.modes[MODE_MEMORY], "cannot read memory", req->quiet, &said);
	if (req->seccomp_bpf)
		fails |= report_mode(&r.modes[MODE_SECCOMP_BPF], "cannot use --seccomp-bpf",
				     req->quiet, &said);
	if (req->no_aslr)
		fails |= report_mode(&r.modes[MODE_NO_ASLR], "cannot disable ASLR (--no-aslr)",
				     req->quiet, &said);
	/* A degraded stack trace only repeats the memory warning. */
	if (req->stack_trace && r.modes[MODE_MEMORY].verdict == VERDICT_OK)
		fails |= report_mode(&r.modes[MODE_STACK_TRACE], "cannot print stack traces (-k)",
				     req->quiet, &said);

	res->use_vm_readv = r.modes[MODE_MEMORY].verdict == VERDICT_OK;
	res->syscall_info_ok = r.modes[MODE_SYSCALL_INFO].verdict == VERDICT_OK;
	res->seccomp_bpf_ok = (req->seccomp_bpf || req->seccomp_bpf_auto) &&
			      r.modes[MODE_SECCOMP_BPF].verdict == VERDICT_OK;
	return fails ? -EPERM : 0;
}

const char *check_explain_ptrace_error(pid_t pid, int err)
{
	static struct check_facts f;
	static struct check_report r;
	static char buf[sizeof(r.modes[0].cause) + sizeof(r.modes[0].fix) + 16];
	const struct check_mode_result *m = NULL;

	if (err != EPERM && err != EACCES && err != ESRCH && err != ENOSYS)
		return NULL;
	check_gather_facts(&f, pid > 0 ? pid : 0);
	run_probes(&f, PROBE_BIT(PROBE_PTRACE));
	check_assess(&f, &r);
	if (pid > 0 && r.modes[MODE_ATTACH_PID].present &&
	    r.modes[MODE_ATTACH_PID].verdict == VERDICT_FAILS)
		m = &r.modes[MODE_ATTACH_PID];
	else if (r.modes[MODE_SPAWN].verdict == VERDICT_FAILS)
		m = &r.modes[MODE_SPAWN];
	if (!m || !m->cause[0])
		return NULL;
	if (m->fix[0])
		snprintf(buf, sizeof(buf), "%s (Fix: %s)", m->cause, m->fix);
	else
		snprintf(buf, sizeof(buf), "%s", m->cause);
	return buf;
}
