/* Capability sets of container engines: the default set docker and
 * podman give a container, and --cap-add / --cap-drop applied the way
 * each engine applies them.  A set is a bit mask (1 << CAP_xxx). */
#ifndef CTRACE_CHECK_ENGINE_CAPS_H
#define CTRACE_CHECK_ENGINE_CAPS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum container_engine {
	ENGINE_CAPS_DOCKER,
	ENGINE_CAPS_PODMAN,
};

#define CAPS_LAST 40   /* CAP_CHECKPOINT_RESTORE */
#define CAPS_ALL ((UINT64_C(1) << (CAPS_LAST + 1)) - 1)
#define CAP_BIT(c) (UINT64_C(1) << (c))

/* "docker" / "podman" -> engine, or -EINVAL. */
int engine_by_name(const char *name);
const char *engine_name(enum container_engine e);

/* The engine's default capability set (see engine_caps.c for sources). */
uint64_t engine_default_caps(enum container_engine e);

/* Capability number of "CAP_SYS_PTRACE", "SYS_PTRACE", "sys_ptrace"
 * (case-insensitive, prefix optional), or -EINVAL. */
int caps_from_name(const char *name);
/* "CAP_SYS_PTRACE" for a number, NULL when out of range. */
const char *caps_name(int cap);

/* Whether the engine, at version ("20.10", "current"; NULL: current),
 * accepts --cap-add of capability number cap. */
bool engine_knows_cap(enum container_engine e, const char *version, int cap);

/* Start from base and apply --cap-add / --cap-drop lists as the engine
 * does ("ALL" accepted in both).  Returns 0 and *out, or -EINVAL with a
 * message in err (unknown capability, or a combination podman refuses). */
int engine_apply_caps(enum container_engine e, uint64_t base,
		      const char *const *add, size_t nadd,
		      const char *const *drop, size_t ndrop,
		      uint64_t *out, char *err, size_t errsz);

#endif
