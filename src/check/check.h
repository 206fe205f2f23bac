/* Entry points of the diagnosis for the tracer's main().
 *
 *   check_cli()      ctrace --check [--json] [-p PID] [-q]: the full report.
 *   preflight()      before tracing: only the probes the run needs.
 *   check_explain_ptrace_error()  cause (+fix) for a ptrace call that failed.
 */
#ifndef CTRACE_CHECK_CHECK_H
#define CTRACE_CHECK_CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* Exit statuses of check_cli(). */
#define CHECK_EXIT_OK 0		/* every mode works */
#define CHECK_EXIT_USAGE 1	/* bad command line */
#define CHECK_EXIT_DEGRADED 2	/* some mode degraded, none fails */
#define CHECK_EXIT_FAILS 3	/* some mode fails */

/* main() calls this when argv contains --check, with its full argc/argv.
 * Returns the process exit status. */
int check_cli(int argc, char **argv);

struct preflight_req {
	bool spawn;		/* ctrace CMD */
	const pid_t *pids;	/* -p PIDs */
	size_t npids;
	bool no_aslr;		/* --no-aslr */
	bool stack_trace;	/* -k */
	bool seccomp_bpf;	/* --seccomp-bpf */
	bool seccomp_bpf_auto;	/* the fast path may be used: probe, never fail */
	int quiet;		/* -q count: >= 2 silences warnings (never errors) */
};

struct preflight_res {
	bool use_vm_readv;	/* process_vm_readv works: use it */
	bool seccomp_bpf_ok;	/* a seccomp filter can be installed */
	bool syscall_info_ok;	/* PTRACE_GET_SYSCALL_INFO works */
};

/* Probe what the run needs.  Silent when all is well; one "ctrace: ..."
 * line per degraded mode (unless quiet >= 2) and one error line per failing
 * mode.  Returns 0 to go on, or a negative errno (-EPERM...) when a needed
 * mode fails: main() then exits 1 before starting anything.  The probes run
 * in a child only where a seccomp filter or a confining LSM is on ctrace
 * (see probe_child_needed() in preflight.c); elsewhere nothing is forked. */
int preflight(const struct preflight_req *req, struct preflight_res *res);

/* When a ptrace call on pid failed with err anyway: a short cause phrase
 * with its fix ("PID 1 runs as uid 0 and ctrace as uid 1000; ... (Fix:
 * ...)"), or NULL if nothing useful can be added.  The string lives in a
 * static buffer until the next call. */
const char *check_explain_ptrace_error(pid_t pid, int err);

#endif
