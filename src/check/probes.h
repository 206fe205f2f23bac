/* Syscall probes: each syscall a tracing mode needs, called in a forked
 * child with harmless arguments.  If the seccomp filter lets the call
 * through, the kernel answers with a known errno (EINVAL, ESRCH, EBADF...)
 * or succeeds in the disposable child; otherwise the child sees another
 * errno, dies by a signal (SIGSYS) or hangs (a user-notification filter
 * nobody answers: killed after a timeout).  ctrace's own process makes
 * none of these calls, except through probes_run_here() when no seccomp
 * filter can touch it. */
#ifndef CTRACE_CHECK_PROBES_H
#define CTRACE_CHECK_PROBES_H

#include <stdint.h>

/* Order = order of execution in the child (the seccomp filter one last:
 * it changes the child). */
enum probe_id {
	PROBE_PTRACE,		/* ptrace(PTRACE_CONT, parent): ESRCH */
	PROBE_TRACEME,		/* real: grandchild PTRACE_TRACEME + stop */
	PROBE_SYSCALL_INFO,	/* real: PTRACE_GET_SYSCALL_INFO on it */
	PROBE_SEIZE,		/* real: PTRACE_SEIZE of a sibling */
	PROBE_VM_READV,		/* process_vm_readv(flags=1): EINVAL */
	PROBE_PERSONALITY_QUERY,/* personality(0xffffffff): success */
	PROBE_PERSONALITY_NORAND,/* real: personality(cur|ADDR_NO_RANDOMIZE) */
	PROBE_KCMP,		/* kcmp(self, self, 1000): EINVAL */
	PROBE_PIDFD_OPEN,	/* pidfd_open(-1): EINVAL */
	PROBE_PIDFD_GETFD,	/* pidfd_getfd(-1): EBADF */
	PROBE_CLONE3,		/* clone3(NULL, 0): EINVAL */
	PROBE_PERF_EVENT_OPEN,	/* perf_event_open(NULL): EFAULT */
	PROBE_PERF_HW,		/* real: a hardware counter (instructions) of self */
	PROBE_PERF_SW,		/* real: a software counter (task-clock) of self */
	PROBE_BPF,		/* bpf(invalid command, NULL, 0): EINVAL */
	PROBE_PRCTL_SECCOMP,	/* prctl(PR_SET_SECCOMP, 0xff): EINVAL */
	PROBE_SECCOMP,		/* seccomp(SECCOMP_GET_ACTION_AVAIL, ALLOW): 0 */
	PROBE_SECCOMP_FILTER,	/* real: NO_NEW_PRIVS + allow-all filter */
	PROBE_COUNT
};

enum probe_result {
	PROBE_NOT_RUN,
	PROBE_ALLOWED,		/* the kernel's own answer came back */
	PROBE_ERRNO,		/* another errno (err) */
	PROBE_KILLED,		/* the child died by signal sig */
	PROBE_HUNG,		/* no answer within the timeout */
};

struct probe_outcome {
	enum probe_result result;
	int err;		/* errno seen (0 = success) */
	int sig;		/* PROBE_KILLED: the signal */
};

#define PROBE_BIT(id) (UINT32_C(1) << (id))
#define PROBE_ALL (PROBE_BIT(PROBE_COUNT) - 1)

/* Run the probes in mask; out[] entries not in mask are left untouched.
 * timeout_ms: per probe.  Returns 0 or a negative errno (fork/pipe failed;
 * then the probes not run stay PROBE_NOT_RUN). */
int probes_run(uint32_t mask, int timeout_ms, struct probe_outcome out[PROBE_COUNT]);

/* Run, in the calling process, the probes of mask that make one call
 * and change nothing in the caller (ptrace on the parent, process_vm_readv
 * with flags=1, the seccomp queries...; not the ones that trace a child,
 * change the personality or install a filter).  Only for a caller that no
 * seccomp filter applies to (Seccomp: 0 in /proc/self/status): then no
 * probe can kill or hang it.  Returns the bits of the probes run; the
 * others stay as they were. */
uint32_t probes_run_here(uint32_t mask, struct probe_outcome out[PROBE_COUNT]);

/* Static description. */
const char *probe_name(enum probe_id id);	/* "ptrace-traceme" */
const char *probe_syscall(enum probe_id id);	/* "ptrace" */
const char *probe_call(enum probe_id id);	/* the call made, for humans */
int probe_expected(enum probe_id id);		/* errno expected, 0 success */
const char *probe_result_name(enum probe_result r);

/* Until a probe has really hung, probes_run gives each one this long (or
 * the timeout asked for, if longer): on a loaded machine a probe that
 * merely waits for a CPU must not pass for a user-notification filter
 * nobody answers.  After the first hang, the timeout asked for applies. */
#define PROBE_FIRST_HANG_MS 2000

#endif
