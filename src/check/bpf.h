/* Classic-BPF interpreter for seccomp filter programs.
 *
 * bpf_check() validates a program the way the kernel does when a seccomp
 * filter is installed (bpf_check_classic() + seccomp_check_filter() +
 * check_load_and_stores()): length 1..BPF_MAXINSNS, only the opcodes
 * seccomp accepts, 4-byte aligned absolute loads inside struct
 * seccomp_data, scratch memory 0..15 never read before it is written on
 * every path, jumps forward and inside the program, constant shifts < 32,
 * no constant division by zero, last instruction a return.
 *
 * bpf_run() evaluates a valid program on one struct seccomp_data and
 * returns the full 32-bit SECCOMP_RET_* value (action + data).  It
 * re-validates, so a malformed program gives a negative errno, never a
 * crash.
 *
 * bpf_run_filters() applies the kernel's rule for a stack of filters
 * (seccomp_run_filters()): every filter runs, the lowest ACTION_ONLY()
 * value (s32 compare of ret & SECCOMP_RET_ACTION_FULL) wins; with equal
 * actions the first one evaluated keeps its data.  filters[0] is the
 * newest filter, which is the order the kernel evaluates them in
 * (PTRACE_SECCOMP_GET_FILTER numbers them the other way round: its index
 * 0 is the oldest; hostside.c reorders). */
#ifndef CTRACE_CHECK_BPF_H
#define CTRACE_CHECK_BPF_H

#include <stdbool.h>
#include <stdint.h>
#include <linux/filter.h>
#include <linux/seccomp.h>

#ifndef SECCOMP_RET_KILL_PROCESS
#define SECCOMP_RET_KILL_PROCESS 0x80000000U
#endif
#ifndef SECCOMP_RET_KILL_THREAD
#define SECCOMP_RET_KILL_THREAD 0x00000000U
#endif
#ifndef SECCOMP_RET_USER_NOTIF
#define SECCOMP_RET_USER_NOTIF 0x7fc00000U
#endif
#ifndef SECCOMP_RET_LOG
#define SECCOMP_RET_LOG 0x7ffc0000U
#endif
#ifndef SECCOMP_RET_ACTION_FULL
#define SECCOMP_RET_ACTION_FULL 0xffff0000U
#endif

#define BPF_SECCOMP_MAX_INSNS 4096   /* BPF_MAXINSNS */
#define BPF_SECCOMP_MEMWORDS 16      /* BPF_MEMWORDS */

/* One filter program (borrowed pointer). */
struct bpf_filter {
	const struct sock_filter *insns;
	unsigned len;
};

/* What a SECCOMP_RET_* value means for the calling thread. */
enum seccomp_kind {
	SECCOMP_KIND_ALLOW,
	SECCOMP_KIND_LOG,          /* allowed, logged */
	SECCOMP_KIND_ERRNO,        /* fails with errno (data, clamped to 4095) */
	SECCOMP_KIND_USER_NOTIF,   /* a supervisor decides; ENOSYS without one */
	SECCOMP_KIND_TRACE,        /* ptracer notified; ENOSYS without one */
	SECCOMP_KIND_TRAP,         /* SIGSYS delivered */
	SECCOMP_KIND_KILL_THREAD,
	SECCOMP_KIND_KILL_PROCESS, /* also any unknown action value */
};

/* Validate a program.  Returns 0, or -EINVAL (as the kernel does) for a
 * bad length, instruction, jump, load, missing return or uninitialised
 * scratch read.
 * When where is non-NULL it receives the index of the offending
 * instruction (or the length for length errors). */
int bpf_check(const struct sock_filter *insns, unsigned len, unsigned *where);

/* Run one program.  Returns 0 and stores the SECCOMP_RET_* value in *ret,
 * or a negative errno from bpf_check(). */
int bpf_run(const struct sock_filter *insns, unsigned len,
	    const struct seccomp_data *sd, uint32_t *ret);

/* Run a stack of filters, filters[0] newest.  n == 0 gives ALLOW.  Every
 * filter is validated; an invalid one makes the whole call fail (with
 * *bad set to its index when bad is non-NULL). */
int bpf_run_filters(const struct bpf_filter *filters, unsigned n,
		    const struct seccomp_data *sd, uint32_t *ret, unsigned *bad);

/* Classify a SECCOMP_RET_* value; *err receives the errno for
 * SECCOMP_KIND_ERRNO (0 otherwise) when err is non-NULL. */
enum seccomp_kind seccomp_ret_kind(uint32_t ret, int *err);

/* "allow", "log", "errno", "user_notif", "trace", "trap", "kill_thread",
 * "kill_process". */
const char *seccomp_kind_name(enum seccomp_kind k);

/* Kernel precedence of a return value: lower wins (ACTION_ONLY). */
int32_t seccomp_ret_precedence(uint32_t ret);

#endif
