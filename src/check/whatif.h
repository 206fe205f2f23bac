/* What-if: the facts of "a process inside a container started with these
 * flags", synthesized from a seccomp profile, the engine's capability set
 * and this host's kernel, so that the one decision (check_assess) answers
 * for a container that does not exist yet.
 *
 * The seccomp part comes from seccomp_query (the mode syscalls with their
 * real arguments, evaluated on the profile's BPF) and is mapped onto the
 * probe outcomes the in-container probes would report; the kernel part
 * (Yama, kernel version, capabilities) is modelled from this host's facts.
 * Not modelled: LSM confinement of the future container (AppArmor/SELinux
 * profiles the engine would apply), user-notification supervisors. */
#ifndef CTRACE_CHECK_WHATIF_H
#define CTRACE_CHECK_WHATIF_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "check/assess.h"
#include "check/facts.h"
#include "check/seccomp_query.h"

struct seccomp_profile;

/* Who the container's process is. */
struct whatif_proc {
	enum check_engine engine;	/* ENGINE_DOCKER or ENGINE_PODMAN (facts.h) */
	uint64_t caps;			/* configured (bounding) capability set */
	uint64_t ambient;		/* what a non-root --user keeps: podman puts the
					 * --cap-add capabilities in the ambient set,
					 * docker none */
	bool user_set;			/* --user given */
	uid_t uid;
	gid_t gid;
	bool no_new_privs;		/* --security-opt no-new-privileges */
	bool filtered;			/* a seccomp profile applies */
};

/* Facts of that process (probes left PROBE_NOT_RUN).  host: this host's
 * facts (kernel, Yama, LSM list, its own seccomp filters, which the
 * container inherits). */
void whatif_base_facts(struct check_facts *f, const struct check_facts *host,
		       const struct whatif_proc *p);

/* Probe outcomes the in-container probes would see, from the filter's
 * answers (res) and the kernel model (f's Yama scope, capabilities,
 * kernel version).  Pure. */
void whatif_fill_probes(struct check_facts *f, const struct sq_result res[SQ_COUNT]);

/* Answers with no filter at all (seccomp=unconfined). */
int whatif_unfiltered(const char *arch, struct sq_result res[SQ_COUNT]);

/* "x86_64" / "aarch64" of this host, NULL if neither. */
const char *whatif_host_arch(void);

struct whatif_eval {
	struct check_facts facts;	/* synthesized, probes filled */
	struct sq_result res[SQ_COUNT];	/* the filter's answers */
	bool filtered;
	unsigned filter_len;		/* BPF instructions */
	unsigned rules;			/* libseccomp rules */
	unsigned skipped_entries;	/* syscalls[] entries not selected */
	unsigned ignored_names;		/* names unknown to libseccomp */
	char warnings[512];
};

/* Build the profile's filter for (arch, p->caps) (p NULL profile:
 * unconfined), query it and synthesize the facts.  Returns 0 or a
 * negative errno with a message in err. */
int whatif_eval(const struct seccomp_profile *profile, const char *arch, bool strict,
		const struct check_facts *host, const struct whatif_proc *p,
		struct whatif_eval *out, char *err, size_t errsz);

/* ---- the narrowest profile change ---- */

/* One allow rule to add: the syscall, and when the mode needs only one
 * value of an argument, that condition (arg_index >= 0). */
struct whatif_rule {
	const char *syscall;
	int arg_index;			/* -1: the whole syscall */
	uint64_t value;
	const char *value_name;		/* "ADDR_NO_RANDOMIZE", or NULL */
};

#define WHATIF_MAX_RULES SQ_COUNT
#define WHATIF_MAX_ALTS 4

struct whatif_fix {
	unsigned nqueries;
	enum sq_id queries[SQ_COUNT];	/* queries forced to ALLOW */
	unsigned nrules;
	struct whatif_rule rules[WHATIF_MAX_RULES];
	unsigned width;			/* narrowness score: lower is narrower */
};

struct whatif_mode_fix {
	enum check_mode mode;		/* MODE_COUNT for a tool */
	int target;			/* the mode, or MODE_COUNT + the tool's row */
	enum check_verdict before;
	unsigned nalts;			/* 0: no profile change helps */
	struct whatif_fix alts[WHATIF_MAX_ALTS];	/* narrowest first */
	/* No profile change alone makes the mode ok: alts[0] (if any) is the
	 * narrowest change that removes the profile's part, and remaining
	 * the cause left after it (a capability, Yama, the kernel). */
	bool partial;
	enum check_verdict remaining_verdict;
	char remaining[400];
};

/* For every mode that is not ok with the answers res: the smallest sets
 * of blocked mode syscalls that, allowed, make it ok (re-assessing with
 * them forced to ALLOW), narrowest first.  base: the synthesized facts
 * (probes are recomputed).  Returns the number of entries in out. */
unsigned whatif_min_fixes(const struct check_facts *base, const struct sq_result res[SQ_COUNT],
			  struct whatif_mode_fix out[MODE_COUNT]);

/* The same for one target: a mode, or MODE_COUNT + a row of the tools
 * table.  Returns false (out untouched) when it is ok already. */
bool whatif_min_fix_target(const struct check_facts *base, const struct sq_result res[SQ_COUNT],
			   int target, struct whatif_mode_fix *out);
/* rep's result for a target (mode or MODE_COUNT + tool row). */
const struct check_mode_result *whatif_target_result(const struct check_report *rep, int t);

/* res with the queries of the first alternative of every fix forced to
 * ALLOW (the "minimal profile change" column). */
void whatif_apply_fixes(const struct whatif_mode_fix *fixes, unsigned n,
			struct sq_result res[SQ_COUNT]);

/* "allow personality with arg0 == 0x40000 (ADDR_NO_RANDOMIZE)" */
void whatif_rule_text(const struct whatif_rule *r, char *buf, size_t size);



/* ---- columns derived from measured facts (compare without --profile) ---- */

/* f as it would be with --cap-add SYS_PTRACE: the capability added; the
 * mode syscalls the filter refuses with EPERM that Docker's and podman's
 * default profiles allow with CAP_SYS_PTRACE (process_vm_readv, kcmp,
 * pidfd_getfd) taken as allowed (an assumption: the profile is not
 * known); kernel refusals recomputed.  Returns true when the assumption
 * changed a probe. */
bool whatif_derive_cap_ptrace(struct check_facts *f);
/* f with seccomp=unconfined: no filter, probes from the kernel model. */
int whatif_derive_unconfined(struct check_facts *f, const char *arch);
#endif
