/* The processes of ctrace's pid namespace when other containers share it
 * (a sidecar run with --pid=container:TARGET, a pod with
 * shareProcessNamespace: true): which ones ctrace can attach to, and why
 * not.  Each process gets the attach-pid verdict of check_assess() on the
 * facts gathered for it as a -p target. */
#ifndef CTRACE_CHECK_PIDNS_H
#define CTRACE_CHECK_PIDNS_H

#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

#include "check/assess.h"
#include "check/facts.h"

#define PIDNS_MAX_PROCS 64	/* listed; the rest are only counted */

struct pidns_proc {
	pid_t pid;
	char comm[64];			/* escaped for text; raw bytes never printed */
	uid_t uid;			/* effective */
	int other_container;		/* 1, 0, -1 unknown */
	bool is_self;
	struct check_mode_result attach;	/* the attach-pid verdict */
};

struct pidns_view {
	int shared;			/* 1 another container's processes are
					 * visible, 0 not, -1 not examined */
	size_t total;			/* processes seen */
	size_t n;			/* listed in procs */
	struct pidns_proc procs[PIDNS_MAX_PROCS];
};

/* Pure: same container, from the two processes' mount namespace links
 * (NULL: unreadable) and /proc/PID/cgroup texts (NULL: unreadable).
 * Returns 1 other container, 0 same, -1 unknown. */
int pidns_other_container(const char *mnt_self, const char *mnt_other,
			  const char *cg_self, const char *cg_other);

/* Examine ctrace's pid namespace when ctrace runs in a container (f->engine
 * != ENGINE_NONE); else v->shared = -1.  f holds ctrace's facts and probes
 * (its target is not changed). */
void pidns_survey(const struct check_facts *f, struct pidns_view *v);

void pidns_report_text(FILE *out, const struct pidns_view *v);
struct json_object *pidns_report_json(const struct pidns_view *v);

#endif
