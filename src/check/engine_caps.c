/* Container engines' capability sets (see engine_caps.h). */
#include "config.h"
#include "check/engine_caps.h"

#include <errno.h>
#include <stdlib.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* Capability numbers: the kernel ABI (linux/capability.h). */
static const char *const cap_names[CAPS_LAST + 1] = {
	[0] = "CAP_CHOWN",
	[1] = "CAP_DAC_OVERRIDE",
	[2] = "CAP_DAC_READ_SEARCH",
	[3] = "CAP_FOWNER",
	[4] = "CAP_FSETID",
	[5] = "CAP_KILL",
	[6] = "CAP_SETGID",
	[7] = "CAP_SETUID",
	[8] = "CAP_SETPCAP",
	[9] = "CAP_LINUX_IMMUTABLE",
	[10] = "CAP_NET_BIND_SERVICE",
	[11] = "CAP_NET_BROADCAST",
	[12] = "CAP_NET_ADMIN",
	[13] = "CAP_NET_RAW",
	[14] = "CAP_IPC_LOCK",
	[15] = "CAP_IPC_OWNER",
	[16] = "CAP_SYS_MODULE",
	[17] = "CAP_SYS_RAWIO",
	[18] = "CAP_SYS_CHROOT",
	[19] = "CAP_SYS_PTRACE",
	[20] = "CAP_SYS_PACCT",
	[21] = "CAP_SYS_ADMIN",
	[22] = "CAP_SYS_BOOT",
	[23] = "CAP_SYS_NICE",
	[24] = "CAP_SYS_RESOURCE",
	[25] = "CAP_SYS_TIME",
	[26] = "CAP_SYS_TTY_CONFIG",
	[27] = "CAP_MKNOD",
	[28] = "CAP_LEASE",
	[29] = "CAP_AUDIT_WRITE",
	[30] = "CAP_AUDIT_CONTROL",
	[31] = "CAP_SETFCAP",
	[32] = "CAP_MAC_OVERRIDE",
	[33] = "CAP_MAC_ADMIN",
	[34] = "CAP_SYSLOG",
	[35] = "CAP_WAKE_ALARM",
	[36] = "CAP_BLOCK_SUSPEND",
	[37] = "CAP_AUDIT_READ",
	[38] = "CAP_PERFMON",
	[39] = "CAP_BPF",
	[40] = "CAP_CHECKPOINT_RESTORE",
};

/* Docker 20.10 (moby oci/caps/defaults.go, DefaultCapabilities()): the 14
 * capabilities every container gets unless --cap-drop removes them.  The
 * same list is the OCI runtime-spec example default. */
static const char *const docker_default[] = {
	"CHOWN", "DAC_OVERRIDE", "FSETID", "FOWNER", "MKNOD", "NET_RAW",
	"SETGID", "SETUID", "SETFCAP", "SETPCAP", "NET_BIND_SERVICE",
	"SYS_CHROOT", "KILL", "AUDIT_WRITE",
};

/* podman 4.3 (Debian bookworm), default_capabilities of containers.conf
 * shipped by containers-common 0.50 (/usr/share/containers/containers.conf
 * on this host).  Compared with docker: no MKNOD, NET_RAW, AUDIT_WRITE
 * (containers/common commit "Rework default list of capabilities to
 * minimal"; SYS_CHROOT was kept). */
static const char *const podman_default[] = {
	"CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL",
	"NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID",
	"SYS_CHROOT",
};

int engine_by_name(const char *name)
{
	if (!strcmp(name, "docker"))
		return ENGINE_CAPS_DOCKER;
	if (!strcmp(name, "podman"))
		return ENGINE_CAPS_PODMAN;
	return -EINVAL;
}

const char *engine_name(enum container_engine e)
{
	return e == ENGINE_CAPS_PODMAN ? "podman" : "docker";
}

int caps_from_name(const char *name)
{
	if (!strncasecmp(name, "CAP_", 4))
		name += 4;
	for (int i = 0; i <= CAPS_LAST; i++)
		if (!strcasecmp(name, cap_names[i] + 4))
			return i;
	return -EINVAL;
}

const char *caps_name(int cap)
{
	if (cap < 0 || cap > CAPS_LAST)
		return NULL;
	return cap_names[cap];
}

bool engine_knows_cap(enum container_engine e, const char *version, int cap)
{
	/* Docker 20.10's vendored gocapability list stops at CAP_AUDIT_READ
	 * (the update to CAP_PERFMON, CAP_BPF and CAP_CHECKPOINT_RESTORE was
	 * reverted, moby#42011, moby#42601): its daemon answers "invalid
	 * CapAdd: unknown capability" for them.  Docker 23.0 knows them. */
	if (e == ENGINE_CAPS_DOCKER && version && version[0] >= '0' && version[0] <= '9' &&
	    strtol(version, NULL, 10) < 23)
		return cap >= 0 && cap < 38;
	return cap >= 0 && cap <= CAPS_LAST;
}

static uint64_t mask_of(const char *const *names, size_t n)
{
	uint64_t m = 0;

	for (size_t i = 0; i < n; i++) {
		int c = caps_from_name(names[i]);

		if (c >= 0)
			m |= CAP_BIT(c);
	}
	return m;
}

uint64_t engine_default_caps(enum container_engine e)
{
	if (e == ENGINE_CAPS_PODMAN)
		return mask_of(podman_default, sizeof(podman_default) / sizeof(podman_default[0]));
	return mask_of(docker_default, sizeof(docker_default) / sizeof(docker_default[0]));
}

static bool is_all(const char *s)
{
	return !strcasecmp(s, "ALL");
}

/* Parse a --cap-add/--cap-drop list into a mask and an "ALL" flag. */
static int parse_list(const char *const *list, size_t n, const char *opt,
		      uint64_t *mask, bool *all, char *err, size_t errsz)
{
	*mask = 0;
	*all = false;
	for (size_t i = 0; i < n; i++) {
		int c;

		if (is_all(list[i])) {
			*all = true;
			continue;
		}
		c = caps_from_name(list[i]);
		if (c < 0) {
			snprintf(err, errsz, "%s: unknown capability \"%s\"", opt, list[i]);
			return -EINVAL;
		}
		*mask |= CAP_BIT(c);
	}
	return 0;
}

int engine_apply_caps(enum container_engine e, uint64_t base,
		      const char *const *add, size_t nadd,
		      const char *const *drop, size_t ndrop,
		      uint64_t *out, char *err, size_t errsz)
{
	uint64_t addm, dropm;
	bool add_all, drop_all;
	int r;

	r = parse_list(add, nadd, "--cap-add", &addm, &add_all, err, errsz);
	if (r < 0)
		return r;
	r = parse_list(drop, ndrop, "--cap-drop", &dropm, &drop_all, err, errsz);
	if (r < 0)
		return r;

	if (e == ENGINE_CAPS_DOCKER) {
		/* moby oci/caps TweakCapabilities(): ALL in --cap-add gives
		 * every capability but the dropped ones; ALL in --cap-drop
		 * keeps only the added ones; otherwise drop, then add (so a
		 * capability both dropped and added ends up present). */
		if (add_all)
			*out = CAPS_ALL & ~dropm;
		else if (drop_all)
			*out = addm;
		else
			*out = (base & ~dropm) | addm;
		return 0;
	}

	/* podman (containers/common pkg/capabilities MergeCapabilities()):
	 * ALL in both lists is refused; ALL in --cap-drop keeps only the
	 * added ones; a capability both added and dropped is refused; ALL in
	 * --cap-add starts from the full bounding set. */
	if (drop_all) {
		if (add_all) {
			snprintf(err, errsz, "adding all caps and removing all caps not allowed");
			return -EINVAL;
		}
		*out = addm;
		return 0;
	}
	if (add_all) {
		base = CAPS_ALL;
		addm = 0;
	}
	if (addm & dropm) {
		for (int c = 0; c <= CAPS_LAST; c++)
			if (addm & dropm & CAP_BIT(c)) {
				snprintf(err, errsz, "capability \"%s\" cannot be dropped and added",
					 cap_names[c]);
				break;
			}
		return -EINVAL;
	}
	*out = (base & ~dropm) | addm;
	return 0;
}
