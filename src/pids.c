/* -Y / --decode-pids=comm,pidns: process ids with their command name
 * ("1234<bash>") and, for a tracee in another pid namespace, the id in
 * ctrace's ("12 /+ 1234 in strace's PID NS +/", strace's words).
 *
 * Translation finds the process that has the id in the tracee's pid
 * namespace: /proc/X/ns/pid and its parents (NS_GET_PARENT) give X's
 * namespaces from the innermost up, the NSpid: (NStgid:, NSpgid:,
 * NSsid:) line of /proc/X/status its ids in them from the outermost down.
 * When /proc is not ctrace's own (mounted in an outer namespace), the
 * ids ctrace knows are translated to /proc's the same way. */
#include "config.h"
#include "pids.h"

#include <dirent.h>
#include <fcntl.h>
#include <linux/nsfs.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sink.h"
#include "quote.h"
#include "util.h"

unsigned pids_mode;

enum { MAX_NS_DEPTH = 32 };

static const char *const id_keys[] = { "NSpid:", "NStgid:", "NSpgid:", "NSsid:" };

/* Ids of proc_pid (0: self) of type t, from /proc's namespace inwards.
 * Returns how many (0 when unreadable). */
static int status_ids(pid_t proc_pid, enum pid_type t, int *ids, int max)
{
	char path[64], buf[4096];
	const char *p;
	size_t klen = strlen(id_keys[t]);
	int n = 0;

	if (proc_pid)
		snprintf(path, sizeof(path), "/proc/%d/status", proc_pid);
	else
		snprintf(path, sizeof(path), "/proc/self/status");
	if (read_file(path, buf, sizeof(buf)) < 0)
		return 0;
	for (p = buf; p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL)
		if (strncmp(p, id_keys[t], klen) == 0)
			break;
	if (!p)
		return 0;
	p += klen;
	while (n < max) {
		char *end;
		long v = strtol(p, &end, 10);

		if (end == p)
			break;
		if (ids)
			ids[n] = (int)v;
		n++;
		p = end;
	}
	return n;
}

/* Inodes of proc_pid's (0: self) pid namespace and its parents, as far
 * as they can be seen. */
static int ns_chain(pid_t proc_pid, unsigned long *inos, int max)
{
	char path[64];
	int fd, n = 0;

	if (proc_pid)
		snprintf(path, sizeof(path), "/proc/%d/ns/pid", proc_pid);
	else
		snprintf(path, sizeof(path), "/proc/self/ns/pid");
	fd = open(path, O_RDONLY | O_CLOEXEC);
	while (fd >= 0 && n < max) {
		struct stat st;
		int parent;

		if (fstat(fd, &st) < 0)
			break;
		inos[n++] = st.st_ino;
		parent = ioctl(fd, NS_GET_PARENT);
		close(fd);
		fd = parent;
	}
	if (fd >= 0)
		close(fd);
	return n;
}

/* Is proc_pid the process with id from_id in namespace from_ns?  Then its
 * id in the outermost namespace it can see. */
static int match(pid_t proc_pid, unsigned long from_ns, int from_id, enum pid_type t)
{
	unsigned long inos[MAX_NS_DEPTH];
	int ids[MAX_NS_DEPTH];
	int nns = ns_chain(proc_pid, inos, MAX_NS_DEPTH);
	int nids = status_ids(proc_pid, t, ids, MAX_NS_DEPTH);

	if (!nns || nids < nns)
		return 0;
	for (int i = 0; i < nns; i++) {
		if (inos[i] != from_ns)
			continue;
		if (ids[nids - 1 - i] != from_id)
			return 0;
		return ids[nids - nns];
	}
	return 0;
}

/* Last answers, checked again before use (ids are reused). */
static struct {
	unsigned long ns;
	int id;
	enum pid_type t;
	pid_t proc_pid;
} cache[64];
static unsigned cache_next;

static int scan_dir(const char *dir, unsigned long from_ns, int from_id, enum pid_type t,
		    pid_t *proc_pid, bool tasks)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	int res = 0;

	if (!d)
		return 0;
	while (!res && (de = readdir(d))) {
		char *end;
		long v = strtol(de->d_name, &end, 10);
		char sub[64];

		if (*end || v <= 0)
			continue;
		if (tasks) {
			snprintf(sub, sizeof(sub), "/proc/%ld/task", v);
			res = scan_dir(sub, from_ns, from_id, t, proc_pid, false);
			if (res)
				break;
		}
		if ((res = match((pid_t)v, from_ns, from_id, t)))
			*proc_pid = (pid_t)v;
	}
	closedir(d);
	return res;
}

static int translate(unsigned long from_ns, int from_id, enum pid_type t, pid_t *proc_pid)
{
	pid_t pp = 0;
	int res;

	for (unsigned i = 0; i < ARRAY_SIZE(cache); i++) {
		if (cache[i].proc_pid && cache[i].ns == from_ns && cache[i].id == from_id &&
		    cache[i].t == t && (res = match(cache[i].proc_pid, from_ns, from_id, t))) {
			if (proc_pid)
				*proc_pid = cache[i].proc_pid;
			return res;
		}
	}
	res = scan_dir("/proc", from_ns, from_id, t, &pp, true);
	if (res) {
		unsigned i = cache_next++ % ARRAY_SIZE(cache);

		cache[i].ns = from_ns;
		cache[i].id = from_id;
		cache[i].t = t;
		cache[i].proc_pid = pp;
		if (proc_pid)
			*proc_pid = pp;
	}
	return res;
}

static unsigned long our_ns(void)
{
	static unsigned long ino;

	if (!ino)
		ns_chain(0, &ino, 1);
	return ino;
}

/* /proc is of ctrace's own pid namespace */
static bool proc_is_ours(void)
{
	static int ours = -1;

	if (ours < 0)
		ours = status_ids(0, PT_TID, NULL, MAX_NS_DEPTH) <= 1;
	return ours;
}

/* The /proc entry of a pid of ctrace's namespace; 0 when not found. */
static pid_t proc_pid_of(pid_t pid)
{
	pid_t pp = 0;

	if (proc_is_ours())
		return pid;
	translate(our_ns(), pid, PT_TID, &pp);
	return pp;
}

pid_t pids_proc_pid(pid_t pid)
{
	return pid > 0 ? proc_pid_of(pid) : 0;
}

static unsigned long tracee_ns(struct tcb *tcp)
{
	if (!tcp->pid_ns) {
		pid_t pp = proc_pid_of(tcp->pid);

		if (pp)
			ns_chain(pp, &tcp->pid_ns, 1);
	}
	return tcp->pid_ns;
}

/* The id in ctrace's namespace of id in tcp's; 0 when unknown. */
static int to_ours(struct tcb *tcp, int id, enum pid_type t)
{
	unsigned long ns;

	if (id <= 0)
		return 0;
	ns = tracee_ns(tcp);
	if (!ns)
		return 0;
	if (ns == our_ns())
		return id;
	return translate(ns, id, t, NULL);
}

int pids_to_ours(struct tcb *tcp, int id)
{
	return to_ours(tcp, id, PT_TGID);
}

static void load_comm(pid_t pid, char *buf, size_t size)
{
	char path[64];
	ssize_t n;

	snprintf(path, sizeof(path), "/proc/%d/comm", pid);
	n = read_file(path, buf, size);
	if (n < 0) {
		buf[0] = '\0';
		return;
	}
	while (n > 0 && buf[n - 1] == '\n')
		buf[--n] = '\0';
}

static void print_comm(struct tcb *tcp, const char *comm)
{
	char q[QUOTE_SIZE(32)];
	size_t len = strlen(comm);

	if (!len || len > 32)
		return;
	quote_bracketed(comm, len, 0, q);
	tprints(tcp, "<");
	tprints(tcp, q);
	tprints(tcp, ">");
}

void print_pid(struct tcb *tcp, int pid, enum pid_type t)
{
	bool comm = (pids_mode & PIDS_COMM) && (t == PT_TID || t == PT_TGID);
	bool ns = pids_mode & PIDS_PIDNS;
	int ours;

	print_dec(tcp, pid);
	if (!comm && !ns)
		return;
	ours = to_ours(tcp, pid, t);
	if (!ours)
		return;
	if (comm) {
		char buf[64];

		load_comm(ours, buf, sizeof(buf));
		print_comm(tcp, buf);
	}
	if (ns && ours != pid)
		tprintf(tcp, " /* %d in strace's PID NS */", ours);
}

void print_pid_tgid_pgid(struct tcb *tcp, int pid)
{
	if (pid > 0)
		print_pid(tcp, pid, PT_TGID);
	else if (pid < -1) {
		print_dec(tcp, pid);
		if (pids_mode & PIDS_PIDNS) {
			int ours = to_ours(tcp, -pid, PT_PGID);

			if (ours && ours != -pid)
				tprintf(tcp, " /* %d in strace's PID NS */", ours);
		}
	} else
		print_dec(tcp, pid);
}

const char *pids_comm(struct tcb *tcp)
{
	char buf[sizeof(tcp->comm) + 1];

	load_comm(proc_pid_of(tcp->pid), buf, sizeof(buf));
	if (buf[0]) {
		memcpy(tcp->comm, buf, sizeof(tcp->comm) - 1);
		tcp->comm[sizeof(tcp->comm) - 1] = '\0';
	}
	return tcp->comm;
}

void pids_print_comm(struct tcb *tcp)
{
	print_comm(tcp, tcp->comm);
}
