#include "config.h"
#include "pathtrace.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <linux/mount.h>
#include <poll.h>

#include "gen/decoders.h"
#include "mem.h"
#include "pids.h"
#include "syscallent.h"
#include "util.h"

static char **paths;
size_t pathtrace_npaths;
#define npaths pathtrace_npaths

static void add_one(const char *p)
{
	for (size_t i = 0; i < npaths; i++)
		if (strcmp(paths[i], p) == 0)
			return;
	paths = xrealloc(paths, (npaths + 1) * sizeof(*paths));
	paths[npaths++] = xstrdup(p);
}

int pathtrace_add(const char *path, bool quiet)
{
	char *real;

	if (!*path)
		return -EINVAL;
	add_one(path);
	real = realpath(path, NULL);
	if (real && strcmp(real, path) != 0) {
		if (!quiet)
			ct_error("Requested path \"%s\" resolved into \"%s\"", path, real);
		add_one(real);
	}
	free(real);
	return 0;
}


static bool selected(const char *p)
{
	for (size_t i = 0; i < npaths; i++)
		if (strcmp(paths[i], p) == 0)
			return true;
	return false;
}

static bool fd_selected(pid_t pid, long fd)
{
	char link[64], target[PATH_MAX];
	ssize_t n;

	if (fd < 0 || fd > INT_MAX)
		return false;
	snprintf(link, sizeof(link), "/proc/%d/fd/%ld", pids_proc_pid(pid), fd);
	n = readlink(link, target, sizeof(target) - 1);
	if (n <= 0)
		return false;
	target[n] = '\0';
	return selected(target);
}

#define PT_MAX_POLLFDS 1024
#define PT_MAX_FDSET_BITS (1 << 20)

/* poll/ppoll: any fd of the pollfd array (strace's -P does the same) */
static bool pollfds_selected(struct tcb *tcp, unsigned long addr, unsigned long n)
{
	struct pollfd pfd;

	for (unsigned long i = 0; addr && i < n && i < PT_MAX_POLLFDS; i++) {
		if (mem_read(tcp->pid, addr + i * sizeof(pfd), &pfd, sizeof(pfd)) < 0)
			return false;
		if (fd_selected(tcp->pid, pfd.fd))
			return true;
	}
	return false;
}

/* select/pselect6: any fd in the three sets of nfds bits */
static bool fdsets_selected(struct tcb *tcp)
{
	int nfds = (int)tcp->args[0];
	unsigned char bytes[128];

	if (nfds <= 0)
		return false;
	if (nfds > PT_MAX_FDSET_BITS)
		nfds = PT_MAX_FDSET_BITS;
	for (unsigned s = 1; s <= 3; s++) {
		unsigned long addr = tcp->args[s];

		for (int base = 0; addr && base < nfds; base += (int)sizeof(bytes) * 8) {
			size_t len = ((size_t)(nfds - base) + 7) / 8;

			if (len > sizeof(bytes))
				len = sizeof(bytes);
			if (mem_read(tcp->pid, addr + (unsigned long)base / 8, bytes, len) < 0)
				break;
			for (size_t b = 0; b < len * 8 && base + (int)b < nfds; b++)
				if (((bytes[b / 8] >> (b % 8)) & 1) && fd_selected(tcp->pid, base + (long)b))
					return true;
		}
	}
	return false;
}

/* fsconfig: the path is the value of FSCONFIG_SET_PATH*, the
 * descriptor the aux of those and of FSCONFIG_SET_FD; no other command
 * (nor the fs context descriptor) names a file */
static bool fsconfig_selected(struct tcb *tcp)
{
	char buf[PATH_MAX];
	bool truncated;

	switch ((unsigned)tcp->args[1]) {
	case FSCONFIG_SET_PATH:
	case FSCONFIG_SET_PATH_EMPTY:
		if (tcp->args[3] &&
		    mem_read_str(tcp->pid, tcp->args[3], buf, sizeof(buf), &truncated) >= 0 &&
		    !truncated && selected(buf))
			return true;
		return fd_selected(tcp->pid, (long)(int)tcp->args[4]);
	case FSCONFIG_SET_FD:
		return fd_selected(tcp->pid, (long)(int)tcp->args[4]);
	default:
		return false;
	}
}

bool pathtrace_match(struct tcb *tcp)
{
	const struct syscall_ent *e = tcp->ent;
	char buf[PATH_MAX];
	bool truncated;

	if (!e || tcp->arch != arch_native)
		return false;
	/* calls whose descriptors are in memory: known by their decoder */
	if (e->decode == DEC_ID_poll || e->decode == DEC_ID_ppoll)
		return pollfds_selected(tcp, tcp->args[0], tcp->args[1]);
	if (e->decode == DEC_ID_select || e->decode == DEC_ID_pselect6)
		return fdsets_selected(tcp);
	if (e->decode == DEC_ID_fsconfig)
		return fsconfig_selected(tcp);
	for (unsigned i = 0; i < e->nargs && i < 6; i++) {
		unsigned long v = tcp->args[i];

		switch (e->args[i].kind) {
		case AK_PATH:
			if (v && mem_read_str(tcp->pid, v, buf, sizeof(buf), &truncated) >= 0 &&
			    !truncated && selected(buf))
				return true;
			break;
		case AK_FD:
		case AK_DIRFD:
			if ((int)v != AT_FDCWD && fd_selected(tcp->pid, (long)(int)v))
				return true;
			break;
		default:
			break;
		}
	}
	return false;
}
