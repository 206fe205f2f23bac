/* Host-side inspection of a container process; see hostside.h. */
#include "config.h"
#include "check/hostside.h"
#include "check/bpf.h"
#include "check/whatif.h"
#include "util.h"

#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <signal.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <poll.h>
#include <time.h>

#define HOSTSIDE_STOP_TIMEOUT_MS 2000
#define PTRACE_SECCOMP_GET_FILTER_REQ 0x420c	/* linux/ptrace.h PTRACE_SECCOMP_GET_FILTER */

static bool ns_differs(pid_t pid, const char *ns)
{
	char a[64], b[64], la[64], lb[64];
	ssize_t na, nb;

	snprintf(a, sizeof(a), "/proc/%d/ns/%s", (int)pid, ns);
	snprintf(b, sizeof(b), "/proc/self/ns/%s", ns);
	na = readlink(a, la, sizeof(la) - 1);
	nb = readlink(b, lb, sizeof(lb) - 1);
	if (na < 0 || nb < 0)
		return false;
	return na != nb || memcmp(la, lb, (size_t)na);
}

/* $container from /proc/PID/environ (NUL-separated), or "" */
static void environ_container(pid_t pid, char *out, size_t size)
{
	char path[64], buf[16384];
	_cleanup_close_ int fd = -1;
	ssize_t n;

	out[0] = '\0';
	snprintf(path, sizeof(path), "/proc/%d/environ", (int)pid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return;
	n = read(fd, buf, sizeof(buf) - 1);
	if (n <= 0)
		return;
	buf[n] = '\0';
	for (char *p = buf; p < buf + n; p += strlen(p) + 1)
		if (!strncmp(p, "container=", 10)) {
			snprintf(out, size, "%s", p + 10);
			return;
		}
}

static void first_line(char *dst, size_t size, const char *src)
{
	size_t n = 0;
	bool blank = false;

	while (*src == ' ' || *src == '\t')
		src++;
	for (; *src && *src != '\n' && n + 2 < size; src++) {
		if (*src == ' ' || *src == '\t') {
			blank = true;
			continue;
		}
		if (blank)
			dst[n++] = ' ';
		blank = false;
		dst[n++] = *src;
	}
	dst[n] = '\0';
}

static int64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void hostside_dump_release(struct hostside_dump *d)
{
	for (unsigned i = 0; i < d->n; i++)
		free(d->progs[i]);
	free(d->progs);
	free(d->lens);
	d->progs = NULL;
	d->lens = NULL;
	d->n = 0;
}

static void dump_add(struct hostside_dump *d, unsigned *cap, struct sock_filter *prog, unsigned len)
{
	if (d->n == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		d->progs = xrealloc(d->progs, *cap * sizeof(*d->progs));
		d->lens = xrealloc(d->lens, *cap * sizeof(*d->lens));
	}
	d->progs[d->n] = prog;
	d->lens[d->n] = len;
	d->n++;
}

/* Filters from index i on that exist (a NULL buffer only asks the length). */
static unsigned count_from(pid_t pid, unsigned i)
{
	unsigned k = 0;

	while (k < 65536 && ptrace(PTRACE_SECCOMP_GET_FILTER_REQ, pid,
				   (void *)(unsigned long)(i + k), NULL) > 0)
		k++;
	return k;
}

/* Every filter of a stopped tracee, kernel order (index 0 the oldest).
 * There is no limit but the kernel's own (32768 instructions in all). */
static int read_all_filters(pid_t pid, struct hostside_dump *d, char *why, size_t size)
{
	unsigned cap = 0;

	for (unsigned i = 0;; i++) {
		long n = ptrace(PTRACE_SECCOMP_GET_FILTER_REQ, pid, (void *)(unsigned long)i, NULL);
		char what[200];
		int e;

		if (n < 0 && errno == ENOENT)
			return 0;	/* past the newest filter */
		if (n < 0) {
			e = errno;
			switch (e) {
			case EACCES:
				snprintf(what, sizeof(what), "EACCES (it needs CAP_SYS_ADMIN and a "
					 "tracer that is not itself under seccomp)");
				break;
			case EINVAL:
				snprintf(what, sizeof(what), "EINVAL (kernel built without "
					 "CONFIG_CHECKPOINT_RESTORE, or the target is not in "
					 "seccomp filter mode)");
				break;
			case EMEDIUMTYPE:
				snprintf(what, sizeof(what), "EMEDIUMTYPE (filter %u is not a "
					 "classic BPF program)", i);
				break;
			default:
				snprintf(what, sizeof(what), "%s", errno_name(e));
			}
		} else if (n == 0 || n > BPF_SECCOMP_MAX_INSNS) {
			e = EPROTO;
			snprintf(what, sizeof(what), "filter %u has %ld instructions", i, n);
		} else {
			struct sock_filter *prog = xcalloc((size_t)n, sizeof(*prog));

			if (ptrace(PTRACE_SECCOMP_GET_FILTER_REQ, pid, (void *)(unsigned long)i,
				   prog) == n) {
				dump_add(d, &cap, prog, (unsigned)n);
				continue;
			}
			e = errno ? errno : EPROTO;
			free(prog);
			snprintf(what, sizeof(what), "filter %u changed while read", i);
		}
		/* what could not be read is named, never judged */
		{
			unsigned more = e == EACCES || e == EINVAL ? 0 : count_from(pid, i);

			if (more)
				snprintf(why, size, "unknown: %u filters not read "
					 "(PTRACE_SECCOMP_GET_FILTER: %s)", more, what);
			else
				snprintf(why, size, "PTRACE_SECCOMP_GET_FILTER: %s", what);
		}
		hostside_dump_release(d);
		return -e;
	}
}

/* The tracer: seize, stop, read, detach leaving the target as it was.
 * Runs in a child of ctrace, so that if the target never stops (a vfork
 * parent, an uninterruptible sleep) ctrace kills it and the kernel
 * detaches the target (exit_ptrace()), which PTRACE_DETACH of a running
 * tracee cannot do. */
static int dump_as_tracer(pid_t pid, struct hostside_dump *d, char *why, size_t size, int *resent)
{
	int st, r, sig = 0;
	siginfo_t si;

	*resent = 0;
	/* exec while seized: an EVENT_EXEC stop, not a SIGTRAP of ours */
	if (ptrace(PTRACE_SEIZE, pid, 0, (void *)(long)PTRACE_O_TRACEEXEC) < 0) {
		r = -errno;
		snprintf(why, size, "PTRACE_SEIZE of the target failed (%s)", errno_name(-r));
		return r;
	}
	if (ptrace(PTRACE_INTERRUPT, pid, 0, 0) < 0) {
		r = -errno;
		snprintf(why, size, "PTRACE_INTERRUPT failed (%s)", errno_name(-r));
		return r;	/* our exit detaches */
	}
	for (;;) {
		pid_t w = waitpid(pid, &st, __WALL);

		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0) {
			r = -errno;
			snprintf(why, size, "waiting for the target to stop failed (%s)",
				 errno_name(-r));
			return r;
		}
		if (WIFEXITED(st) || WIFSIGNALED(st)) {
			snprintf(why, size, "the target exited");
			return -ESRCH;
		}
		if (WIFSTOPPED(st))
			break;
	}
	/* A stop with no event that has a siginfo is a signal-delivery stop:
	 * the signal was on its way to the target, and goes on with the
	 * detach.  PTRACE_EVENT_STOP is our interrupt (or a group stop, which
	 * the kernel keeps on detach); EVENT_EXEC carries no signal. */
	if ((unsigned)st >> 16 == 0 && ptrace(PTRACE_GETSIGINFO, pid, 0, &si) == 0)
		sig = WSTOPSIG(st);
	r = read_all_filters(pid, d, why, size);
	if (ptrace(PTRACE_DETACH, pid, 0, (void *)(long)sig) == 0)
		*resent = sig;
	return r;
}

static int write_all(int fd, const void *buf, size_t len)
{
	const char *p = buf;

	while (len) {
		ssize_t n = write(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -EIO;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

struct dump_head {
	int r, resent;
	unsigned n;
	char why[300];
};

static _Noreturn void dump_helper(pid_t pid, int wfd)
{
	struct hostside_dump d = { 0 };
	struct dump_head h = { 0 };
	int ok;

	h.r = dump_as_tracer(pid, &d, h.why, sizeof(h.why), &h.resent);
	h.n = d.n;
	ok = write_all(wfd, &h, sizeof(h)) == 0 &&
	     (d.n == 0 || write_all(wfd, d.lens, d.n * sizeof(*d.lens)) == 0);
	for (unsigned i = 0; ok && i < d.n; i++)
		ok = write_all(wfd, d.progs[i], d.lens[i] * sizeof(struct sock_filter)) == 0;
	_exit(ok ? 0 : 1);
}

/* Read len bytes from fd before the deadline: 0, -ETIME or -EIO. */
static int read_until(int fd, void *buf, size_t len, int64_t deadline)
{
	char *p = buf;

	while (len) {
		struct pollfd pfd = { fd, POLLIN, 0 };
		int64_t left = deadline - now_ms();
		ssize_t n;
		int k;

		if (left <= 0)
			return -ETIME;
		k = poll(&pfd, 1, (int)left);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0)
			return -EIO;
		if (k == 0)
			return -ETIME;
		n = read(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -EIO;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

int hostside_dump_filters(pid_t pid, struct hostside_dump *d, char *why, size_t size)
{
	struct dump_head h;
	_cleanup_close_ int rfd = -1;
	int p[2], st, r;
	int64_t deadline;
	pid_t helper;

	memset(d, 0, sizeof(*d));
	if (pipe2(p, O_CLOEXEC) < 0) {
		r = -errno;
		snprintf(why, size, "pipe: %s", errno_name(-r));
		return r;
	}
	helper = fork();
	if (helper < 0) {
		r = -errno;
		close(p[0]);
		close(p[1]);
		snprintf(why, size, "fork: %s", errno_name(-r));
		return r;
	}
	if (helper == 0) {
		close(p[0]);
		dump_helper(pid, p[1]);
	}
	close(p[1]);
	rfd = p[0];
	deadline = now_ms() + HOSTSIDE_STOP_TIMEOUT_MS;
	r = read_until(rfd, &h, sizeof(h), deadline);
	if (r == 0 && h.r == 0 && h.n) {
		d->lens = xcalloc(h.n, sizeof(*d->lens));
		d->progs = xcalloc(h.n, sizeof(*d->progs));
		r = read_until(rfd, d->lens, h.n * sizeof(*d->lens), deadline);
		for (unsigned i = 0; r == 0 && i < h.n; i++) {
			if (d->lens[i] == 0 || d->lens[i] > BPF_SECCOMP_MAX_INSNS) {
				r = -EIO;
				break;
			}
			d->progs[i] = xcalloc(d->lens[i], sizeof(struct sock_filter));
			d->n = i + 1;
			r = read_until(rfd, d->progs[i], d->lens[i] * sizeof(struct sock_filter),
				       deadline);
		}
	}
	/* a helper still there is stuck waiting for the target: its death
	 * detaches the target, whatever state that is in */
	if (r < 0)
		kill(helper, SIGKILL);
	while (waitpid(helper, &st, 0) < 0 && errno == EINTR)
		;
	if (r < 0) {
		hostside_dump_release(d);
		if (r == -ETIME)
			snprintf(why, size, "the target did not stop within %d ms (detached)",
				 HOSTSIDE_STOP_TIMEOUT_MS);
		else
			snprintf(why, size, "the dumping process failed");
		return r;
	}
	d->resent_signal = h.resent;
	if (h.r < 0) {
		snprintf(why, size, "%s", h.why);
		return h.r;
	}
	/* The kernel numbers them oldest first (get_nth_filter(): index 0
	 * is the first installed, measured by tests/unit/test_hostside);
	 * the interpreter wants the newest first, the order they run in. */
	for (unsigned i = 0; i < d->n / 2; i++) {
		struct sock_filter *tp = d->progs[i];
		unsigned tl = d->lens[i];
		d->progs[i] = d->progs[d->n - 1 - i];
		d->lens[i] = d->lens[d->n - 1 - i];
		d->progs[d->n - 1 - i] = tp;
		d->lens[d->n - 1 - i] = tl;
	}
	return 0;
}

bool hostside_is_container(pid_t pid)
{
	return ns_differs(pid, "pid") || ns_differs(pid, "mnt");
}

/* O_PATH fd of rel under rootfd, resolved in that root (see hostside.h). */
static int open_path_in_root(int rootfd, const char *rel, bool no_openat2)
{
	struct open_how how = {
		.flags = O_PATH | O_NOFOLLOW | O_CLOEXEC,
		.resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS,
	};
	char comp[256];
	_cleanup_close_ int dir = -1;
	const char *p = rel;
	int fd;

	if (!no_openat2) {
		fd = (int)syscall(SYS_openat2, rootfd, rel, &how, sizeof(how));
		if (fd >= 0 || errno != ENOSYS)
			return fd >= 0 ? fd : -errno;
	}
	/* before Linux 5.6: one component at a time, never following */
	dir = fcntl(rootfd, F_DUPFD_CLOEXEC, 0);
	if (dir < 0)
		return -errno;
	for (;;) {
		size_t n;
		struct stat st;

		while (*p == '/')
			p++;
		n = strcspn(p, "/");
		if (n == 0 || n >= sizeof(comp))
			return -ENOENT;
		memcpy(comp, p, n);
		comp[n] = '\0';
		if (!strcmp(comp, "..") || !strcmp(comp, "."))
			return -ENOENT;
		fd = openat(dir, comp, O_PATH | O_NOFOLLOW | O_CLOEXEC);
		if (fd < 0)
			return -errno;
		p += n;
		while (*p == '/')
			p++;
		if (!*p)
			return fd; /* a final symlink is the link itself */
		if (fstat(fd, &st) < 0 || !S_ISDIR(st.st_mode)) {
			close(fd);
			return -ELOOP; /* a symlink is not followed out of the root */
		}
		close(dir);
		dir = fd;
	}
}

ssize_t hostside_read_in_root(int rootfd, const char *rel, char *buf, size_t size,
			      bool no_openat2)
{
	_cleanup_close_ int pfd = -1, fd = -1;
	char self[64];
	struct stat st;
	ssize_t n, len = 0;

	if (size == 0)
		return -EINVAL;
	buf[0] = '\0';
	pfd = open_path_in_root(rootfd, rel, no_openat2);
	if (pfd < 0)
		return pfd;
	if (fstat(pfd, &st) < 0)
		return -errno;
	if (!S_ISREG(st.st_mode))
		return -EINVAL; /* FIFO, device, socket: never opened */
	/* reopen the very inode for reading, without a path */
	snprintf(self, sizeof(self), "/proc/self/fd/%d", pfd);
	fd = open(self, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	while ((size_t)len < size - 1 && (n = read(fd, buf + len, size - 1 - (size_t)len)) > 0)
		len += n;
	buf[len] = '\0';
	return len;
}

/* A marker file of the container: read (ok >= 0), or there but not a
 * regular file (-EINVAL), or absent. */
static ssize_t container_file(pid_t pid, const char *rel, char *buf, size_t size)
{
	char root[64];
	_cleanup_close_ int rootfd = -1;

	snprintf(root, sizeof(root), "/proc/%d/root", (int)pid);
	rootfd = open(root, O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (rootfd < 0)
		return -errno;
	return hostside_read_in_root(rootfd, rel, buf, size, false);
}

int hostside_inspect(pid_t pid, const struct check_facts *host, struct hostside *h)
{
	char path[96], buf[4096], cg[4096], ce[1024], env[64];
	struct check_facts *f = &h->facts;
	struct check_target scratch;
	bool have_cg, have_ce, dockerenv;
	const char *arch = whatif_host_arch();
	bool confined;

	hostside_release(h);
	memset(h, 0, sizeof(*h));
	check_facts_init(f);
	snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
	if (read_file(path, buf, sizeof(buf)) < 0)
		return -ESRCH;
	check_parse_status(buf, f, &scratch);
	f->target.pid = pid;	/* for the report; the target is not assessed */
	f->egid = scratch.gid[1];
	h->other_pidns = ns_differs(pid, "pid");
	h->other_mntns = ns_differs(pid, "mnt");
	h->other_userns = ns_differs(pid, "user");
	h->container = h->other_pidns || h->other_mntns;
	/* As seen by a tracer next to it: its container's /proc. */
	if (h->other_pidns)
		f->nspid_depth = 1;
	snprintf(path, sizeof(path), "/proc/%d/uid_map", (int)pid);
	if (read_file(path, buf, sizeof(buf)) >= 0) {
		int r = check_parse_uid_map(buf);
		f->userns = r < 0 ? -1 : r;
		first_line(f->uid_map, sizeof(f->uid_map), buf);
		snprintf(h->uid_map, sizeof(h->uid_map), "%s", f->uid_map);
	}
	snprintf(path, sizeof(path), "/proc/%d/cgroup", (int)pid);
	have_cg = read_file(path, cg, sizeof(cg)) >= 0;
	/* files of the container: resolved in its root, never a host path
	 * on its word, never blocking (a FIFO counts as present) */
	{
		ssize_t r = container_file(pid, "run/.containerenv", ce, sizeof(ce));

		have_ce = r >= 0 || r == -EINVAL;
		if (r < 0)
			ce[0] = '\0';
		r = container_file(pid, ".dockerenv", buf, sizeof(buf));
		dockerenv = r >= 0 || r == -EINVAL;
	}
	environ_container(pid, env, sizeof(env));
	f->engine = check_guess_engine(have_cg ? cg : NULL, have_ce ? ce : NULL, dockerenv,
				       env, f->engine_hints, sizeof(f->engine_hints));
	snprintf(path, sizeof(path), "/proc/%d/attr/current", (int)pid);
	if (read_file(path, buf, sizeof(buf)) >= 0) {
		first_line(f->lsm_label, sizeof(f->lsm_label), buf);
		f->lsm = check_parse_label(f->lsm_label, host->lsm_list, &confined);
		f->lsm_confined = confined;
	}
	/* One kernel: the host's. */
	check_copy_kernel_facts(f, host);
	snprintf(f->lsm_list, sizeof(f->lsm_list), "%s", host->lsm_list);

	h->filters_known = -1;
	if (!arch) {
		snprintf(h->dump_why, sizeof(h->dump_why), "this architecture is not modelled");
		return 0;
	}
	if (f->seccomp_mode == 0) {
		h->filters_known = 0;
		whatif_unfiltered(arch, h->res);
		whatif_fill_probes(f, h->res);
		return 0;
	}
	if (f->seccomp_mode != 2) {
		snprintf(h->dump_why, sizeof(h->dump_why),
			 f->seccomp_mode == 1 ? "the target is in seccomp strict mode"
					      : "/proc does not tell the target's seccomp mode");
		return 0;
	}
	if (!check_has_cap(host->cap_eff, CHECK_CAP_SYS_ADMIN)) {
		h->dump_err = EPERM;
		snprintf(h->dump_why, sizeof(h->dump_why),
			 "reading a seccomp filter (PTRACE_SECCOMP_GET_FILTER) needs CAP_SYS_ADMIN, "
			 "which ctrace lacks (run it as root on the host)");
		return 0;
	}
	if (host->seccomp_mode > 0) {
		h->dump_err = EACCES;
		snprintf(h->dump_why, sizeof(h->dump_why),
			 "ctrace itself runs under seccomp, and the kernel then refuses "
			 "PTRACE_SECCOMP_GET_FILTER");
		return 0;
	}

	struct hostside_dump d;
	_cleanup_free_ struct bpf_filter *bf = NULL;
	int r = hostside_dump_filters(pid, &d, h->dump_why, sizeof(h->dump_why));
	if (r < 0) {
		h->dump_err = -r;
		return r == -ESRCH ? r : 0;
	}
	bf = xcalloc(d.n ? d.n : 1, sizeof(*bf));
	h->insns = xcalloc(d.n ? d.n : 1, sizeof(*h->insns));
	for (unsigned i = 0; i < d.n; i++) {
		bf[i].insns = d.progs[i];
		bf[i].len = d.lens[i];
		h->insns[i] = d.lens[i];
	}
	h->nfilters = d.n;
	r = seccomp_query_modes(bf, d.n, arch, h->res);
	hostside_dump_release(&d);
	if (r < 0) {
		h->dump_err = -r;
		snprintf(h->dump_why, sizeof(h->dump_why), "a dumped filter is not a valid program");
		return 0;
	}
	h->filters_known = 1;
	whatif_fill_probes(f, h->res);
	return 0;
}

void hostside_release(struct hostside *h)
{
	free(h->insns);
	h->insns = NULL;
	h->nfilters = 0;
}
