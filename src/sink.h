/* Output of trace lines: streams, columns, "<unfinished ...>", and the
 * argument printers that decoders use.  All printing for a tracee goes
 * through tprintf()/tprints() so columns and interleaving stay right. */
#ifndef CTRACE_SINK_H
#define CTRACE_SINK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "options.h"
#include "quote.h"
#include "strbuf.h"
#include "tcb.h"
#include "xlat.h"

struct print_cfg {
	unsigned max_strlen;   /* -s */
	int xflag;             /* -x / -xx */
	unsigned decode_fds;   /* DECODE_FD_* bits (-y / -yy / --decode-fds=) */
	bool verbose;          /* -v */
	bool deref;            /* -e verbose= of this call: structures read, else
	                        * their addresses (strace's verbose(tcp)) */
	bool pid_prefix;       /* -f into one stream: "[pid N] " when >1 tracee */
	int ts_format;         /* TSF_NONE / TSF_TIME / TSF_UNIX */
	int ts_prec;           /* digits after the seconds: 0 3 6 9 */
	int rel_prec;          /* -r digits, -1 off */
	int T_prec;            /* -T digits, -1 off */
	bool json;             /* --json: JSON lines instead of text */
	bool pid_plain;        /* -o FILE: "PID " instead of "[pid PID] " */
	bool pid_always;       /* -f -o FILE: on every line, as strace */
	int xlat_style;        /* -X: XLAT_ABBREV, XLAT_RAW, XLAT_VERBOSE */
	bool stack;            /* -k */
	unsigned acolumn;      /* -a: column of "= " (40) */
	bool print_scno;       /* -n: "[ NNN] " */
	bool print_ip;         /* -i: "[IP] " */
	bool hex_escapes;      /* --strings-in-hex=non-ascii-chars: \xHH, not octal */
};
extern struct print_cfg pcfg;

/* Where each argument of a syscall starts in a sink's text: decoders
 * print the ", " between two arguments with tprint_arg_next(), which
 * records the offset after it when the sink keeps marks (--json).  JSON
 * args are cut at these marks, never found by parsing the text. */
#define ARG_MARKS_MAX 16
struct arg_marks {
	unsigned n;
	size_t off[ARG_MARKS_MAX];
};

/* A sink: what a tracee's printers write to.  Each tracee has its own
 * (-ff) or the shared one; sink_push()/sink_pop() put another on top for
 * a while (a memory sink: a line staged for -e status=, JSON text).
 * Text goes into the sink's own buffer; a sink with a FILE hands it over
 * when the buffer is full and at the flush points (sink_flush(): a line
 * end on a terminal, outstreams_flush() before ctrace sleeps and at the
 * end), so the FILE's buffering decides the writes as before.  A memory
 * sink (fp NULL) grows its buffer instead. */
#define SINK_BUF_SIZE 8192
struct outstream {
	FILE *fp;              /* NULL: a memory sink */
	char *buf;             /* text not yet handed to fp (memory: all of it) */
	size_t len, cap;
	struct tcb *curline;   /* tracee whose line is unfinished here */
	bool flush_lines;      /* flush after every complete line (a tty) */
	bool lazy;             /* nobody waits for it: may stay buffered while
				* ctrace sleeps (see outstream_set_private()) */
	bool discard;          /* /dev/null: written only when its buffers are
				* full or at the end, never by a timer */
	bool popened;          /* -o |CMD: closed with pclose (waits for CMD) */
	struct arg_marks *marks; /* NULL: argument boundaries not kept */
	char *stdio_buf;       /* fp's buffer (outstream_setbuf()), freed after fclose */
	struct outstream *below; /* the sink under this one (sink_push) */
};

/* Make os tcp's sink until sink_pop(). */
void sink_push(struct tcb *tcp, struct outstream *os);
/* Back to the sink below; returns the one popped. */
struct outstream *sink_pop(struct tcb *tcp);

/* A sink into memory. */
struct mem_sink {
	struct outstream os;
	char *buf;
	size_t len;
};
/* Push a new memory sink (column 0): 0, or -ENOMEM. */
int mem_sink_push(struct tcb *tcp, struct mem_sink *m);
/* Pop it: the text written (NUL-terminated, m->len bytes; the caller
 * frees m->buf). */
char *mem_sink_pop(struct tcb *tcp, struct mem_sink *m);

/* A sink over fp (not a memory sink), on the list outstreams_flush()
 * flushes; closing it closes fp unless it is stderr or stdout. */
struct outstream *outstream_new(FILE *fp);
void outstream_close(struct outstream *os);
/* A memory sink kept across pushes (--json argument text); reset with
 * os->len = 0.  Its marks are freed with it. */
struct outstream *outstream_mem_new(void);
void outstream_mem_free(struct outstream *os);
/* n bytes into the sink (no column counted: whole lines, staged text). */
void sink_write(struct outstream *os, const char *s, size_t n);
void sink_printf(struct outstream *os, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Hand the buffered text to fp (into stdio's buffer: stdio decides the
 * writes, as when the text went there directly), for code that writes
 * to fp itself next (the -c summary). */
void sink_drain(struct outstream *os);
/* Called with true before the sinks write to their FILE and with false
 * after (nested calls allowed): the tracer holds its signals there, so
 * that no write of the trace is cut by EINTR.  NULL: nothing to hold. */
extern void (*sink_write_guard)(bool hold);
/* Hand the buffered text to fp and flush fp: 0, or a negative errno. */
int sink_flush(struct outstream *os);
/* fp was opened by ctrace (-o FILE, -ff): no tracee holds it, so a
 * regular file can stay buffered while ctrace sleeps.  Pipes, FIFOs,
 * sockets, terminals and devices are flushed before ctrace sleeps (a
 * tracee may be reading them; a write error shows at once), and so is an
 * inherited stderr (a tracee may write to the same file: the order of the
 * two outputs matters).  /dev/null is never pending: nothing can read
 * it, so no flush timer is armed for it (outstreams_pending()). */
void outstream_set_private(struct outstream *os);
/* Full buffering of os->fp with a buffer of size bytes. */
void outstream_setbuf(struct outstream *os, size_t size);
/* Which streams hold output: OUT_URGENT when one that must be flushed
 * before ctrace sleeps does, OUT_LAZY when a lazy one does. */
enum { OUT_URGENT = 1, OUT_LAZY = 2 };
extern size_t outstreams_nreadable;
unsigned outstreams_pending_scan(void);
static inline unsigned outstreams_pending(void)
{
	/* -o /dev/null: checked at every stop, without a call */
	return outstreams_nreadable ? outstreams_pending_scan() : 0;
}

/* Low-level output to the tracee's stream. */
void tprintf(struct tcb *tcp, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* n bytes of s.  The short pieces a line is made of are copied straight
 * into the sink's buffer while it has room; inline, so that the copy of a
 * literal is a few moves.  tprintn_slow() makes room otherwise. */
void tprintn_slow(struct tcb *tcp, const char *s, size_t n);
static inline void tprintn(struct tcb *tcp, const char *s, size_t n)
{
	struct outstream *os = tcp->out;

	if (__builtin_expect(os->cap - os->len >= n, 1)) {
		memcpy(os->buf + os->len, s, n);
		os->len += n;
		tcp->curcol += (int)n;
	} else {
		tprintn_slow(tcp, s, n);
	}
}
/* inline: the length of a literal is known at compile time */
static inline void tprints(struct tcb *tcp, const char *s)
{
	tprintn(tcp, s, strlen(s));
}

/* ", " between two arguments of a syscall, marked for JSON. */
void sink_mark_arg(struct tcb *tcp);
static inline void tprint_arg_next(struct tcb *tcp)
{
	tprintn(tcp, ", ", 2);
	if (__builtin_expect(tcp->out->marks != NULL, 0))
		sink_mark_arg(tcp);
}

/* Start a new line for tcp: finishes another tracee's pending line with
 * " <unfinished ...>", prints the timestamp and "[pid N] " prefix. */
void line_begin(struct tcb *tcp);
/* Continue tcp's line after another tracee interrupted it: begins a new
 * line and returns true when "<... NAME resumed>" must be printed. */
bool line_resume(struct tcb *tcp);
/* End the line ("\n") and release the stream.  Inline: the usual end
 * (room for the newline, no flush after each line) without a call. */
void line_end_slow(struct tcb *tcp);
static inline void line_end(struct tcb *tcp)
{
	struct outstream *os = tcp->out;

	if (__builtin_expect(os->len < os->cap && !os->flush_lines, 1)) {
		os->buf[os->len++] = '\n';
		tcp->curcol = 0;
		if (os->curline == tcp)
			os->curline = NULL;
		return;
	}
	line_end_slow(tcp);
}
/* "SEC.FRACTION" with prec digits (0: no fraction), SEC right-aligned in
 * width columns. */
void print_seconds(struct tcb *tcp, long sec, long nsec, int prec, int width);
/* Pad to the return value column (-a, 40 by default, minus one: " = "
 * follows), as strace does. */
void tabto(struct tcb *tcp);
/* A whole message line for tcp, e.g. "+++ exited with 0 +++". */
void print_event_line(struct tcb *tcp, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A line with no timestamp or pid prefix ("[ Process PID=... ]"). */
void print_raw_line(struct tcb *tcp, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Flush every stream's buffered output: 0, or a negative errno when a
 * write failed (full disk, closed pipe). */
int outstreams_flush(void);

/* --- Argument printers --- */
void print_addr(struct tcb *tcp, unsigned long addr);        /* NULL / 0x... */
void print_hex(struct tcb *tcp, unsigned long val);
void print_dec(struct tcb *tcp, long val);
void print_udec(struct tcb *tcp, unsigned long val);
void print_mode(struct tcb *tcp, unsigned long mode);        /* 0644 */
/* "<path>" of fd (-y), as print_fd() adds it */
void print_fd_link(struct tcb *tcp, int fd);
static inline void print_fd(struct tcb *tcp, int fd)         /* 3 / 3</path> */
{
	print_dec(tcp, fd);
	if (pcfg.decode_fds && fd >= 0)
		print_fd_link(tcp, fd);
}
void print_dirfd(struct tcb *tcp, int fd);                   /* AT_FDCWD */
/* fd of process pid (as ctrace sees it; tcp's own or another's:
 * kcmp, pidfd_getfd): "3", "3</path>" with -y. */
void print_fd_pid(struct tcb *tcp, int pid, int fd);
void print_id(struct tcb *tcp, unsigned long id);            /* uid/gid */
void print_signo(struct tcb *tcp, int sig);                  /* SIGINT, -X aware */
void print_signame(struct tcb *tcp, int sig);                /* SIGINT always */
/* Quoted buffer of len bytes at addr, truncated to -s with "...". */
void print_buf(struct tcb *tcp, unsigned long addr, unsigned long len);
/* The same without its last byte when that is a NUL and the whole
 * buffer fits in -s (a value that carries its terminator). */
void print_buf_z(struct tcb *tcp, unsigned long addr, unsigned long len);
/* NUL-terminated string at addr, truncated to -s. */
void print_str(struct tcb *tcp, unsigned long addr);
/* NUL-terminated path at addr (not truncated by -s). */
void print_path(struct tcb *tcp, unsigned long addr);
/* Flags: "A|B|0x40", "0" when zero; when dflt is given and val has none
 * of the set's bits: "0x40 /+ DFLT +/" (dflt names the unknown, "SECBIT_???"). */
void print_flags(struct tcb *tcp, const struct xlat *x, uint64_t val, const char *dflt);
/* Enum: "NAME"; unknown: hex, followed by a comment naming dflt
 * (e.g. "F_???") when dflt is given. */
void print_xval(struct tcb *tcp, const struct xlat *x, uint64_t val, const char *dflt);
/* True when val has at least one of the set's (nonzero) bits. */
bool flags_known(const struct xlat *x, uint64_t val);
/* Format flags into buf (pure; for tests and composite printers).
 * Returns the length. */
size_t format_flags(char *buf, size_t size, const struct xlat *x, uint64_t val, const char *dflt);
/* The same, appended to a string builder */
void sb_flags(struct strbuf *sb, const struct xlat *x, uint64_t val, const char *dflt);

/* A named value in the -X style: abbrev "NAME" (raw when names is NULL),
 * raw "RAW", verbose "RAW /+ NAME +/" (pure; returns the length). */
size_t format_xlat_styled(char *buf, size_t size, const char *raw, const char *names);
/* The same, appended to a string builder */
void sb_xlat_styled(struct strbuf *sb, const char *raw, const char *names);

/* Read len bytes at addr into buf.  When that is impossible (NULL,
 * unmapped, the tracee is gone) print the address instead and return
 * false: the caller prints nothing more for this argument. */
bool fetch_or_print_addr(struct tcb *tcp, unsigned long addr, void *buf, size_t len);
/* A structure at addr into buf, as mem_read(), or -EPERM when -e verbose=
 * excludes this call (strace's umove_or_printaddr: the caller prints the
 * address instead). */
int mem_read_struct(struct tcb *tcp, unsigned long addr, void *buf, size_t len);
/* An output argument at exit: its address when the call failed, else
 * fn(tcp, addr) prints what the kernel wrote there. */
void print_out_arg(struct tcb *tcp, unsigned long addr,
		   void (*fn)(struct tcb *tcp, unsigned long addr));
/* "[N]": the int (unsigned int) at addr, or the address. */
void print_int_ref(struct tcb *tcp, unsigned long addr);
void print_uint_ref(struct tcb *tcp, unsigned long addr);
void print_u64_ref(struct tcb *tcp, unsigned long addr);

/* An array of n elements of elsize bytes at addr in the tracee:
 * "[e0, e1, ...]".  Each element is read into elem (room for one) and
 * printed by fn, which gets its address and the caller's data.  At most
 * -s elements, then "..."; an element that cannot be read ends the list
 * with "..." (with PA_FAULT_ADDR followed by its address in a comment).
 * The caller has checked addr (NULL, a count too large, an unreadable
 * first element: fetch_or_print_addr()). */
typedef void (*print_elem_fn)(struct tcb *tcp, void *elem, unsigned long addr, void *data);
/* PA_NO_LIMIT: no -s limit (strace's -v arrays); PA_ALL_IF_VERBOSE: under
 * -v (-e abbrev=none) no -s limit but 1024 elements (UIO_MAXIOV), as
 * strace's message vectors */
enum { PA_FAULT_ADDR = 1u << 0, PA_NO_LIMIT = 1u << 1, PA_ALL_IF_VERBOSE = 1u << 2 };
void print_array(struct tcb *tcp, unsigned long addr, unsigned long n, void *elem, size_t elsize,
		 print_elem_fn fn, void *data, unsigned flags);


/* Enum printed as a number with its name in a comment whatever the -X
 * style but raw: "0 /+ PIDTYPE_PID +/", unknown "0x9 /+ DFLT +/". */
void print_xval_num(struct tcb *tcp, const struct xlat *x, uint64_t val, const char *dflt);
/* NUL-terminated string of at most n bytes (and -s): "..." when none of
 * them is a NUL; the address when it cannot be read. */
void print_str_n(struct tcb *tcp, unsigned long addr, size_t n);

/* Bytes [from, to) of the structure at addr, past the fields ctrace
 * knows (an extensible struct bigger than its known size): 0 when they
 * are all zero, 1 when not, -EFAULT when unreadable. */
int check_nonzero_tail(struct tcb *tcp, unsigned long addr, size_t from, size_t to);
/* Print them as strace: nothing when zero, "???" when unreadable, else
 * '/+ bytes 88..95 +/ "\xde\xc0..."'. */
void print_nonzero_tail(struct tcb *tcp, unsigned long addr, size_t from, size_t to);

/* Enum with a decimal fallback: "NAME" or "123". */
void print_xval_d(struct tcb *tcp, const struct xlat *x, uint64_t val);

#endif
