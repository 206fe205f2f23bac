/* Docker / OCI seccomp profiles -> BPF (see profile.h). */
#include "config.h"
#include "check/profile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <poll.h>
#include <signal.h>
#include <time.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <json-c/json.h>
#include <seccomp.h>

#include "util.h"
#include "check/engine_caps.h"

#define MAX_ARGS 6

struct prof_cond {
	uint64_t caps;          /* capabilities listed (known names) */
	bool caps_unknown;      /* a listed name matches no capability */
	bool has_caps;
	char **arches;
	unsigned narches;
	bool has_kernel;
	unsigned kmajor, kminor;
};

struct prof_name {
	char *name;
	int json_idx;           /* index in names[], -1 for legacy "name" */
};

struct prof_entry {
	struct prof_name *names;
	unsigned nnames;
	uint32_t action;
	struct scmp_arg_cmp args[MAX_ARGS * 4];
	unsigned nargs;
	struct prof_cond inc, exc;
};

struct seccomp_profile {
	uint32_t default_action;
	struct prof_entry *entries;
	unsigned nentries;
};

/* Parser state: the error buffer. */
struct perr {
	char *buf;
	size_t size;
};

static int __attribute__((format(printf, 3, 4)))
fail(struct perr *e, const char *path, const char *fmt, ...)
{
	va_list ap;
	int n = 0;

	if (!e->buf || !e->size)
		return -EINVAL;
	if (path && *path)
		n = snprintf(e->buf, e->size, "%s: ", path);
	if (n < 0 || (size_t)n >= e->size)
		return -EINVAL;
	va_start(ap, fmt);
	vsnprintf(e->buf + n, e->size - n, fmt, ap);
	va_end(ap);
	return -EINVAL;
}

/* snprintf for JSON paths: a truncated path is still a useful message. */
static void __attribute__((format(printf, 3, 4)))
mkpath(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, size, fmt, ap);
	va_end(ap);
}

/* A member of obj: exact key first, then case-insensitively (Go's
 * encoding/json matches field names that way).  NULL when absent or
 * null (a JSON null leaves a Go field at its zero value). */
static struct json_object *member(struct json_object *obj, const char *key)
{
	struct json_object *v = NULL;

	if (json_object_object_get_ex(obj, key, &v))
		return v;
	json_object_object_foreach(obj, k, val) {
		if (!strcasecmp(k, key))
			return val;
	}
	return NULL;
}

static const char *type_name(struct json_object *o)
{
	switch (json_object_get_type(o)) {
	case json_type_null: return "null";
	case json_type_boolean: return "a boolean";
	case json_type_double: return "a fractional number";
	case json_type_int: return "a number";
	case json_type_object: return "an object";
	case json_type_array: return "an array";
	case json_type_string: return "a string";
	}
	return "?";
}

static int want_type(struct perr *e, const char *path, struct json_object *o,
		     enum json_type t, const char *what)
{
	if (json_object_get_type(o) != t)
		return fail(e, path, "expected %s, got %s", what, type_name(o));
	return 0;
}

static int get_uint(struct perr *e, const char *path, struct json_object *o,
		    uint64_t max, uint64_t *out)
{
	int r = want_type(e, path, o, json_type_int, "a non-negative integer");

	if (r < 0)
		return r;
	if (json_object_get_int64(o) < 0)
		return fail(e, path, "must not be negative");
	*out = json_object_get_uint64(o);
	if (*out > max)
		return fail(e, path, "%llu is too large (maximum %llu)",
			    (unsigned long long)*out, (unsigned long long)max);
	return 0;
}

static const struct {
	const char *name;
	int kind;           /* 0 fixed, 1 errno-like (takes errnoRet) */
	uint32_t value;
} actions[] = {
	{ "SCMP_ACT_KILL", 0, SCMP_ACT_KILL_THREAD },
	{ "SCMP_ACT_KILL_THREAD", 0, SCMP_ACT_KILL_THREAD },
	{ "SCMP_ACT_KILL_PROCESS", 0, SCMP_ACT_KILL_PROCESS },
	{ "SCMP_ACT_TRAP", 0, SCMP_ACT_TRAP },
	{ "SCMP_ACT_ERRNO", 1, SCMP_ACT_ERRNO(0) },
	{ "SCMP_ACT_TRACE", 1, SCMP_ACT_TRACE(0) },
	{ "SCMP_ACT_ALLOW", 0, SCMP_ACT_ALLOW },
	{ "SCMP_ACT_LOG", 0, SCMP_ACT_LOG },
	{ "SCMP_ACT_NOTIFY", 0, SCMP_ACT_NOTIFY },
};

/* Action string + optional errnoRet -> libseccomp action, as runc's
 * getAction(): ERRNO and TRACE take errnoRet (EPERM without it); other
 * actions ignore it. */
static int parse_action(struct perr *e, const char *path, struct json_object *act,
			struct json_object *eret, const char *eret_path, uint32_t *out)
{
	uint64_t errno_ret = EPERM;
	const char *s;
	int r;

	if (!act)
		return fail(e, path, "missing");
	r = want_type(e, path, act, json_type_string, "a string");
	if (r < 0)
		return r;
	if (eret) {
		r = get_uint(e, eret_path, eret, 0xffff, &errno_ret);
		if (r < 0)
			return r;
	}
	s = json_object_get_string(act);
	for (size_t i = 0; i < ARRAY_SIZE(actions); i++) {
		if (strcmp(s, actions[i].name))
			continue;
		*out = actions[i].kind ? actions[i].value | (uint32_t)errno_ret
				       : actions[i].value;
		return 0;
	}
	return fail(e, path, "unknown action \"%s\"", s);
}

static const struct {
	const char *name;
	enum scmp_compare op;
} ops[] = {
	{ "SCMP_CMP_NE", SCMP_CMP_NE },
	{ "SCMP_CMP_LT", SCMP_CMP_LT },
	{ "SCMP_CMP_LE", SCMP_CMP_LE },
	{ "SCMP_CMP_EQ", SCMP_CMP_EQ },
	{ "SCMP_CMP_GE", SCMP_CMP_GE },
	{ "SCMP_CMP_GT", SCMP_CMP_GT },
	{ "SCMP_CMP_MASKED_EQ", SCMP_CMP_MASKED_EQ },
};

static int parse_arg(struct perr *e, const char *path, struct json_object *o,
		     struct scmp_arg_cmp *out)
{
	char p[160];
	struct json_object *v;
	uint64_t idx = 0, val = 0, val2 = 0;
	const char *op;
	int r;

	r = want_type(e, path, o, json_type_object, "an object");
	if (r < 0)
		return r;
	mkpath(p, sizeof(p), "%s.index", path);
	v = member(o, "index");
	if (v && (r = get_uint(e, p, v, MAX_ARGS - 1, &idx)) < 0)
		return r;
	mkpath(p, sizeof(p), "%s.value", path);
	v = member(o, "value");
	if (v && (r = get_uint(e, p, v, UINT64_MAX, &val)) < 0)
		return r;
	mkpath(p, sizeof(p), "%s.valueTwo", path);
	v = member(o, "valueTwo");
	if (v && (r = get_uint(e, p, v, UINT64_MAX, &val2)) < 0)
		return r;
	mkpath(p, sizeof(p), "%s.op", path);
	v = member(o, "op");
	if (!v)
		return fail(e, p, "missing");
	r = want_type(e, p, v, json_type_string, "a string");
	if (r < 0)
		return r;
	op = json_object_get_string(v);
	for (size_t i = 0; i < ARRAY_SIZE(ops); i++) {
		if (strcmp(op, ops[i].name))
			continue;
		out->arg = (unsigned)idx;
		out->op = ops[i].op;
		out->datum_a = val;
		out->datum_b = val2;
		return 0;
	}
	return fail(e, p, "unknown operator \"%s\"", op);
}

/* Array of strings at path; NULL member means empty. */
static int parse_strings(struct perr *e, const char *path, struct json_object *a,
			 char ***out, unsigned *n)
{
	char p[160];
	size_t len;
	int r;

	*out = NULL;
	*n = 0;
	if (!a)
		return 0;
	r = want_type(e, path, a, json_type_array, "an array of strings");
	if (r < 0)
		return r;
	len = json_object_array_length(a);
	*out = xcalloc(len ? len : 1, sizeof(char *));
	for (size_t i = 0; i < len; i++) {
		struct json_object *s = json_object_array_get_idx(a, i);

		mkpath(p, sizeof(p), "%s[%zu]", path, i);
		if (!s)
			return fail(e, p, "expected a string, got null");
		r = want_type(e, p, s, json_type_string, "a string");
		if (r < 0)
			return r;
		(*out)[i] = xstrdup(json_object_get_string(s));
		*n = i + 1;
	}
	return 0;
}

static void free_strings(char **s, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		free(s[i]);
	free(s);
}

/* "major.minor", as moby's KernelVersion. */
static int parse_kernel(struct perr *e, const char *path, struct json_object *o,
			unsigned *maj, unsigned *min)
{
	const char *s;
	char tail;
	int r = want_type(e, path, o, json_type_string, "a string");

	if (r < 0)
		return r;
	s = json_object_get_string(o);
	if (sscanf(s, "%u.%u%c", maj, min, &tail) != 2 || s[0] < '0' || s[0] > '9')
		return fail(e, path, "invalid kernel version \"%s\" (expected MAJOR.MINOR)", s);
	return 0;
}

static int parse_cond(struct perr *e, const char *path, struct json_object *o,
		      struct prof_cond *c)
{
	char p[160];
	char **caps = NULL;
	unsigned ncaps = 0;
	struct json_object *v;
	int r;

	if (!o)
		return 0;
	r = want_type(e, path, o, json_type_object, "an object");
	if (r < 0)
		return r;
	mkpath(p, sizeof(p), "%s.caps", path);
	r = parse_strings(e, p, member(o, "caps"), &caps, &ncaps);
	if (r >= 0) {
		c->has_caps = ncaps > 0;
		for (unsigned i = 0; i < ncaps; i++) {
			/* The engines compare names with the "CAP_XXX"
			 * strings of the configured set: exact spelling. */
			int cap = caps_from_name(caps[i]);

			if (cap < 0 || strcmp(caps_name(cap), caps[i]))
				c->caps_unknown = true;
			else
				c->caps |= CAP_BIT(cap);
		}
	}
	free_strings(caps, ncaps);
	if (r < 0)
		return r;
	mkpath(p, sizeof(p), "%s.arches", path);
	r = parse_strings(e, p, member(o, "arches"), &c->arches, &c->narches);
	if (r < 0)
		return r;
	mkpath(p, sizeof(p), "%s.minKernel", path);
	v = member(o, "minKernel");
	if (v) {
		r = parse_kernel(e, p, v, &c->kmajor, &c->kminor);
		if (r < 0)
			return r;
		c->has_kernel = true;
	}
	return 0;
}

static int parse_entry(struct perr *e, unsigned idx, struct json_object *o,
		       struct prof_entry *ent)
{
	char path[64], p[160];
	struct json_object *names, *name, *args;
	char **list = NULL;
	unsigned n = 0;
	int r;

	mkpath(path, sizeof(path), "syscalls[%u]", idx);
	r = want_type(e, path, o, json_type_object, "an object");
	if (r < 0)
		return r;

	names = member(o, "names");
	name = member(o, "name");
	if (name && names && json_object_get_type(names) == json_type_array &&
	    json_object_array_length(names) > 0)
		return fail(e, path, "both \"name\" and \"names\" given; use one of them");
	mkpath(p, sizeof(p), "%s.names", path);
	r = parse_strings(e, p, names, &list, &n);
	if (r < 0) {
		free_strings(list, n);
		return r;
	}
	ent->names = xcalloc(n + 1, sizeof(*ent->names));
	for (unsigned i = 0; i < n; i++) {
		ent->names[i].name = list[i];
		ent->names[i].json_idx = (int)i;
	}
	free(list);
	ent->nnames = n;
	if (name) {
		mkpath(p, sizeof(p), "%s.name", path);
		r = want_type(e, p, name, json_type_string, "a string");
		if (r < 0)
			return r;
		ent->names[n].name = xstrdup(json_object_get_string(name));
		ent->names[n].json_idx = -1;
		ent->nnames = n + 1;
	}

	mkpath(p, sizeof(p), "%s.action", path);
	{
		char pe[160];

		mkpath(pe, sizeof(pe), "%s.errnoRet", path);
		r = parse_action(e, p, member(o, "action"), member(o, "errnoRet"), pe,
				 &ent->action);
		if (r < 0)
			return r;
	}

	args = member(o, "args");
	if (args) {
		size_t len;

		mkpath(p, sizeof(p), "%s.args", path);
		r = want_type(e, p, args, json_type_array, "an array");
		if (r < 0)
			return r;
		len = json_object_array_length(args);
		if (len > ARRAY_SIZE(ent->args))
			return fail(e, p, "too many argument conditions (%zu)", len);
		for (size_t i = 0; i < len; i++) {
			struct json_object *a = json_object_array_get_idx(args, i);

			mkpath(p, sizeof(p), "%s.args[%zu]", path, i);
			if (!a)
				return fail(e, p, "expected an object, got null");
			r = parse_arg(e, p, a, &ent->args[i]);
			if (r < 0)
				return r;
			ent->nargs = (unsigned)i + 1;
		}
	}

	mkpath(p, sizeof(p), "%s.includes", path);
	r = parse_cond(e, p, member(o, "includes"), &ent->inc);
	if (r < 0)
		return r;
	mkpath(p, sizeof(p), "%s.excludes", path);
	return parse_cond(e, p, member(o, "excludes"), &ent->exc);
}

static int parse_arches(struct perr *e, struct json_object *root)
{
	struct json_object *archs = member(root, "architectures");
	struct json_object *map = member(root, "archMap");
	char **list = NULL;
	unsigned n = 0;
	char p[96];
	int r;

	if (archs && map && json_object_get_type(archs) == json_type_array &&
	    json_object_array_length(archs) > 0 &&
	    json_object_get_type(map) == json_type_array && json_object_array_length(map) > 0)
		return fail(e, "", "both \"architectures\" and \"archMap\" given; use one of them");
	r = parse_strings(e, "architectures", archs, &list, &n);
	free_strings(list, n);
	if (r < 0)
		return r;
	if (!map)
		return 0;
	r = want_type(e, "archMap", map, json_type_array, "an array");
	if (r < 0)
		return r;
	for (size_t i = 0; i < json_object_array_length(map); i++) {
		struct json_object *m = json_object_array_get_idx(map, i), *a;

		mkpath(p, sizeof(p), "archMap[%zu]", i);
		if (!m)
			return fail(e, p, "expected an object, got null");
		r = want_type(e, p, m, json_type_object, "an object");
		if (r < 0)
			return r;
		a = member(m, "architecture");
		mkpath(p, sizeof(p), "archMap[%zu].architecture", i);
		if (a && (r = want_type(e, p, a, json_type_string, "a string")) < 0)
			return r;
		mkpath(p, sizeof(p), "archMap[%zu].subArchitectures", i);
		r = parse_strings(e, p, member(m, "subArchitectures"), &list, &n);
		free_strings(list, n);
		if (r < 0)
			return r;
	}
	return 0;
}

static void free_cond(struct prof_cond *c)
{
	free_strings(c->arches, c->narches);
}

void profile_free(struct seccomp_profile *p)
{
	if (!p)
		return;
	for (unsigned i = 0; i < p->nentries; i++) {
		struct prof_entry *ent = &p->entries[i];

		for (unsigned j = 0; j < ent->nnames; j++)
			free(ent->names[j].name);
		free(ent->names);
		free_cond(&ent->inc);
		free_cond(&ent->exc);
	}
	free(p->entries);
	free(p);
}

static void json_putp(struct json_object **o)
{
	if (*o)
		json_object_put(*o);
}

static void profile_freep(struct seccomp_profile **p)
{
	profile_free(*p);
}

static void tokener_freep(struct json_tokener **t)
{
	if (*t)
		json_tokener_free(*t);
}

/* Line and column of byte offset off. */
static void position(const char *text, size_t off, unsigned *line, unsigned *col)
{
	*line = 1;
	*col = 1;
	for (size_t i = 0; i < off; i++) {
		if (text[i] == '\n') {
			(*line)++;
			*col = 1;
		} else {
			(*col)++;
		}
	}
}

int profile_parse(const char *text, size_t len, struct seccomp_profile **out,
		  char *err, size_t errsz)
{
	struct perr e = { err, errsz };
	__attribute__((cleanup(tokener_freep))) struct json_tokener *tok = NULL;
	__attribute__((cleanup(json_putp))) struct json_object *root = NULL;
	__attribute__((cleanup(profile_freep))) struct seccomp_profile *p = NULL;
	struct json_object *sys;
	size_t off;
	int r;

	if (err && errsz)
		err[0] = '\0';
	if (len > INT32_MAX)
		return fail(&e, "", "profile too large");
	tok = json_tokener_new();
	if (!tok)
		return -ENOMEM;
	/* RFC 8259 as Go's encoding/json: no trailing commas, comments,
	 * single quotes or bare words. */
	json_tokener_set_flags(tok, JSON_TOKENER_STRICT);
	root = json_tokener_parse_ex(tok, text, (int)len);
	off = json_tokener_get_parse_end(tok);
	if (!root) {
		enum json_tokener_error je = json_tokener_get_error(tok);
		unsigned line, col;

		position(text, off, &line, &col);
		if (je == json_tokener_continue)
			return fail(&e, "", "line %u column %u: unexpected end of JSON", line, col);
		return fail(&e, "", "line %u column %u: invalid JSON: %s", line, col,
			    json_tokener_error_desc(je));
	}
	for (; off < len; off++) {
		if (text[off] != ' ' && text[off] != '\t' && text[off] != '\n' &&
		    text[off] != '\r') {
			unsigned line, col;

			position(text, off, &line, &col);
			return fail(&e, "", "line %u column %u: trailing data after the JSON object",
				    line, col);
		}
	}
	r = want_type(&e, "(top level)", root, json_type_object, "an object");
	if (r < 0)
		return r;

	p = xcalloc(1, sizeof(*p));
	r = parse_action(&e, "defaultAction", member(root, "defaultAction"),
			 member(root, "defaultErrnoRet"), "defaultErrnoRet", &p->default_action);
	if (r < 0)
		return r;
	r = parse_arches(&e, root);
	if (r < 0)
		return r;

	sys = member(root, "syscalls");
	if (sys) {
		size_t n;

		r = want_type(&e, "syscalls", sys, json_type_array, "an array");
		if (r < 0)
			return r;
		n = json_object_array_length(sys);
		p->entries = xcalloc(n ? n : 1, sizeof(*p->entries));
		for (size_t i = 0; i < n; i++) {
			struct json_object *o = json_object_array_get_idx(sys, i);
			char path[64];

			p->nentries = (unsigned)i + 1;
			mkpath(path, sizeof(path), "syscalls[%zu]", i);
			if (!o)
				return fail(&e, path, "expected an object, got null");
			r = parse_entry(&e, (unsigned)i, o, &p->entries[i]);
			if (r < 0)
				return r;
		}
	}
	*out = TAKE_PTR(p);
	return 0;
}

int profile_load(const char *path, struct seccomp_profile **out, char *err, size_t errsz)
{
	_cleanup_free_ char *buf = NULL;
	size_t size = 0;
	int r;

	if (err && errsz)
		err[0] = '\0';
	r = read_file_alloc(path, 64u << 20, &buf, &size);
	if (r < 0) {
		if (err && errsz)
			snprintf(err, errsz, "%s: %s", path, r == -EFBIG ? "file too large" :
				 r == -EIO ? "read error" : strerror(-r));
		return r;
	}
	r = profile_parse(buf, size, out, err, errsz);
	if (r < 0 && err && errsz) {
		_cleanup_free_ char *msg = xstrdup(err);

		snprintf(err, errsz, "%s: %s", path, msg);
	}
	return r;
}

int profile_host_kernel(unsigned *major, unsigned *minor)
{
	struct utsname u;

	if (uname(&u) < 0)
		return -errno;
	if (sscanf(u.release, "%u.%u", major, minor) != 2)
		return -EINVAL;
	return 0;
}

/* Go's GOARCH for the architectures the engines' includes.arches use. */
static const char *go_arch(const char *arch)
{
	if (!strcmp(arch, "x86_64"))
		return "amd64";
	if (!strcmp(arch, "aarch64"))
		return "arm64";
	return NULL;
}

static bool in_list(char **list, unsigned n, const char *s)
{
	for (unsigned i = 0; i < n; i++)
		if (!strcmp(list[i], s))
			return true;
	return false;
}

static bool kernel_ge(unsigned hmaj, unsigned hmin, unsigned maj, unsigned min)
{
	return hmaj > maj || (hmaj == maj && hmin >= min);
}

/* moby setupSeccomp(): is this entry part of the filter? */
static bool entry_applies(const struct prof_entry *ent, const char *garch, uint64_t caps,
			  unsigned kmaj, unsigned kmin)
{
	const struct prof_cond *x = &ent->exc, *in = &ent->inc;

	if (x->narches && in_list(x->arches, x->narches, garch))
		return false;
	if (x->has_caps && (x->caps & caps))
		return false;
	if (x->has_kernel && kernel_ge(kmaj, kmin, x->kmajor, x->kminor))
		return false;
	if (in->narches && !in_list(in->arches, in->narches, garch))
		return false;
	if (in->has_caps && (in->caps_unknown || (in->caps & caps) != in->caps))
		return false;
	if (in->has_kernel && !kernel_ge(kmaj, kmin, in->kmajor, in->kminor))
		return false;
	return true;
}

static void ctx_releasep(scmp_filter_ctx *c)
{
	if (*c)
		seccomp_release(*c);
}

static void add_warning(struct profile_filter *f, unsigned idx, const struct prof_name *n)
{
	size_t used = strlen(f->warnings);
	char item[160];

	if (n->json_idx < 0)
		snprintf(item, sizeof(item), "%ssyscalls[%u].name \"%s\"", used ? ", " : "",
			 idx, n->name);
	else
		snprintf(item, sizeof(item), "%ssyscalls[%u].names[%d] \"%s\"", used ? ", " : "",
			 idx, n->json_idx, n->name);
	if (used + strlen(item) + 4 < sizeof(f->warnings))
		strcat(f->warnings, item);
	else if (used + 4 < sizeof(f->warnings) && strcmp(f->warnings + used - 3, "..."))
		strcat(f->warnings, "...");
}

/* Add the rules of one syscall of an entry (runc's matchCall()). */
static int add_rules(scmp_filter_ctx ctx, const struct prof_entry *ent, int nr,
		     unsigned *rules)
{
	unsigned count[MAX_ARGS] = { 0 };
	bool split = false;
	int r;

	if (ent->nargs == 0) {
		r = seccomp_rule_add_array(ctx, ent->action, nr, 0, NULL);
		if (r == 0)
			(*rules)++;
		return r;
	}
	for (unsigned i = 0; i < ent->nargs; i++)
		if (++count[ent->args[i].arg] > 1)
			split = true;
	if (!split) {
		r = seccomp_rule_add_array(ctx, ent->action, nr, ent->nargs, ent->args);
		if (r == 0)
			(*rules)++;
		return r;
	}
	for (unsigned i = 0; i < ent->nargs; i++) {
		r = seccomp_rule_add_array(ctx, ent->action, nr, 1, &ent->args[i]);
		if (r < 0)
			return r;
		(*rules)++;
	}
	return 0;
}

static int export_bpf(scmp_filter_ctx ctx, struct profile_filter *out)
{
	_cleanup_close_ int fd = -1;
	struct stat st;
	ssize_t n;
	int r;

	fd = memfd_create("ctrace-seccomp-bpf", MFD_CLOEXEC);
	if (fd < 0)
		return -errno;
	r = seccomp_export_bpf(ctx, fd);
	if (r < 0)
		return r;
	if (fstat(fd, &st) < 0)
		return -errno;
	if (st.st_size <= 0 || st.st_size % sizeof(struct sock_filter) ||
	    st.st_size > (off_t)(65536 * sizeof(struct sock_filter)))
		return -EBADMSG;
	out->insns = xmalloc((size_t)st.st_size);
	n = pread(fd, out->insns, (size_t)st.st_size, 0);
	if (n != st.st_size) {
		free(out->insns);
		out->insns = NULL;
		return n < 0 ? -errno : -EIO;
	}
	out->len = (unsigned)(st.st_size / sizeof(struct sock_filter));
	return 0;
}

static int build_here(const struct seccomp_profile *p, const struct profile_target *t,
		      struct profile_filter *out, char *err, size_t errsz)
{
	struct perr e = { err, errsz };
	__attribute__((cleanup(ctx_releasep))) scmp_filter_ctx ctx = NULL;
	const char *garch;
	uint32_t arch, native;
	unsigned kmaj = t->kernel_major, kmin = t->kernel_minor;
	int r;

	memset(out, 0, sizeof(*out));
	if (err && errsz)
		err[0] = '\0';
	garch = t->arch ? go_arch(t->arch) : NULL;
	arch = garch ? seccomp_arch_resolve_name(t->arch) : 0;
	if (!arch)
		return fail(&e, "", "unsupported architecture \"%s\" (x86_64 or aarch64)",
			    t->arch ? t->arch : "(null)");
	if (kmaj == 0 && kmin == 0) {
		r = profile_host_kernel(&kmaj, &kmin);
		if (r < 0)
			return fail(&e, "", "cannot read the kernel version: %s", strerror(-r));
	}

	ctx = seccomp_init(p->default_action);
	if (!ctx)
		return fail(&e, "defaultAction", "libseccomp refuses action 0x%08x",
			    p->default_action);
	native = seccomp_arch_native();
	if (arch != native) {
		r = seccomp_arch_add(ctx, arch);
		if (r < 0)
			return fail(&e, "", "libseccomp cannot add architecture %s: %s", t->arch,
				    strerror(-r));
		r = seccomp_arch_remove(ctx, native);
		if (r < 0)
			return fail(&e, "", "libseccomp cannot remove the native architecture: %s",
				    strerror(-r));
	}
	out->audit_arch = arch;   /* libseccomp's arch tokens are AUDIT_ARCH_* */

	for (unsigned i = 0; i < p->nentries; i++) {
		const struct prof_entry *ent = &p->entries[i];

		if (!entry_applies(ent, garch, t->caps, kmaj, kmin)) {
			out->skipped_entries++;
			continue;
		}
		/* runc: a rule with the default action is redundant (and
		 * libseccomp would refuse it). */
		if (ent->action == p->default_action)
			continue;
		for (unsigned j = 0; j < ent->nnames; j++) {
			const struct prof_name *n = &ent->names[j];
			int nr = seccomp_syscall_resolve_name_arch(arch, n->name);

			if (nr == __NR_SCMP_ERROR) {
				if (t->strict_names) {
					char path[96];

					if (n->json_idx < 0)
						mkpath(path, sizeof(path), "syscalls[%u].name", i);
					else
						mkpath(path, sizeof(path), "syscalls[%u].names[%d]", i,
							 n->json_idx);
					profile_filter_release(out);
					return fail(&e, path, "unknown syscall name \"%s\"", n->name);
				}
				out->ignored_names++;
				add_warning(out, i, n);
				continue;
			}
			if (nr < 0) {
				/* A pseudo number: libseccomp knows the name,
				 * but the target architecture has no such
				 * syscall.  The rule could only matter for
				 * other architectures of a multi-arch filter,
				 * which is not modelled (a filter holding only
				 * the target makes libseccomp refuse it). */
				out->absent_names++;
				continue;
			}
			/* libseccomp takes numbers in the context of the
			 * native architecture and translates them (by name)
			 * for every architecture of the filter. */
			r = add_rules(ctx, ent, seccomp_syscall_resolve_name(n->name), &out->rules);
			if (r < 0) {
				profile_filter_release(out);
				return fail(&e, "", "syscalls[%u]: libseccomp refuses the rule for \"%s\": %s",
					    i, n->name, strerror(-r));
			}
		}
	}
	r = export_bpf(ctx, out);
	if (r < 0) {
		profile_filter_release(out);
		return fail(&e, "", "cannot export the filter as BPF: %s", strerror(-r));
	}
	return 0;
}

void profile_filter_release(struct profile_filter *f)
{
	free(f->insns);
	f->insns = NULL;
	f->len = 0;
}

/* What the building child sends back, followed by len instructions. */
struct build_reply {
	int r;
	unsigned len, rules, skipped, ignored, absent;
	uint32_t audit_arch;
	char warnings[sizeof(((struct profile_filter *)0)->warnings)];
	char err[512];
};

static int64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static bool write_all(int fd, const void *buf, size_t n)
{
	const char *p = buf;

	while (n) {
		ssize_t w = write(fd, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		p += w;
		n -= (size_t)w;
	}
	return true;
}

static _Noreturn void build_child(int fd, const struct seccomp_profile *p,
				  const struct profile_target *t)
{
	struct build_reply rep;
	struct profile_filter f;

	memset(&rep, 0, sizeof(rep));
	rep.r = build_here(p, t, &f, rep.err, sizeof(rep.err));
	if (rep.r == 0) {
		rep.len = f.len;
		rep.rules = f.rules;
		rep.skipped = f.skipped_entries;
		rep.ignored = f.ignored_names;
		rep.absent = f.absent_names;
		rep.audit_arch = f.audit_arch;
		memcpy(rep.warnings, f.warnings, sizeof(rep.warnings));
	}
	if (!write_all(fd, &rep, sizeof(rep)) ||
	    (rep.r == 0 && !write_all(fd, f.insns, (size_t)f.len * sizeof(*f.insns))))
		_exit(1);
	_exit(0);
}

/* Read everything the child sends until EOF or the deadline. */
static int read_reply(int fd, int64_t deadline, char **buf, size_t *size)
{
	size_t cap = 0;

	*buf = NULL;
	*size = 0;
	for (;;) {
		struct pollfd pfd = { .fd = fd, .events = POLLIN };
		int64_t left = deadline - now_ms();
		ssize_t n;
		int r;

		if (left <= 0)
			return -ETIME;
		r = poll(&pfd, 1, left > INT32_MAX ? INT32_MAX : (int)left);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -errno;
		if (r == 0)
			return -ETIME;
		if (*size == cap) {
			cap = cap ? cap * 2 : 65536;
			*buf = xrealloc(*buf, cap);
		}
		n = read(fd, *buf + *size, cap - *size);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -errno;
		if (n == 0)
			return 0;
		*size += (size_t)n;
	}
}

/* libseccomp can take minutes on some combinations of range comparisons
 * (seen with libseccomp 2.5.4 and two rules on one syscall comparing
 * different arguments with GE/LT), and runc would take as long.  The
 * filter is built in a child process so that ctrace can give up after a
 * deadline instead of hanging, and a libseccomp crash cannot take ctrace
 * with it. */
int profile_build(const struct seccomp_profile *p, const struct profile_target *t,
		  struct profile_filter *out, char *err, size_t errsz)
{
	struct perr e = { err, errsz };
	unsigned timeout = t->timeout_ms ? t->timeout_ms : PROFILE_BUILD_TIMEOUT_MS;
	_cleanup_free_ char *buf = NULL;
	struct build_reply rep;
	int pfd[2], status, r;
	size_t size = 0;
	pid_t pid;

	memset(out, 0, sizeof(*out));
	if (err && errsz)
		err[0] = '\0';
	if (pipe2(pfd, O_CLOEXEC) < 0)
		return fail(&e, "", "cannot create a pipe: %s", strerror(errno));
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		r = -errno;
		close(pfd[0]);
		close(pfd[1]);
		fail(&e, "", "cannot fork: %s", strerror(-r));
		return r;
	}
	if (pid == 0) {
		close(pfd[0]);
		build_child(pfd[1], p, t);
	}
	close(pfd[1]);
	r = read_reply(pfd[0], now_ms() + timeout, &buf, &size);
	close(pfd[0]);
	if (r == -ETIME)
		kill(pid, SIGKILL);
	/* status stays "exited 0" if someone else (a SIGCHLD handler) reaps
	 * the child first: the reply is then judged on its own. */
	status = 0;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (r == -ETIME) {
		fail(&e, "", "libseccomp did not build the filter within %u ms "
		     "(some combinations of argument range comparisons make it very slow)", timeout);
		return -ETIME;
	}
	if (r < 0) {
		fail(&e, "", "cannot read the filter from the build process: %s", strerror(-r));
		return r;
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || size < sizeof(rep)) {
		fail(&e, "", "the filter build process failed (%s %d)",
		     WIFSIGNALED(status) ? "signal" : "status",
		     WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status));
		return -ECHILD;
	}
	memcpy(&rep, buf, sizeof(rep));
	if (rep.r < 0) {
		rep.err[sizeof(rep.err) - 1] = '\0';
		if (err && errsz)
			snprintf(err, errsz, "%s", rep.err);
		return rep.r;
	}
	if (rep.len == 0 || size != sizeof(rep) + (size_t)rep.len * sizeof(struct sock_filter)) {
		fail(&e, "", "the filter build process sent a truncated filter");
		return -EBADMSG;
	}
	out->insns = xmalloc((size_t)rep.len * sizeof(struct sock_filter));
	memcpy(out->insns, buf + sizeof(rep), (size_t)rep.len * sizeof(struct sock_filter));
	out->len = rep.len;
	out->rules = rep.rules;
	out->skipped_entries = rep.skipped;
	out->ignored_names = rep.ignored;
	out->absent_names = rep.absent;
	out->audit_arch = rep.audit_arch;
	memcpy(out->warnings, rep.warnings, sizeof(out->warnings));
	out->warnings[sizeof(out->warnings) - 1] = '\0';
	return 0;
}
