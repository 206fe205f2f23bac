/* Text and JSON output of --check; see report.h. */
#include "config.h"
#include "check/report.h"
#include "check/tools.h"
#include "quote.h"
#include "util.h"

#include <json-c/json.h>
#include <signal.h>
#include <string.h>
#include <sys/capability.h>

char *check_cap_names(uint64_t set)
{
	size_t size = 1, len = 0;
	char *buf = xstrdup("");

	for (int c = 0; c < 64; c++) {
		if (!check_has_cap(set, c))
			continue;
		char *name = cap_to_name((cap_value_t)c);
		const char *n = name ? name : "?";
		size += strlen(n) + 1;
		buf = xrealloc(buf, size);
		len += (size_t)sprintf(buf + len, "%s%s", len ? "," : "", n);
		if (name)
			cap_free(name);
	}
	return buf;
}

/* For the text report: "all but cap_sys_resource" when that is shorter. */
static char *cap_summary(uint64_t set)
{
	int max = cap_max_bits();
	uint64_t known = max >= 64 ? UINT64_MAX : (UINT64_C(1) << max) - 1;
	uint64_t missing = ~set & known;
	char *names, *out;

	if (!set)
		return xstrdup("(none)");
	if (__builtin_popcountll(missing) * 3 >= __builtin_popcountll(set))
		return check_cap_names(set);
	if (!missing)
		return xstrdup("all");
	names = check_cap_names(missing);
	if (asprintf(&out, "all but %s", names) < 0)
		out = NULL;
	free(names);
	return out ? out : xstrdup("?");
}

static const char *seccomp_mode_name(int mode)
{
	switch (mode) {
	case 0: return "disabled";
	case 1: return "strict";
	case 2: return "filter";
	default: return NULL;
	}
}

static const char *errno_or_null(int err)
{
	const char *n = err > 0 ? errno_name(err) : NULL;
	return n;
}

/* ---- text ---- */

void check_report_text_env(FILE *out, const struct check_facts *f)
{
	_cleanup_free_ char *eff = cap_summary(f->cap_eff);
	_cleanup_free_ char *bnd = cap_summary(f->cap_bnd);
	const char *sm = seccomp_mode_name(f->seccomp_mode);

	fprintf(out, "Environment\n");
	if (f->engine == ENGINE_NONE)
		fprintf(out, "  container:       none detected\n");
	else
		fprintf(out, "  container:       %s (from %s)\n", check_engine_name(f->engine),
			f->engine_hints);
	fprintf(out, "  user:            uid %u (euid %u), gid %u\n", (unsigned)f->uid,
		(unsigned)f->euid, (unsigned)f->gid);
	fprintf(out, "  capabilities:    effective: %s\n", eff);
	fprintf(out, "                   bounding:  %s\n", bnd);
	fprintf(out, "  seccomp:         %s", sm ? sm : "unknown");
	if (f->seccomp_filters >= 0)
		fprintf(out, " (%d filter%s)", f->seccomp_filters, f->seccomp_filters == 1 ? "" : "s");
	fprintf(out, ", no_new_privs %s\n",
		f->no_new_privs < 0 ? "unknown" : f->no_new_privs ? "on" : "off");
	if (f->yama_scope < 0)
		fprintf(out, "  yama:            not present\n");
	else
		fprintf(out, "  yama:            ptrace_scope %d\n", f->yama_scope);
	fprintf(out, "  lsm:             %s", check_lsm_name(f->lsm));
	if (f->lsm_label[0]) {
		char q[QUOTE_SIZE(sizeof(f->lsm_label))]; /* the target's label: escaped */

		quote_string(f->lsm_label, strnlen(f->lsm_label, sizeof(f->lsm_label)), 0, q);
		fprintf(out, ", label %s%s", q, f->lsm_confined ? " (confined)" : "");
	}
	if (f->lsm_list[0])
		fprintf(out, "; active: %s", f->lsm_list);
	fputc('\n', out);
	fprintf(out, "  user namespace:  %s%s%s%s\n",
		f->userns < 0 ? "unknown" : f->userns ? "yes" : "no (initial)",
		f->uid_map[0] ? " (uid_map \"" : "", f->uid_map, f->uid_map[0] ? "\")" : "");
	if (f->nspid_depth > 1)
		fprintf(out, "  pid namespace:   nested (NSpid depth %d)\n", f->nspid_depth);
	else if (f->nspid_depth == 1 && f->engine != ENGINE_NONE)
		fprintf(out, "  pid namespace:   /proc shows one level (a container's own /proc "
			"hides the levels above)\n");
	else if (f->nspid_depth == 1)
		fprintf(out, "  pid namespace:   initial (NSpid depth 1)\n");
	else
		fprintf(out, "  pid namespace:   unknown\n");
	fprintf(out, "  kernel:          %s\n", f->kernel_release[0] ? f->kernel_release : "unknown");
}

static void text_target(FILE *out, const struct check_facts *f)
{
	const struct check_target *t = &f->target;

	if (!t->present)
		return;
	fprintf(out, "Target PID %d\n", (int)t->pid);
	if (t->exists == 0) {
		fprintf(out, "  not visible in ctrace's pid namespace\n");
		return;
	}
	fprintf(out, "  uid %u (euid %u), gid %u; dumpable: %s%s%s%s\n", (unsigned)t->uid[0],
		(unsigned)t->uid[1], (unsigned)t->gid[0],
		t->dumpable < 0 ? "unknown" : t->dumpable ? "yes" : "no",
		t->is_ancestor ? "; an ancestor of ctrace" : "",
		t->other_pidns ? "; in another pid namespace" : "",
		t->other_userns ? "; in another user namespace" : "");
	fprintf(out, "  /proc/%d/mem: %s%s\n", (int)t->pid,
		t->mem_err == 0 ? "opens (the kernel allows attaching)" :
		t->mem_err > 0 ? errno_name(t->mem_err) : "not tried",
		t->mem_dac ? " from the file's mode (ctrace lacks CAP_DAC_OVERRIDE), "
			     "not from the kernel's ptrace check" : "");
	if (t->mem_dac)
		fprintf(out, "  /proc/%d/ns/pid: %s\n", (int)t->pid,
			t->ns_err == 0 ? "readable (the kernel's ptrace read check passes)" :
			t->ns_err > 0 ? errno_name(t->ns_err) : "not tried");
}

void check_report_text_modes(FILE *out, const struct check_report *r)
{
	for (int m = 0; m < MODE_COUNT; m++) {
		const struct check_mode_result *mr = &r->modes[m];
		if (!mr->present)
			continue;
		if (mr->cause[0])
			fprintf(out, "  %-13s %-9s %s\n", check_mode_name(m),
				check_verdict_name(mr->verdict), mr->cause);
		else
			fprintf(out, "  %-13s %s\n", check_mode_name(m),
				check_verdict_name(mr->verdict));
		if (mr->fix[0])
			fprintf(out, "  %-13s %-9s fix: %s\n", "", "", mr->fix);
	}
}

void check_report_text_tools(FILE *out, const struct check_report *r)
{
	for (size_t i = 0; i < check_tool_count; i++) {
		const struct check_mode_result *tr = &r->tools[i];
		char name[48];

		if (!tr->present)
			continue;
		snprintf(name, sizeof(name), "%s %s", check_tools[i].name, check_tools[i].action);
		if (tr->cause[0])
			fprintf(out, "  %-17s %-9s %s\n", name, check_verdict_name(tr->verdict), tr->cause);
		else
			fprintf(out, "  %-17s %s\n", name, check_verdict_name(tr->verdict));
		if (tr->fix[0])
			fprintf(out, "  %-17s %-9s fix: %s\n", "", "", tr->fix);
	}
}

void check_report_text_probes(FILE *out, const struct check_facts *f)
{
	for (int p = 0; p < PROBE_COUNT; p++) {
		const struct probe_outcome *o = &f->probes[p];
		if (o->result == PROBE_NOT_RUN)
			continue;
		fprintf(out, "  %-25s %-8s", probe_name(p), probe_result_name(o->result));
		if (o->result == PROBE_ALLOWED || o->result == PROBE_ERRNO)
			fprintf(out, " %s", o->err ? errno_name(o->err) : "success");
		else if (o->result == PROBE_KILLED)
			fprintf(out, " SIG%s", o->sig > 0 && sigabbrev_np(o->sig) ? sigabbrev_np(o->sig) : "?");
		fprintf(out, "  [%s]\n", probe_call(p));
	}
}

const char *check_report_verdict_line(enum check_verdict w)
{
	return w == VERDICT_OK ? "every mode works" :
		w == VERDICT_DEGRADED ? "some modes are degraded, none fails" :
		"some modes fail (see the fixes above)";
}

void check_report_text(FILE *out, const struct check_facts *f,
		       const struct check_report *r)
{
	fprintf(out, "ctrace %s: which tracing modes work here\n\n", PACKAGE_VERSION);
	check_report_text_env(out, f);
	fputc('\n', out);
	if (f->target.present) {
		text_target(out, f);
		fputc('\n', out);
	}
	fprintf(out, "Modes\n");
	check_report_text_modes(out, r);
	fprintf(out, "\nTools (ctrace runs none of them; same facts and probes)\n");
	check_report_text_tools(out, r);
	fprintf(out, "\nProbes (in a child process)\n");
	check_report_text_probes(out, f);
	enum check_verdict w = check_report_worst(r);
	fprintf(out, "\nVerdict: %s\n", check_report_verdict_line(w));
}

/* ---- JSON ---- */

static struct json_object *jstr_or_null(const char *s)
{
	return s && *s ? json_str(s) : NULL; /* may come from a container */
}

static struct json_object *jcaps(uint64_t set)
{
	struct json_object *a = json_object_new_array();
	for (int c = 0; c < 64; c++) {
		if (!check_has_cap(set, c))
			continue;
		char *name = cap_to_name((cap_value_t)c);
		json_object_array_add(a, json_object_new_string(name ? name : "?"));
		if (name)
			cap_free(name);
	}
	return a;
}

static struct json_object *jint_or_null(int v)
{
	return v >= 0 ? json_object_new_int(v) : NULL;
}

static struct json_object *jbool_or_null(int v)
{
	return v >= 0 ? json_object_new_boolean(v) : NULL;
}

struct json_object *check_report_json_env(const struct check_facts *f)
{
	struct json_object *e = json_object_new_object(), *h = json_object_new_array();
	char hex[32];

	json_object_object_add(e, "in_container", json_object_new_boolean(f->engine != ENGINE_NONE));
	json_object_object_add(e, "engine", json_object_new_string(check_engine_name(f->engine)));
	if (f->engine_hints[0]) {
		char hints[sizeof(f->engine_hints)], *save = NULL;
		strcpy(hints, f->engine_hints);
		for (char *t = strtok_r(hints, ",", &save); t; t = strtok_r(NULL, ",", &save))
			json_object_array_add(h, json_object_new_string(t));
	}
	json_object_object_add(e, "engine_hints", h);
	json_object_object_add(e, "uid", json_object_new_int64(f->uid));
	json_object_object_add(e, "euid", json_object_new_int64(f->euid));
	json_object_object_add(e, "gid", json_object_new_int64(f->gid));
	json_object_object_add(e, "cap_eff", jcaps(f->cap_eff));
	json_object_object_add(e, "cap_bnd", jcaps(f->cap_bnd));
	snprintf(hex, sizeof(hex), "%016llx", (unsigned long long)f->cap_eff);
	json_object_object_add(e, "cap_eff_hex", json_object_new_string(hex));
	snprintf(hex, sizeof(hex), "%016llx", (unsigned long long)f->cap_bnd);
	json_object_object_add(e, "cap_bnd_hex", json_object_new_string(hex));
	json_object_object_add(e, "seccomp", jstr_or_null(seccomp_mode_name(f->seccomp_mode)));
	json_object_object_add(e, "seccomp_filters", jint_or_null(f->seccomp_filters));
	json_object_object_add(e, "no_new_privs", jbool_or_null(f->no_new_privs));
	json_object_object_add(e, "yama_ptrace_scope", jint_or_null(f->yama_scope));
	json_object_object_add(e, "lsm", json_object_new_string(check_lsm_name(f->lsm)));
	json_object_object_add(e, "lsm_label", jstr_or_null(f->lsm_label));
	json_object_object_add(e, "lsm_confined", json_object_new_boolean(f->lsm_confined));
	json_object_object_add(e, "lsm_active", jstr_or_null(f->lsm_list));
	json_object_object_add(e, "user_namespace", jbool_or_null(f->userns));
	json_object_object_add(e, "uid_map", jstr_or_null(f->uid_map));
	json_object_object_add(e, "pid_namespace_depth", f->nspid_depth > 0 ? json_object_new_int(f->nspid_depth) : NULL);
	json_object_object_add(e, "kernel", jstr_or_null(f->kernel_release));
	return e;
}

static struct json_object *json_target(const struct check_facts *f)
{
	const struct check_target *t = &f->target;
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "pid", json_object_new_int(t->pid));
	json_object_object_add(o, "exists", jbool_or_null(t->exists));
	if (t->exists == 1) {
		json_object_object_add(o, "uid", json_object_new_int64(t->uid[0]));
		json_object_object_add(o, "euid", json_object_new_int64(t->uid[1]));
		json_object_object_add(o, "gid", json_object_new_int64(t->gid[0]));
		json_object_object_add(o, "dumpable", jbool_or_null(t->dumpable));
		json_object_object_add(o, "ancestor", json_object_new_boolean(t->is_ancestor));
		json_object_object_add(o, "other_pid_namespace", json_object_new_boolean(t->other_pidns));
		json_object_object_add(o, "other_user_namespace", json_object_new_boolean(t->other_userns));
		json_object_object_add(o, "mem_open",
				       t->mem_err == 0 ? json_object_new_string("ok") :
				       jstr_or_null(errno_or_null(t->mem_err)));
		json_object_object_add(o, "mem_open_file_mode", json_object_new_boolean(t->mem_dac));
		json_object_object_add(o, "ns_link",
				       t->ns_err == 0 ? json_object_new_string("ok") :
				       jstr_or_null(errno_or_null(t->ns_err)));
	}
	return o;
}

struct json_object *check_report_json_modes(const struct check_facts *f,
					    const struct check_report *r)
{
	struct json_object *modes = json_object_new_array();

	for (int m = 0; m < MODE_COUNT; m++) {
		const struct check_mode_result *mr = &r->modes[m];
		if (!mr->present)
			continue;
		struct json_object *o = json_object_new_object();
		json_object_object_add(o, "name", json_object_new_string(check_mode_name(m)));
		json_object_object_add(o, "verdict", json_object_new_string(check_verdict_name(mr->verdict)));
		json_object_object_add(o, "cause", jstr_or_null(mr->cause));
		json_object_object_add(o, "fix", jstr_or_null(mr->fix));
		if (m == MODE_ATTACH_PID)
			json_object_object_add(o, "pid", json_object_new_int(f->target.pid));
		json_object_array_add(modes, o);
	}
	return modes;
}

struct json_object *check_report_json_tools(const struct check_report *r)
{
	struct json_object *tools = json_object_new_array();

	for (size_t i = 0; i < check_tool_count; i++) {
		const struct check_mode_result *tr = &r->tools[i];
		if (!tr->present)
			continue;
		struct json_object *o = json_object_new_object();
		json_object_object_add(o, "name", json_object_new_string(check_tools[i].name));
		json_object_object_add(o, "action", json_object_new_string(check_tools[i].action));
		json_object_object_add(o, "verdict", json_object_new_string(check_verdict_name(tr->verdict)));
		json_object_object_add(o, "cause", jstr_or_null(tr->cause));
		json_object_object_add(o, "fix", jstr_or_null(tr->fix));
		json_object_array_add(tools, o);
	}
	return tools;
}

struct json_object *check_report_json_probes(const struct check_facts *f)
{
	struct json_object *probes = json_object_new_array();

	for (int p = 0; p < PROBE_COUNT; p++) {
		const struct probe_outcome *o = &f->probes[p];
		if (o->result == PROBE_NOT_RUN)
			continue;
		struct json_object *j = json_object_new_object();
		int exp = probe_expected(p);
		json_object_object_add(j, "name", json_object_new_string(probe_name(p)));
		json_object_object_add(j, "syscall", json_object_new_string(probe_syscall(p)));
		json_object_object_add(j, "call", json_object_new_string(probe_call(p)));
		json_object_object_add(j, "expected", exp ? json_object_new_string(errno_name(exp)) : NULL);
		json_object_object_add(j, "result", json_object_new_string(probe_result_name(o->result)));
		json_object_object_add(j, "errno",
				       (o->result == PROBE_ALLOWED || o->result == PROBE_ERRNO) && o->err
				       ? jstr_or_null(errno_or_null(o->err)) : NULL);
		if (o->result == PROBE_KILLED && o->sig > 0 && sigabbrev_np(o->sig)) {
			char s[32];
			snprintf(s, sizeof(s), "SIG%s", sigabbrev_np(o->sig));
			json_object_object_add(j, "signal", json_object_new_string(s));
		} else {
			json_object_object_add(j, "signal", NULL);
		}
		json_object_array_add(probes, j);
	}
	return probes;
}

struct json_object *check_report_json_summary(const struct check_report *r, int exit_status)
{
	struct json_object *sum = json_object_new_object();

	json_object_object_add(sum, "verdict", json_object_new_string(check_verdict_name(check_report_worst(r))));
	json_object_object_add(sum, "exit_status", json_object_new_int(exit_status));
	return sum;
}

struct json_object *check_report_json(const struct check_facts *f,
				      const struct check_report *r, int exit_status)
{
	struct json_object *doc = json_object_new_object();

	json_object_object_add(doc, "ctrace_version", json_object_new_string(PACKAGE_VERSION));
	json_object_object_add(doc, "schema", json_object_new_int(1));
	json_object_object_add(doc, "environment", check_report_json_env(f));
	json_object_object_add(doc, "target", f->target.present ? json_target(f) : NULL);
	json_object_object_add(doc, "modes", check_report_json_modes(f, r));
	json_object_object_add(doc, "tools", check_report_json_tools(r));
	json_object_object_add(doc, "probes", check_report_json_probes(f));
	json_object_object_add(doc, "summary", check_report_json_summary(r, exit_status));
	return doc;
}
