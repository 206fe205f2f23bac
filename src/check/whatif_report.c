/* What-if, compare and host-side reports; see whatif_report.h. */
#include "config.h"
#include "check/whatif_report.h"
#include "check/builtin_profiles.h"
#include "check/pod.h"
#include "check/engine_caps.h"
#include "check/probes.h"
#include "check/profile.h"
#include "check/report.h"
#include "check/tools.h"
#include "check/whatif.h"
#include "strbuf.h"
#include "util.h"

#include <json-c/json.h>
#include <string.h>

#define WHATIF_PROBE_TIMEOUT_MS 100

static int exit_of(const struct check_report *r)
{
	switch (check_report_worst(r)) {
	case VERDICT_OK: return 0;
	case VERDICT_DEGRADED: return 2;
	default: return 3;
	}
}

static void print_json(struct json_object *doc)
{
	puts(json_object_to_json_string_ext(doc, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED |
					    JSON_C_TO_STRING_NOSLASHESCAPE));
}

static struct json_object *jstr(const char *s)
{
	return s ? json_object_new_string(s) : NULL;
}

static struct json_object *jcap_list(uint64_t set)
{
	struct json_object *a = json_object_new_array();
	for (int c = 0; c <= CAPS_LAST; c++)
		if (set & CAP_BIT(c))
			json_object_array_add(a, json_object_new_string(caps_name(c)));
	return a;
}

static void text_caps(FILE *out, uint64_t set)
{
	bool any = false;
	for (int c = 0; c <= CAPS_LAST; c++)
		if (set & CAP_BIT(c)) {
			fprintf(out, "%s%s", any ? "," : "", caps_name(c) + 4);
			any = true;
		}
	if (!any)
		fputs("(none)", out);
}

/* ---- one configuration ---- */

struct config {
	const char *name;		/* column name */
	char flags[600];		/* the container flags, for humans */
	uint64_t caps;
	bool unconfined;
	struct whatif_eval ev;
	struct check_report rep;
	bool assumed;			/* derived column with an assumption */
};

struct setup {
	const struct whatif_opts *o;
	struct seccomp_profile *profile;	/* NULL: unconfined */
	const struct builtin_profile *builtin;	/* the profile is built in */
	enum container_engine engine;
	enum check_engine fengine;
	const char *engine_version;	/* NULL: the engine's current version */
	const char *arch;
	struct check_facts host;
};

static void flags_text(const struct whatif_opts *o, const char *profile,
		       const struct builtin_profile *builtin, bool unconfined,
		       bool extra_ptrace, char *buf, size_t size)
{
	struct strbuf sb;

	sb_init(&sb, buf, size);
	if (unconfined)
		sb_printf(&sb, "--security-opt seccomp=unconfined");
	else if (builtin)
		sb_printf(&sb, "(the default seccomp profile: %s %s)", builtin->name, builtin->version);
	else if (profile)
		sb_printf(&sb, "--security-opt seccomp=%s", profile);
	for (size_t i = 0; i < o->ndrop; i++)
		sb_printf(&sb, " --cap-drop %s", o->cap_drop[i]);
	for (size_t i = 0; i < o->nadd; i++)
		sb_printf(&sb, " --cap-add %s", o->cap_add[i]);
	if (extra_ptrace)
		sb_printf(&sb, " --cap-add SYS_PTRACE");
	if (o->user_set)
		sb_printf(&sb, " --user %u:%u", (unsigned)o->uid, (unsigned)o->gid);
	if (o->no_new_privs)
		sb_printf(&sb, " --security-opt no-new-privileges");
	if (sb.truncated && size > 4)
		strcpy(buf + size - 4, "...");
}

static void setup_release(struct setup *s)
{
	if (s->profile)
		profile_free(s->profile);
	s->profile = NULL;
}

/* Set up: the profile, engine, arch, host facts.  Prints the error. */
static int setup(const struct whatif_opts *o, struct setup *s)
{
	char err[1024];
	int e;

	memset(s, 0, sizeof(*s));
	s->o = o;
	if (o->profile) {
		if (profile_open(o->profile, o->engine_version, &s->profile, &s->builtin,
				 err, sizeof(err)) < 0) {
			ct_error("%s", err);
			return -EINVAL;
		}
	} else if (o->engine_version) {
		ct_error("--engine-version goes with a built-in profile (docker-default, "
			 "podman-default, runtime-default)");
		return -EINVAL;
	}
	/* a built-in profile brings its engine's capability model */
	e = engine_by_name(o->engine ? o->engine : s->builtin ? s->builtin->engine : "docker");
	if (e < 0) {
		ct_error("--engine: unknown engine \"%s\" (docker or podman)", o->engine);
		setup_release(s);
		return -EINVAL;
	}
	s->engine = (enum container_engine)e;
	s->fengine = s->engine == ENGINE_CAPS_PODMAN ? ENGINE_PODMAN : ENGINE_DOCKER;
	s->engine_version = s->builtin ? s->builtin->version : NULL;
	s->arch = o->arch ? o->arch : whatif_host_arch();
	if (!s->arch || !seccomp_query_audit_arch(s->arch)) {
		ct_error("--arch: unknown architecture \"%s\" (x86_64 or aarch64)",
			 s->arch ? s->arch : "(this host's)");
		setup_release(s);
		return -EINVAL;
	}
	check_gather_facts(&s->host, 0);
	return 0;
}

static int caps_of(const struct setup *s, bool extra_ptrace, uint64_t *caps, uint64_t *ambient)
{
	const char *add[WHATIF_MAX_CAP_ARGS + 1], *drop[WHATIF_MAX_CAP_ARGS];
	size_t nadd = 0, ndrop = 0;
	char err[256];

	for (size_t i = 0; i < s->o->nadd; i++)
		add[nadd++] = s->o->cap_add[i];
	for (size_t i = 0; i < s->o->ndrop; i++) {
		/* the compare column adds SYS_PTRACE: no longer dropped */
		if (extra_ptrace && caps_from_name(s->o->cap_drop[i]) == CHECK_CAP_SYS_PTRACE)
			continue;
		drop[ndrop++] = s->o->cap_drop[i];
	}
	if (extra_ptrace)
		add[nadd++] = "SYS_PTRACE";
	for (size_t i = 0; i < nadd; i++) {
		int c = caps_from_name(add[i]);
		if (c >= 0 && !engine_knows_cap(s->engine, s->engine_version, c)) {
			ct_error("%s %s: --cap-add %s: unknown capability (the engine refuses it "
				 "before Docker 23.0; CAP_SYS_ADMIN covers it there)",
				 engine_name(s->engine), s->engine_version, add[i]);
			return -EINVAL;
		}
	}
	if (engine_apply_caps(s->engine, engine_default_caps(s->engine), add, nadd, drop, ndrop,
			      caps, err, sizeof(err)) < 0) {
		ct_error("%s: %s", engine_name(s->engine), err);
		return -EINVAL;
	}
	/* podman 4 (containers/common): for a non-root user the capabilities
	 * named in --cap-add go to the ambient set (measured: --user 1000
	 * --cap-add SYS_PTRACE gives CapEff 0x80000); docker adds none. */
	*ambient = 0;
	if (s->engine == ENGINE_CAPS_PODMAN)
		for (size_t i = 0; i < nadd; i++) {
			int c = caps_from_name(add[i]);
			if (c >= 0)
				*ambient |= CAP_BIT(c);
		}
	*ambient &= *caps;
	return 0;
}

/* Evaluate one configuration (profile or unconfined, extra SYS_PTRACE). */
static int eval_config(const struct setup *s, struct config *c, const char *name,
		       bool unconfined, bool extra_ptrace)
{
	struct whatif_proc p = { 0 };
	char err[1024];
	int r;

	c->name = name;
	c->unconfined = unconfined || !s->profile;
	r = caps_of(s, extra_ptrace, &c->caps, &p.ambient);
	if (r < 0)
		return r;
	flags_text(s->o, s->o->profile, s->builtin, c->unconfined, extra_ptrace, c->flags,
		   sizeof(c->flags));
	p.engine = s->fengine;
	p.caps = c->caps;
	p.user_set = s->o->user_set;
	p.uid = s->o->uid;
	p.gid = s->o->gid;
	p.no_new_privs = s->o->no_new_privs;
	r = whatif_eval(c->unconfined ? NULL : s->profile, s->arch, s->o->strict, &s->host, &p,
			&c->ev, err, sizeof(err));
	if (r < 0) {
		if (!c->unconfined)
			ct_error("%s: %s", s->o->profile, err);
		else
			ct_error("%s", err);
		return r;
	}
	check_assess(&c->ev.facts, &c->rep);
	return 0;
}

/* ---- notes shared by the what-if reports ---- */

static unsigned notes(const struct setup *s, const struct config *c,
		      const char *out[8 + WHATIF_MAX_NOTES])
{
	static char lsm[256], inherit[160];
	unsigned n = 0;

	out[n++] = "not run: the verdicts come from the profile's seccomp filter, the "
		   "engine's capability set and this host's kernel";
	out[n++] = "kernel and Yama ptrace_scope are this host's (the container shares its kernel)";
	if (s->host.lsm_list[0])
		snprintf(lsm, sizeof(lsm), "LSM confinement is not modelled: the AppArmor/SELinux "
			 "profile the engine applies is unknown here (this host's active LSMs: %s)",
			 s->host.lsm_list);
	else
		snprintf(lsm, sizeof(lsm), "LSM confinement is not modelled: the AppArmor/SELinux "
			 "profile the engine applies is unknown here");
	out[n++] = lsm;
	if (s->host.seccomp_filters > 0) {
		snprintf(inherit, sizeof(inherit), "ctrace runs under %d seccomp filter(s) of its "
			 "own: a container started from here inherits them; they are not evaluated",
			 s->host.seccomp_filters);
		out[n++] = inherit;
	}
	for (unsigned i = 0; i < SQ_COUNT; i++)
		if (c->ev.res[i].kind == SECCOMP_KIND_USER_NOTIF) {
			out[n++] = "user-notification rules are judged as if no supervisor answers";
			break;
		}
	for (unsigned i = 0; i < s->o->nnotes; i++)
		out[n++] = s->o->notes[i];
	return n;
}

/* ---- what-if ---- */

static void text_whatif(FILE *out, const struct setup *s, const struct config *c)
{
	const struct check_facts *f = &c->ev.facts;
	const char *nv[8 + WHATIF_MAX_NOTES];
	unsigned nn = notes(s, c, nv);

	if (s->o->pod)
		fprintf(out, "ctrace %s: what-if: container %s of %s %s, as %s starts it:\n  %s\n\n",
			PACKAGE_VERSION, s->o->pod_container->name, s->o->pod->kind, s->o->pod->name,
			s->o->pod_podman ? "podman kube play" : "Kubernetes (containerd)", c->flags);
	else
		fprintf(out, "ctrace %s: what-if: a process in a %s container started with\n  %s\n\n",
			PACKAGE_VERSION, engine_name(s->engine), c->flags);
	fprintf(out, "Container (synthesized)\n");
	fprintf(out, "  user:            uid %u (euid %u), gid %u\n", (unsigned)f->uid,
		(unsigned)f->euid, (unsigned)f->gid);
	fprintf(out, "  capabilities:    effective: ");
	text_caps(out, f->cap_eff);
	fprintf(out, "\n                   bounding:  ");
	text_caps(out, f->cap_bnd);
	fputc('\n', out);
	if (c->ev.filtered)
		fprintf(out, "  seccomp:         filter (%d filter%s; %u BPF instructions, %u rules, "
			"%s), no_new_privs %s\n", f->seccomp_filters,
			f->seccomp_filters == 1 ? "" : "s", c->ev.filter_len, c->ev.rules, s->arch,
			f->no_new_privs ? "on" : "off");
	else
		fprintf(out, "  seccomp:         %s, no_new_privs %s\n",
			f->seccomp_filters > 0 ? "filter (inherited only)" : "disabled (unconfined)",
			f->no_new_privs ? "on" : "off");
	fprintf(out, "  kernel:          %s; yama: %s\n",
		f->kernel_release[0] ? f->kernel_release : "unknown",
		f->yama_scope < 0 ? "not present" : f->yama_scope == 0 ? "ptrace_scope 0" :
		f->yama_scope == 1 ? "ptrace_scope 1" : f->yama_scope == 2 ? "ptrace_scope 2" :
		"ptrace_scope 3");
	if (s->builtin && !c->unconfined)
		fprintf(out, "  profile:         built-in %s, version %s: %s\n", s->builtin->name,
			s->builtin->version, s->builtin->source);
	if (c->ev.warnings[0])
		fprintf(out, "  profile:         unknown syscall names skipped as runc does: %s\n",
			c->ev.warnings);
	fprintf(out, "\nNotes\n");
	for (unsigned i = 0; i < nn; i++)
		fprintf(out, "  - %s\n", nv[i]);
	fprintf(out, "\nModes\n");
	check_report_text_modes(out, &c->rep);
	fprintf(out, "\nTools (ctrace runs none of them)\n");
	check_report_text_tools(out, &c->rep);
	if (s->o->pod)
		pod_report_text(out, s->o, &c->ev.facts, &c->rep);
	fprintf(out, "\nSeccomp answers (%s, %s)\n", c->ev.filtered ? "the profile's filter" :
		"no filter", s->arch);
	for (unsigned i = 0; i < SQ_COUNT; i++) {
		const struct sq_result *q = &c->ev.res[i];
		fprintf(out, "  %-34s %s", q->label, q->no_syscall ? "(no such syscall)" :
			seccomp_kind_name(q->kind));
		if (q->kind == SECCOMP_KIND_ERRNO)
			fprintf(out, " %s", errno_name(q->err) ? errno_name(q->err) : "?");
		fputc('\n', out);
	}
	fprintf(out, "\nVerdict: %s\n", check_report_verdict_line(check_report_worst(&c->rep)));
}

static struct json_object *json_queries(const struct sq_result res[SQ_COUNT])
{
	struct json_object *a = json_object_new_array();

	for (unsigned i = 0; i < SQ_COUNT; i++) {
		const struct sq_result *q = &res[i];
		struct json_object *o = json_object_new_object();
		json_object_object_add(o, "call", json_object_new_string(q->label));
		json_object_object_add(o, "syscall", json_object_new_string(q->name));
		json_object_object_add(o, "nr", q->no_syscall ? NULL : json_object_new_int64(q->nr));
		json_object_object_add(o, "action", json_object_new_string(
			q->no_syscall ? "no_syscall" : seccomp_kind_name(q->kind)));
		json_object_object_add(o, "errno", q->kind == SECCOMP_KIND_ERRNO && !q->no_syscall
				       ? jstr(errno_name(q->err)) : NULL);
		json_object_array_add(a, o);
	}
	return a;
}

static struct json_object *json_builtin(const struct builtin_profile *b)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "name", json_object_new_string(b->name));
	json_object_object_add(o, "version", json_object_new_string(b->version));
	json_object_object_add(o, "source", json_object_new_string(b->source));
	return o;
}

static struct json_object *json_whatif(const struct setup *s, const struct config *c)
{
	struct json_object *w = json_object_new_object(), *a;
	const char *nv[8 + WHATIF_MAX_NOTES];
	unsigned nn = notes(s, c, nv);

	json_object_object_add(w, "engine", json_object_new_string(engine_name(s->engine)));
	json_object_object_add(w, "arch", json_object_new_string(s->arch));
	json_object_object_add(w, "seccomp", json_object_new_string(c->unconfined ? "unconfined" : "profile"));
	json_object_object_add(w, "profile", c->unconfined ? NULL : jstr(s->o->profile));
	json_object_object_add(w, "builtin_profile", c->unconfined || !s->builtin ? NULL :
			       json_builtin(s->builtin));
	a = json_object_new_array();
	for (size_t i = 0; i < s->o->nadd; i++)
		json_object_array_add(a, json_object_new_string(s->o->cap_add[i]));
	json_object_object_add(w, "cap_add", a);
	a = json_object_new_array();
	for (size_t i = 0; i < s->o->ndrop; i++)
		json_object_array_add(a, json_object_new_string(s->o->cap_drop[i]));
	json_object_object_add(w, "cap_drop", a);
	json_object_object_add(w, "caps", jcap_list(c->caps));
	json_object_object_add(w, "user", s->o->user_set ? json_object_new_int64(s->o->uid) : NULL);
	json_object_object_add(w, "group", s->o->user_set ? json_object_new_int64(s->o->gid) : NULL);
	json_object_object_add(w, "no_new_privs", json_object_new_boolean(s->o->no_new_privs));
	json_object_object_add(w, "flags", json_object_new_string(c->flags));
	if (c->ev.filtered) {
		struct json_object *fl = json_object_new_object();
		json_object_object_add(fl, "instructions", json_object_new_int(c->ev.filter_len));
		json_object_object_add(fl, "rules", json_object_new_int(c->ev.rules));
		json_object_object_add(fl, "skipped_entries", json_object_new_int(c->ev.skipped_entries));
		json_object_object_add(fl, "ignored_names", json_object_new_int(c->ev.ignored_names));
		json_object_object_add(w, "filter", fl);
	} else {
		json_object_object_add(w, "filter", NULL);
	}
	json_object_object_add(w, "warnings", c->ev.warnings[0] ? json_object_new_string(c->ev.warnings) : NULL);
	json_object_object_add(w, "lsm_modelled", json_object_new_boolean(false));
	a = json_object_new_array();
	for (unsigned i = 0; i < nn; i++)
		json_object_array_add(a, json_object_new_string(nv[i]));
	json_object_object_add(w, "notes", a);
	json_object_object_add(w, "queries", json_queries(c->ev.res));
	json_object_object_add(w, "pod", s->o->pod ? pod_report_json(s->o, &c->ev.facts, &c->rep) : NULL);
	return w;
}

static void quiet_modes(FILE *out, const struct check_report *r)
{
	for (int m = 0; m < MODE_COUNT; m++) {
		const struct check_mode_result *mr = &r->modes[m];
		if (!mr->present || mr->verdict == VERDICT_OK)
			continue;
		fprintf(out, "%s: %s: %s%s%s\n", check_mode_name(m), check_verdict_name(mr->verdict),
			mr->cause, mr->fix[0] ? ". Fix: " : "", mr->fix);
	}
}

int whatif_run(const struct whatif_opts *o)
{
	static struct setup s;
	static struct config c;
	int status;

	if (setup(o, &s) < 0)
		return 1;
	if (eval_config(&s, &c, "as-is", !o->profile, false) < 0) {
		setup_release(&s);
		return 1;
	}
	if (c.ev.warnings[0] && !o->json)
		ct_warn("%s: syscall names unknown to libseccomp, skipped as runc does "
			"(--strict makes this an error): %s", o->profile, c.ev.warnings);
	status = exit_of(&c.rep);
	if (o->json) {
		struct json_object *doc = check_report_json(&c.ev.facts, &c.rep, status);
		json_object_object_add(doc, "whatif", json_whatif(&s, &c));
		print_json(doc);
		json_object_put(doc);
	} else if (o->quiet) {
		quiet_modes(stdout, &c.rep);
	} else {
		text_whatif(stdout, &s, &c);
	}
	setup_release(&s);
	if (fflush(stdout) != 0) {
		ct_error("writing the report: %s", strerror(errno));
		return 1;
	}
	return status;
}

/* ---- compare ---- */

#define NCOLS 4

static void rule_json(struct json_object *arr, const struct whatif_rule *r)
{
	struct json_object *o = json_object_new_object(), *names = json_object_new_array();

	json_object_array_add(names, json_object_new_string(r->syscall));
	json_object_object_add(o, "names", names);
	json_object_object_add(o, "action", json_object_new_string("SCMP_ACT_ALLOW"));
	if (r->arg_index >= 0) {
		struct json_object *args = json_object_new_array(), *a = json_object_new_object();
		json_object_object_add(a, "index", json_object_new_int(r->arg_index));
		json_object_object_add(a, "value", json_object_new_int64((int64_t)r->value));
		json_object_object_add(a, "op", json_object_new_string("SCMP_CMP_EQ"));
		json_object_array_add(args, a);
		json_object_object_add(o, "args", args);
	}
	json_object_array_add(arr, o);
}

static void fix_text(const struct whatif_fix *fx, char *buf, size_t size)
{
	struct strbuf sb;

	sb_init(&sb, buf, size);
	for (unsigned i = 0; i < fx->nrules && !sb.truncated; i++) {
		char one[200];
		whatif_rule_text(&fx->rules[i], one, sizeof(one));
		sb_printf(&sb, "%s%s", i ? " and " : "", one);
	}
}

/* --compare --pod: one row per other container of the pod, "attach NAME" */
static void compare_pod_rows(const struct whatif_opts *o, const struct config *col, unsigned ncol)
{
	static struct pod_target t[NCOLS][POD_MAX_CONTAINERS];
	unsigned n = 0;
	char label[40];

	for (unsigned i = 0; i < ncol; i++)
		n = pod_targets(o, &col[i].ev.facts, &col[i].rep, t[i]);
	for (unsigned k = 0; k < n; k++) {
		snprintf(label, sizeof(label), "attach %.20s", t[0][k].c->name);
		printf("  %-14s", label);
		for (unsigned i = 0; i < ncol; i++)
			printf(" %-13s", check_verdict_name(t[i][k].verdict));
		putchar('\n');
	}
}

int compare_run(const struct whatif_opts *o)
{
	static struct setup s;
	static struct config col[NCOLS];
	static struct whatif_mode_fix fixes[MODE_COUNT];
	unsigned ncol = 0, nfix = 0;
	bool measured = !o->profile_given;
	const struct builtin_profile *builtin = NULL;
	int status;

	if (measured) {
		/* as-is: this process, measured; the other columns derived */
		const char *arch = whatif_host_arch();
		int e = engine_by_name(o->engine ? o->engine : "docker");
		if (e < 0) {
			ct_error("--engine: unknown engine \"%s\" (docker or podman)", o->engine);
			return 1;
		}
		if (!arch) {
			ct_error("--compare: this architecture is not modelled");
			return 1;
		}
		memset(&s, 0, sizeof(s));
		s.o = o;
		s.arch = arch;
		check_gather_facts(&s.host, 0);
		memset(col, 0, sizeof(col));
		col[0].name = "as-is";
		snprintf(col[0].flags, sizeof(col[0].flags), "this process, measured by probes");
		col[0].ev.facts = s.host;
		if (probes_run(PROBE_ALL, WHATIF_PROBE_TIMEOUT_MS, col[0].ev.facts.probes) < 0)
			ct_warn("could not run the probes; the report uses facts only");
		col[1] = col[0];
		col[1].name = "+SYS_PTRACE";
		snprintf(col[1].flags, sizeof(col[1].flags), "--cap-add SYS_PTRACE (derived; %s)",
			 "assumes the seccomp profile allows process_vm_readv, kcmp and "
			 "pidfd_getfd with CAP_SYS_PTRACE, as Docker's default does; give "
			 "--profile for an exact answer");
		col[1].assumed = whatif_derive_cap_ptrace(&col[1].ev.facts);
		col[2] = col[0];
		col[2].name = "unconfined";
		snprintf(col[2].flags, sizeof(col[2].flags),
			 "--security-opt seccomp=unconfined (derived: no filter, this kernel)");
		whatif_derive_unconfined(&col[2].ev.facts, arch);
		ncol = 3;
		for (unsigned i = 0; i < ncol; i++)
			check_assess(&col[i].ev.facts, &col[i].rep);
	} else {
		if (setup(o, &s) < 0)
			return 1;
		if (eval_config(&s, &col[0], "as-is", !o->profile, false) < 0 ||
		    eval_config(&s, &col[1], "+SYS_PTRACE", !o->profile, true) < 0 ||
		    eval_config(&s, &col[2], "unconfined", true, false) < 0) {
			setup_release(&s);
			return 1;
		}
		ncol = 3;
		if (s.profile) {
			struct whatif_proc p = { 0 };
			nfix = whatif_min_fixes(&col[0].ev.facts, col[0].ev.res, fixes);
			col[3] = col[0];
			col[3].name = "profile-fix";
			{
				size_t l = strlen(col[3].flags);
				if (l + 40 < sizeof(col[3].flags))
					strcpy(col[3].flags + l, ", with the profile changes below");
			}
			whatif_apply_fixes(fixes, nfix, col[3].ev.res);
			(void)p;
			whatif_fill_probes(&col[3].ev.facts, col[3].ev.res);
			check_assess(&col[3].ev.facts, &col[3].rep);
			ncol = 4;
		}
		builtin = s.builtin;
		setup_release(&s);
	}
	status = exit_of(&col[0].rep);

	if (o->json) {
		struct json_object *doc = json_object_new_object(), *cols = json_object_new_array();
		struct json_object *cfg = json_object_new_object();

		json_object_object_add(doc, "ctrace_version", json_object_new_string(PACKAGE_VERSION));
		json_object_object_add(doc, "schema", json_object_new_int(1));
		json_object_object_add(cfg, "as_is", json_object_new_string(measured ? "measured" : "profile"));
		json_object_object_add(cfg, "engine", json_object_new_string(
			measured ? (o->engine ? o->engine : "docker") : engine_name(s.engine)));
		json_object_object_add(cfg, "arch", json_object_new_string(s.arch));
		json_object_object_add(cfg, "profile", jstr(o->profile));
		json_object_object_add(cfg, "builtin_profile", builtin ? json_builtin(builtin) : NULL);
		json_object_object_add(doc, "compare", cfg);
		for (unsigned i = 0; i < ncol; i++) {
			struct json_object *c = json_object_new_object();
			json_object_object_add(c, "name", json_object_new_string(col[i].name));
			json_object_object_add(c, "flags", json_object_new_string(col[i].flags));
			json_object_object_add(c, "derived", json_object_new_boolean(measured && i > 0));
			json_object_object_add(c, "modes", check_report_json_modes(&col[i].ev.facts, &col[i].rep));
			json_object_object_add(c, "tools", check_report_json_tools(&col[i].rep));
			json_object_object_add(c, "summary", check_report_json_summary(&col[i].rep, exit_of(&col[i].rep)));
			if (o->pod) {
				static struct pod_target t[POD_MAX_CONTAINERS];
				unsigned n = pod_targets(o, &col[i].ev.facts, &col[i].rep, t);
				json_object_object_add(c, "attach_targets", pod_targets_json(t, n));
			}
			json_object_array_add(cols, c);
		}
		json_object_object_add(doc, "columns", cols);
		if (ncol == NCOLS) {
			struct json_object *pc = json_object_new_array();
			for (unsigned i = 0; i < nfix; i++) {
				struct json_object *m = json_object_new_object(), *alts = json_object_new_array();
				json_object_object_add(m, "mode", json_object_new_string(check_mode_name(fixes[i].mode)));
				json_object_object_add(m, "verdict", json_object_new_string(check_verdict_name(fixes[i].before)));
				for (unsigned a = 0; a < fixes[i].nalts; a++) {
					struct json_object *alt = json_object_new_object(), *rules = json_object_new_array();
					char t[800];
					fix_text(&fixes[i].alts[a], t, sizeof(t));
					json_object_object_add(alt, "text", json_object_new_string(t));
					for (unsigned k = 0; k < fixes[i].alts[a].nrules; k++)
						rule_json(rules, &fixes[i].alts[a].rules[k]);
					json_object_object_add(alt, "rules", rules);
					json_object_array_add(alts, alt);
				}
				json_object_object_add(m, "fixes", alts);
				json_object_object_add(m, "profile_alone_fixes", json_object_new_boolean(!fixes[i].partial));
				json_object_object_add(m, "remaining", fixes[i].partial ? jstr(fixes[i].remaining) : NULL);
				json_object_object_add(m, "cause", jstr(col[0].rep.modes[fixes[i].mode].cause));
				json_object_array_add(pc, m);
			}
			json_object_object_add(doc, "profile_changes", pc);
		} else {
			json_object_object_add(doc, "profile_changes", NULL);
		}
		json_object_object_add(doc, "summary", check_report_json_summary(&col[0].rep, status));
		print_json(doc);
		json_object_put(doc);
	} else {
		if (o->pod)
			printf("ctrace %s: compare: container %s of %s %s, as %s starts it\n",
			       PACKAGE_VERSION, o->pod_container->name, o->pod->kind, o->pod->name,
			       o->pod_podman ? "podman kube play" : "Kubernetes (containerd)");
		printf("ctrace %s: compare (%s%s%s%s%s)\n\n", PACKAGE_VERSION,
		       measured ? "as-is: this process" : engine_name(s.engine),
		       o->profile ? ", profile " : "", o->profile ? o->profile : "",
		       builtin ? " " : "", builtin ? builtin->version : "");
		printf("  %-17s", "mode / tool");
		for (unsigned i = 0; i < ncol; i++)
			printf(" %-13s", col[i].name);
		putchar('\n');
		for (int m = 0; m < MODE_COUNT; m++) {
			if (!col[0].rep.modes[m].present)
				continue;
			printf("  %-17s", check_mode_name(m));
			for (unsigned i = 0; i < ncol; i++)
				printf(" %-13s", check_verdict_name(col[i].rep.modes[m].verdict));
			putchar('\n');
		}
		for (size_t t = 0; t < check_tool_count; t++) {
			char name[48];
			snprintf(name, sizeof(name), "%s %s", check_tools[t].name, check_tools[t].action);
			printf("  %-17s", name);
			for (unsigned i = 0; i < ncol; i++)
				printf(" %-13s", check_verdict_name(col[i].rep.tools[t].verdict));
			putchar('\n');
		}
		if (o->pod)
			compare_pod_rows(o, col, ncol);
		printf("\nColumns\n");
		for (unsigned i = 0; i < ncol; i++)
			printf("  %-13s %s\n", col[i].name, col[i].flags);
		if (ncol == NCOLS) {
			printf("\nNarrowest profile change, per mode that is not ok\n");
			if (!nfix)
				printf("  (none needed)\n");
			for (unsigned i = 0; i < nfix; i++) {
				const struct whatif_mode_fix *fx = &fixes[i];
				printf("  %s (%s):\n", check_mode_name(fx->mode), check_verdict_name(fx->before));
				for (unsigned a = 0; a < fx->nalts; a++) {
					char t[800];
					fix_text(&fx->alts[a], t, sizeof(t));
					printf("      %s%s\n", a ? "or: " : "", t);
				}
				if (fx->partial)
					printf("      %s: %s (%s)\n", fx->nalts ? "then still" :
					       "no profile change fixes it", fx->remaining,
					       check_verdict_name(fx->remaining_verdict));
			}
		}
		if (!measured)
			printf("\nNotes\n  - kernel and Yama ptrace_scope are this host's; LSM confinement "
			       "is not modelled\n");
		{
			enum check_verdict w = check_report_worst(&col[0].rep);
			printf("\nAs-is verdict: %s\n", w == VERDICT_OK ? "every mode works" :
			       w == VERDICT_DEGRADED ? "some modes are degraded, none fails" :
			       "some modes fail (causes and fixes: the same command without --compare)");
		}
	}
	if (fflush(stdout) != 0) {
		ct_error("writing the report: %s", strerror(errno));
		return 1;
	}
	return status;
}

/* ---- host side ---- */

/* Filters unknown: an "ok" is only as good as the filter nobody read. */
static bool uncertain(const struct hostside *h, const struct check_report *r, int m)
{
	return h->filters_known < 0 && h->facts.seccomp_mode != 0 && r->modes[m].present &&
	       r->modes[m].verdict == VERDICT_OK;
}

static void mark_uncertain(const struct hostside *h, struct check_report *r)
{
	for (int m = 0; m < MODE_COUNT; m++)
		if (uncertain(h, r, m))
			snprintf(r->modes[m].cause, sizeof(r->modes[m].cause),
				 "only if the seccomp filters allow it: they could not be read");
}

void hostside_report_text(FILE *out, const struct hostside *h, const struct check_report *rep)
{
	const struct check_facts *f = &h->facts;
	struct check_report marked = *rep, *r = &marked;

	mark_uncertain(h, r);

	fprintf(out, "\nInside PID %d's container (a tracer next to it, with its credentials)\n",
		(int)f->target.pid);
	fprintf(out, "  namespaces:      pid %s, mount %s, user %s (vs ctrace)%s%s%s\n",
		h->other_pidns ? "other" : "same", h->other_mntns ? "other" : "same",
		h->other_userns ? "other" : "same", h->uid_map[0] ? "; uid_map \"" : "",
		h->uid_map, h->uid_map[0] ? "\"" : "");
	fprintf(out, "  container:       %s%s%s%s\n", check_engine_name(f->engine),
		f->engine_hints[0] ? " (from " : "", f->engine_hints, f->engine_hints[0] ? ")" : "");
	fprintf(out, "  user:            uid %u (euid %u), gid %u\n", (unsigned)f->uid,
		(unsigned)f->euid, (unsigned)f->gid);
	fprintf(out, "  capabilities:    effective: ");
	text_caps(out, f->cap_eff);
	fprintf(out, "\n                   bounding:  ");
	text_caps(out, f->cap_bnd);
	fprintf(out, "\n  seccomp:         %s", f->seccomp_mode == 0 ? "disabled" :
		f->seccomp_mode == 1 ? "strict" : f->seccomp_mode == 2 ? "filter" : "unknown");
	if (f->seccomp_filters >= 0)
		fprintf(out, " (%d filter%s)", f->seccomp_filters, f->seccomp_filters == 1 ? "" : "s");
	fprintf(out, ", no_new_privs %s\n", f->no_new_privs < 0 ? "unknown" :
		f->no_new_privs ? "on" : "off");
	if (h->filters_known == 1) {
		fprintf(out, "  filters:         dumped %u with PTRACE_SECCOMP_GET_FILTER (", h->nfilters);
		for (unsigned i = 0; i < h->nfilters; i++)
			fprintf(out, "%s%u", i ? ", " : "", h->insns[i]);
		fprintf(out, " instructions) and evaluated\n");
	} else if (h->filters_known == 0) {
		fprintf(out, "  filters:         none\n");
	} else {
		fprintf(out, "  filters:         not read: %s\n", h->dump_why);
		fprintf(out, "                   unknown which syscalls are filtered: the modes "
			"below judge only what /proc tells\n");
	}
	fprintf(out, "  lsm:             %s%s%s%s\n", check_lsm_name(f->lsm),
		f->lsm_label[0] ? ", label \"" : "", f->lsm_label, f->lsm_label[0] ? "\"" : "");
	fprintf(out, "\nModes inside PID %d's container\n", (int)f->target.pid);
	check_report_text_modes(out, r);
	fprintf(out, "\nTools inside PID %d's container\n", (int)f->target.pid);
	check_report_text_tools(out, r);
	fprintf(out, "\nVerdict inside: %s\n", check_report_verdict_line(check_report_worst(r)));
}

struct json_object *hostside_report_json(const struct hostside *h, const struct check_report *rep)
{
	const struct check_facts *f = &h->facts;
	struct check_report marked = *rep, *r = &marked;
	struct json_object *modes;
	size_t k = 0;
	struct json_object *o = json_object_new_object(), *ns = json_object_new_object();
	struct json_object *fd = json_object_new_object();

	json_object_object_add(o, "pid", json_object_new_int(f->target.pid));
	json_object_object_add(ns, "pid", json_object_new_boolean(h->other_pidns));
	json_object_object_add(ns, "mnt", json_object_new_boolean(h->other_mntns));
	json_object_object_add(ns, "user", json_object_new_boolean(h->other_userns));
	json_object_object_add(o, "other_namespaces", ns);
	json_object_object_add(o, "environment", check_report_json_env(f));
	json_object_object_add(fd, "source", json_object_new_string(
		h->filters_known == 1 ? "dumped" : h->filters_known == 0 ? "none" : "unknown"));
	json_object_object_add(fd, "filters", h->filters_known == 1 ? json_object_new_int(h->nfilters) : NULL);
	if (h->filters_known == 1) {
		struct json_object *a = json_object_new_array();
		for (unsigned i = 0; i < h->nfilters; i++)
			json_object_array_add(a, json_object_new_int(h->insns[i]));
		json_object_object_add(fd, "instructions", a);
	} else {
		json_object_object_add(fd, "instructions", NULL);
	}
	json_object_object_add(fd, "error", h->filters_known < 0 ? json_object_new_string(h->dump_why) : NULL);
	json_object_object_add(fd, "errno", h->dump_err ? jstr(errno_name(h->dump_err)) : NULL);
	json_object_object_add(o, "seccomp_filters", fd);
	json_object_object_add(o, "queries", h->filters_known >= 0 ? json_queries(h->res) : NULL);
	mark_uncertain(h, r);
	modes = check_report_json_modes(f, r);
	for (int m = 0; m < MODE_COUNT; m++) {
		if (!r->modes[m].present)
			continue;
		json_object_object_add(json_object_array_get_idx(modes, k++), "certain",
				       json_object_new_boolean(!uncertain(h, rep, m)));
	}
	json_object_object_add(o, "modes", modes);
	json_object_object_add(o, "tools", check_report_json_tools(r));
	json_object_object_add(o, "probes", check_report_json_probes(f));
	json_object_object_add(o, "summary", check_report_json_summary(r, exit_of(r)));
	return o;
}

/* ---- --write-profile ---- */

#define WP_MAX_TARGETS (MODE_COUNT + CHECK_TOOL_MAX)
#define WP_MAX_RULES 32

/* Capabilities tried, in this order, when no profile change alone makes
 * a target ok (each also changes what the engine's profile selects). */
static const char *const cap_candidates[][2] = {
	{ "SYS_PTRACE", NULL },
	{ "PERFMON", NULL },
	{ "BPF", "PERFMON" },
	{ "SYS_ADMIN", NULL },
};

static const char *target_name(int t, char *buf, size_t size)
{
	if (t < MODE_COUNT)
		snprintf(buf, size, "%s", check_mode_name((enum check_mode)t));
	else
		snprintf(buf, size, "%s %s", check_tools[t - MODE_COUNT].name,
			 check_tools[t - MODE_COUNT].action);
	return buf;
}

/* --for "gdb,no-aslr,perf:stat" -> targets; prints the error. */
static int parse_targets(const char *list, int *out, unsigned *n)
{
	_cleanup_free_ char *copy = xstrdup(list ? list : "");
	char *save = NULL;

	*n = 0;
	if (!list) {
		for (int m = 0; m < MODE_COUNT; m++)
			if (m != MODE_ATTACH_PID)
				out[(*n)++] = m;
		return 0;
	}
	for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		bool found = false;
		for (int m = 0; m < MODE_COUNT; m++)
			if (m != MODE_ATTACH_PID && !strcmp(tok, check_mode_name((enum check_mode)m))) {
				out[(*n)++] = m;
				found = true;
			}
		if (!strcmp(tok, "--no-aslr") || !strcmp(tok, "no_aslr")) {
			out[(*n)++] = MODE_NO_ASLR;
			found = true;
		}
		for (int i = check_tool_find(tok, 0); i >= 0; i = check_tool_find(tok, i + 1)) {
			if (*n < WP_MAX_TARGETS)
				out[(*n)++] = MODE_COUNT + i;
			found = true;
		}
		if (!found) {
			ct_error("--for: unknown mode or tool \"%s\" (a mode such as no-aslr or "
				 "attach, or a tool such as gdb, lldb, perf:stat, bpftrace)", tok);
			return -EINVAL;
		}
		if (*n >= WP_MAX_TARGETS)
			break;
	}
	if (!*n) {
		ct_error("--for: no mode or tool named");
		return -EINVAL;
	}
	return 0;
}

struct wp_pick {
	int cand;			/* -1: no capability; else cap_candidates[] */
	struct whatif_mode_fix fix;	/* valid with has_fix */
	bool has_fix;
	enum check_verdict after;
};

/* Whether the engine of s accepts every capability of candidate c. */
static bool cand_known(const struct setup *s, int c)
{
	for (int k = 0; c >= 0 && k < 2 && cap_candidates[c][k]; k++)
		if (!engine_knows_cap(s->engine, s->engine_version, caps_from_name(cap_candidates[c][k])))
			return false;
	return true;
}

/* Options with the capabilities of candidate c added. */
static void opts_with_cand(const struct whatif_opts *o, int c, struct whatif_opts *out)
{
	*out = *o;
	if (c < 0)
		return;
	for (int k = 0; k < 2 && cap_candidates[c][k]; k++)
		if (out->nadd < WHATIF_MAX_CAP_ARGS)
			out->cap_add[out->nadd++] = cap_candidates[c][k];
}

/* Verdict of target t in config c with fix (if any) forced open. */
static enum check_verdict verdict_after(const struct config *c, const struct whatif_mode_fix *fix, int t)
{
	static struct check_facts f;
	static struct check_report rep;
	struct sq_result res[SQ_COUNT];

	memcpy(res, c->ev.res, sizeof(res));
	if (fix)
		whatif_apply_fixes(fix, 1, res);
	f = c->ev.facts;
	whatif_fill_probes(&f, res);
	check_assess(&f, &rep);
	return whatif_target_result(&rep, t)->verdict;
}

/* The narrowest way to make t ok: a profile change alone, else with the
 * first capability candidate that does it, else the best there is. */
static int pick_for_target(const struct setup *s, int t, struct wp_pick *best)
{
	static struct config c;
	struct whatif_opts o2;
	struct setup s2;

	memset(best, 0, sizeof(*best));
	best->cand = -1;
	best->after = VERDICT_FAILS + 1;
	for (int cand = -1; cand < (int)ARRAY_SIZE(cap_candidates); cand++) {
		struct wp_pick p = { .cand = cand };
		if (!cand_known(s, cand))
			continue;
		opts_with_cand(s->o, cand, &o2);
		s2 = *s;
		s2.o = &o2;
		if (eval_config(&s2, &c, "candidate", !s->profile, false) < 0)
			return -EINVAL;
		p.has_fix = whatif_min_fix_target(&c.ev.facts, c.ev.res, t, &p.fix) && p.fix.nalts;
		p.after = verdict_after(&c, p.has_fix ? &p.fix : NULL, t);
		if (p.after < best->after)
			*best = p;
		if (p.after == VERDICT_OK)
			break;
	}
	return 0;
}

static void add_rule(struct whatif_rule *rules, unsigned *n, const struct whatif_rule *r)
{
	for (unsigned i = 0; i < *n; i++)
		if (!strcmp(rules[i].syscall, r->syscall) &&
		    (rules[i].arg_index < 0 ||
		     (rules[i].arg_index == r->arg_index && rules[i].value == r->value)))
			return;
	if (r->arg_index < 0)	/* the whole syscall replaces its value rules */
		for (unsigned i = 0; i < *n; i++)
			if (!strcmp(rules[i].syscall, r->syscall)) {
				rules[i--] = rules[--*n];
			}
	if (*n < WP_MAX_RULES)
		rules[(*n)++] = *r;
}

static bool is_allow(struct json_object *entry)
{
	struct json_object *a;
	const char *s;

	if (!json_object_object_get_ex(entry, "action", &a) || !(s = json_object_get_string(a)))
		return false;
	return !strcmp(s, "SCMP_ACT_ALLOW") || !strcmp(s, "SCMP_ACT_LOG");
}

/* Take name out of the entries that do not allow it, so that the allow
 * rule is not shadowed (libseccomp refuses two actions on one rule). */
static void unblock(struct json_object *syscalls, const char *name)
{
	for (size_t i = 0; i < json_object_array_length(syscalls); i++) {
		struct json_object *e = json_object_array_get_idx(syscalls, i), *names;
		if (is_allow(e) || !json_object_object_get_ex(e, "names", &names) ||
		    !json_object_is_type(names, json_type_array))
			continue;
		for (size_t k = 0; k < json_object_array_length(names); k++) {
			const char *n = json_object_get_string(json_object_array_get_idx(names, k));
			if (n && !strcmp(n, name)) {
				json_object_array_del_idx(names, k, 1);
				k--;
			}
		}
		if (!json_object_array_length(names)) {
			json_object_array_del_idx(syscalls, i, 1);
			i--;
		}
	}
}

static int write_profile_file(const char *in, const struct builtin_profile *b, const char *out,
			      const struct whatif_rule *rules, unsigned n, const char *why)
{
	struct json_object *root = b ? json_tokener_parse(b->text) : json_object_from_file(in), *sys;

	if (!root) {
		ct_error("%s: cannot read it again", in);
		return -EINVAL;
	}
	if (!json_object_object_get_ex(root, "syscalls", &sys)) {
		sys = json_object_new_array();
		json_object_object_add(root, "syscalls", sys);
	}
	for (unsigned i = 0; i < n; i++) {
		struct json_object *e = json_object_new_object(), *names = json_object_new_array();
		unblock(sys, rules[i].syscall);
		json_object_array_add(names, json_object_new_string(rules[i].syscall));
		json_object_object_add(e, "names", names);
		json_object_object_add(e, "action", json_object_new_string("SCMP_ACT_ALLOW"));
		if (rules[i].arg_index >= 0) {
			struct json_object *args = json_object_new_array(), *a = json_object_new_object();
			json_object_object_add(a, "index", json_object_new_int(rules[i].arg_index));
			json_object_object_add(a, "value", json_object_new_int64((int64_t)rules[i].value));
			json_object_object_add(a, "op", json_object_new_string("SCMP_CMP_EQ"));
			json_object_array_add(args, a);
			json_object_object_add(e, "args", args);
		}
		json_object_object_add(e, "comment", json_object_new_string(why));
		json_object_array_add(sys, e);
	}
	const char *text = json_object_to_json_string_ext(root, JSON_C_TO_STRING_PRETTY |
							  JSON_C_TO_STRING_SPACED |
							  JSON_C_TO_STRING_NOSLASHESCAPE);
	_cleanup_fclose_ FILE *fp = fopen(out, "we");
	int r = 0;

	if (!fp || fputs(text, fp) < 0 || fputc('\n', fp) < 0 || fflush(fp) != 0) {
		ct_error("%s: %s", out, strerror(errno));
		r = -EIO;
	}
	json_object_put(root);
	return r;
}

int write_profile_run(const struct whatif_opts *o)
{
	static struct setup s, sv;
	static struct config before, after;
	static struct wp_pick picks[WP_MAX_TARGETS];
	static struct whatif_opts final;
	int targets[WP_MAX_TARGETS];
	unsigned nt, nrules = 0;
	struct whatif_rule rules[WP_MAX_RULES];
	bool caps[ARRAY_SIZE(cap_candidates)] = { false };
	char why[600] = "added by ctrace --check --write-profile for", name[64];
	enum check_verdict worst = VERDICT_OK;
	int status;

	if (!o->profile) {
		ct_error("--write-profile needs a profile file to start from (--profile FILE)");
		return 1;
	}
	if (parse_targets(o->for_list, targets, &nt) < 0)
		return 1;
	if (setup(o, &s) < 0)
		return 1;
	if (eval_config(&s, &before, "as-is", false, false) < 0) {
		setup_release(&s);
		return 1;
	}
	/* First the capabilities each target needs, then the profile
	 * changes under all of them (a capability also changes which entries
	 * of the profile apply: Docker's allows process_vm_readv with
	 * SYS_PTRACE). */
	for (unsigned i = 0; i < nt; i++) {
		if (pick_for_target(&s, targets[i], &picks[i]) < 0) {
			setup_release(&s);
			return 1;
		}
		if (picks[i].cand >= 0)
			caps[picks[i].cand] = true;
		size_t l = strlen(why);
		snprintf(why + l, sizeof(why) - l, "%s%s", i ? ", " : " ", target_name(targets[i], name, sizeof(name)));
	}
	{
		static struct config c;
		static struct whatif_opts o2;
		static struct whatif_mode_fix fx;
		struct setup s2 = s;

		o2 = *o;
		for (int cand = 0; cand < (int)ARRAY_SIZE(cap_candidates); cand++)
			if (caps[cand]) {
				struct whatif_opts tmp;
				opts_with_cand(&o2, cand, &tmp);
				o2 = tmp;
			}
		s2.o = &o2;
		if (eval_config(&s2, &c, "with the capabilities", false, false) < 0) {
			setup_release(&s);
			return 1;
		}
		for (unsigned i = 0; i < nt; i++)
			if (whatif_min_fix_target(&c.ev.facts, c.ev.res, targets[i], &fx) && fx.nalts)
				for (unsigned r = 0; r < fx.alts[0].nrules; r++)
					add_rule(rules, &nrules, &fx.alts[0].rules[r]);
	}
	setup_release(&s);

	if (write_profile_file(o->profile, s.builtin, o->write_profile, rules, nrules, why) < 0)
		return 1;
	/* Verify: the written file, with the capabilities, through the what-if. */
	final = *o;
	final.profile = o->write_profile;
	final.engine_version = NULL;
	if (!final.engine)	/* a built-in profile's engine */
		final.engine = engine_name(s.engine);
	for (size_t c = 0; c < ARRAY_SIZE(cap_candidates); c++)
		for (int k = 0; caps[c] && k < 2 && cap_candidates[c][k]; k++) {
			bool dup = false;
			for (size_t j = 0; j < final.nadd; j++)
				dup |= caps_from_name(final.cap_add[j]) == caps_from_name(cap_candidates[c][k]);
			if (!dup && final.nadd < WHATIF_MAX_CAP_ARGS)
				final.cap_add[final.nadd++] = cap_candidates[c][k];
		}
	if (setup(&final, &sv) < 0)
		return 1;
	sv.engine_version = s.engine_version;
	if (eval_config(&sv, &after, "written", false, false) < 0) {
		setup_release(&sv);
		return 1;
	}
	setup_release(&sv);

	printf("ctrace %s: %s, for %s:\n", PACKAGE_VERSION, o->write_profile, why + strlen("added by ctrace --check --write-profile for "));
	if (s.builtin)
		printf("\nChanges to the built-in %s (%s)\n", s.builtin->name, s.builtin->version);
	else
		printf("\nChanges to %s\n", o->profile);
	if (!nrules)
		printf("  (none to the profile)\n");
	for (unsigned i = 0; i < nrules; i++) {
		char t[200];
		whatif_rule_text(&rules[i], t, sizeof(t));
		printf("  %s\n", t);
	}
	for (size_t c = 0; c < ARRAY_SIZE(cap_candidates); c++)
		if (caps[c])
			printf("  --cap-add %s%s%s (no profile change can replace it)\n", cap_candidates[c][0],
			       cap_candidates[c][1] ? " --cap-add " : "",
			       cap_candidates[c][1] ? cap_candidates[c][1] : "");
	for (size_t c = 0; c < ARRAY_SIZE(cap_candidates); c++)
		if (caps[c] && s.engine == ENGINE_CAPS_DOCKER && !s.engine_version &&
		    !engine_knows_cap(s.engine, "20.10", caps_from_name(cap_candidates[c][0]))) {
			printf("  (Docker before 23.0 refuses --cap-add %s: there use --cap-add SYS_ADMIN, "
			       "or --engine-version 20.10 with a built-in profile)\n", cap_candidates[c][0]);
			break;
		}
	printf("\nVerified with the what-if (%s, the written profile and these flags)\n",
	       engine_name(s.engine));
	printf("  %-17s %-9s %s\n", "mode / tool", "before", "after");
	for (unsigned i = 0; i < nt; i++) {
		const struct check_mode_result *b = whatif_target_result(&before.rep, targets[i]);
		const struct check_mode_result *a = whatif_target_result(&after.rep, targets[i]);
		printf("  %-17s %-9s %s%s%s\n", target_name(targets[i], name, sizeof(name)),
		       check_verdict_name(b->verdict), check_verdict_name(a->verdict),
		       a->cause[0] ? ": " : "", a->cause);
		if (a->verdict > worst)
			worst = a->verdict;
	}
	printf("\nRun the container with\n");
	for (int e = 0; e < 2; e++)
		printf("  %s run %s IMAGE ...\n", e ? "podman" : "docker", after.flags);
	{
		const char *base = strrchr(o->write_profile, '/');
		printf("  kubernetes: securityContext.seccompProfile: {type: Localhost, localhostProfile: "
		       "%s} (the file under the kubelet's seccomp directory, /var/lib/kubelet/seccomp)",
		       base ? base + 1 : o->write_profile);
	}
	{
		bool any = false;
		for (size_t c = 0; c < ARRAY_SIZE(cap_candidates); c++)
			for (int k = 0; caps[c] && k < 2 && cap_candidates[c][k]; k++) {
				printf("%s%s", any ? ", " : "; securityContext.capabilities.add: [",
				       cap_candidates[c][k]);
				any = true;
			}
		printf("%s\n", any ? "]" : "");
	}
	status = worst == VERDICT_OK ? 0 : worst == VERDICT_DEGRADED ? 2 : 3;
	if (fflush(stdout) != 0) {
		ct_error("writing the report: %s", strerror(errno));
		return 1;
	}
	return status;
}
