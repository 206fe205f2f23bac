/* Command-line options (strace-compatible subset) and their parser. */
#ifndef CTRACE_OPTIONS_H
#define CTRACE_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <getopt.h>
#include <stdio.h>
#include <sys/types.h>

enum ts_mode { TS_NONE = 0, TS_SEC = 1, TS_USEC = 2, TS_EPOCH = 3 };
enum ts_format { TSF_DEFAULT = 0, TSF_NONE, TSF_TIME, TSF_UNIX };
/* -X: how named constants print (0x1 /+ A +/ style comments for verbose). */
enum xlat_style { XLAT_ABBREV = 0, XLAT_RAW = 1, XLAT_VERBOSE = 2 };
/* -c / -C: no summary, the summary only, the summary after the trace. */
enum count_mode { COUNT_NONE = 0, COUNT_ONLY = 1, COUNT_ALSO = 2 };
/* -y / --decode-fds=: what follows a descriptor, each kind on its own
 * (-y: the path; -yy: all). */
enum decode_fd_kind {
	DECODE_FD_PATH = 1u << 0,   /* <path> */
	DECODE_FD_SOCKET = 1u << 1, /* <UNIX:[...]>, <TCP:[...]>, ... */
	DECODE_FD_DEV = 1u << 2,    /* <path<char M:N>> of a device */
	DECODE_FD_PIDFD = 1u << 3,  /* <pid:N> */
	DECODE_FD_ALL = DECODE_FD_PATH | DECODE_FD_SOCKET | DECODE_FD_DEV | DECODE_FD_PIDFD,
};

/* "s" "ms" "us" "ns" -> 0 3 6 9 digits; -EINVAL otherwise. */
int parse_precision(const char *s);
/* --absolute-timestamps value: "[format:]F[,[precision:]P]". */
int parse_abs_timestamps(const char *s, int *format, int *prec);

struct options {
	int follow;              /* -f count: 1 follow, 2 (-ff) one file per pid */
	const char *outfile;     /* -o FILE */
	unsigned max_strlen;     /* -s N (default 32) */
	bool verbose;            /* -v */
	int xflag;               /* -x (1) / -xx (2) */
	unsigned decode_fds;     /* enum decode_fd_kind bits: -y, -yy, --decode-fds= */
	bool decode_fds_set;     /* --decode-fds / -e decode-fds= given (not with -y) */
	int xlat_style;          /* -X: enum xlat_style */
	int tflag;               /* -t / -tt / -ttt: enum ts_mode */
	int ts_format;           /* --absolute-timestamps: TSF_* (0: from -t) */
	int ts_prec;             /* its precision in digits, -1: default */
	int rel_prec;            /* -r: digits (6), -1 off */
	int T_prec;              /* -T: digits (6), -1 off */
	int count;               /* -c / -C: enum count_mode */
	bool count_wall;         /* -w */
	const char *sortby;      /* -S */
	const char *columns;     /* -U */
	bool stack;              /* -k */
	int quiet;               /* -q / -qq / -qqq */
	unsigned quiet_mask;     /* -q... and -e quiet=: QUIET_* bits */
	bool quiet_seen;         /* some -q or -e quiet= was given */
	unsigned acolumn;        /* -a COLUMN: return value column (40) */
	bool append;             /* -A: -o FILE in append mode */
	bool print_scno;         /* -n: syscall number on each line */
	bool print_ip;           /* -i: instruction pointer on each line */
	bool hex_escapes;        /* --strings-in-hex=non-ascii-chars */
	bool only_successful;    /* -z */
	bool only_failed;        /* -Z */
	bool no_aslr;            /* --no-aslr */
	bool json;               /* --json: JSON lines */
	int seccomp_bpf;         /* --seccomp-bpf 1, --no-seccomp-bpf -1, auto 0 */
	const char *username;    /* -u USER */
	pid_t *pids;             /* -p PID[,PID...] */
	size_t npids;
	char **exprs;            /* -e EXPR of the filter, in order (applied as read) */
	size_t nexprs;
	char **owned;            /* strings made here (freed with opts) */
	size_t nowned;
	bool separately;         /* --output-separately: -ff */
	bool detach_on_execve;   /* -b execve / --detach-on=execve */
	int daemonize;           /* -D count / --daemonize=: DAEMONIZE_* */
	int intr;                /* -I / --interruptible=: INTR_* (0: default) */
	long long overhead_ns;   /* -O / --summary-syscall-overhead= (-1: none) */
	char **paths;            /* -P PATH */
	size_t npaths;
	char **env;              /* -E VAR[=VAL] */
	size_t nenv;
	unsigned decode_pids;    /* -Y, --decode-pids=: DECODE_PID_* bits */
	bool debug;              /* -d: debug messages on stderr */
	int tips;                /* --tips: TIPS_* format, 0: none */
	int tips_id;             /* --tips=id:N, -1: random */
	bool kvm_vcpu;           /* -e kvm=vcpu */
	bool secontext;          /* --secontext / -e secontext= */
	char **argv;             /* command to run (NULL when only -p) */
	int argc;
};

/* -D: the tracer as a detached grandchild, also in a new process group,
 * also in a new session */
enum { DAEMONIZE_NONE = 0, DAEMONIZE_GRANDCHILD, DAEMONIZE_PGROUP, DAEMONIZE_SESSION };
/* -I: which fatal signals (HUP INT QUIT PIPE TERM) interrupt ctrace */
enum {
	INTR_DEFAULT = 0,
	INTR_ANYWHERE = 1,	/* none is caught or ignored: they kill ctrace */
	INTR_WAITING = 2,	/* caught: ctrace detaches and dies of it */
	INTR_NEVER = 3,		/* ignored (default with -o FILE PROG) */
	INTR_NEVER_TSTP = 4,	/* ignored, and SIGTSTP too (default with -D) */
};
/* Parse -I / --interruptible= and -O / --summary-syscall-overhead= values
 * (-EINVAL when invalid). */
int parse_interruptible(const char *s);
int parse_overhead(const char *s, long long *ns);

/* -e quiet= messages */
enum {
	QUIET_ATTACH = 1u << 0,
	QUIET_EXIT = 1u << 1,
	QUIET_PATH_RESOLUTION = 1u << 2,
	QUIET_PERSONALITY = 1u << 3,
	QUIET_THREAD_EXECVE = 1u << 4,
	QUIET_ALL = (1u << 5) - 1,
};
/* Parse a -e quiet= set ("attach,exit", "!exit", "all", "none") into a
 * mask of QUIET_*; -EINVAL for an unknown name. */
int parse_quiet(const char *value, unsigned *mask);

/* --decode-pids= bits */
enum { DECODE_PID_COMM = 1u << 0, DECODE_PID_PIDNS = 1u << 1 };
/* --tips=format: */
enum { TIPS_NONE = 0, TIPS_COMPACT, TIPS_FULL };

/* Parse argv into opts, applying each -e expression of the filter as it
 * is read (filter_reset() first, then filter_apply_expr()).  Returns 0, 1
 * when the caller should exit 0 (--help, -V printed), or -EINVAL after
 * printing one error line. */
int options_parse(struct options *opts, int argc, char **argv);
void options_free(struct options *opts);

/* Parse "PID[,PID...]" (also whitespace separated) appending to opts. */
int options_add_pids(struct options *opts, const char *arg);

void usage(FILE *fp);

/* The one option table of ctrace, tracing and --check alike. */
enum {
	OPT_NO_ASLR = 0x100,
	OPT_ABS_TS,
	OPT_REL_TS,
	OPT_SYSCALL_TIMES,
	OPT_SECCOMP_BPF,
	OPT_NO_SECCOMP_BPF,
	OPT_JSON,
	OPT_LIST_SYSCALLS,
	OPT_CHECK,
	OPT_PROFILE,
	OPT_CAP_ADD,
	OPT_CAP_DROP,
	OPT_NO_NEW_PRIVS,
	OPT_ENGINE,
	OPT_ARCH,
	OPT_STRICT,
	OPT_COMPARE,
	OPT_QUALIFY,		/* --trace= --signal= ...: "-e NAME=VALUE" */
	OPT_CONST_STYLE,
	OPT_STRINGS_IN_HEX,
	OPT_OUTPUT_SEPARATELY,
	OPT_DECODE_FDS,
	OPT_ENGINE_VERSION,
	OPT_POD,
	OPT_CONTAINER,
	OPT_SECCOMP_ROOT,
	OPT_WRITE_PROFILE,
	OPT_FOR,
	OPT_SECONTEXT,
	OPT_PIDNS_TRANSLATION,
	OPT_TIPS,
	OPT_DAEMONIZE,
};
extern const struct option ctrace_long_options[];
extern const char ctrace_short_options[];

/* Is --check among the options (those before the traced command)? */
bool options_wants_check(int argc, char **argv);

#endif
