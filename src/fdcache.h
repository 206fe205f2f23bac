/* -y: the "<path>" text printed after a descriptor, cached per tracee so
 * that printing a fd does not readlink /proc/PID/fd/N each time.
 *
 An entry is valid while two generation numbers are unchanged.  The
 * global one moves with any syscall that is not known to leave every fd
 * table and every path alone (exec, rename, unlink, chdir, close_range,
 * recvmsg, ioctl, an unknown number, ...): at its entry
 * (after its line was printed) and again at its exit (before its result
 * is printed); while such a call is in flight in any tracee nothing is
 * cached or served.  The one of a descriptor number moves with the calls
 * that change only that number, in any tracee: close(N) and dup2/dup3
 * onto N (likewise at entry and exit, N not served in between), and a
 * call returning a new descriptor N, fcntl F_DUPFD included (at its exit;
 * N was free before it, so no valid entry can show it).  So descriptors shared between threads
 * or CLONE_FILES processes need no bookkeeping.  Changes ctrace cannot see turn the
 * cache off: a child that is not traced (no -f, or CLONE_UNTRACED: it may
 * close shared descriptors, rename or remove files), io_uring, the
 * seccomp fast path (calls outside the filter do not stop), -p (threads
 * and other processes not attached).  What unrelated programs do
 * (renaming a directory above an open file) is not seen either; nor is it
 * by a readlink made at a slightly different time. */
#ifndef CTRACE_FDCACHE_H
#define CTRACE_FDCACHE_H

#include <stdbool.h>
#include <stddef.h>

#include "arch.h"
#include "tcb.h"

/* What a syscall can do to descriptors and their paths. */
enum fdc_kind {
	FDC_CHANGES = 0, /* may change an fd table or a path: new generation */
	FDC_NEUTRAL,     /* leaves them alone */
	FDC_CLOSE,       /* changes descriptor args[0] */
	FDC_DUP2,        /* changes descriptor args[1] */
	FDC_NEWFD,       /* returns a new descriptor */
	FDC_FCNTL,       /* F_DUPFD / F_DUPFD_CLOEXEC return a new descriptor */
	FDC_FORK,        /* fork, vfork: neutral; off when the child is not
			  * traced */
	FDC_CLONE,       /* same, changes with CLONE_PIDFD */
	FDC_CLONE3,      /* same, flags in struct clone_args */
	FDC_IO_URING,    /* io_uring_setup: off (fds change asynchronously) */
};

/* Pure (unit-tested): the kind of a syscall, from its table row (the
 * fd_* properties and rval fd of syscalls.def); FDC_CHANGES for NULL, a
 * hole, or a row without any of them. */
enum fdc_kind fdcache_kind(const struct syscall_ent *e);
/* Pure: does a call of this kind with these arguments need a new global
 * generation?  (clone3: always, its flags are in memory.) */
bool fdcache_call_changes(enum fdc_kind kind, const unsigned long *args);
/* Pure: does a call of this kind with these arguments return a new
 * descriptor (when it succeeds)? */
bool fdcache_returns_new_fd(enum fdc_kind kind, const unsigned long *args);
/* Pure: does a new child (clone flags, 0 for fork) make the cache
 * unusable?  follow: ctrace follows children (-f). */
bool fdcache_child_blinds(unsigned long long flags, bool follow);

/* Turn the cache on for the run (-y and -yy, commands ctrace starts
 * without the fast path); builds the per-number kinds of native. */
void fdcache_enable(const struct arch_def *native, bool follow);
/* Off for good (a change ctrace cannot see). */
void fdcache_disable(void);
bool fdcache_on(void);

/* Syscall stops of tcp (every syscall, printed or not).  Inline: with
 * the cache off (no -y) and no change of tcp in flight they do nothing,
 * without a call. */
extern bool fdcache_is_on;
void fdcache_syscall_entry_slow(struct tcb *tcp);
void fdcache_syscall_exit_slow(struct tcb *tcp);
static inline void fdcache_syscall_entry(struct tcb *tcp)
{
	if (fdcache_is_on)
		fdcache_syscall_entry_slow(tcp);
}
static inline void fdcache_syscall_exit(struct tcb *tcp)
{
	if (fdcache_is_on || tcp->fdc_inflight || tcp->fdc_busy_fd)
		fdcache_syscall_exit_slow(tcp);
}
/* tcp is gone (its in-flight call with it). */
void fdcache_forget(struct tcb *tcp);

/* The text cached for fd of tcp (fd -1: its cwd), or NULL. */
const char *fdcache_get(struct tcb *tcp, int fd, size_t *len);
/* Remember it, when the cache is usable now. */
void fdcache_put(struct tcb *tcp, int fd, const char *text, size_t len);

#endif
