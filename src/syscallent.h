/* One row of a per-architecture syscall table.  The tables are generated
 * from syscalls/<arch>.tbl (number -> name) joined with the arch-independent
 * syscalls/syscalls.def (signature) by syscalls/gen-syscalls.awk. */
#ifndef CTRACE_SYSCALLENT_H
#define CTRACE_SYSCALLENT_H

#include <stdint.h>

#include "xlat.h"

struct tcb;
struct xlat; /* xlat.h */

/* Classes, as strace's -e trace=%class. */
enum {
	TC_FILE    = 1u << 0,
	TC_DESC    = 1u << 1,
	TC_PROCESS = 1u << 2,
	TC_NETWORK = 1u << 3,
	TC_SIGNAL  = 1u << 4,
	TC_IPC     = 1u << 5,
	TC_MEMORY  = 1u << 6,
	TC_CREDS   = 1u << 7,
	TC_CLOCK   = 1u << 8,
	TC_STAT    = 1u << 9,
	TC_LSTAT   = 1u << 10,
	TC_FSTAT   = 1u << 11,
	TC_STATFS  = 1u << 12,
	TC_FSTATFS = 1u << 13,
	TC_PURE    = 1u << 14,
	TC_STAT_LIKE = 1u << 15,
	TC_STATFS_LIKE = 1u << 16,
};

/* Properties: facts about a call that the tracer core, the -y cache and
 * -k act on (syscalls.def token = lower case without SP_, in the classes
 * column, the way strace keeps MEMORY_MAPPING_CHANGE among its flags). */
enum syscall_prop {
	SP_FD_NEUTRAL   = 1u << 0,  /* leaves fd tables and open files' paths alone */
	SP_FD_CLOSE     = 1u << 1,  /* close(fd): frees argument 0 */
	SP_FD_DUP2      = 1u << 2,  /* dup2/dup3: replaces the fd in argument 1 */
	SP_FD_FCNTL     = 1u << 3,  /* fcntl: F_DUPFD* returns a new fd */
	SP_FORK         = 1u << 4,  /* fork/vfork: the child copies the fd table */
	SP_CLONE        = 1u << 5,  /* clone: flags in argument 0 */
	SP_CLONE3       = 1u << 6,  /* clone3: struct clone_args at argument 0 */
	SP_FD_IO_URING  = 1u << 7,  /* io_uring_*: fd changes the tracer cannot see */
	SP_MAPS         = 1u << 8,  /* changes the memory maps (-k rereads them) */
	SP_MAPS_EXEC    = 1u << 9,  /* changes them when argument 2 has PROT_EXEC */
	SP_EXEC         = 1u << 10, /* execve/execveat: a new program image */
	SP_UNWIND_ENTRY = 1u << 11, /* -k unwinds at entry (strace prints "+0x0") */
	SP_RESTART_BLOCK = 1u << 12, /* may return ERESTART_RESTARTBLOCK: the exit
				      * result matters even when not shown */
	SP_REAP         = 1u << 13, /* wait4/waitid: may reap a child, whose CPU
				     * time the caller's rusage then includes */
};

/* How a generic argument is printed (syscalls.def token in comments). */
enum arg_kind {
	AK_INT = 0,   /* int     : signed 32-bit decimal */
	AK_UINT,      /* uint    : unsigned 32-bit decimal */
	AK_LONG,      /* long    : signed long decimal */
	AK_ULONG,     /* ulong   : unsigned long decimal (size_t) */
	AK_HEX,       /* hex     : 0x... */
	AK_MODE,      /* mode    : octal with leading 0, e.g. 0644 */
	AK_FD,        /* fd      : file descriptor (-y aware) */
	AK_DIRFD,     /* dirfd   : AT_FDCWD or fd */
	AK_PATH,      /* path    : NUL-terminated path */
	AK_STR,       /* str     : NUL-terminated string */
	AK_PTR,       /* ptr     : NULL or 0x... */
	AK_INBUF,     /* inbuf:N : buffer of length argN, printed at entry */
	AK_OUTBUF,    /* outbuf:N: buffer printed at exit, length = return value */
	AK_OUTPTR,    /* out     : pointer filled by the kernel, printed at exit */
	AK_FLAGS,     /* flags:X : bits from xlat X */
	AK_ENUM,      /* enum:X  : one value from xlat X */
	AK_SIGNO,     /* signo   : signal number */
	AK_PID,       /* pid     : process id */
	AK_ID,        /* id      : uid/gid, -1 printed as -1 */
	AK_OFF,       /* off     : file offset (signed long) */
	AK_TID,       /* tid     : thread id (-Y, --decode-pids) */
	AK_PGID,      /* pgid    : process group id */
	AK_LFLAGS,    /* lflags:X: bits from xlat X, all 64 bits (unsigned long) */
	AK_XENUM,     /* xenum:X : one value from xlat X; else hex and "X_???" */
	AK__COUNT
};

/* Return value kinds. */
enum rval_kind {
	RV_DEC = 0, /* dec      : signed decimal, -1 ERRNO (text) on error */
	RV_UDEC,    /* udec     : unsigned decimal */
	RV_HEX,     /* hex      : 0x... (mmap, brk) */
	RV_OCT,     /* oct      : octal (umask) */
	RV_FD,      /* fd       : new file descriptor (-y aware) */
	RV_NONE,    /* noreturn : "= ?" (exit, exit_group) */
	RV_TID,     /* tid      : a thread id (-Y, --decode-pids) */
	RV_TGID,    /* tgid     : a process id */
	RV_PGID,    /* pgid     : a process group id */
	RV_SID,     /* sid      : a session id */
};

/* The tables hold no pointers (names inline, xlat sets and decoders by
 * id), so the loader relocates none of them at start-up and a table's
 * pages are only read when used (a foreign architecture's: never). */
struct argspec {
	uint8_t kind;            /* enum arg_kind */
	uint8_t aux;             /* inbuf/outbuf: index of the length argument */
	uint16_t xlat;           /* flags/enum: the set (enum xlat_id) */
};

/* the set of a flags/enum argument */
static inline const struct xlat *argspec_xlat(const struct argspec *as)
{
	return xlat_all[as->xlat];
}

/* A decoder is called at syscall entry (tcp->exiting false) and, unless it
 * returned DEC_DONE at entry, again at exit.  It prints the arguments with
 * the printers of sink.h; the caller prints "name(" and ") = ret". */
typedef int (*decoder_fn)(struct tcb *tcp);
enum { DEC_MORE = 0, DEC_DONE = 1 };

/* the longest name, sched_rr_get_interval_time64, and its NUL */
#define SYSCALL_NAME_SIZE 29

struct syscall_ent {
	char name[SYSCALL_NAME_SIZE]; /* "" for a hole in the table */
	uint8_t nargs;
	uint8_t rval;         /* enum rval_kind */
	uint32_t classes;     /* TC_* */
	uint32_t props;       /* SP_* */
	struct argspec args[6];
	uint16_t decode;      /* enum dec_id; 0: the generic decoder over args[] */
};

extern const decoder_fn decoder_fns[];

/* e's own decoder, or NULL (the generic one) */
static inline decoder_fn syscall_decoder(const struct syscall_ent *e)
{
	return decoder_fns[e->decode];
}

#endif
