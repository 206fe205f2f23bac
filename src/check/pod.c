/* What-if for a Kubernetes Pod manifest; see pod.h. */
#include "config.h"
#include "check/pod.h"
#include "check/engine_caps.h"
#include "strbuf.h"
#include "util.h"

#include <errno.h>
#include <json-c/json.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <yaml.h>

/* ---- reading the YAML tree ---- */

/* a and b into buf (a field path), truncated if need be */
static void pcat(char *buf, size_t size, const char *a, const char *b)
{
	if (snprintf(buf, size, "%s%s", a, b) >= (int)size && size > 4)
		strcpy(buf + size - 4, "...");
}

struct yctx {
	yaml_document_t *doc;
	char *err;
	size_t errsz;
};

static yaml_node_t *node(struct yctx *y, int id)
{
	return id ? yaml_document_get_node(y->doc, id) : NULL;
}

static bool is_scalar(const yaml_node_t *n, const char *s)
{
	return n && n->type == YAML_SCALAR_NODE && n->data.scalar.length == strlen(s) &&
	       !memcmp(n->data.scalar.value, s, n->data.scalar.length);
}

/* Value of key in mapping m, or NULL. */
static yaml_node_t *get(struct yctx *y, yaml_node_t *m, const char *key)
{
	if (!m || m->type != YAML_MAPPING_NODE)
		return NULL;
	for (yaml_node_pair_t *p = m->data.mapping.pairs.start; p < m->data.mapping.pairs.top; p++)
		if (is_scalar(node(y, p->key), key))
			return node(y, p->value);
	return NULL;
}

static int type_error(struct yctx *y, const char *path, const char *want, const yaml_node_t *n)
{
	snprintf(y->err, y->errsz, "%s: expected %s, got %s (line %lu)", path, want,
		 n->type == YAML_MAPPING_NODE ? "a mapping" :
		 n->type == YAML_SEQUENCE_NODE ? "a list" : "a scalar",
		 (unsigned long)n->start_mark.line + 1);
	return -EINVAL;
}

static bool is_null(const yaml_node_t *n)
{
	if (!n || n->type != YAML_SCALAR_NODE || n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return false;
	return is_scalar(n, "") || is_scalar(n, "null") || is_scalar(n, "~") || is_scalar(n, "Null") ||
	       is_scalar(n, "NULL");
}

/* A node of this type (a mapping, a list) or absent (*out NULL); anything
 * else is an error. */
static int want_type(struct yctx *y, yaml_node_t *n, yaml_node_type_t type, const char *path,
		     yaml_node_t **out)
{
	*out = NULL;
	if (!n || is_null(n))
		return 0;
	if (n->type != type)
		return type_error(y, path, type == YAML_MAPPING_NODE ? "a mapping" : "a list", n);
	*out = n;
	return 0;
}

static int want_map(struct yctx *y, yaml_node_t *n, const char *path, yaml_node_t **out)
{
	return want_type(y, n, YAML_MAPPING_NODE, path, out);
}

static int want_seq(struct yctx *y, yaml_node_t *n, const char *path, yaml_node_t **out)
{
	return want_type(y, n, YAML_SEQUENCE_NODE, path, out);
}

/* A string scalar into buf (absent: unchanged).  *set tells. */
static int want_str(struct yctx *y, yaml_node_t *n, const char *path, char *buf, size_t size,
		    bool *set)
{
	if (set)
		*set = false;
	if (!n || is_null(n))
		return 0;
	if (n->type != YAML_SCALAR_NODE)
		return type_error(y, path, "a string", n);
	if (n->data.scalar.length >= size || memchr(n->data.scalar.value, 0, n->data.scalar.length)) {
		snprintf(y->err, y->errsz, "%s: string too long or with a NUL byte (line %lu)",
			 path, (unsigned long)n->start_mark.line + 1);
		return -EINVAL;
	}
	memcpy(buf, n->data.scalar.value, n->data.scalar.length);
	buf[n->data.scalar.length] = '\0';
	if (set)
		*set = true;
	return 0;
}

/* A boolean (YAML 1.1 as Kubernetes reads it): -1 when absent. */
static int want_bool(struct yctx *y, yaml_node_t *n, const char *path, int *out)
{
	static const char *const t[] = { "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON" };
	static const char *const f[] = { "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF" };

	if (!n || is_null(n))
		return 0;
	if (n->type == YAML_SCALAR_NODE && n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE)
		for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
			if (is_scalar(n, t[i])) {
				*out = 1;
				return 0;
			}
			if (is_scalar(n, f[i])) {
				*out = 0;
				return 0;
			}
		}
	if (n->type == YAML_SCALAR_NODE) {
		snprintf(y->err, y->errsz, "%s: expected true or false, got \"%.*s\" (line %lu)", path,
			 (int)(n->data.scalar.length > 40 ? 40 : n->data.scalar.length),
			 n->data.scalar.value, (unsigned long)n->start_mark.line + 1);
		return -EINVAL;
	}
	return type_error(y, path, "true or false", n);
}

/* A non-negative integer (plain scalar): -1 when absent. */
static int want_id(struct yctx *y, yaml_node_t *n, const char *path, long long *out)
{
	char buf[32], *end;
	long long v;

	if (!n || is_null(n))
		return 0;
	if (n->type != YAML_SCALAR_NODE)
		return type_error(y, path, "an integer", n);
	if (n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE || n->data.scalar.length == 0 ||
	    n->data.scalar.length >= sizeof(buf))
		goto bad;
	memcpy(buf, n->data.scalar.value, n->data.scalar.length);
	buf[n->data.scalar.length] = '\0';
	errno = 0;
	v = strtoll(buf, &end, 10);
	if (errno || *end || buf[0] == '-' || buf[0] == '+' || v > (long long)UINT_MAX - 1)
		goto bad;
	*out = v;
	return 0;
bad:
	snprintf(y->err, y->errsz, "%s: expected an integer user or group id, got \"%.*s\" (line %lu)",
		 path, (int)(n->data.scalar.length > 40 ? 40 : n->data.scalar.length),
		 n->data.scalar.value, (unsigned long)n->start_mark.line + 1);
	return -EINVAL;
}

static int want_caps(struct yctx *y, yaml_node_t *n, const char *path,
		     char list[POD_MAX_CAPS][40], size_t *count)
{
	yaml_node_t *seq;
	char p[200];
	int r = want_seq(y, n, path, &seq);

	if (r < 0 || !seq)
		return r;
	for (yaml_node_item_t *i = seq->data.sequence.items.start; i < seq->data.sequence.items.top; i++) {
		snprintf(p, sizeof(p), "%s[%d]", path, (int)(i - seq->data.sequence.items.start));
		if (*count >= POD_MAX_CAPS) {
			snprintf(y->err, y->errsz, "%s: more than %d capabilities", path, POD_MAX_CAPS);
			return -EINVAL;
		}
		r = want_str(y, node(y, *i), p, list[*count], sizeof(list[0]), NULL);
		if (r < 0)
			return r;
		if (strcasecmp(list[*count], "ALL") && caps_from_name(list[*count]) < 0) {
			snprintf(y->err, y->errsz, "%s: unknown capability \"%s\"", p, list[*count]);
			return -EINVAL;
		}
		(*count)++;
	}
	return 0;
}

/* securityContext.seccompProfile */
static int want_seccomp(struct yctx *y, yaml_node_t *sc, const char *path,
			enum pod_seccomp *kind, char *localhost, size_t size)
{
	yaml_node_t *sp;
	char p[300], type[40];
	bool set;
	int r;

	pcat(p, sizeof(p), path, ".seccompProfile");
	r = want_map(y, get(y, sc, "seccompProfile"), p, &sp);
	if (r < 0 || !sp)
		return r;
	pcat(p, sizeof(p), path, ".seccompProfile.type");
	r = want_str(y, get(y, sp, "type"), p, type, sizeof(type), &set);
	if (r < 0)
		return r;
	if (!set) {
		snprintf(y->err, y->errsz, "%s: missing (RuntimeDefault, Unconfined or Localhost)", p);
		return -EINVAL;
	}
	if (!strcmp(type, "RuntimeDefault"))
		*kind = POD_SECCOMP_RUNTIME_DEFAULT;
	else if (!strcmp(type, "Unconfined"))
		*kind = POD_SECCOMP_UNCONFINED;
	else if (!strcmp(type, "Localhost"))
		*kind = POD_SECCOMP_LOCALHOST;
	else {
		snprintf(y->err, y->errsz, "%s: unknown type \"%s\" (RuntimeDefault, Unconfined or "
			 "Localhost)", p, type);
		return -EINVAL;
	}
	pcat(p, sizeof(p), path, ".seccompProfile.localhostProfile");
	r = want_str(y, get(y, sp, "localhostProfile"), p, localhost, size, &set);
	if (r < 0)
		return r;
	if (*kind == POD_SECCOMP_LOCALHOST && !set) {
		snprintf(y->err, y->errsz, "%s: missing (type Localhost needs a file)", p);
		return -EINVAL;
	}
	return 0;
}

/* "runtime/default", "docker/default", "unconfined", "localhost/FILE" */
static int parse_annotation(struct yctx *y, yaml_node_t *n, const char *path,
			    struct pod_container *c)
{
	char v[600];
	int r = want_str(y, n, path, v, sizeof(v), NULL);

	if (r < 0 || !n || is_null(n))
		return r;
	if (!strcmp(v, "runtime/default") || !strcmp(v, "docker/default")) {
		c->annotation = POD_SECCOMP_RUNTIME_DEFAULT;
		c->ann_docker_default = v[0] == 'd';
	} else if (!strcmp(v, "unconfined")) {
		c->annotation = POD_SECCOMP_UNCONFINED;
	} else if (!strncmp(v, "localhost/", 10) && v[10]) {
		c->annotation = POD_SECCOMP_LOCALHOST;
		pcat(c->ann_localhost, sizeof(c->ann_localhost), v + 10, "");
	} else {
		snprintf(y->err, y->errsz, "%s: unknown value \"%s\" (runtime/default, "
			 "docker/default, unconfined or localhost/FILE)", path, v);
		return -EINVAL;
	}
	return 0;
}

struct pod_level {
	long long run_as_user, run_as_group;
	int run_as_non_root;
	enum pod_seccomp seccomp;
	char localhost[512];
};

static int parse_container(struct yctx *y, yaml_node_t *cn, const char *path,
			   const struct pod_level *pl, struct pod_container *c)
{
	yaml_node_t *sc, *caps;
	char p[300];
	bool set;
	int r, priv = -1;

	memset(c, 0, sizeof(*c));
	c->run_as_user = pl->run_as_user;
	c->run_as_group = pl->run_as_group;
	c->run_as_non_root = pl->run_as_non_root;
	c->allow_privilege_escalation = -1;
	c->seccomp = pl->seccomp;
	c->seccomp_from = pl->seccomp ? "pod" : NULL;
	snprintf(c->localhost, sizeof(c->localhost), "%s", pl->localhost);
	if (cn->type != YAML_MAPPING_NODE)
		return type_error(y, path, "a mapping", cn);
	pcat(p, sizeof(p), path, ".name");
	r = want_str(y, get(y, cn, "name"), p, c->name, sizeof(c->name), &set);
	if (r < 0)
		return r;
	if (!set) {
		snprintf(y->err, y->errsz, "%s: missing", p);
		return -EINVAL;
	}
	pcat(p, sizeof(p), path, ".securityContext");
	r = want_map(y, get(y, cn, "securityContext"), p, &sc);
	if (r < 0 || !sc)
		return r;
	pcat(p, sizeof(p), path, ".securityContext.capabilities");
	r = want_map(y, get(y, sc, "capabilities"), p, &caps);
	if (r < 0)
		return r;
	pcat(p, sizeof(p), path, ".securityContext.capabilities.add");
	r = want_caps(y, get(y, caps, "add"), p, c->cap_add, &c->nadd);
	if (r < 0)
		return r;
	pcat(p, sizeof(p), path, ".securityContext.capabilities.drop");
	r = want_caps(y, get(y, caps, "drop"), p, c->cap_drop, &c->ndrop);
	if (r < 0)
		return r;
	pcat(p, sizeof(p), path, ".securityContext.runAsUser");
	if ((r = want_id(y, get(y, sc, "runAsUser"), p, &c->run_as_user)) < 0)
		return r;
	pcat(p, sizeof(p), path, ".securityContext.runAsGroup");
	if ((r = want_id(y, get(y, sc, "runAsGroup"), p, &c->run_as_group)) < 0)
		return r;
	pcat(p, sizeof(p), path, ".securityContext.runAsNonRoot");
	if ((r = want_bool(y, get(y, sc, "runAsNonRoot"), p, &c->run_as_non_root)) < 0)
		return r;
	pcat(p, sizeof(p), path, ".securityContext.allowPrivilegeEscalation");
	if ((r = want_bool(y, get(y, sc, "allowPrivilegeEscalation"), p,
			   &c->allow_privilege_escalation)) < 0)
		return r;
	pcat(p, sizeof(p), path, ".securityContext.privileged");
	if ((r = want_bool(y, get(y, sc, "privileged"), p, &priv)) < 0)
		return r;
	c->privileged = priv == 1;
	pcat(p, sizeof(p), path, ".securityContext");
	{
		enum pod_seccomp k = POD_SECCOMP_UNSET;
		char lh[512] = "";
		if ((r = want_seccomp(y, sc, p, &k, lh, sizeof(lh))) < 0)
			return r;
		if (k) {
			c->seccomp = k;
			c->seccomp_from = "container";
			snprintf(c->localhost, sizeof(c->localhost), "%s", lh);
		}
	}
	return 0;
}

static const char *const pod_kinds[] = {
	"Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job",
	"ReplicationController", "CronJob",
};

static bool is_pod_kind(const char *kind)
{
	for (size_t i = 0; i < sizeof(pod_kinds) / sizeof(pod_kinds[0]); i++)
		if (!strcmp(kind, pod_kinds[i]))
			return true;
	return false;
}

/* The pod spec inside a document of this kind, or NULL; *meta: the
 * pod's metadata (a template's own, where the annotations are). */
static yaml_node_t *pod_spec_of(struct yctx *y, yaml_node_t *root, const char *kind,
				const char **path, yaml_node_t **meta, const char **mpath)
{
	yaml_node_t *spec = get(y, root, "spec"), *tmpl;

	*path = "spec";
	*meta = get(y, root, "metadata");
	*mpath = "metadata";
	if (!strcmp(kind, "Pod"))
		return spec;
	if (!strcmp(kind, "Deployment") || !strcmp(kind, "StatefulSet") || !strcmp(kind, "DaemonSet") ||
	    !strcmp(kind, "ReplicaSet") || !strcmp(kind, "Job") || !strcmp(kind, "ReplicationController")) {
		*path = "spec.template.spec";
		*mpath = "spec.template.metadata";
		tmpl = get(y, spec, "template");
	} else if (!strcmp(kind, "CronJob")) {
		*path = "spec.jobTemplate.spec.template.spec";
		*mpath = "spec.jobTemplate.spec.template.metadata";
		tmpl = get(y, get(y, get(y, spec, "jobTemplate"), "spec"), "template");
	} else {
		return NULL;
	}
	*meta = get(y, tmpl, "metadata");
	return get(y, tmpl, "spec");
}

static int parse_pod_doc(struct yctx *y, yaml_node_t *root, const char *kind, struct pod_spec *out)
{
	static const char *const lists[] = { "initContainers", "containers", "ephemeralContainers" };
	yaml_node_t *spec, *psc, *meta, *tmeta, *ann;
	struct pod_level pl = { .run_as_user = -1, .run_as_group = -1, .run_as_non_root = -1 };
	const char *sp, *mp;
	char p[300];
	int r, b;

	spec = pod_spec_of(y, root, kind, &sp, &tmeta, &mp);
	if ((r = want_map(y, spec, sp, &spec)) < 0)
		return r;
	if (!spec) {
		snprintf(y->err, y->errsz, "%s: missing (a %s needs its pod spec)", sp, kind);
		return -EINVAL;
	}
	snprintf(out->kind, sizeof(out->kind), "%s", kind);
	if ((r = want_map(y, get(y, root, "metadata"), "metadata", &meta)) < 0 ||
	    (r = want_str(y, get(y, meta, "name"), "metadata.name", out->name, sizeof(out->name), NULL)) < 0)
		return r;
	b = -1;
	pcat(p, sizeof(p), sp, ".shareProcessNamespace");
	if ((r = want_bool(y, get(y, spec, "shareProcessNamespace"), p, &b)) < 0)
		return r;
	out->share_process_namespace = b == 1;
	b = -1;
	pcat(p, sizeof(p), sp, ".hostPID");
	if ((r = want_bool(y, get(y, spec, "hostPID"), p, &b)) < 0)
		return r;
	out->host_pid = b == 1;
	pcat(p, sizeof(p), sp, ".securityContext");
	if ((r = want_map(y, get(y, spec, "securityContext"), p, &psc)) < 0)
		return r;
	{
		char q[300];
		pcat(q, sizeof(q), sp, ".securityContext.runAsUser");
		if ((r = want_id(y, get(y, psc, "runAsUser"), q, &pl.run_as_user)) < 0)
			return r;
		pcat(q, sizeof(q), sp, ".securityContext.runAsGroup");
		if ((r = want_id(y, get(y, psc, "runAsGroup"), q, &pl.run_as_group)) < 0)
			return r;
		pcat(q, sizeof(q), sp, ".securityContext.runAsNonRoot");
		if ((r = want_bool(y, get(y, psc, "runAsNonRoot"), q, &pl.run_as_non_root)) < 0)
			return r;
		if ((r = want_seccomp(y, psc, p, &pl.seccomp, pl.localhost, sizeof(pl.localhost))) < 0)
			return r;
	}
	for (size_t l = 0; l < sizeof(lists) / sizeof(lists[0]); l++) {
		yaml_node_t *seq;
		snprintf(p, sizeof(p), "%s.%s", sp, lists[l]);
		if ((r = want_seq(y, get(y, spec, lists[l]), p, &seq)) < 0)
			return r;
		if (!seq)
			continue;
		for (yaml_node_item_t *i = seq->data.sequence.items.start;
		     i < seq->data.sequence.items.top; i++) {
			if (out->n >= POD_MAX_CONTAINERS) {
				snprintf(y->err, y->errsz, "%s: more than %d containers", sp,
					 POD_MAX_CONTAINERS);
				return -EINVAL;
			}
			snprintf(p, sizeof(p), "%s.%s[%d]", sp, lists[l],
				 (int)(i - seq->data.sequence.items.start));
			if ((r = parse_container(y, node(y, *i), p, &pl, &out->c[out->n])) < 0)
				return r;
			out->c[out->n++].list = lists[l];
		}
	}
	if (!out->n) {
		snprintf(y->err, y->errsz, "%s.containers: no container", sp);
		return -EINVAL;
	}
	/* legacy annotations (what podman kube play reads) */
	if ((r = want_map(y, tmeta, mp, &tmeta)) < 0)
		return r;
	pcat(p, sizeof(p), mp, ".annotations");
	if ((r = want_map(y, get(y, tmeta, "annotations"), p, &ann)) < 0)
		return r;
	for (unsigned k = 0; ann && k < out->n; k++) {
		struct pod_container *c = &out->c[k];
		char key[400];
		pcat(p, sizeof(p), mp, ".annotations.seccomp.security.alpha.kubernetes.io/pod");
		r = parse_annotation(y, get(y, ann, "seccomp.security.alpha.kubernetes.io/pod"), p, c);
		if (r < 0)
			return r;
		snprintf(key, sizeof(key), "container.seccomp.security.alpha.kubernetes.io/%s", c->name);
		pcat(p, sizeof(p), mp, ".annotations.");
		pcat(p + strlen(p), sizeof(p) - strlen(p), key, "");
		if ((r = parse_annotation(y, get(y, ann, key), p, c)) < 0)
			return r;
	}
	return 0;
}

int pod_parse(const char *text, size_t len, struct pod_spec *out, char *err, size_t errsz)
{
	yaml_parser_t parser;
	yaml_document_t doc;
	struct yctx y = { .doc = &doc, .err = err, .errsz = errsz };
	int r = -EINVAL;
	unsigned ndoc = 0;
	char kinds[200] = "";

	memset(out, 0, sizeof(*out));
	if (!yaml_parser_initialize(&parser)) {
		snprintf(err, errsz, "cannot initialise the YAML parser");
		return -ENOMEM;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	for (;;) {
		yaml_node_t *root;
		char kind[64];
		bool set;

		if (!yaml_parser_load(&parser, &doc)) {
			snprintf(err, errsz, "not valid YAML: %s (line %lu, column %lu)",
				 parser.problem ? parser.problem : "parse error",
				 (unsigned long)parser.problem_mark.line + 1,
				 (unsigned long)parser.problem_mark.column + 1);
			break;
		}
		root = yaml_document_get_root_node(&doc);
		if (!root) {	/* end of the stream */
			yaml_document_delete(&doc);
			if (!ndoc)
				snprintf(err, errsz, "empty: no YAML document");
			else
				snprintf(err, errsz, "no Pod and no pod template in it (kinds: %s)",
					 kinds[0] ? kinds : "none");
			break;
		}
		ndoc++;
		if (root->type != YAML_MAPPING_NODE) {
			r = type_error(&y, "(document)", "a mapping (a Kubernetes object)", root);
			yaml_document_delete(&doc);
			break;
		}
		r = want_str(&y, get(&y, root, "kind"), "kind", kind, sizeof(kind), &set);
		if (r < 0) {
			yaml_document_delete(&doc);
			break;
		}
		if (set && is_pod_kind(kind)) {
			r = parse_pod_doc(&y, root, kind, out);
			yaml_document_delete(&doc);
			break;
		}
		if (strlen(kinds) + strlen(kind) + 3 < sizeof(kinds))
			snprintf(kinds + strlen(kinds), sizeof(kinds) - strlen(kinds), "%s%s",
				 kinds[0] ? ", " : "", set ? kind : "(no kind)");
		r = -EINVAL;
		yaml_document_delete(&doc);
	}
	yaml_parser_delete(&parser);
	return r;
}

int pod_load(const char *path, struct pod_spec *out, char *err, size_t errsz)
{
	_cleanup_free_ char *text = NULL;
	char msg[900];
	size_t len;
	int r = read_file_alloc(path, 4u << 20, &text, &len);

	if (r < 0) {
		snprintf(err, errsz, "%s: %s", path, r == -EFBIG ? "larger than 4 MiB" :
			 r == -EIO ? "read error" : strerror(-r));
		return r;
	}
	r = pod_parse(text, len, out, msg, sizeof(msg));
	if (r < 0)
		snprintf(err, errsz, "%s: %s", path, msg);
	return r;
}

const struct pod_container *pod_container(const struct pod_spec *p, const char *name,
					  char *err, size_t errsz)
{
	const struct pod_container *only = NULL;
	unsigned n = 0;
	char names[400];
	struct strbuf sb;

	sb_init(&sb, names, sizeof(names));
	for (unsigned i = 0; i < p->n; i++) {
		if (name && !strcmp(p->c[i].name, name))
			return &p->c[i];
		sb_printf(&sb, "%s%s", sb_len(&sb) ? ", " : "", p->c[i].name);
		if (!strcmp(p->c[i].list, "containers")) {
			only = &p->c[i];
			n++;
		}
	}
	if (name)
		snprintf(err, errsz, "--container: no container \"%s\" in the %s (it has: %s)", name,
			 p->kind, names);
	else if (n == 1)
		return only;
	else
		snprintf(err, errsz, "the %s has %u containers (%s): say which with --container NAME",
			 p->kind, n, names);
	return NULL;
}

/* ---- the what-if options of one container ---- */

static void add_note(struct whatif_opts *w, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void add_note(struct whatif_opts *w, const char *fmt, ...)
{
	static char buf[WHATIF_MAX_NOTES][400];
	va_list ap;

	if (w->nnotes >= WHATIF_MAX_NOTES)
		return;
	va_start(ap, fmt);
	vsnprintf(buf[w->nnotes], sizeof(buf[0]), fmt, ap);
	va_end(ap);
	w->notes[w->nnotes] = buf[w->nnotes];
	w->nnotes++;
}

static const char *localhost_path(const char *root, const char *file)
{
	static char path[PATH_MAX];

	snprintf(path, sizeof(path), "%s/%s", root, file);
	return path;
}

/* The seccomp profile the runtime applies: w->profile (NULL unconfined). */
static void pod_seccomp(const struct pod_container *c, bool podman, const char *root,
			struct whatif_opts *w)
{
	enum pod_seccomp k = c->seccomp;
	const char *file = c->localhost, *from = c->seccomp_from;

	if (podman) {
		if (c->seccomp)
			add_note(w, "securityContext.seccompProfile (%s) is ignored by podman kube play "
				 "(podman 4.3), which reads the seccomp.security.alpha.kubernetes.io "
				 "annotations", c->seccomp == POD_SECCOMP_RUNTIME_DEFAULT ? "RuntimeDefault" :
				 c->seccomp == POD_SECCOMP_UNCONFINED ? "Unconfined" : "Localhost");
		k = c->annotation;
		file = c->ann_localhost;
		from = "annotation";
		if (!k) {
			w->profile = "podman-default";
			add_note(w, "no seccomp annotation: podman's default profile (built-in "
				 "podman-default); --profile overrides it");
			return;
		}
	} else if (k && c->annotation) {
		add_note(w, "the seccomp annotation is ignored: securityContext.seccompProfile "
			 "(of the %s) takes precedence", from);
	} else if (!k && c->annotation) {
		k = c->annotation;
		file = c->ann_localhost;
		from = "annotation";
		add_note(w, "the seccomp annotation is honoured by Kubernetes before 1.27 only; "
			 "later versions want securityContext.seccompProfile");
	}
	switch (k) {
	case POD_SECCOMP_UNSET:
		w->profile = NULL;
		add_note(w, "no seccompProfile: Unconfined, the kubelet's default (a kubelet run "
			 "with --seccomp-default applies RuntimeDefault instead: --profile "
			 "runtime-default)");
		break;
	case POD_SECCOMP_UNCONFINED:
		w->profile = NULL;
		break;
	case POD_SECCOMP_RUNTIME_DEFAULT:
		w->profile = podman ? "podman-default" : "runtime-default";
		add_note(w, "%s RuntimeDefault (from the %s): assumed %s, the default profile of %s; "
			 "--profile overrides it (e.g. --profile docker-default for Docker/cri-dockerd "
			 "nodes)", podman ? "runtime/default," : "seccompProfile", from,
			 podman ? "podman-default" : "runtime-default",
			 podman ? "podman" : "containerd 1.6");
		break;
	case POD_SECCOMP_LOCALHOST:
		w->profile = localhost_path(root, file);
		add_note(w, "Localhost profile %s, read from %s (--seccomp-root DIR: where the "
			 "node keeps them)", file, w->profile);
		break;
	}
}

int pod_whatif(const struct pod_spec *p, const struct pod_container *c, bool podman,
	       const char *seccomp_root, struct whatif_opts *w, char *err, size_t errsz)
{
	w->pod = p;
	w->pod_container = c;
	w->pod_podman = podman;
	w->engine = podman ? "podman" : "docker";
	if (c->run_as_non_root == 1 && c->run_as_user == 0) {
		snprintf(err, errsz, "container \"%s\": runAsNonRoot with runAsUser 0: the kubelet "
			 "refuses to start it", c->name);
		return -EINVAL;
	}
	if (c->privileged) {
		w->cap_add[w->nadd++] = "ALL";
		add_note(w, "privileged: every capability and no seccomp filter");
	} else {
		for (size_t i = 0; i < c->nadd && w->nadd < WHATIF_MAX_CAP_ARGS; i++)
			w->cap_add[w->nadd++] = c->cap_add[i];
		for (size_t i = 0; i < c->ndrop && w->ndrop < WHATIF_MAX_CAP_ARGS; i++)
			w->cap_drop[w->ndrop++] = c->cap_drop[i];
	}
	if (c->run_as_user >= 0) {
		w->user_set = true;
		w->uid = (uid_t)c->run_as_user;
		w->gid = c->run_as_group >= 0 ? (gid_t)c->run_as_group : 0;
	} else if (c->run_as_non_root == 1) {
		w->user_set = true;
		w->uid = w->gid = 65534;
		add_note(w, "runAsNonRoot without runAsUser: the image's USER decides; modelled as "
			 "uid 65534 (set runAsUser for an exact answer)");
	}
	if (c->allow_privilege_escalation == 0 && !c->privileged)
		w->no_new_privs = true;
	if (w->profile_given) {
		add_note(w, "--profile %s overrides the pod's seccomp settings",
			 w->profile ? w->profile : "unconfined");
	} else if (c->privileged) {
		w->profile = NULL;
	} else {
		pod_seccomp(c, podman, seccomp_root ? seccomp_root : POD_DEFAULT_SECCOMP_ROOT, w);
	}
	w->profile_given = true;
	return 0;
}

/* ---- attaching to the other containers' processes ---- */

static uint64_t container_caps(const struct pod_container *c, bool podman, uint64_t *ambient)
{
	enum container_engine e = podman ? ENGINE_CAPS_PODMAN : ENGINE_CAPS_DOCKER;
	const char *add[POD_MAX_CAPS + 1], *drop[POD_MAX_CAPS];
	size_t nadd = 0, ndrop = 0;
	uint64_t caps = 0;
	char err[200];

	if (c->privileged)
		add[nadd++] = "ALL";
	for (size_t i = 0; i < c->nadd; i++)
		add[nadd++] = c->cap_add[i];
	for (size_t i = 0; i < c->ndrop; i++)
		drop[ndrop++] = c->cap_drop[i];
	if (engine_apply_caps(e, engine_default_caps(e), add, nadd, drop, ndrop, &caps, err,
			      sizeof(err)) < 0)
		caps = engine_default_caps(e);
	*ambient = 0;
	if (podman)	/* podman: a non-root user keeps the added capabilities */
		for (size_t i = 0; i < nadd; i++) {
			int n = caps_from_name(add[i]);
			if (n >= 0)
				*ambient |= CAP_BIT(n);
		}
	*ambient &= caps;
	return caps;
}

/* Can ctrace in w's container (facts f, report r) attach to t's processes? */
static void target_verdict(const struct whatif_opts *w, const struct check_facts *f,
			   const struct check_report *r, struct pod_target *t)
{
	const struct pod_spec *p = w->pod;
	uint64_t amb, caps = container_caps(t->c, w->pod_podman, &amb);
	uint64_t prm = t->c->run_as_user > 0 ? amb : caps;
	bool cap = check_has_cap(f->cap_eff, CHECK_CAP_SYS_PTRACE);
	const struct check_mode_result *m;

	t->uid = t->c->run_as_user >= 0 ? (uid_t)t->c->run_as_user : 0;
	t->visible = t->c == w->pod_container || p->share_process_namespace || p->host_pid;
	if (!t->visible) {
		t->verdict = VERDICT_FAILS;
		snprintf(t->cause, sizeof(t->cause), "its processes are not visible: the pod does "
			 "not share its pid namespace (Fix: shareProcessNamespace: true)");
		return;
	}
	if (t->uid != f->euid) {
		m = &r->modes[MODE_ATTACH_OTHER];
		t->verdict = m->verdict;
		char who[80];
		snprintf(who, sizeof(who), "it runs as uid %u and ctrace as uid %u%s",
			 (unsigned)t->uid, (unsigned)f->euid, m->verdict == VERDICT_OK ? "" : ": ");
		pcat(t->cause, sizeof(t->cause), who, m->verdict == VERDICT_OK ? "" : m->cause);
		return;
	}
	m = &r->modes[MODE_ATTACH];
	if (m->verdict == VERDICT_OK && (prm & ~f->cap_prm) && !cap) {
		t->verdict = VERDICT_FAILS;
		snprintf(t->cause, sizeof(t->cause), "it holds capabilities ctrace's container lacks "
			 "(the kernel then wants CAP_SYS_PTRACE). Fix: add SYS_PTRACE to "
			 "securityContext.capabilities.add");
		return;
	}
	t->verdict = m->verdict;
	snprintf(t->cause, sizeof(t->cause), "%s", m->verdict == VERDICT_OK ?
		 "same uid" : m->cause);
}

unsigned pod_targets(const struct whatif_opts *w, const struct check_facts *f,
		     const struct check_report *r, struct pod_target out[POD_MAX_CONTAINERS])
{
	unsigned n = 0;

	for (unsigned i = 0; i < w->pod->n; i++) {
		if (&w->pod->c[i] == w->pod_container || !strcmp(w->pod->c[i].list, "initContainers"))
			continue;
		out[n].c = &w->pod->c[i];
		target_verdict(w, f, r, &out[n++]);
	}
	return n;
}

static const char *pidns_text(const struct pod_spec *p)
{
	return p->host_pid ? "the host's (hostPID)" : p->share_process_namespace ?
	       "shared by the pod's containers (shareProcessNamespace)" : "its own";
}

void pod_report_text(FILE *out, const struct whatif_opts *w, const struct check_facts *f,
		     const struct check_report *r)
{
	static struct pod_target t[POD_MAX_CONTAINERS];
	const struct pod_container *c = w->pod_container;
	unsigned n = pod_targets(w, f, r, t);

	fprintf(out, "\nPod\n");
	fprintf(out, "  %s %s, container %s (%s), as %s starts it\n", w->pod->kind,
		w->pod->name[0] ? w->pod->name : "(no name)", c->name, c->list,
		w->pod_podman ? "podman kube play" : "Kubernetes (containerd)");
	fprintf(out, "  pid namespace:   %s\n", pidns_text(w->pod));
	if (!n)
		return;
	fprintf(out, "  attach to the processes of the other containers:\n");
	for (unsigned i = 0; i < n; i++)
		fprintf(out, "    %-14s %-9s %s\n", t[i].c->name, check_verdict_name(t[i].verdict),
			t[i].cause);
}

struct json_object *pod_targets_json(const struct pod_target *t, unsigned n)
{
	struct json_object *a = json_object_new_array();

	for (unsigned i = 0; i < n; i++) {
		struct json_object *e = json_object_new_object();
		json_object_object_add(e, "container", json_object_new_string(t[i].c->name));
		json_object_object_add(e, "uid", json_object_new_int64(t[i].uid));
		json_object_object_add(e, "visible", json_object_new_boolean(t[i].visible));
		json_object_object_add(e, "verdict", json_object_new_string(check_verdict_name(t[i].verdict)));
		json_object_object_add(e, "cause", json_object_new_string(t[i].cause));
		json_object_array_add(a, e);
	}
	return a;
}

struct json_object *pod_report_json(const struct whatif_opts *w, const struct check_facts *f,
				    const struct check_report *r)
{
	static struct pod_target t[POD_MAX_CONTAINERS];
	const struct pod_container *c = w->pod_container;
	struct json_object *o = json_object_new_object();
	unsigned n = pod_targets(w, f, r, t);

	json_object_object_add(o, "kind", json_object_new_string(w->pod->kind));
	json_object_object_add(o, "name", w->pod->name[0] ? json_object_new_string(w->pod->name) : NULL);
	json_object_object_add(o, "container", json_object_new_string(c->name));
	json_object_object_add(o, "container_list", json_object_new_string(c->list));
	json_object_object_add(o, "runtime", json_object_new_string(w->pod_podman ? "podman" : "kubernetes"));
	json_object_object_add(o, "share_process_namespace",
			       json_object_new_boolean(w->pod->share_process_namespace));
	json_object_object_add(o, "host_pid", json_object_new_boolean(w->pod->host_pid));
	json_object_object_add(o, "attach_targets", pod_targets_json(t, n));
	return o;
}
