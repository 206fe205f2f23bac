/* The diagnosis: facts (with probe results) -> for each tracing mode a
 * verdict, the cause in a short phrase and the fix.  One pure function. */
#ifndef CTRACE_CHECK_ASSESS_H
#define CTRACE_CHECK_ASSESS_H

#include "check/facts.h"

enum check_verdict { VERDICT_OK, VERDICT_DEGRADED, VERDICT_FAILS };

enum check_mode {
	MODE_SPAWN,		/* ctrace CMD */
	MODE_ATTACH,		/* -p, same uid, not our descendant */
	MODE_ATTACH_OTHER,	/* -p another uid / non-dumpable */
	MODE_MEMORY,		/* process_vm_readv */
	MODE_SYSCALL_INFO,	/* PTRACE_GET_SYSCALL_INFO */
	MODE_SECCOMP_BPF,	/* filtered fast path */
	MODE_NO_ASLR,		/* --no-aslr */
	MODE_STACK_TRACE,	/* -k */
	MODE_ATTACH_PID,	/* -p PID given to --check: that very target */
	MODE_COUNT
};

struct check_mode_result {
	bool present;		/* MODE_ATTACH_PID only with a target */
	enum check_verdict verdict;
	char cause[400];	/* "" = none */
	char fix[400];		/* "" = none */
};

#define CHECK_TOOL_MAX 24	/* rows of the tools table (tools.c) */

struct check_report {
	struct check_mode_result modes[MODE_COUNT];
	/* one per row of check_tools (tools.h), same verdict/cause/fix;
	 * they do not count in check_report_worst() (exit status) */
	struct check_mode_result tools[CHECK_TOOL_MAX];
};

void check_assess(const struct check_facts *f, struct check_report *out);

const char *check_mode_name(enum check_mode m);
const char *check_verdict_name(enum check_verdict v);
/* For tools.c: how the seccomp filter treated a probe's syscall ("is
 * blocked by the container's seccomp profile (EPERM)" in buf, true), or
 * false when it let it through / cannot tell; an errno's name. */
bool check_filter_blocks(const struct check_facts *f, enum probe_id id, char *buf, size_t size);
const char *check_err_name(int err);

/* Worst verdict over the present modes. */
enum check_verdict check_report_worst(const struct check_report *r);

#endif
