#include "config.h"
#include "pathtrace.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mem.h"
#include "syscallent.h"
#include "util.h"

static char **paths;
static size_t npaths;

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

bool pathtrace_active(void)
{
	return npaths > 0;
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
	snprintf(link, sizeof(link), "/proc/%d/fd/%ld", pid, fd);
	n = readlink(link, target, sizeof(target) - 1);
	if (n <= 0)
		return false;
	target[n] = '\0';
	return selected(target);
}

bool pathtrace_match(struct tcb *tcp)
{
	const struct syscall_ent *e = tcp->ent;
	char buf[PATH_MAX];
	bool truncated;

	if (!e || tcp->arch != arch_native)
		return false;
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
