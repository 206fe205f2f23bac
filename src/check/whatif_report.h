/* The reports of --check --profile (what-if), --check --compare and the
 * host-side part of --check -p PID: text and JSON, built on report.c's
 * pieces so that every mode table reads the same. */
#ifndef CTRACE_CHECK_WHATIF_REPORT_H
#define CTRACE_CHECK_WHATIF_REPORT_H

#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

#include "check/assess.h"
#include "check/facts.h"
#include "check/hostside.h"

#define WHATIF_MAX_CAP_ARGS 64
#define WHATIF_MAX_NOTES 8

struct pod_spec;
struct pod_container;

/* The command line of a what-if / compare run. */
struct whatif_opts {
	bool profile_given;
	const char *profile;		/* file or built-in name, NULL for "unconfined" */
	const char *engine_version;	/* --engine-version: of a built-in profile */
	const char *engine;		/* "docker" / "podman" (default docker) */
	const char *arch;		/* NULL: this host's */
	const char *cap_add[WHATIF_MAX_CAP_ARGS];
	size_t nadd;
	const char *cap_drop[WHATIF_MAX_CAP_ARGS];
	size_t ndrop;
	bool user_set;
	uid_t uid;
	gid_t gid;
	bool no_new_privs;
	bool strict;			/* unknown syscall names are an error */
	bool compare;
	const char *write_profile;	/* --write-profile OUT */
	const char *for_list;		/* --for MODE|TOOL,... (NULL: every mode) */
	bool json;
	int quiet;
	/* --pod: the manifest and the container the what-if is about */
	const struct pod_spec *pod;
	const struct pod_container *pod_container;
	bool pod_podman;		/* as podman kube play starts it */
	const char *notes[WHATIF_MAX_NOTES];	/* what the pod's reading assumed */
	unsigned nnotes;
};

/* ctrace --check --profile ...: prints the report, returns the exit
 * status (0/2/3, or 1 after one "ctrace: ..." line). */
int whatif_run(const struct whatif_opts *o);

/* ctrace --check --profile FILE --write-profile OUT [--for ...]: the
 * profile plus the narrowest change for the named modes and tools,
 * verified with the what-if; prints the run flags that go with it. */
int write_profile_run(const struct whatif_opts *o);

/* ctrace --check --compare [...]. */
int compare_run(const struct whatif_opts *o);

/* Host side, appended to the --check -p PID report. */
void hostside_report_text(FILE *out, const struct hostside *h, const struct check_report *r);
struct json_object;
struct json_object *hostside_report_json(const struct hostside *h, const struct check_report *r);

#endif
