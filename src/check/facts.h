/* Facts about the environment ctrace runs in (and about a -p target), the
 * input of the diagnosis.  Gathering reads /proc and /sys only; the parse
 * functions take text, not paths, so they can be unit-tested on samples. */
#ifndef CTRACE_CHECK_FACTS_H
#define CTRACE_CHECK_FACTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "check/probes.h"

enum check_engine {
	ENGINE_NONE,		/* no container hint at all */
	ENGINE_DOCKER,
	ENGINE_PODMAN,
	ENGINE_KUBERNETES,
	ENGINE_LXC,
	ENGINE_OTHER,		/* some container, engine unknown */
};

enum check_lsm {
	LSM_UNKNOWN,		/* no label readable */
	LSM_NONE,		/* label file present but no LSM label */
	LSM_APPARMOR,
	LSM_SELINUX,
	LSM_OTHER,
};

/* Capability numbers used by the assessment (linux/capability.h). */
#define CHECK_CAP_DAC_OVERRIDE 1
#define CHECK_CAP_DAC_READ_SEARCH 2
#define CHECK_CAP_SYS_PTRACE 19
#define CHECK_CAP_SYS_ADMIN 21
#define CHECK_CAP_PERFMON 38
#define CHECK_CAP_BPF 39

#define CHECK_PARANOID_UNKNOWN (-1000)

struct check_target {
	bool present;		/* -p was given */
	pid_t pid;
	int exists;		/* 1, 0 (no /proc/PID), -1 unknown */
	uid_t uid[4];		/* real, effective, saved, fs */
	gid_t gid[4];
	int dumpable;		/* 1, 0, -1 unknown */
	bool is_self;
	bool is_ancestor;	/* ctrace's parent chain contains it */
	bool other_pidns;	/* its pid namespace differs from ours */
	bool other_userns;
	int mem_err;		/* open(/proc/PID/mem): 0 or errno (-1 unknown) */
	/* The file's mode (0600, owned by the target's uid) refused the open
	 * before the kernel's ptrace check ran: a non-root ctrace with
	 * CAP_SYS_PTRACE but no CAP_DAC_OVERRIDE/CAP_DAC_READ_SEARCH.  Then
	 * mem_err says nothing about attaching. */
	bool mem_dac;
	int ns_err;		/* readlink(/proc/PID/ns/pid): 0 or errno (-1 unknown):
				 * the kernel's ptrace read check, no file mode */
};

struct check_facts {
	bool have_status;	/* /proc/self/status parsed */
	uid_t uid, euid;
	gid_t gid, egid;
	uint64_t cap_eff, cap_prm, cap_bnd;
	int seccomp_mode;	/* 0 off, 1 strict, 2 filter, -1 unknown */
	int seccomp_filters;	/* -1 unknown */
	int no_new_privs;	/* 0/1, -1 unknown */
	int nspid_depth;	/* entries in NSpid (1: initial pid ns), 0 unknown */
	int yama_scope;		/* -1: no Yama */
	enum check_lsm lsm;
	bool lsm_confined;	/* label is not "unconfined" */
	char lsm_label[128];	/* /proc/self/attr/current */
	char lsm_list[128];	/* /sys/kernel/security/lsm, "" unknown */
	int userns;		/* 1: uid_map is not the identity, 0 no, -1 unknown */
	char uid_map[128];	/* first line of /proc/self/uid_map */
	enum check_engine engine;
	char engine_hints[160];	/* what led to the guess, comma separated */
	char kernel_release[65];
	int kver_major, kver_minor;
	int perf_paranoid;	/* kernel.perf_event_paranoid, INT_MIN unknown */
	int bpf_unpriv_disabled;/* kernel.unprivileged_bpf_disabled, -1 unknown */
	int pmu_hw;		/* a hardware PMU is registered (1), none (0), -1 unknown */
	struct check_target target;
	struct probe_outcome probes[PROBE_COUNT];
};

static inline bool check_has_cap(uint64_t set, int cap)
{
	return (set >> cap) & 1;
}

/* Fill f with everything except probes (left PROBE_NOT_RUN).  target: a
 * pid to examine, or 0.  Never fails: what cannot be read stays unknown. */
void check_gather_facts(struct check_facts *f, pid_t target);
/* The part of it the tracing modes are judged from (check_assess()'s
 * modes, not its tools: perf_paranoid, bpf_unpriv_disabled and pmu_hw
 * stay unknown): what the preflight reads before tracing. */
void check_gather_mode_facts(struct check_facts *f);
void check_facts_init(struct check_facts *f);
/* Examine one -p target (part of check_gather_facts). */
void check_gather_target(struct check_facts *f, pid_t pid);

/* Whether a file's mode (owner uid/gid, mode bits) denies a read-only open
 * to a process with these fs ids and effective capabilities. */
bool check_dac_denies_read(uid_t owner, gid_t group, mode_t mode, uid_t fsuid,
			   gid_t fsgid, uint64_t cap_eff);

/* Parsers (pure). */
/* /proc/PID/status: Uid, Gid, Cap*, Seccomp*, NoNewPrivs, NSpid.
 * Returns 0, or -EINVAL when no known field was found. */
int check_parse_status(const char *text, struct check_facts *f,
		       struct check_target *t);
/* /proc/sys/kernel/yama/ptrace_scope: 0..3, or -EINVAL. */
int check_parse_yama(const char *text);
/* /proc/self/uid_map: 1 when it maps a sub-range (a user namespace),
 * 0 for the full identity map, -EINVAL on garbage. */
int check_parse_uid_map(const char *text);
/* /proc/self/attr/current (with the lsm list if known) -> kind; sets
 * *confined.  label is copied without the trailing newline/NUL. */
enum check_lsm check_parse_label(const char *label, const char *lsm_list,
				 bool *confined);
/* /proc/1/cgroup or /proc/self/cgroup -> engine hint, ENGINE_NONE if none. */
enum check_engine check_parse_cgroup(const char *text);
/* Engine from the hints: /proc/1/cgroup text (or NULL), /run/.containerenv
 * text (NULL: absent), /.dockerenv present, $container (or NULL).  hints
 * gets the comma-separated list of hints found. */
enum check_engine check_guess_engine(const char *cgroup, const char *containerenv,
				     bool dockerenv, const char *env, char *hints, size_t size);
/* The names in /sys/bus/event_source/devices (NUL-separated list, n
 * entries) -> 1 when one is a CPU's hardware PMU, else 0. */
int check_pmu_hw_from_names(const char *const *names, size_t n);
/* The kernel facts a container shares with its host (kernel release,
 * Yama, perf and bpf sysctls, PMU), copied from host to f. */
void check_copy_kernel_facts(struct check_facts *f, const struct check_facts *host);

/* "6.1.0-18-amd64" -> major, minor; -EINVAL if unparsable. */
int check_parse_kernel_release(const char *rel, int *major, int *minor);

const char *check_engine_name(enum check_engine e);
const char *check_lsm_name(enum check_lsm l);

#endif
