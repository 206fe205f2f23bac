/* Built-in seccomp profiles; see builtin_profiles.h. */
#include "config.h"
#include "check/builtin_profiles.h"
#include "check/profile.h"
#include "strbuf.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

bool builtin_profile_exists(const char *name)
{
	for (unsigned i = 0; i < builtin_profiles_count; i++)
		if (!strcmp(builtin_profiles[i].name, name))
			return true;
	return false;
}

const struct builtin_profile *builtin_profile_find(const char *name, const char *version)
{
	for (unsigned i = 0; i < builtin_profiles_count; i++) {
		const struct builtin_profile *b = &builtin_profiles[i];
		if (strcmp(b->name, name))
			continue;
		if (version ? !strcmp(b->version, version) : b->is_default)
			return b;
	}
	return NULL;
}

void builtin_profile_versions(const char *name, char *buf, size_t size)
{
	struct strbuf sb;

	sb_init(&sb, buf, size);
	for (unsigned i = 0; i < builtin_profiles_count; i++)
		if (!strcmp(builtin_profiles[i].name, name))
			sb_printf(&sb, "%s%s", sb_len(&sb) ? ", " : "", builtin_profiles[i].version);
}

int profile_open(const char *arg, const char *version, struct seccomp_profile **out,
		 const struct builtin_profile **bp, char *err, size_t errsz)
{
	const struct builtin_profile *b;
	char perr[1024];
	int r;

	*bp = NULL;
	if (strchr(arg, '/') || !builtin_profile_exists(arg)) {
		if (version) {
			snprintf(err, errsz, "--engine-version goes with a built-in profile "
				 "(docker-default, podman-default, runtime-default), not with the file %s",
				 arg);
			return -EINVAL;
		}
		return profile_load(arg, out, err, errsz);
	}
	b = builtin_profile_find(arg, version);
	if (!b) {
		char v[200];
		builtin_profile_versions(arg, v, sizeof(v));
		snprintf(err, errsz, "--engine-version: no version \"%s\" of the built-in profile %s "
			 "(kept: %s)", version, arg, v);
		return -EINVAL;
	}
	r = profile_parse(b->text, b->len, out, perr, sizeof(perr));
	if (r < 0) {
		snprintf(err, errsz, "built-in profile %s %s: %s", b->name, b->version, perr);
		return r;
	}
	*bp = b;
	return 0;
}
