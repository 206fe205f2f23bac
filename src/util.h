/* Small shared helpers: cleanup attributes, the error idiom, array sizes.
 *
 * Error idiom: functions that can fail return int (or ssize_t): >= 0 on
 * success, a negative errno value on failure.  Only main-level code turns
 * a failure into a message (ct_error/ct_die) and an exit status. */
#ifndef CTRACE_UTIL_H
#define CTRACE_UTIL_H

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#ifndef ARRAY_SIZE /* libiberty.h (stacktrace.c) has the same */
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif

static inline void freep(void *p) { free(*(void **)p); }
static inline void closep(const int *fd)
{
	if (*fd >= 0)
		close(*fd);
}
static inline void fclosep(FILE **f)
{
	if (*f)
		fclose(*f);
}

#define _cleanup_free_ __attribute__((cleanup(freep)))
#define _cleanup_close_ __attribute__((cleanup(closep)))
#define _cleanup_fclose_ __attribute__((cleanup(fclosep)))

/* Take ownership out of a cleanup variable. */
#define TAKE_FD(fd) ({ int _t = (fd); (fd) = -1; _t; })
#define TAKE_PTR(p) ({ __typeof__(p) _t = (p); (p) = NULL; _t; })

/* Messages on stderr, prefixed with ct_progname and ": ", as strace does
 * with its invocation name: main() sets it to argv[0] ("ctrace" when run
 * from PATH, the path when run by one, "strace" when installed as strace);
 * "ctrace" until then (unit tests). */
extern const char *ct_progname;
/* Run before a message is written to stderr, when set (sink.c: trace
 * text still in a sink goes to its stream first, so the two keep their
 * order on a shared stderr). */
extern void (*ct_message_hook)(void);
void ct_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void ct_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* A usage error: the message, then "Try 'PROGNAME -h' for more
 * information.", as strace words its usage errors. */
void ct_error_help(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* -d: debug messages ("PROGNAME: ...") on stderr when ct_debug_on. */
extern bool ct_debug_on;
void ct_debug(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
_Noreturn void ct_die(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The len bytes at s are one of the names, whole ("r" is not "read"):
 * STRN_IN(e, klen, "trace", "t") for the KEY of an -e KEY=VALUE. */
#define STRN_IN(s, len, ...) strn_in((s), (len), (const char *const[]){ __VA_ARGS__, NULL })
bool strn_in(const char *s, size_t len, const char *const *names);

/* Name of an errno value ("ENOENT"), or NULL when unknown. */
const char *errno_name(int err);

/* Read a whole small file (e.g. under /proc) into buf, NUL-terminated.
 * Returns the length or a negative errno. */
ssize_t read_file(const char *path, char *buf, size_t size);

/* The number after "FIELD:" in /proc/PID/status (Tgid, TracerPid...).
 * Returns 0, -ENOENT without that field, or read_file()'s error. */
int proc_status_long(pid_t pid, const char *field, long *val);

/* Read a whole file of at most max bytes into a malloc'd buffer (*out,
 * *len; not NUL-terminated).  Returns 0, -EFBIG when larger, -EIO on a
 * read error, or the negative errno of fopen. */
int read_file_alloc(const char *path, size_t max, char **out, size_t *len);

/* Allocation that cannot fail (dies with a message on ENOMEM). */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t m);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);

#endif
