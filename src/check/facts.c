/* Gather facts from /proc and /sys; see facts.h. */
#include "config.h"
#include "check/facts.h"
#include "util.h"

#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>
#include <sys/utsname.h>

const char *check_engine_name(enum check_engine e)
{
	static const char *const names[] = {
		[ENGINE_NONE] = "none", [ENGINE_DOCKER] = "docker",
		[ENGINE_PODMAN] = "podman", [ENGINE_KUBERNETES] = "kubernetes",
		[ENGINE_LXC] = "lxc", [ENGINE_OTHER] = "container",
	};
	return names[e];
}

const char *check_lsm_name(enum check_lsm l)
{
	static const char *const names[] = {
		[LSM_UNKNOWN] = "unknown", [LSM_NONE] = "none",
		[LSM_APPARMOR] = "apparmor", [LSM_SELINUX] = "selinux",
		[LSM_OTHER] = "other",
	};
	return names[l];
}

void check_facts_init(struct check_facts *f)
{
	memset(f, 0, sizeof(*f));
	f->seccomp_mode = -1;
	f->seccomp_filters = -1;
	f->no_new_privs = -1;
	f->yama_scope = -1;
	f->userns = -1;
	f->lsm = LSM_UNKNOWN;
	f->target.exists = -1;
	f->target.dumpable = -1;
	f->target.mem_err = -1;
	f->target.ns_err = -1;
	f->perf_paranoid = CHECK_PARANOID_UNKNOWN;
	f->bpf_unpriv_disabled = -1;
	f->pmu_hw = -1;
}

/* Hardware PMUs as perf registers them (arch/x86/events, drivers/perf):
 * a device name, or a prefix ending in '*'. */
static const char *const hw_pmus[] = {
	"cpu", "cpu_core", "cpu_atom", "armv8_*", "armv7_*", "arm_cortex_*",
	"arm_neoverse_*", "apple_*", "riscv-pmu*", "power*",
};

int check_pmu_hw_from_names(const char *const *names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < sizeof(hw_pmus) / sizeof(hw_pmus[0]); k++) {
			const char *p = hw_pmus[k];
			size_t len = strlen(p);
			if (p[len - 1] == '*' ? !strncmp(names[i], p, len - 1) : !strcmp(names[i], p))
				return 1;
		}
	return 0;
}

void check_copy_kernel_facts(struct check_facts *f, const struct check_facts *host)
{
	f->yama_scope = host->yama_scope;
	snprintf(f->kernel_release, sizeof(f->kernel_release), "%s", host->kernel_release);
	f->kver_major = host->kver_major;
	f->kver_minor = host->kver_minor;
	f->perf_paranoid = host->perf_paranoid;
	f->bpf_unpriv_disabled = host->bpf_unpriv_disabled;
	f->pmu_hw = host->pmu_hw;
}

/* Value after "Key:" at the start of a line, or NULL. */
static const char *field(const char *text, const char *key)
{
	size_t klen = strlen(key);
	const char *p = text;

	while (p && *p) {
		if (!strncmp(p, key, klen) && p[klen] == ':')
			return p + klen + 1;
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	return NULL;
}

static int parse_ids(const char *v, unsigned out[4])
{
	unsigned a[4];
	if (!v || sscanf(v, "%u %u %u %u", &a[0], &a[1], &a[2], &a[3]) != 4)
		return -EINVAL;
	memcpy(out, a, sizeof(a));
	return 0;
}

int check_parse_status(const char *text, struct check_facts *f,
		       struct check_target *t)
{
	const char *v;
	unsigned ids[4];
	int found = 0;

	if ((v = field(text, "Uid")) && !parse_ids(v, ids)) {
		found++;
		if (f) {
			f->uid = ids[0];
			f->euid = ids[1];
		}
		if (t)
			for (int i = 0; i < 4; i++)
				t->uid[i] = ids[i];
	}
	if ((v = field(text, "Gid")) && !parse_ids(v, ids)) {
		found++;
		if (f) {
			f->gid = ids[0];
			f->egid = ids[1];
		}
		if (t)
			for (int i = 0; i < 4; i++)
				t->gid[i] = ids[i];
	}
	if (!f)
		return found ? 0 : -EINVAL;
	if ((v = field(text, "CapEff")) && sscanf(v, "%" SCNx64, &f->cap_eff) == 1)
		found++;
	if ((v = field(text, "CapPrm")) && sscanf(v, "%" SCNx64, &f->cap_prm) == 1)
		found++;
	if ((v = field(text, "CapBnd")) && sscanf(v, "%" SCNx64, &f->cap_bnd) == 1)
		found++;
	if ((v = field(text, "Seccomp")) && sscanf(v, "%d", &f->seccomp_mode) == 1)
		found++;
	if ((v = field(text, "Seccomp_filters")) && sscanf(v, "%d", &f->seccomp_filters) == 1)
		found++;
	if ((v = field(text, "NoNewPrivs")) && sscanf(v, "%d", &f->no_new_privs) == 1)
		found++;
	if ((v = field(text, "NSpid"))) {
		int n = 0;
		const char *end = strchr(v, '\n');
		const char *p = v;
		if (!end)
			end = v + strlen(v);
		while (p < end) {
			while (p < end && (*p == ' ' || *p == '\t'))
				p++;
			if (p < end && *p >= '0' && *p <= '9') {
				n++;
				while (p < end && *p >= '0' && *p <= '9')
					p++;
			} else if (p < end) {
				p++;
			}
		}
		f->nspid_depth = n;
		found++;
	}
	/* A kernel without Seccomp_filters (< 5.9) and seccomp off: 0. */
	if (f->seccomp_filters < 0 && f->seccomp_mode == 0)
		f->seccomp_filters = 0;
	f->have_status = found > 0;
	return found ? 0 : -EINVAL;
}

int check_parse_yama(const char *text)
{
	int v;
	if (!text || sscanf(text, "%d", &v) != 1 || v < 0 || v > 3)
		return -EINVAL;
	return v;
}

int check_parse_uid_map(const char *text)
{
	unsigned long in, out, count;
	int lines = 0;
	bool identity = false;
	const char *p = text;

	while (p && *p) {
		if (sscanf(p, "%lu %lu %lu", &in, &out, &count) != 3)
			return -EINVAL;
		if (in == 0 && out == 0 && count == 4294967295UL)
			identity = true;
		lines++;
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	if (!lines)
		return -EINVAL;
	return identity && lines == 1 ? 0 : 1;
}

enum check_lsm check_parse_label(const char *label, const char *lsm_list,
				 bool *confined)
{
	*confined = false;
	if (!label || !*label)
		return LSM_NONE;
	if (!strncmp(label, "unconfined", 10) && (label[10] == '\0' || label[10] == '\n')) {
		/* AppArmor's unconfined (SELinux has "unconfined_u:..."). */
		return LSM_APPARMOR;
	}
	if (strstr(label, " (enforce)") || strstr(label, " (complain)") ||
	    strstr(label, " (kill)") || strstr(label, " (unconfined)")) {
		*confined = !strstr(label, " (unconfined)");
		return LSM_APPARMOR;
	}
	/* SELinux context: user:role:type[:level] */
	if (strchr(label, ':') && strchr(strchr(label, ':') + 1, ':')) {
		*confined = !strstr(label, ":unconfined_t") && !strstr(label, ":spc_t");
		return LSM_SELINUX;
	}
	if (lsm_list && strstr(lsm_list, "apparmor")) {
		*confined = true;
		return LSM_APPARMOR;
	}
	*confined = true;
	return LSM_OTHER;
}

enum check_engine check_parse_cgroup(const char *text)
{
	if (!text)
		return ENGINE_NONE;
	if (strstr(text, "kubepods"))
		return ENGINE_KUBERNETES;
	if (strstr(text, "libpod"))
		return ENGINE_PODMAN;
	if (strstr(text, "docker"))
		return ENGINE_DOCKER;
	if (strstr(text, "/lxc") || strstr(text, "lxc.payload"))
		return ENGINE_LXC;
	return ENGINE_NONE;
}

int check_parse_kernel_release(const char *rel, int *major, int *minor)
{
	int a, b;
	if (!rel || sscanf(rel, "%d.%d", &a, &b) != 2)
		return -EINVAL;
	*major = a;
	*minor = b;
	return 0;
}

/* First line of src, runs of blanks squeezed to one space, trimmed. */
static void copy_line(char *dst, size_t size, const char *src)
{
	size_t n = 0;
	bool blank = false;

	while (*src == ' ' || *src == '\t')
		src++;
	for (; *src && *src != '\n' && n + 1 < size; src++) {
		if (*src == ' ' || *src == '\t') {
			blank = true;
			continue;
		}
		if (blank && n + 2 < size)
			dst[n++] = ' ';
		blank = false;
		dst[n++] = *src;
	}
	dst[n] = '\0';
}

enum check_engine check_guess_engine(const char *cgroup, const char *containerenv,
				     bool dockerenv, const char *env, char *hints, size_t size)
{
	enum check_engine e = check_parse_cgroup(cgroup);
	size_t len = 0;

#define HINT(h) (len += (size_t)snprintf(len < size ? hints + len : NULL, len < size ? size - len : 0, \
					 "%s%s", len ? "," : "", (h)))
	if (size)
		hints[0] = '\0';
	if (e != ENGINE_NONE)
		HINT("cgroup");
	if (containerenv) {
		HINT("/run/.containerenv");
		if (e == ENGINE_NONE)
			e = strstr(containerenv, "engine=\"docker") ? ENGINE_DOCKER : ENGINE_PODMAN;
	}
	if (dockerenv) {
		HINT("/.dockerenv");
		/* weaker than the cgroup path and podman's file: a container
		 * built from a host's / may carry a stale one */
		if (e == ENGINE_NONE)
			e = ENGINE_DOCKER;
	}
	if (env && *env) {
		HINT("$container");
		if (e == ENGINE_NONE) {
			if (!strcmp(env, "podman"))
				e = ENGINE_PODMAN;
			else if (!strcmp(env, "docker"))
				e = ENGINE_DOCKER;
			else if (!strncmp(env, "lxc", 3))
				e = ENGINE_LXC;
			else
				e = ENGINE_OTHER;
		}
	}
#undef HINT
	if (len >= size && size)
		hints[size - 1] = '\0';
	return e;
}

static void gather_container(struct check_facts *f)
{
	char cg[4096], ce[1024];
	bool have_cg = read_file("/proc/1/cgroup", cg, sizeof(cg)) >= 0 ||
		       read_file("/proc/self/cgroup", cg, sizeof(cg)) >= 0;
	bool have_ce = true;

	if (read_file("/run/.containerenv", ce, sizeof(ce)) < 0) {
		ce[0] = '\0';
		have_ce = access("/run/.containerenv", F_OK) == 0;
	}
	f->engine = check_guess_engine(have_cg ? cg : NULL, have_ce ? ce : NULL,
				       access("/.dockerenv", F_OK) == 0, getenv("container"),
				       f->engine_hints, sizeof(f->engine_hints));
}

bool check_dac_denies_read(uid_t owner, gid_t group, mode_t mode, uid_t fsuid,
			   gid_t fsgid, uint64_t cap_eff)
{
	mode_t need = owner == fsuid ? S_IRUSR : group == fsgid ? S_IRGRP : S_IROTH;

	if (mode & need)
		return false;
	return !check_has_cap(cap_eff, CHECK_CAP_DAC_OVERRIDE) &&
	       !check_has_cap(cap_eff, CHECK_CAP_DAC_READ_SEARCH);
}

static bool same_ns(const char *a, const char *b)
{
	char la[64], lb[64];
	ssize_t na = readlink(a, la, sizeof(la) - 1), nb = readlink(b, lb, sizeof(lb) - 1);
	if (na < 0 || nb < 0)
		return true;	/* unknown: assume same */
	return na == nb && !memcmp(la, lb, (size_t)na);
}

void check_gather_target(struct check_facts *f, pid_t pid)
{
	struct check_target *t = &f->target;
	char path[64], path2[64], buf[4096];
	struct stat st;
	int fd;

	memset(t, 0, sizeof(*t));
	t->exists = -1;
	t->dumpable = -1;
	t->mem_err = -1;
	t->ns_err = -1;
	t->present = true;
	t->pid = pid;
	t->is_self = pid == getpid();
	snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
	if (read_file(path, buf, sizeof(buf)) < 0) {
		t->exists = 0;
		return;
	}
	t->exists = 1;
	check_parse_status(buf, NULL, t);
	snprintf(path, sizeof(path), "/proc/%d", (int)pid);
	if (stat(path, &st) == 0) {
		if (st.st_uid == t->uid[1])
			t->dumpable = 1;
		else if (st.st_uid == 0)
			t->dumpable = 0;
	}
	snprintf(path, sizeof(path), "/proc/%d/ns/pid", (int)pid);
	t->other_pidns = !same_ns(path, "/proc/self/ns/pid");
	snprintf(path2, sizeof(path2), "/proc/%d/ns/user", (int)pid);
	t->other_userns = !same_ns(path2, "/proc/self/ns/user");
	snprintf(path, sizeof(path), "/proc/%d/mem", (int)pid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd >= 0) {
		t->mem_err = 0;
		close(fd);
	} else {
		t->mem_err = errno;
		if (t->mem_err == EACCES && stat(path, &st) == 0)
			t->mem_dac = check_dac_denies_read(st.st_uid, st.st_gid, st.st_mode,
							   f->euid, f->egid, f->cap_eff);
	}
	snprintf(path, sizeof(path), "/proc/%d/ns/pid", (int)pid);
	t->ns_err = readlink(path, buf, sizeof(buf)) >= 0 ? 0 : errno;
	/* Ancestor?  Walk our PPid chain (bounded). */
	pid_t p = getppid();
	for (int depth = 0; p > 0 && depth < 64; depth++) {
		const char *v;
		if (p == pid) {
			t->is_ancestor = true;
			break;
		}
		snprintf(path, sizeof(path), "/proc/%d/status", (int)p);
		if (read_file(path, buf, sizeof(buf)) < 0 || !(v = field(buf, "PPid")))
			break;
		p = (pid_t)strtol(v, NULL, 10);
	}
}

static void closedirp(DIR **d)
{
	if (*d)
		closedir(*d);
}

static int gather_pmu(void)
{
	__attribute__((cleanup(closedirp))) DIR *d = opendir("/sys/bus/event_source/devices");
	struct dirent *e;
	bool any = false;

	if (!d)
		return -1;
	while ((e = readdir(d))) {
		const char *name = e->d_name;
		if (name[0] == '.')
			continue;
		any = true;
		if (check_pmu_hw_from_names(&name, 1))
			return 1;
	}
	return any ? 0 : -1;
}

void check_gather_mode_facts(struct check_facts *f)
{
	char buf[4096];
	struct utsname u;
	bool confined;

	check_facts_init(f);
	if (read_file("/proc/self/status", buf, sizeof(buf)) >= 0)
		check_parse_status(buf, f, NULL);
	if (read_file("/proc/sys/kernel/yama/ptrace_scope", buf, sizeof(buf)) >= 0)
		f->yama_scope = check_parse_yama(buf);
	if (f->yama_scope < 0)
		f->yama_scope = -1;
	if (read_file("/sys/kernel/security/lsm", buf, sizeof(buf)) >= 0)
		copy_line(f->lsm_list, sizeof(f->lsm_list), buf);
	if (read_file("/proc/self/attr/current", buf, sizeof(buf)) >= 0) {
		copy_line(f->lsm_label, sizeof(f->lsm_label), buf);
		f->lsm = check_parse_label(f->lsm_label, f->lsm_list, &confined);
		f->lsm_confined = confined;
	}
	if (read_file("/proc/self/uid_map", buf, sizeof(buf)) >= 0) {
		int r = check_parse_uid_map(buf);
		f->userns = r < 0 ? -1 : r;
		copy_line(f->uid_map, sizeof(f->uid_map), buf);
	}
	gather_container(f);
	if (uname(&u) == 0) {
		snprintf(f->kernel_release, sizeof(f->kernel_release), "%s", u.release);
		check_parse_kernel_release(u.release, &f->kver_major, &f->kver_minor);
	}
}

void check_gather_facts(struct check_facts *f, pid_t target)
{
	char buf[64];

	check_gather_mode_facts(f);
	if (read_file("/proc/sys/kernel/perf_event_paranoid", buf, sizeof(buf)) >= 0) {
		int v;
		if (sscanf(buf, "%d", &v) == 1)
			f->perf_paranoid = v;
	}
	if (read_file("/proc/sys/kernel/unprivileged_bpf_disabled", buf, sizeof(buf)) >= 0) {
		int v;
		if (sscanf(buf, "%d", &v) == 1 && v >= 0)
			f->bpf_unpriv_disabled = v;
	}
	f->pmu_hw = gather_pmu();
	if (target > 0)
		check_gather_target(f, target);
}
