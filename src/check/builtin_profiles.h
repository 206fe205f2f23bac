/* Built-in seccomp profiles: the engines' default profiles kept as data
 * in profiles/ (profiles.list, one JSON file each) and embedded into the
 * binary at build time (gen/profiles.c), so that
 * `--profile docker-default` needs no file.  Several versions of one
 * profile may be kept (Docker 20.10 and current Docker differ on
 * process_vm_readv); --engine-version picks one, else the default. */
#ifndef CTRACE_CHECK_BUILTIN_PROFILES_H
#define CTRACE_CHECK_BUILTIN_PROFILES_H

#include <stdbool.h>
#include <stddef.h>

struct builtin_profile {
	const char *name;	/* "docker-default" */
	const char *version;	/* "20.10", "current" */
	bool is_default;	/* the version taken without --engine-version */
	const char *engine;	/* capability model: "docker" or "podman" */
	const char *file;	/* its file in profiles/ */
	const char *source;	/* where the data comes from, for humans */
	const char *text;	/* the JSON */
	size_t len;
};

extern const struct builtin_profile builtin_profiles[];
extern const unsigned builtin_profiles_count;

struct seccomp_profile;

/* Some version of a built-in profile is called name. */
bool builtin_profile_exists(const char *name);

/* The entry for name and version (NULL: the default version), or NULL. */
const struct builtin_profile *builtin_profile_find(const char *name, const char *version);

/* "20.10, current": the versions kept for name. */
void builtin_profile_versions(const char *name, char *buf, size_t size);

/* --profile ARG [--engine-version VERSION]: a built-in name (a path
 * always has a '/': ./docker-default is the file) or a file.  *bp is the
 * built-in entry or NULL.  Returns 0 or a negative errno with a message. */
int profile_open(const char *arg, const char *version, struct seccomp_profile **out,
		 const struct builtin_profile **bp, char *err, size_t errsz);

#endif
