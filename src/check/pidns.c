/* The processes of a shared pid namespace and whether ctrace can attach to
 * them; see pidns.h. */
#include "config.h"
#include "check/pidns.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

int pidns_other_container(const char *mnt_self, const char *mnt_other,
			  const char *cg_self, const char *cg_other)
{
	if (mnt_self && mnt_other)
		return strcmp(mnt_self, mnt_other) != 0;
	if (cg_self && cg_other)
		return strcmp(cg_self, cg_other) != 0;
	return -1;
}

static bool read_link(const char *path, char *buf, size_t size)
{
	ssize_t n = readlink(path, buf, size - 1);
	if (n < 0)
		return false;
	buf[n] = '\0';
	return true;
}

/* /proc/PID/comm, bytes outside printable ASCII as \ooo */
static void read_comm(pid_t pid, char *out, size_t size)
{
	char path[64], raw[32];
	size_t o = 0;

	snprintf(path, sizeof(path), "/proc/%d/comm", (int)pid);
	if (read_file(path, raw, sizeof(raw)) < 0) {
		snprintf(out, size, "?");
		return;
	}
	raw[strcspn(raw, "\n")] = '\0';
	for (const unsigned char *p = (const unsigned char *)raw; *p && o + 5 < size; p++) {
		if (isprint(*p) && *p != '\\')
			out[o++] = (char)*p;
		else
			o += (size_t)snprintf(out + o, size - o, "\\%03o", *p);
	}
	out[o] = '\0';
}

/* kthreadd (PID 2 where it is visible) and its children have no memory
 * to trace; a container's own pid namespace never shows them */
static bool is_kthread(pid_t pid)
{
	char path[64], buf[4096];
	const char *pp;

	if (pid == 2)
		return true;
	snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
	if (read_file(path, buf, sizeof(buf)) < 0 || !(pp = strstr(buf, "\nPPid:")))
		return false;
	return strtol(pp + 6, NULL, 10) == 2 && !strstr(buf, "\nVmSize:");
}

static void closedirp(DIR **d)
{
	if (*d)
		closedir(*d);
}

void pidns_survey(const struct check_facts *f, struct pidns_view *v)
{
	static struct check_facts pf;	/* large: keep off the stack */
	static struct check_report pr;
	char mnt_self[64], cg_self[1024], mnt[64], cg[1024], path[64];
	bool have_mnt_self, have_cg_self;
	__attribute__((cleanup(closedirp))) DIR *d = NULL;
	struct dirent *de;

	memset(v, 0, sizeof(*v));
	v->shared = -1;
	if (f->engine == ENGINE_NONE || !(d = opendir("/proc")))
		return;
	v->shared = 0;
	have_mnt_self = read_link("/proc/self/ns/mnt", mnt_self, sizeof(mnt_self));
	have_cg_self = read_file("/proc/self/cgroup", cg_self, sizeof(cg_self)) >= 0;
	while ((de = readdir(d))) {
		char *end;
		long pid = strtol(de->d_name, &end, 10);
		struct pidns_proc *p;
		int other;

		if (*end || pid <= 0 || is_kthread((pid_t)pid))
			continue;
		snprintf(path, sizeof(path), "/proc/%ld/ns/mnt", pid);
		bool have_mnt = read_link(path, mnt, sizeof(mnt));
		snprintf(path, sizeof(path), "/proc/%ld/cgroup", pid);
		bool have_cg = read_file(path, cg, sizeof(cg)) >= 0;
		other = pidns_other_container(have_mnt_self ? mnt_self : NULL, have_mnt ? mnt : NULL,
					      have_cg_self ? cg_self : NULL, have_cg ? cg : NULL);
		pf = *f;
		check_gather_target(&pf, (pid_t)pid);
		if (pf.target.exists != 1)
			continue;	/* gone meanwhile */
		v->total++;
		if (other == 1)
			v->shared = 1;
		if (v->n >= PIDNS_MAX_PROCS)
			continue;
		p = &v->procs[v->n++];
		p->pid = (pid_t)pid;
		p->uid = pf.target.uid[1];
		p->other_container = other;
		p->is_self = pf.target.is_self;
		read_comm((pid_t)pid, p->comm, sizeof(p->comm));
		check_assess(&pf, &pr);
		p->attach = pr.modes[MODE_ATTACH_PID];
	}
}

void pidns_report_text(FILE *out, const struct pidns_view *v)
{
	if (v->shared != 1)
		return;
	fprintf(out, "\nShared pid namespace (another container's processes are visible: "
		"--pid=container:NAME, a pod's shareProcessNamespace, or --pid=host)\n");
	fprintf(out, "  %7s %6s %-16s %-9s %s\n", "PID", "UID", "COMM", "CONTAINER", "ATTACH");
	for (size_t i = 0; i < v->n; i++) {
		const struct pidns_proc *p = &v->procs[i];
		const char *where = p->is_self ? "ctrace" : p->other_container == 1 ? "other" :
				    p->other_container == 0 ? "this" : "unknown";

		fprintf(out, "  %7d %6u %-16s %-9s %s", (int)p->pid, (unsigned)p->uid, p->comm,
			where, p->is_self ? "-" : check_verdict_name(p->attach.verdict));
		if (!p->is_self && p->attach.cause[0])
			fprintf(out, "  %s", p->attach.cause);
		if (!p->is_self && p->attach.fix[0])
			fprintf(out, ". Fix: %s", p->attach.fix);
		fputc('\n', out);
	}
	if (v->total > v->n)
		fprintf(out, "  ... and %zu more processes\n", v->total - v->n);
}

struct json_object *pidns_report_json(const struct pidns_view *v)
{
	struct json_object *o = json_object_new_object(), *a;

	if (v->shared < 0) {
		json_object_object_add(o, "shared", NULL);
		return o;
	}
	json_object_object_add(o, "shared", json_object_new_boolean(v->shared));
	json_object_object_add(o, "total", json_object_new_int64((int64_t)v->total));
	a = json_object_new_array();
	for (size_t i = 0; i < v->n && v->shared; i++) {
		const struct pidns_proc *p = &v->procs[i];
		struct json_object *e = json_object_new_object();
		json_object_object_add(e, "pid", json_object_new_int(p->pid));
		json_object_object_add(e, "uid", json_object_new_int64(p->uid));
		json_object_object_add(e, "comm", json_object_new_string(p->comm));
		json_object_object_add(e, "other_container",
				       p->other_container < 0 ? NULL :
				       json_object_new_boolean(p->other_container));
		json_object_object_add(e, "self", json_object_new_boolean(p->is_self));
		json_object_object_add(e, "attach", p->is_self ? NULL :
				       json_object_new_string(check_verdict_name(p->attach.verdict)));
		json_object_object_add(e, "cause", p->attach.cause[0] && !p->is_self ?
				       json_object_new_string(p->attach.cause) : NULL);
		json_object_object_add(e, "fix", p->attach.fix[0] && !p->is_self ?
				       json_object_new_string(p->attach.fix) : NULL);
		json_object_array_add(a, e);
	}
	json_object_object_add(o, "processes", a);
	return o;
}
