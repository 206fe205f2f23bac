/* -u USER: user lookup with NSS, or from the files in a static ctrace. */
#include "config.h"
#include "users.h"
#include <errno.h>
#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <unistd.h>
#include "util.h"

#define PASSWD_FILE "/etc/passwd"
#define GROUP_FILE "/etc/group"

bool users_static(void)
{
	/* the kernel gives the interpreter's load address; none: static */
	return getauxval(AT_BASE) == 0;
}

static void user_fill(struct ct_user *u, const struct passwd *pw)
{
	u->uid = pw->pw_uid;
	u->gid = pw->pw_gid;
	snprintf(u->name, sizeof(u->name), "%s", pw->pw_name);
}

static int user_from_file(const char *name, struct ct_user *u)
{
	_cleanup_fclose_ FILE *f = fopen(PASSWD_FILE, "re");
	struct passwd *pw;

	if (!f)
		return errno == ENOENT ? -ENOENT : -errno;
	while ((pw = fgetpwent(f)))
		if (strcmp(pw->pw_name, name) == 0) {
			user_fill(u, pw);
			return 0;
		}
	return -ENOENT;
}

int user_lookup(const char *name, struct ct_user *u)
{
	struct passwd *pw;

	if (users_static())
		return user_from_file(name, u);
	errno = 0;
	pw = getpwnam(name);
	if (!pw)
		return -ENOENT;
	user_fill(u, pw);
	return 0;
}

static bool is_member(char **members, const char *name)
{
	for (; members && *members; members++)
		if (strcmp(*members, name) == 0)
			return true;
	return false;
}

/* The groups /etc/group lists u in, and its own gid. */
static int groups_from_file(const struct ct_user *u)
{
	_cleanup_fclose_ FILE *f = fopen(GROUP_FILE, "re");
	_cleanup_free_ gid_t *groups = calloc(NGROUPS_MAX, sizeof(*groups));
	size_t n = 0;
	struct group *gr;

	if (!groups)
		return -ENOMEM;
	groups[n++] = u->gid;
	while (f && (gr = fgetgrent(f)) && n < NGROUPS_MAX)
		if (gr->gr_gid != u->gid && is_member(gr->gr_mem, u->name))
			groups[n++] = gr->gr_gid;
	return setgroups(n, groups) < 0 ? -errno : 0;
}

int user_become(const struct ct_user *u)
{
	int ret = users_static() ? groups_from_file(u)
		: initgroups(u->name, u->gid) < 0 ? -errno : 0;

	if (ret < 0)
		return ret;
	if (setgid(u->gid) < 0 || setuid(u->uid) < 0)
		return -errno;
	return 0;
}
