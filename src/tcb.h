/* Per-tracee state ("trace control block") and the table of tracees. */
#ifndef CTRACE_TCB_H
#define CTRACE_TCB_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>
#include <time.h>

#include "arch.h"
#include "strbuf.h"

struct outstream;
struct stack_tcb;
struct fd_cache;

enum {
	TCB_INSYSCALL   = 1u << 0, /* between syscall entry and exit */
	TCB_STARTUP     = 1u << 1, /* spawned, before its first resume */
	TCB_HIDE        = 1u << 2, /* spawned, before the traced execve */
	TCB_ATTACHED    = 1u << 3, /* attached with -p (detach, never kill) */
	TCB_FILTERED    = 1u << 4, /* current syscall is not printed */
	TCB_REPRINT     = 1u << 5, /* line was interrupted: "<... resumed>" */
	TCB_SILENT      = 1u << 9, /* followed only for the fast path: no output */
	TCB_INJECTED    = 1u << 10, /* -e inject: the current call is tampered with */
	TCB_SKIP_DETACH_EXEC = 1u << 14, /* -b execve: not at the spawned command's own execve */
	TCB_FIRST_EXEC  = 1u << 15, /* in the spawned command's execve */
	TCB_EXEC_FAILED = 1u << 16, /* that execve failed: the rest is ctrace's (hidden) */
	TCB_UNKNOWN_SC  = 1u << 17, /* killed at a syscall-entry stop before its
				      * registers were read: "???(" */
	TCB_EARLY       = 1u << 18, /* seen before its parent's fork/clone event */
};
/* tcb.inj_what: what the injection changed */
enum { INJ_RETVAL = 1u << 0, INJ_ARGS = 1u << 1, INJ_DELAYED = 1u << 2 };
struct inject_rule;

struct tcb {
	pid_t pid;
	unsigned flags;
	struct outstream *out;
	int curcol;                 /* column of the current output line */

	/* The current syscall. */
	const struct arch_def *arch;   /* NULL: a personality without a table */
	uint32_t audit_arch;           /* AUDIT_ARCH_* of the current syscall */
	const struct arch_def *last_arch; /* personality of the previous one (its change is
					   * shown), NULL before the first */
	const struct syscall_ent *ent; /* NULL for an unknown number */
	long scno;
	unsigned long args[6];
	long rval;                  /* raw return value */
	int err;                    /* errno when the syscall failed, else 0 */
	bool exiting;
	int decode_state;           /* DEC_DONE when the entry decoder finished */
	unsigned argpos;            /* generic decoder: first argument left for exit */
	const char *auxstr;         /* decoder's note after the return value: " (NAME)" */
	char auxbuf[1024];          /* room for the text of a note the decoder
				     * formats (auxstr = auxbuf): the tracee's,
				     * not a static buffer */
	struct strbuf aux;          /* tcb_aux(): a note's builder, on auxbuf,
				     * then on the heap when longer */
	bool rval_hex;              /* decoder: print this return value in hex */
	const struct syscall_ent *restart_ent; /* last call that returned
					 * ERESTART_RESTARTBLOCK (restart_syscall) */
	bool rval_fd;               /* decoder: the return value is a fd (-y) */
	bool rval_int_err;          /* decoder: an int the kernel returns
				     * zero-extended (modify_ldt): a 32-bit
				     * error value gets its errno name */
	uint8_t rval_pid;           /* decoder: the return value is a process id
				     * of this RV_TID.. kind (-Y), 0: not */
	const struct inject_rule *inj_rule; /* -e inject: rule of the current call */
	unsigned inj_what;          /* INJ_* */
	unsigned *inj_count;        /* calls seen, by syscall number (when=) */
	int inj_signo;              /* signal= to deliver when resuming */
	long inj_delay_us;          /* delay_enter=/delay_exit= of this stop (stop.c) */
	bool delayed;               /* held at a stop until delay_until (stop.c) */
	struct timespec delay_until;
	int delay_sig;              /* the signal to resume it with then */
	unsigned long ip;           /* -i: instruction pointer at the last stop */
	bool ip_valid;
	struct timespec stime;      /* entry time (-T) */
	uint64_t sum_start_ns;      /* -c: clock at entry */
	int sched_fd;               /* -c: /proc/.../schedstat, -1 unopened */
	bool solo;                  /* known to be single-threaded (stop.c) */
	bool sum_ru;                /* -c: this call is timed by wait4's rusage */
	pid_t ns_pid;               /* pid in its own (deeper) pid namespace, 0: same as ours */
	char *root;                 /* its root as a path of ours (-y), NULL: not read */
	struct outstream *json_os;  /* --json: the current syscall's argument
				     * text, with marks where each one starts */
	struct stack_tcb *stack;    /* -k: src/stacktrace.c's state */
	struct fd_cache *fdc;       /* -y: src/fdcache.c's paths of its fds */
	bool fdc_inflight;          /* in a call that may change fds (fdcache.c) */
	int fdc_busy_fd;            /* fd + 1 a close/dup2 in flight changes, or 0 */
	void *call_priv;            /* the decoder's data, entry to exit */
	void (*call_priv_free)(void *);

	unsigned long pid_ns;       /* -Y/pidns: inode of its pid namespace, 0 unread */
	char comm[16];              /* -Y: its last known command name */

	struct tcb *hnext;          /* hash chain */
};

/* Allocate a tracee; out may be NULL (filled by the tracer). */
struct tcb *tcb_new(pid_t pid, unsigned flags);
/* (inline: at every stop) */
#define TCB_HASH_SIZE 1024u
extern struct tcb *tcb_buckets[TCB_HASH_SIZE];
static inline unsigned tcb_hash(pid_t pid)
{
	return (unsigned)pid * 2654435761u % TCB_HASH_SIZE;
}
static inline struct tcb *tcb_find(pid_t pid)
{
	for (struct tcb *t = tcb_buckets[tcb_hash(pid)]; t; t = t->hnext)
		if (t->pid == pid)
			return t;
	return NULL;
}
void tcb_free(struct tcb *tcp);
/* Private data of the current syscall's decoder, kept from its entry to
 * its exit: set at entry (replacing and freeing what was there), read at
 * exit.  free_fn runs when the call ends (tcb_call_priv_drop(), from the
 * tracer at the exit and at the next entry) and when the tracee is freed
 * (death, detach), so nothing outlives the call or the tracee. */
void tcb_set_call_priv(struct tcb *tcp, void *p, void (*free_fn)(void *));
void tcb_call_priv_drop_slow(struct tcb *tcp);
static inline void tcb_call_priv_drop(struct tcb *tcp)
{
	/* twice per syscall, and most calls keep nothing */
	if (tcp->call_priv || tcp->call_priv_free)
		tcb_call_priv_drop_slow(tcp);
}
/* A copy of size bytes of data as the call's private data (freed with
 * it): false, nothing kept, when there is no memory. */
bool tcb_keep_call_copy(struct tcb *tcp, const void *data, size_t size);
/* A note after the return value (auxstr) of any length, owned by the
 * tracee: tcb_aux() hands out its builder, emptied (on tcp->auxbuf, moving
 * to the heap when the text is longer; freed with the tcb), and
 * tcb_aux_done() points auxstr at its text (" ()" when it stays empty). */
struct strbuf *tcb_aux(struct tcb *tcp);
void tcb_aux_done(struct tcb *tcp);
/* Change a tracee's pid (execve from a non-leader thread). */
void tcb_rename(struct tcb *tcp, pid_t newpid);
extern unsigned tcb_ntcbs;
static inline unsigned tcb_count(void)
{
	return tcb_ntcbs; /* (the loop's condition: inline) */
}
/* Tracees whose syscalls are shown (not TCB_SILENT; the flag is fixed at
 * creation). */
extern unsigned tcb_nvisible;
static inline unsigned tcb_visible_count(void)
{
	return tcb_nvisible; /* (asked at every line: inline) */
}
/* Iterate: call fn for every tracee (fn may free its argument). */
void tcb_foreach(void (*fn)(struct tcb *tcp, void *data), void *data);

#endif
