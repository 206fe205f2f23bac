/* The tools people bring into containers (gdb, rr, perf, bpftrace, ...):
 * what each action needs, as a table (tools.c), and the verdict for each
 * row from the same facts and probes as the tracing modes.  ctrace runs
 * none of these tools. */
#ifndef CTRACE_CHECK_TOOLS_H
#define CTRACE_CHECK_TOOLS_H

#include <stdbool.h>
#include <stddef.h>

#include "check/assess.h"

/* What an action may need; each is judged from the facts (tools.c). */
enum tool_need {
	NEED_SPAWN,		/* start a program under ptrace (the spawn mode) */
	NEED_ATTACH,		/* PTRACE_ATTACH/SEIZE of a running process (attach / attach-pid) */
	NEED_NO_ASLR,		/* personality(ADDR_NO_RANDOMIZE) (the no-aslr mode) */
	NEED_PEEK_OTHER,	/* process_vm_readv of another process */
	NEED_PERF_SW,		/* perf_event_open of a software counter */
	NEED_PERF_HW,		/* perf_event_open of a hardware counter (a PMU) */
	NEED_SECCOMP,		/* installing a seccomp filter (the seccomp-bpf mode) */
	NEED_BPF,		/* bpf() with CAP_BPF+CAP_PERFMON or CAP_SYS_ADMIN */
	NEED_ROOT,		/* the tool refuses to run unless euid is 0 */
	NEED_COUNT
};

/* How much a missing need hurts. */
enum need_level { LVL_NONE, LVL_DEGRADES, LVL_FAILS };

struct tool_req {
	const char *name;		/* the command: "gdb" */
	const char *action;		/* "run", "attach", "record", "stat", "dump" */
	const char *example;		/* "gdb -ex run PROG" */
	unsigned char need[NEED_COUNT];	/* enum need_level */
	const char *degraded;		/* what a degrading need costs, for the cause */
};

extern const struct tool_req check_tools[];
extern const size_t check_tool_count;

/* Index of "NAME" (its first action) or "NAME:ACTION" in check_tools,
 * from *start on (for every action of NAME); -1 if none. */
int check_tool_find(const char *spec, int start);

/* check_assess() calls this: out[i] for check_tools[i]. */
void check_assess_tools(const struct check_facts *f, const struct check_report *modes,
			struct check_mode_result out[CHECK_TOOL_MAX]);

#endif
