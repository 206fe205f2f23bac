/* -u USER: find the user and become it.  A dynamic ctrace asks NSS
 * (getpwnam, initgroups); a static one reads /etc/passwd and /etc/group
 * itself, because static glibc cannot use NSS modules: getpwnam would load
 * the host's libnss_*.so into a static program, which crashes. */
#ifndef CTRACE_USERS_H
#define CTRACE_USERS_H

#include <stdbool.h>
#include <sys/types.h>

struct ct_user {
	uid_t uid;
	gid_t gid;
	char name[256];
};

/* True when this ctrace has no program interpreter (linked statically). */
bool users_static(void);
/* Fill u; 0, -ENOENT (no such user), or another negative errno. */
int user_lookup(const char *name, struct ct_user *u);
/* Supplementary groups of u, its gid, its uid (in that order); 0 or a
 * negative errno. */
int user_become(const struct ct_user *u);

#endif
