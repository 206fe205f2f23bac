/* What-if facts from a seccomp profile; see whatif.h. */
#include "config.h"
#include "check/whatif.h"
#include "check/profile.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>

const char *whatif_host_arch(void)
{
	struct utsname u;

	if (uname(&u) < 0)
		return NULL;
	if (!strcmp(u.machine, "x86_64"))
		return "x86_64";
	if (!strcmp(u.machine, "aarch64"))
		return "aarch64";
	return NULL;
}

void whatif_base_facts(struct check_facts *f, const struct check_facts *host,
		       const struct whatif_proc *p)
{
	check_facts_init(f);
	f->have_status = true;
	f->uid = f->euid = p->user_set ? p->uid : 0;
	f->gid = f->egid = p->user_set ? p->gid : 0;
	f->cap_bnd = p->caps;
	/* A non-root --user keeps only the ambient set (podman: the
	 * --cap-add capabilities; docker: none). */
	f->cap_eff = f->cap_prm = f->euid == 0 ? p->caps : p->ambient & p->caps;
	f->seccomp_filters = p->filtered ? 1 : 0;
	if (host->seccomp_filters > 0)	/* inherited from whoever starts it */
		f->seccomp_filters += host->seccomp_filters;
	f->seccomp_mode = f->seccomp_filters > 0 ? 2 : 0;
	f->no_new_privs = p->no_new_privs || host->no_new_privs == 1;
	/* The container's own /proc shows one pid namespace level. */
	f->nspid_depth = 1;
	check_copy_kernel_facts(f, host);	/* one kernel: the host's */
	f->lsm = LSM_UNKNOWN;			/* the engine's LSM profile: not modelled */
	snprintf(f->lsm_list, sizeof(f->lsm_list), "%s", host->lsm_list);
	/* Rootful engines: no user namespace unless asked (--userns). */
	if (host->euid == 0) {
		f->userns = 0;
		snprintf(f->uid_map, sizeof(f->uid_map), "0 0 4294967295");
	}
	f->engine = p->engine;
}

/* The outcome a probe records when the syscall's filter answer is r and
 * the kernel, when the call gets through, answers kernel_err. */
static void outcome(struct probe_outcome *o, enum probe_id id, const struct sq_result *r,
		    int kernel_err)
{
	int err;

	o->sig = 0;
	if (r->no_syscall) {
		err = ENOSYS;
	} else {
		switch (r->kind) {
		case SECCOMP_KIND_ALLOW:
		case SECCOMP_KIND_LOG:
			err = kernel_err;
			break;
		case SECCOMP_KIND_ERRNO:
			err = r->err;
			break;
		case SECCOMP_KIND_TRACE:	/* no tracer in the probe child */
			err = ENOSYS;
			break;
		case SECCOMP_KIND_USER_NOTIF:	/* a supervisor decides: modelled as nobody */
			o->result = PROBE_HUNG;
			o->err = 0;
			return;
		default:			/* TRAP, KILL_THREAD, KILL_PROCESS */
			o->result = PROBE_KILLED;
			o->err = 0;
			o->sig = SIGSYS;
			return;
		}
	}
	/* The probes' own classification (probes.c record()). */
	o->result = err == probe_expected(id) ? PROBE_ALLOWED : PROBE_ERRNO;
	o->err = err;
}

/* First blocking answer of a sequence of syscalls, else the last. */
static const struct sq_result *first_block(const struct sq_result res[SQ_COUNT],
					   const enum sq_id *ids, unsigned n)
{
	for (unsigned i = 0; i < n; i++) {
		const struct sq_result *r = &res[ids[i]];
		if (!r->no_syscall && r->kind != SECCOMP_KIND_ALLOW && r->kind != SECCOMP_KIND_LOG)
			return r;
	}
	return &res[ids[n - 1]];
}

void whatif_fill_probes(struct check_facts *f, const struct sq_result res[SQ_COUNT])
{
	struct probe_outcome *p = f->probes;
	bool cap = check_has_cap(f->cap_eff, CHECK_CAP_SYS_PTRACE);
	bool old = f->kver_major && (f->kver_major < 5 || (f->kver_major == 5 && f->kver_minor < 3));
	/* Yama (yama_ptrace_traceme / yama_ptrace_access_check): scope 3
	 * refuses all, 2 needs CAP_SYS_PTRACE, 1 lets a process attach to
	 * its descendants only (the probe's sibling is not one). */
	int traceme_err = f->yama_scope == 3 || (f->yama_scope == 2 && !cap) ? EPERM : 0;
	int seize_err = f->yama_scope == 3 || (f->yama_scope >= 1 && !cap) ? EPERM : 0;
	static const enum sq_id nnp_filter[] = { SQ_PRCTL_NO_NEW_PRIVS, SQ_SECCOMP_SET_FILTER };
	/* perf_event_paranoid > 2 (Debian's "3") refuses even a process's
	 * own user-space counters without CAP_PERFMON; unprivileged_bpf_disabled
	 * makes bpf() EPERM without CAP_BPF (kernel/bpf/syscall.c) */
	bool perfmon = check_has_cap(f->cap_eff, CHECK_CAP_PERFMON) ||
		       check_has_cap(f->cap_eff, CHECK_CAP_SYS_ADMIN);
	bool bpfcap = check_has_cap(f->cap_eff, CHECK_CAP_BPF) ||
		      check_has_cap(f->cap_eff, CHECK_CAP_SYS_ADMIN);
	int perf_err = f->perf_paranoid > 2 && !perfmon ? EACCES : 0;
	int bpf_err = f->bpf_unpriv_disabled > 0 && !bpfcap ? EPERM : EINVAL;

	outcome(&p[PROBE_PTRACE], PROBE_PTRACE, &res[SQ_PTRACE_CONT], ESRCH);
	outcome(&p[PROBE_TRACEME], PROBE_TRACEME, &res[SQ_PTRACE_TRACEME], traceme_err);
	if (p[PROBE_TRACEME].result == PROBE_ALLOWED)
		outcome(&p[PROBE_SYSCALL_INFO], PROBE_SYSCALL_INFO,
			&res[SQ_PTRACE_GET_SYSCALL_INFO], old ? EIO : 0);
	else	/* the probe needs a traced child: it fails the same way */
		p[PROBE_SYSCALL_INFO] = p[PROBE_TRACEME];
	outcome(&p[PROBE_SEIZE], PROBE_SEIZE, &res[SQ_PTRACE_SEIZE], seize_err);
	outcome(&p[PROBE_VM_READV], PROBE_VM_READV, &res[SQ_PROCESS_VM_READV], EINVAL);
	outcome(&p[PROBE_PERSONALITY_QUERY], PROBE_PERSONALITY_QUERY,
		&res[SQ_PERSONALITY_QUERY], 0);
	outcome(&p[PROBE_PERSONALITY_NORAND], PROBE_PERSONALITY_NORAND,
		&res[SQ_PERSONALITY_NO_ASLR], 0);
	outcome(&p[PROBE_KCMP], PROBE_KCMP, &res[SQ_KCMP], EINVAL);
	outcome(&p[PROBE_PIDFD_OPEN], PROBE_PIDFD_OPEN, &res[SQ_PIDFD_OPEN], EINVAL);
	outcome(&p[PROBE_PIDFD_GETFD], PROBE_PIDFD_GETFD, &res[SQ_PIDFD_GETFD], EBADF);
	outcome(&p[PROBE_CLONE3], PROBE_CLONE3, &res[SQ_CLONE3], EINVAL);
	outcome(&p[PROBE_PERF_EVENT_OPEN], PROBE_PERF_EVENT_OPEN, &res[SQ_PERF_EVENT_OPEN], EFAULT);
	outcome(&p[PROBE_PERF_HW], PROBE_PERF_HW, &res[SQ_PERF_EVENT_OPEN],
		f->pmu_hw == 0 ? ENOENT : perf_err);
	outcome(&p[PROBE_PERF_SW], PROBE_PERF_SW, &res[SQ_PERF_EVENT_OPEN], perf_err);
	outcome(&p[PROBE_BPF], PROBE_BPF, &res[SQ_BPF], bpf_err);
	outcome(&p[PROBE_PRCTL_SECCOMP], PROBE_PRCTL_SECCOMP, &res[SQ_PRCTL_SET_SECCOMP], EINVAL);
	outcome(&p[PROBE_SECCOMP], PROBE_SECCOMP, &res[SQ_SECCOMP_SET_FILTER], 0);
	outcome(&p[PROBE_SECCOMP_FILTER], PROBE_SECCOMP_FILTER, first_block(res, nnp_filter, 2), 0);
}

int whatif_unfiltered(const char *arch, struct sq_result res[SQ_COUNT])
{
	return seccomp_query_modes(NULL, 0, arch, res);
}

int whatif_eval(const struct seccomp_profile *profile, const char *arch, bool strict,
		const struct check_facts *host, const struct whatif_proc *p,
		struct whatif_eval *out, char *err, size_t errsz)
{
	struct whatif_proc proc = *p;
	int r;

	memset(out, 0, sizeof(*out));
	if (profile) {
		struct profile_target t = { .arch = arch, .caps = p->caps, .strict_names = strict };
		struct profile_filter pf;
		struct bpf_filter bf;

		if (host->kver_major > 0) {
			t.kernel_major = (unsigned)host->kver_major;
			t.kernel_minor = (unsigned)host->kver_minor;
		}
		r = profile_build(profile, &t, &pf, err, errsz);
		if (r < 0)
			return r;
		bf.insns = pf.insns;
		bf.len = pf.len;
		r = seccomp_query_modes(&bf, 1, arch, out->res);
		out->filter_len = pf.len;
		out->rules = pf.rules;
		out->skipped_entries = pf.skipped_entries;
		out->ignored_names = pf.ignored_names;
		memcpy(out->warnings, pf.warnings, sizeof(out->warnings));
		profile_filter_release(&pf);
		if (r < 0) {
			snprintf(err, errsz, "the profile's filter cannot be evaluated: %s",
				 strerror(-r));
			return r;
		}
		out->filtered = true;
	} else {
		r = whatif_unfiltered(arch, out->res);
		if (r < 0) {
			snprintf(err, errsz, "unknown architecture \"%s\"", arch);
			return r;
		}
	}
	proc.filtered = out->filtered;
	whatif_base_facts(&out->facts, host, &proc);
	whatif_fill_probes(&out->facts, out->res);
	return 0;
}

/* ---- the narrowest profile change ---- */

/* Mode queries that only need one value of an argument. */
static const struct {
	enum sq_id id;
	int arg;
	const char *value_name;
} narrow_args[] = {
	{ SQ_PERSONALITY_NO_ASLR, 0, "ADDR_NO_RANDOMIZE" },
	{ SQ_PERSONALITY_QUERY, 0, "query the current persona" },
	{ SQ_PRCTL_SET_SECCOMP, 0, "PR_SET_SECCOMP" },
	{ SQ_PRCTL_NO_NEW_PRIVS, 0, "PR_SET_NO_NEW_PRIVS" },
	{ SQ_SECCOMP_SET_FILTER, 0, "SECCOMP_SET_MODE_FILTER" },
};

static bool blocked(const struct sq_result *r)
{
	return !r->no_syscall && r->kind != SECCOMP_KIND_ALLOW && r->kind != SECCOMP_KIND_LOG;
}

static void force_allow(struct sq_result *r)
{
	r->ret = SECCOMP_RET_ALLOW;
	r->kind = SECCOMP_KIND_ALLOW;
	r->err = 0;
}

const struct check_mode_result *whatif_target_result(const struct check_report *rep, int t)
{
	return t < MODE_COUNT ? &rep->modes[t] : &rep->tools[t - MODE_COUNT];
}

static const struct check_mode_result *mode_with(const struct check_facts *base,
						 const struct sq_result res[SQ_COUNT],
						 const enum sq_id *force, unsigned nforce,
						 int m)
{
	static struct check_facts f;	/* large: keep off the stack */
	static struct check_report rep;
	struct sq_result tmp[SQ_COUNT];

	memcpy(tmp, res, sizeof(tmp));
	for (unsigned i = 0; i < nforce; i++)
		force_allow(&tmp[force[i]]);
	f = *base;
	whatif_fill_probes(&f, tmp);
	check_assess(&f, &rep);
	return whatif_target_result(&rep, m);
}

static enum check_verdict verdict_with(const struct check_facts *base,
				       const struct sq_result res[SQ_COUNT],
				       const enum sq_id *force, unsigned nforce, int m)
{
	return mode_with(base, res, force, nforce, m)->verdict;
}

/* The mode gives the same verdict and cause with these forced as goal. */
static bool same_as(const struct check_facts *base, const struct sq_result res[SQ_COUNT],
		    const enum sq_id *force, unsigned nforce, int m,
		    const struct check_mode_result *goal)
{
	const struct check_mode_result *r = mode_with(base, res, force, nforce, m);
	return r->verdict == goal->verdict && !strcmp(r->cause, goal->cause);
}

/* Rules for a set of queries: one per syscall, narrowed to an argument
 * value when every query of that syscall names one. */
static void make_rules(struct whatif_fix *fx)
{
	fx->nrules = 0;
	fx->width = 0;
	for (unsigned i = 0; i < fx->nqueries; i++) {
		const struct sq_query *q = &seccomp_mode_queries[fx->queries[i]];
		struct whatif_rule rule = { q->name, -1, 0, NULL };
		bool dup = false;

		for (size_t k = 0; k < sizeof(narrow_args) / sizeof(narrow_args[0]); k++)
			if (narrow_args[k].id == q->id) {
				rule.arg_index = narrow_args[k].arg;
				rule.value = q->args[narrow_args[k].arg];
				rule.value_name = narrow_args[k].value_name;
			}
		for (unsigned j = 0; j < fx->nrules; j++) {
			struct whatif_rule *o = &fx->rules[j];
			if (strcmp(o->syscall, rule.syscall))
				continue;
			if (o->arg_index < 0 || (o->arg_index == rule.arg_index && o->value == rule.value)) {
				dup = true;
			} else if (rule.arg_index < 0) {
				*o = rule;	/* the whole syscall covers the value */
				dup = true;
			}
		}
		if (!dup)
			fx->rules[fx->nrules++] = rule;
	}
	/* drop value rules covered by a whole-syscall rule added later */
	for (unsigned j = 0; j < fx->nrules; j++)
		for (unsigned k = 0; k < fx->nrules; k++)
			if (j != k && fx->rules[k].arg_index < 0 && fx->rules[j].arg_index >= 0 &&
			    !strcmp(fx->rules[j].syscall, fx->rules[k].syscall)) {
				fx->rules[j] = fx->rules[--fx->nrules];
				j--;
				break;
			}
	for (unsigned j = 0; j < fx->nrules; j++)
		fx->width += fx->rules[j].arg_index < 0 ? 10 : 1;
}

struct search {
	const struct check_facts *base;
	const struct sq_result *res;
	int mode;			/* a mode, or MODE_COUNT + a tool */
	enum sq_id cand[SQ_COUNT];
	unsigned ncand;
	enum sq_id pick[SQ_COUNT];
	struct whatif_mode_fix *out;
	unsigned found;
};

static void add_alt(struct search *s, unsigned k)
{
	struct whatif_fix fx;
	struct whatif_mode_fix *o = s->out;

	memset(&fx, 0, sizeof(fx));
	fx.nqueries = k;
	memcpy(fx.queries, s->pick, k * sizeof(s->pick[0]));
	make_rules(&fx);
	s->found++;
	for (unsigned i = 0; i < o->nalts; i++) {	/* same rules, other queries */
		bool same = o->alts[i].nrules == fx.nrules;
		for (unsigned j = 0; same && j < fx.nrules; j++) {
			bool hit = false;
			for (unsigned x = 0; x < fx.nrules; x++)
				hit |= !strcmp(o->alts[i].rules[x].syscall, fx.rules[j].syscall) &&
				       o->alts[i].rules[x].arg_index == fx.rules[j].arg_index &&
				       o->alts[i].rules[x].value == fx.rules[j].value;
			same = hit;
		}
		if (same)
			return;
	}
	/* keep the WHATIF_MAX_ALTS narrowest, sorted */
	if (o->nalts == WHATIF_MAX_ALTS) {
		if (fx.width >= o->alts[o->nalts - 1].width)
			return;
		o->nalts--;
	}
	unsigned at = o->nalts;
	while (at > 0 && o->alts[at - 1].width > fx.width) {
		o->alts[at] = o->alts[at - 1];
		at--;
	}
	o->alts[at] = fx;
	o->nalts++;
}

static void combos(struct search *s, unsigned k, unsigned depth, unsigned start)
{
	if (depth == k) {
		if (verdict_with(s->base, s->res, s->pick, k, s->mode) == VERDICT_OK)
			add_alt(s, k);
		return;
	}
	for (unsigned i = start; i < s->ncand; i++) {
		s->pick[depth] = s->cand[i];
		combos(s, k, depth + 1, i + 1);
	}
}

/* Start from every candidate forced and drop, one by one, those not
 * needed to reach goal.  Leaves the set in s->pick; returns its size. */
static unsigned minimize(struct search *s, const struct check_mode_result *goal)
{
	unsigned k = s->ncand;

	memcpy(s->pick, s->cand, sizeof(s->cand));
	for (unsigned i = 0; i < k;) {
		enum sq_id save = s->pick[i];
		s->pick[i] = s->pick[k - 1];
		if (same_as(s->base, s->res, s->pick, k - 1, s->mode, goal)) {
			k--;
		} else {
			s->pick[i] = save;
			i++;
		}
	}
	return k;
}

#define WHATIF_EXHAUSTIVE 3	/* subsets up to this size are all tried */

bool whatif_min_fix_target(const struct check_facts *base, const struct sq_result res[SQ_COUNT],
			   int target, struct whatif_mode_fix *out)
{
	static struct check_facts f;
	static struct check_report rep;
	struct search s = { .base = base, .res = res, .mode = target };
	const struct check_mode_result *now;

	f = *base;
	whatif_fill_probes(&f, res);
	check_assess(&f, &rep);
	now = whatif_target_result(&rep, target);
	if (!now->present || now->verdict == VERDICT_OK)
		return false;
	memset(out, 0, sizeof(*out));
	out->mode = target < MODE_COUNT ? (enum check_mode)target : MODE_COUNT;
	out->target = target;
	out->before = now->verdict;
	s.out = out;
	for (unsigned i = 0; i < SQ_COUNT; i++)
		if (blocked(&res[i]))
			s.cand[s.ncand++] = (enum sq_id)i;
	for (unsigned k = 1; k <= s.ncand && k <= WHATIF_EXHAUSTIVE && !s.found; k++)
		combos(&s, k, 0, 0);
	if (!s.found && s.ncand > WHATIF_EXHAUSTIVE &&
	    verdict_with(base, res, s.cand, s.ncand, s.mode) == VERDICT_OK) {
		/* all of them work: drop what is not needed, one by one */
		struct check_mode_result goal = *mode_with(base, res, s.cand, s.ncand, s.mode);
		add_alt(&s, minimize(&s, &goal));
	}
	if (!s.found && s.ncand) {
		/* no profile change alone: the narrowest one that removes
		 * the profile's part, and what remains */
		struct check_mode_result goal = *mode_with(base, res, s.cand, s.ncand, s.mode);
		out->partial = true;
		out->remaining_verdict = goal.verdict;
		snprintf(out->remaining, sizeof(out->remaining), "%s", goal.cause);
		if (strcmp(goal.cause, now->cause) || goal.verdict != now->verdict)
			add_alt(&s, minimize(&s, &goal));
	} else if (!s.found) {
		out->partial = true;
		out->remaining_verdict = now->verdict;
		snprintf(out->remaining, sizeof(out->remaining), "%s", now->cause);
	}
	return true;
}

unsigned whatif_min_fixes(const struct check_facts *base, const struct sq_result res[SQ_COUNT],
			  struct whatif_mode_fix out[MODE_COUNT])
{
	unsigned n = 0;

	for (int m = 0; m < MODE_COUNT; m++)
		if (whatif_min_fix_target(base, res, m, &out[n]))
			n++;
	return n;
}

void whatif_apply_fixes(const struct whatif_mode_fix *fixes, unsigned n,
			struct sq_result res[SQ_COUNT])
{
	for (unsigned i = 0; i < n; i++) {
		if (!fixes[i].nalts)
			continue;	/* partial ones too: they remove the profile's part */
		for (unsigned q = 0; q < fixes[i].alts[0].nqueries; q++)
			force_allow(&res[fixes[i].alts[0].queries[q]]);
	}
}

void whatif_rule_text(const struct whatif_rule *r, char *buf, size_t size)
{
	if (r->arg_index < 0)
		snprintf(buf, size, "allow %s", r->syscall);
	else
		snprintf(buf, size, "allow %s with arg%d == 0x%llx%s%s%s", r->syscall, r->arg_index,
			 (unsigned long long)r->value, r->value_name ? " (" : "",
			 r->value_name ? r->value_name : "", r->value_name ? ")" : "");
}

/* ---- columns derived from measured facts ---- */

bool whatif_derive_cap_ptrace(struct check_facts *f)
{
	static const enum probe_id gated[] = { PROBE_VM_READV, PROBE_KCMP, PROBE_PIDFD_GETFD };
	struct probe_outcome *p = f->probes;
	bool assumed = false;
	bool cap;

	f->cap_bnd |= UINT64_C(1) << CHECK_CAP_SYS_PTRACE;
	if (f->euid == 0) {
		f->cap_eff |= UINT64_C(1) << CHECK_CAP_SYS_PTRACE;
		f->cap_prm |= UINT64_C(1) << CHECK_CAP_SYS_PTRACE;
	}
	cap = check_has_cap(f->cap_eff, CHECK_CAP_SYS_PTRACE);
	for (size_t i = 0; i < sizeof(gated) / sizeof(gated[0]); i++) {
		struct probe_outcome *o = &p[gated[i]];
		if (f->seccomp_filters > 0 && o->result == PROBE_ERRNO && o->err == EPERM) {
			o->result = PROBE_ALLOWED;
			o->err = probe_expected(gated[i]);
			assumed = true;
		}
	}
	/* Kernel refusals of the real tests (the control passed the filter):
	 * Yama 1 and 2 let CAP_SYS_PTRACE through, 3 nothing. */
	if (p[PROBE_PTRACE].result == PROBE_ALLOWED && cap && f->yama_scope != 3) {
		if (p[PROBE_TRACEME].result == PROBE_ERRNO && p[PROBE_TRACEME].err == EPERM) {
			p[PROBE_TRACEME].result = PROBE_ALLOWED;
			p[PROBE_TRACEME].err = 0;
			if (p[PROBE_SYSCALL_INFO].result == PROBE_ERRNO &&
			    p[PROBE_SYSCALL_INFO].err == EPERM)
				p[PROBE_SYSCALL_INFO] = p[PROBE_TRACEME];
		}
		if (p[PROBE_SEIZE].result == PROBE_ERRNO && p[PROBE_SEIZE].err == EPERM) {
			p[PROBE_SEIZE].result = PROBE_ALLOWED;
			p[PROBE_SEIZE].err = 0;
		}
	}
	return assumed;
}

int whatif_derive_unconfined(struct check_facts *f, const char *arch)
{
	struct sq_result res[SQ_COUNT];
	int r = whatif_unfiltered(arch, res);

	if (r < 0)
		return r;
	f->seccomp_mode = 0;
	f->seccomp_filters = 0;
	whatif_fill_probes(f, res);
	return 0;
}
