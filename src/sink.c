/* Trace line output and argument printers. */
#include "config.h"
#include "sink.h"

#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio_ext.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/time.h>

#include "fdcache.h"
#include "fdinfo.h"
#include "fmt.h"
#include "mem.h"
#include "options.h"
#include "pids.h"
#include "signals.h"
#include "util.h"


struct print_cfg pcfg = { .max_strlen = 32, .rel_prec = -1, .T_prec = -1, .acolumn = 40, .deref = true };

static struct outstream **streams;
static size_t nstreams;
size_t outstreams_nreadable;	/* streams that are not /dev/null */
#define nreadable outstreams_nreadable
static struct timespec prev_ts;  /* -r: time of the previous line */

static void sink_buf_init(struct outstream *os, size_t cap)
{
	os->buf = xmalloc(cap);
	os->cap = cap;
	os->len = 0;
}

void (*sink_write_guard)(bool hold);

static void write_guard(bool hold)
{
	if (sink_write_guard)
		sink_write_guard(hold);
}

/* Whether handing n bytes to fp may write(2): not when they fit in the
 * free part of its full buffer (then no signal needs holding). */
static bool fwrite_may_write(FILE *fp, size_t n)
{
	size_t size = __fbufsize(fp);

	return !size || __flbf(fp) || __fpending(fp) + n >= size;
}

void sink_drain(struct outstream *os)
{
	if (os->fp && os->len) {
		bool guard = fwrite_may_write(os->fp, os->len);

		if (guard)
			write_guard(true);
		fwrite(os->buf, 1, os->len, os->fp);
		if (guard)
			write_guard(false);
		os->len = 0;
	}
}

static void streams_drain(void)
{
	for (size_t i = 0; i < nstreams; i++)
		sink_drain(streams[i]);
}

/* Room for n more bytes: a FILE sink drains, a memory sink grows (and so
 * does a FILE sink for a piece larger than its buffer). */
static void sink_room(struct outstream *os, size_t n)
{
	if (os->cap - os->len >= n)
		return;
	sink_drain(os);
	if (os->cap - os->len >= n)
		return;
	while (os->cap - os->len < n)
		os->cap *= 2;
	os->buf = xrealloc(os->buf, os->cap);
}

void sink_write(struct outstream *os, const char *s, size_t n)
{
	sink_room(os, n);
	memcpy(os->buf + os->len, s, n);
	os->len += n;
}

/* vprintf into the sink; the length written. */
static int sink_vprintf(struct outstream *os, const char *fmt, va_list ap)
{
	va_list aq;
	int n;

	va_copy(aq, ap);
	n = vsnprintf(os->buf + os->len, os->cap - os->len, fmt, ap);
	if (n >= 0 && (size_t)n >= os->cap - os->len) {
		sink_room(os, (size_t)n + 1);
		n = vsnprintf(os->buf + os->len, os->cap - os->len, fmt, aq);
	}
	va_end(aq);
	if (n > 0)
		os->len += (size_t)n;
	return n;
}

void sink_printf(struct outstream *os, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sink_vprintf(os, fmt, ap);
	va_end(ap);
}

int sink_flush(struct outstream *os)
{
	int ret = 0;

	if (!os->fp)
		return 0;
	write_guard(true);
	sink_drain(os);
	if (fflush(os->fp) != 0 || ferror(os->fp)) {
		ret = errno ? -errno : -EIO;
		clearerr(os->fp);
	}
	write_guard(false);
	return ret;
}

struct outstream *outstream_new(FILE *fp)
{
	static bool hooked;
	struct outstream *os = xcalloc(1, sizeof(*os));
	struct stat st;

	if (!hooked) {
		/* text still in a sink goes before a message on stderr and
		 * out at exit(), as it did when it sat in stdio's buffer */
		hooked = true;
		ct_message_hook = streams_drain;
		atexit(streams_drain);
	}
	os->fp = fp;
	sink_buf_init(os, SINK_BUF_SIZE);
	os->flush_lines = isatty(fileno(fp));
	if (fstat(fileno(fp), &st) == 0 && S_ISCHR(st.st_mode) && st.st_rdev == makedev(1, 3))
		os->lazy = os->discard = true; /* /dev/null: nobody reads it */
	streams = xrealloc(streams, (nstreams + 1) * sizeof(*streams));
	streams[nstreams++] = os;
	nreadable += !os->discard;
	return os;
}

/* glibc's setvbuf() ignores the size when it is given no buffer: stdio
 * then takes st_blksize, 4 KiB for a file, a pipe or /dev/null, and a
 * busy trace was written 4 KiB per write().  So the buffer is ctrace's.
 * stderr's is never freed: stderr stays open (and in use) to the end. */
static char *std_buf;

void outstream_setbuf(struct outstream *os, size_t size)
{
	char *b = xmalloc(size);

	if (setvbuf(os->fp, b, _IOFBF, size) != 0) {
		free(b);
		return;
	}
	if (os->fp == stderr || os->fp == stdout)
		std_buf = b;
	else
		os->stdio_buf = b;
}

void outstream_close(struct outstream *os)
{
	for (size_t i = 0; i < nstreams; i++) {
		if (streams[i] == os) {
			streams[i] = streams[--nstreams];
			nreadable -= !os->discard;
			break;
		}
	}
	write_guard(true);
	sink_drain(os);
	if (os->popened)
		pclose(os->fp);
	else if (os->fp != stderr && os->fp != stdout)
		fclose(os->fp);
	else
		fflush(os->fp);
	write_guard(false);
	free(os->stdio_buf);
	free(os->buf);
	free(os);
}

struct outstream *outstream_mem_new(void)
{
	struct outstream *os = xcalloc(1, sizeof(*os));

	sink_buf_init(os, 256);
	return os;
}

void outstream_mem_free(struct outstream *os)
{
	if (!os)
		return;
	free(os->buf);
	free(os->marks);
	free(os);
}

void outstream_set_private(struct outstream *os)
{
	struct stat st;

	if (fstat(fileno(os->fp), &st) == 0 && S_ISREG(st.st_mode))
		os->lazy = true;
}

unsigned outstreams_pending_scan(void)
{
	unsigned ret = 0;

	for (size_t i = 0; i < nstreams; i++)
		if (!streams[i]->discard && (streams[i]->len || __fpending(streams[i]->fp)))
			ret |= streams[i]->lazy ? OUT_LAZY : OUT_URGENT;
	return ret;
}

int outstreams_flush(void)
{
	int ret = 0;

	for (size_t i = 0; i < nstreams; i++) {
		int r = sink_flush(streams[i]);

		if (r < 0 && ret == 0)
			ret = r;
	}
	return ret;
}

void sink_push(struct tcb *tcp, struct outstream *os)
{
	os->below = tcp->out;
	tcp->out = os;
}

struct outstream *sink_pop(struct tcb *tcp)
{
	struct outstream *os = tcp->out;

	tcp->out = os->below;
	os->below = NULL;
	return os;
}

int mem_sink_push(struct tcb *tcp, struct mem_sink *m)
{
	memset(m, 0, sizeof(*m));
	sink_buf_init(&m->os, 256);
	sink_push(tcp, &m->os);
	tcp->curcol = 0;
	return 0;
}

char *mem_sink_pop(struct tcb *tcp, struct mem_sink *m)
{
	sink_pop(tcp);
	sink_room(&m->os, 1);
	m->os.buf[m->os.len] = '\0';
	m->buf = m->os.buf;
	m->len = m->os.len;
	m->os.buf = NULL;
	m->os.len = m->os.cap = 0;
	return m->buf;
}

void sink_mark_arg(struct tcb *tcp)
{
	struct outstream *os = tcp->out;
	struct arg_marks *am = os->marks;

	if (am->n < ARG_MARKS_MAX && !os->fp)
		am->off[am->n++] = os->len;
}

void tprintn_slow(struct tcb *tcp, const char *s, size_t n)
{
	sink_write(tcp->out, s, n);
	tcp->curcol += (int)n;
}

void tprintf(struct tcb *tcp, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = sink_vprintf(tcp->out, fmt, ap);
	va_end(ap);
	if (n > 0)
		tcp->curcol += n;
}

static const long prec_div[10] = { 1000000000, 100000000, 10000000, 1000000, 100000,
				   10000, 1000, 100, 10, 1 };

void print_seconds(struct tcb *tcp, long sec, long nsec, int prec, int width)
{
	if (prec <= 0)
		tprintf(tcp, "%*ld", width, sec);
	else
		tprintf(tcp, "%*ld.%0*ld", width, sec, prec, nsec / prec_div[prec]);
}

static void print_timestamp(struct tcb *tcp)
{
	struct timespec ts;

	if (pcfg.ts_format == TSF_TIME || pcfg.ts_format == TSF_UNIX) {
		clock_gettime(CLOCK_REALTIME, &ts);
		if (pcfg.ts_format == TSF_UNIX) {
			print_seconds(tcp, (long)ts.tv_sec, ts.tv_nsec, pcfg.ts_prec, 0);
		} else {
			struct tm tm;
			char buf[32];

			localtime_r(&ts.tv_sec, &tm);
			strftime(buf, sizeof(buf), "%H:%M:%S", &tm);
			tprints(tcp, buf);
			if (pcfg.ts_prec > 0)
				tprintf(tcp, ".%0*ld", pcfg.ts_prec, ts.tv_nsec / prec_div[pcfg.ts_prec]);
		}
		tprints(tcp, " ");
	}
	if (pcfg.rel_prec >= 0) {
		struct timespec d;
		bool with_abs = pcfg.ts_format == TSF_TIME || pcfg.ts_format == TSF_UNIX;

		clock_gettime(CLOCK_MONOTONIC, &ts);
		if (prev_ts.tv_sec == 0 && prev_ts.tv_nsec == 0)
			prev_ts = ts;
		d.tv_sec = ts.tv_sec - prev_ts.tv_sec;
		d.tv_nsec = ts.tv_nsec - prev_ts.tv_nsec;
		if (d.tv_nsec < 0) {
			d.tv_sec--;
			d.tv_nsec += 1000000000L;
		}
		prev_ts = ts;
		tprints(tcp, with_abs ? "(+" : "");
		print_seconds(tcp, (long)d.tv_sec, d.tv_nsec, pcfg.rel_prec, 6);
		tprints(tcp, with_abs ? ") " : " ");
	}
}

/* "%*ld": width > 0 pads on the left, < 0 on the right. */
static void print_dec_width(struct tcb *tcp, long val, int width)
{
	char buf[FMT_INT_SIZE];
	size_t n = fmt_dec(buf, val);
	size_t w = (size_t)(width < 0 ? -width : width);

	if (width > 0)
		for (; w > n; w--)
			tprintn(tcp, " ", 1);
	tprintn(tcp, buf, n);
	for (; w > n; w--)
		tprintn(tcp, " ", 1);
}

/* The prefixes of a line, in strace's order: pid, timestamps, -n, -i. */
static __attribute__((noinline)) void line_prefix(struct tcb *tcp)
{
	if (pids_mode & PIDS_COMM)
		pids_comm(tcp);
	if (pcfg.pid_prefix && pcfg.pid_plain && (pcfg.pid_always || tcb_visible_count() > 1)) {
		if ((pids_mode & PIDS_COMM) && tcp->comm[0]) {
			/* strace: no padding when a name follows */
			print_dec(tcp, tcp->pid);
			pids_print_comm(tcp);
		} else {
			print_dec_width(tcp, tcp->pid, -5);
		}
		tprintn(tcp, " ", 1);
		if (tcp->ns_pid)
			tprintf(tcp, "(ctr %d) ", tcp->ns_pid);
	} else if (pcfg.pid_prefix && !pcfg.pid_plain && tcb_visible_count() > 1) {
		if (tcp->ns_pid)
			tprintf(tcp, "[pid %5d (ctr %d)] ", tcp->pid, tcp->ns_pid);
		else if (pids_mode & PIDS_COMM) {
			tprintf(tcp, "[pid %5d", tcp->pid);
			pids_print_comm(tcp);
			tprintn(tcp, "] ", 2);
		} else {
			tprintn(tcp, "[pid ", 5);
			print_dec_width(tcp, tcp->pid, 5);
			tprintn(tcp, "] ", 2);
		}
	}
	print_timestamp(tcp);
	if (pcfg.print_scno) /* -n: the last syscall's number */
		tprintf(tcp, "[%4ld] ", tcp->scno);
	if (pcfg.print_ip) {
		if (tcp->ip_valid)
			tprintf(tcp, "[%0*lx] ", (int)(2 * sizeof(long)), tcp->ip);
		else
			tprintf(tcp, "[%.*s] ", (int)(2 * sizeof(long)), "????????????????");
	}
}

static __attribute__((noinline)) void line_cut(struct outstream *os)
{
	struct tcb *other = os->curline;

	sink_write(os, " <unfinished ...>\n", sizeof(" <unfinished ...>\n") - 1);
	other->flags |= TCB_REPRINT;
	other->curcol = 0;
}

void line_begin(struct tcb *tcp)
{
	struct outstream *os = tcp->out;

	if (os->curline && os->curline != tcp)
		line_cut(os);
	os->curline = tcp;
	tcp->curcol = 0;
	/* the usual line has no prefix: the tests of line_prefix() that
	 * can print something, without its call and frame */
	if (pcfg.ts_format != TSF_TIME && pcfg.ts_format != TSF_UNIX && pcfg.rel_prec < 0 &&
	    !(pids_mode & PIDS_COMM) && !pcfg.print_scno && !pcfg.print_ip &&
	    (!pcfg.pid_prefix || (!pcfg.pid_always && tcb_visible_count() <= 1)))
		return;
	line_prefix(tcp);
}

bool line_resume(struct tcb *tcp)
{
	if (tcp->out->curline == tcp && !(tcp->flags & TCB_REPRINT))
		return false;
	tcp->flags &= ~TCB_REPRINT;
	line_begin(tcp);
	return true;
}

void line_end_slow(struct tcb *tcp)
{
	struct outstream *os = tcp->out;

	if (__builtin_expect(os->len < os->cap, 1))
		os->buf[os->len++] = '\n';
	else
		sink_write(os, "\n", 1);
	tcp->curcol = 0;
	if (os->curline == tcp)
		os->curline = NULL;
	if (os->flush_lines)
		sink_flush(os);
}

static const char tab_spaces[] = "                                        ";

/* a pad of 40 columns or more, or a buffer nearly full */
static __attribute__((noinline)) void tabto_slow(struct tcb *tcp, int col)
{
	while (tcp->curcol < col) {
		size_t n = (size_t)(col - tcp->curcol);

		tprintn(tcp, tab_spaces, n < sizeof(tab_spaces) - 1 ? n : sizeof(tab_spaces) - 1);
	}
}

void tabto(struct tcb *tcp)
{
	int col = (int)pcfg.acolumn - 1;
	struct outstream *os = tcp->out;

	if (tcp->curcol >= col)
		return;
	/* the usual pad (< 40 columns), with room for all 40: a copy of
	 * fixed size (a few moves, not a call); the bytes past the pad are
	 * spare room of the buffer, overwritten next */
	if ((size_t)(col - tcp->curcol) < sizeof(tab_spaces) - 1 &&
	    os->cap - os->len >= sizeof(tab_spaces) - 1) {
		memcpy(os->buf + os->len, tab_spaces, sizeof(tab_spaces) - 1);
		os->len += (size_t)(col - tcp->curcol);
		tcp->curcol = col;
		return;
	}
	tabto_slow(tcp, col);
}

void print_raw_line(struct tcb *tcp, const char *fmt, ...)
{
	struct outstream *os = tcp->out;
	va_list ap;

	if (os->curline) {
		sink_write(os, " <unfinished ...>\n", sizeof(" <unfinished ...>\n") - 1);
		os->curline->flags |= TCB_REPRINT;
		os->curline->curcol = 0;
		os->curline = NULL;
	}
	va_start(ap, fmt);
	sink_vprintf(os, fmt, ap);
	va_end(ap);
	sink_write(os, "\n", 1);
}

void print_event_line(struct tcb *tcp, const char *fmt, ...)
{
	va_list ap;
	int n;

	line_begin(tcp);
	va_start(ap, fmt);
	n = sink_vprintf(tcp->out, fmt, ap);
	va_end(ap);
	if (n > 0)
		tcp->curcol += n;
	line_end(tcp);
}

/* ------------------------------------------------------------------ */

static unsigned quote_flags(void)
{
	return pcfg.xflag >= 2 ? QUOTE_HEX_ALL : pcfg.xflag ? QUOTE_HEX_NONPRINT :
	       pcfg.hex_escapes ? QUOTE_HEX_ESCAPES : 0;
}

/* One scratch buffer for strings (the tracer is single-threaded): no
 * malloc per syscall. */
static char *scratch(size_t size)
{
	static char *buf;
	static size_t cap;

	if (size > cap) {
		buf = xrealloc(buf, size);
		cap = size;
	}
	return buf;
}

static inline __attribute__((always_inline)) void print_quoted(struct tcb *tcp, const char *s, size_t len, bool ellipsis)
{
	static char *qbuf;
	static size_t qcap;

	struct outstream *os = tcp->out;

	if (os->cap - os->len >= QUOTE_SIZE(len)) {
		/* straight into the sink's buffer (the NUL quote_string()
		 * adds lands in its spare room) */
		size_t n = quote_string(s, len, quote_flags(), os->buf + os->len);

		os->len += n;
		tcp->curcol += (int)n;
	} else {
		if (QUOTE_SIZE(len) > qcap) {
			qcap = QUOTE_SIZE(len);
			qbuf = xrealloc(qbuf, qcap);
		}
		tprintn(tcp, qbuf, quote_string(s, len, quote_flags(), qbuf));
	}
	if (ellipsis)
		tprints(tcp, "...");
}

void print_addr(struct tcb *tcp, unsigned long addr)
{
	if (addr)
		print_hex(tcp, addr);
	else
		tprintn(tcp, "NULL", 4);
}

void print_out_arg(struct tcb *tcp, unsigned long addr,
		   void (*fn)(struct tcb *tcp, unsigned long addr))
{
	if (tcp->err || tcp->rval < 0)
		print_addr(tcp, addr);
	else
		fn(tcp, addr);
}

int mem_read_struct(struct tcb *tcp, unsigned long addr, void *buf, size_t len)
{
	if (!pcfg.deref)
		return -EPERM;
	return mem_read(tcp->pid, addr, buf, len);
}

bool fetch_or_print_addr(struct tcb *tcp, unsigned long addr, void *buf, size_t len)
{
	if (!addr || mem_read_struct(tcp, addr, buf, len) < 0) {
		print_addr(tcp, addr);
		return false;
	}
	return true;
}

void print_int_ref(struct tcb *tcp, unsigned long addr)
{
	int32_t v;

	if (fetch_or_print_addr(tcp, addr, &v, sizeof(v)))
		tprintf(tcp, "[%d]", v);
}

void print_uint_ref(struct tcb *tcp, unsigned long addr)
{
	uint32_t v;

	if (fetch_or_print_addr(tcp, addr, &v, sizeof(v)))
		tprintf(tcp, "[%u]", v);
}

void print_u64_ref(struct tcb *tcp, unsigned long addr)
{
	uint64_t v;

	if (fetch_or_print_addr(tcp, addr, &v, sizeof(v)))
		tprintf(tcp, "[%llu]", (unsigned long long)v);
}

void print_array(struct tcb *tcp, unsigned long addr, unsigned long n, void *elem, size_t elsize,
		 print_elem_fn fn, void *data, unsigned flags)
{
	tprints(tcp, "[");
	for (unsigned long i = 0; i < n; i++) {
		unsigned long a = addr + i * elsize;

		if (i)
			tprints(tcp, ", ");
		/* read first, as strace: past the -s limit an unreadable
		 * element still shows its address */
		if (mem_read(tcp->pid, a, elem, elsize) < 0) {
			tprints(tcp, "...");
			if (flags & PA_FAULT_ADDR)
				tprintf(tcp, " /* %#lx */", a);
			break;
		}
		if (!(flags & PA_NO_LIMIT) &&
		    ((flags & PA_ALL_IF_VERBOSE) && pcfg.verbose ? i >= 1024 : i >= pcfg.max_strlen)) {
			tprints(tcp, "...");
			break;
		}
		fn(tcp, elem, a, data);
	}
	tprints(tcp, "]");
}

void print_hex(struct tcb *tcp, unsigned long val)
{
	char buf[FMT_INT_SIZE];

	tprintn(tcp, buf, fmt_hex(buf, val));
}

/* The digits of v written at p (no NUL): the count of digits first,
 * then the digits from the last.  Same text as fmt_udec(). */
static inline size_t put_udec(char *p, unsigned long v)
{
	size_t n = 1;
	char *q;

	if (v < 10) {
		*p = (char)('0' + v);
		return 1;
	}
	for (unsigned long t = v; t >= 10; t /= 10)
		n++;
	q = p + n;
	do {
		*--q = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	return n;
}

static __attribute__((noinline)) void print_dec_slow(struct tcb *tcp, long val)
{
	char buf[FMT_INT_SIZE];

	tprintn(tcp, buf, fmt_dec(buf, val));
}

static __attribute__((noinline)) void print_udec_slow(struct tcb *tcp, unsigned long val)
{
	char buf[FMT_INT_SIZE];

	tprintn(tcp, buf, fmt_udec(buf, val));
}

/* Numbers are written straight into the sink's buffer while it has room
 * for the longest (no copy through a scratch buffer and memcpy). */
void print_dec(struct tcb *tcp, long val)
{
	struct outstream *os = tcp->out;
	size_t n;

	if (__builtin_expect(os->cap - os->len < FMT_INT_SIZE, 0)) {
		print_dec_slow(tcp, val);
		return;
	}
	if (val < 0) {
		os->buf[os->len] = '-';
		n = 1 + put_udec(os->buf + os->len + 1, 0UL - (unsigned long)val);
	} else {
		n = put_udec(os->buf + os->len, (unsigned long)val);
	}
	os->len += n;
	tcp->curcol += (int)n;
}

void print_udec(struct tcb *tcp, unsigned long val)
{
	struct outstream *os = tcp->out;
	size_t n;

	if (__builtin_expect(os->cap - os->len < FMT_INT_SIZE, 0)) {
		print_udec_slow(tcp, val);
		return;
	}
	n = put_udec(os->buf + os->len, val);
	os->len += n;
	tcp->curcol += (int)n;
}

void print_mode(struct tcb *tcp, unsigned long mode)
{
	char buf[FMT_INT_SIZE];

	tprintn(tcp, buf, fmt_oct_width(buf, mode, 3));
}

/* Length of the tracee's root directory as a path of ours, when it is in
 * a container seen from the host (its paths are shown relative to it);
 * 0 when its root is ours. */
static size_t root_prefix_len(struct tcb *tcp, const char *target)
{
	size_t len;

	if (!tcp->ns_pid)
		return 0;
	if (!tcp->root) {
		char link[64], buf[PATH_MAX];
		ssize_t n;

		snprintf(link, sizeof(link), "/proc/%d/root", pids_proc_pid(tcp->pid));
		n = readlink(link, buf, sizeof(buf) - 1);
		buf[n > 0 ? n : 0] = '\0';
		tcp->root = xstrdup(n > 1 ? buf : "");
	}
	len = strlen(tcp->root);
	if (len && strncmp(target, tcp->root, len) == 0 && target[len] == '/')
		return len;
	return 0;
}

/* Whether paths a and b name the same inode: a file whose name really
 * ends in " (deleted)" is not a deleted one. */
static bool same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	return stat(a, &sa) == 0 && stat(b, &sb) == 0 &&
	       sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* "<target>" of /proc/PID/fd/FD, or of /proc/PID/cwd for fd -1 (-y),
 * into out (LINK_TEXT_SIZE bytes); "" when unreadable.  A " (deleted)"
 * suffix goes after the ">" as strace prints it.  Returns the length;
 * *volatile_text: -yy details of a socket, which change without any
 * change of the descriptor (not to be cached). */
#define LINK_TEXT_SIZE (4 * (4 * PATH_MAX + 3) + 16)
static size_t format_link_target(struct tcb *tcp, pid_t pid, int fd, char *out, bool *volatile_text)
{
	static const char deleted[] = " (deleted)";
	char link[64], target[PATH_MAX], detail[QUOTE_SIZE(PATH_MAX) + 64];
	bool gone = false;
	size_t skip, len, dlen;
	pid_t proc_pid;
	ssize_t n;

	*volatile_text = false;
	if (!(proc_pid = pids_proc_pid(pid)))
		return 0;
	if (fd < 0)
		snprintf(link, sizeof(link), "/proc/%d/cwd", proc_pid);
	else
		snprintf(link, sizeof(link), "/proc/%d/fd/%d", proc_pid, fd);
	n = readlink(link, target, sizeof(target) - 1);
	if (n <= 0)
		return 0;
	target[n] = '\0';
	if (fd >= 0 && (pcfg.decode_fds & ~DECODE_FD_PATH) &&
	    (dlen = fdinfo_describe(proc_pid, fd, target, pcfg.decode_fds, quote_flags(),
				    detail, sizeof(detail))) > 0) {
		/* a socket's peer, a pidfd's process (gone: -1) change */
		*volatile_text = !strncmp(target, "socket:", 7) || !strncmp(target, "anon_inode:", 11);
		return (size_t)snprintf(out, LINK_TEXT_SIZE, "<%s>", detail);
	}
	if (!(pcfg.decode_fds & DECODE_FD_PATH))
		return 0;
	if ((size_t)n > sizeof(deleted) - 1 &&
	    !memcmp(target + n - (sizeof(deleted) - 1), deleted, sizeof(deleted) - 1) &&
	    !same_file(link, target)) {
		n -= (ssize_t)(sizeof(deleted) - 1);
		gone = true;
	}
	skip = target[0] == '/' && pid == tcp->pid ? root_prefix_len(tcp, target) : 0;
	out[0] = '<';
	len = 1 + quote_bracketed(target + skip, (size_t)n - skip, quote_flags(), out + 1);
	memcpy(out + len, gone ? ">(deleted)" : ">", gone ? 10 : 1);
	return len + (gone ? 10 : 1);
}

/* The same, printed; from src/fdcache.c while nothing changed. */
void print_fd_link(struct tcb *tcp, int fd)
{
	static char *text;
	const char *cached;
	bool volatile_text;
	size_t len;

	if ((cached = fdcache_get(tcp, fd, &len))) {
		tprintn(tcp, cached, len);
		return;
	}
	if (!text)
		text = xmalloc(LINK_TEXT_SIZE);
	len = format_link_target(tcp, tcp->pid, fd, text, &volatile_text);
	tprintn(tcp, text, len);
	if (!volatile_text)
		fdcache_put(tcp, fd, text, len);
}

void print_fd_pid(struct tcb *tcp, int pid, int fd)
{
	static char *text;
	bool volatile_text;

	if (pid == tcp->pid) {
		print_fd(tcp, fd);
		return;
	}
	print_dec(tcp, fd);
	if (!pcfg.decode_fds || fd < 0 || pid <= 0)
		return;
	if (!text)
		text = xmalloc(LINK_TEXT_SIZE);
	tprintn(tcp, text, format_link_target(tcp, pid, fd, text, &volatile_text));
}


void print_dirfd(struct tcb *tcp, int fd)
{
	if (fd == -100) {
		tprints(tcp, pcfg.xlat_style == XLAT_RAW ? "-100" :
			     pcfg.xlat_style == XLAT_VERBOSE ? "-100 /* AT_FDCWD */" : "AT_FDCWD");
		if (pcfg.decode_fds & DECODE_FD_PATH)
			print_fd_link(tcp, -1);
	} else
		print_fd(tcp, fd);
}

void print_id(struct tcb *tcp, unsigned long id)
{
	if ((unsigned)id == (unsigned)-1)
		tprintn(tcp, "-1", 2);
	else
		print_udec(tcp, (unsigned)id);
}

void sb_xlat_styled(struct strbuf *sb, const char *raw, const char *names)
{
	if (pcfg.xlat_style == XLAT_ABBREV)
		sb_puts(sb, names ? names : raw);
	else if (pcfg.xlat_style == XLAT_VERBOSE && names && strcmp(names, raw) != 0)
		sb_printf(sb, "%s /* %s */", raw, names);
	else
		sb_puts(sb, raw);
}

size_t format_xlat_styled(char *buf, size_t size, const char *raw, const char *names)
{
	struct strbuf sb;

	sb_init(&sb, buf, size);
	sb_xlat_styled(&sb, raw, names);
	return sb_len(&sb);
}

void print_signame(struct tcb *tcp, int sig)
{
	const char *name = signal_name(sig);

	if (name)
		tprints(tcp, name);
	else
		tprintf(tcp, "%d", sig);
}

/* -X raw: the number; verbose: "10 /+ SIGUSR1 +/". */
void print_signo(struct tcb *tcp, int sig)
{
	char raw[16], buf[64];

	snprintf(raw, sizeof(raw), "%d", sig);
	format_xlat_styled(buf, sizeof(buf), raw, signal_name(sig));
	tprints(tcp, buf);
}

void print_buf(struct tcb *tcp, unsigned long addr, unsigned long len)
{
	size_t want = len > pcfg.max_strlen ? pcfg.max_strlen : len;
	/* a longer buffer is read one byte past -s, as strace: the
	 * address when that byte is unreadable */
	size_t fetch = len > pcfg.max_strlen ? want + 1 : want;
	char *buf = scratch(fetch);

	if (!addr) {
		print_addr(tcp, addr);
	} else if (want == 0) {
		tprints(tcp, len ? "\"\"..." : "\"\"");
	} else if (mem_read_buffer(tcp->pid, addr, buf, fetch) < 0) {
		print_addr(tcp, addr);
	} else {
		print_quoted(tcp, buf, want, len > want);
	}
}

void print_buf_z(struct tcb *tcp, unsigned long addr, unsigned long len)
{
	char *buf;

	if (!addr || !len || len > pcfg.max_strlen) {
		print_buf(tcp, addr, len);
		return;
	}
	buf = scratch(len);
	if (mem_read_buffer(tcp->pid, addr, buf, len) < 0)
		print_addr(tcp, addr);
	else
		print_quoted(tcp, buf, buf[len - 1] ? len : len - 1, false);
}

static void print_cstr(struct tcb *tcp, unsigned long addr, size_t limit)
{
	char *buf;
	bool truncated;
	ssize_t n;

	if (!addr) {
		print_addr(tcp, addr);
		return;
	}
	/* One byte more than printed: a string of exactly limit bytes is
	 * complete (no "...") when its NUL follows. */
	buf = scratch(limit + 2);
	n = mem_read_str(tcp->pid, addr, buf, limit + 2, &truncated);
	if (n < 0) {
		print_addr(tcp, addr);
		return;
	}
	if ((size_t)n > limit) {
		n = (ssize_t)limit;
		truncated = true;
	}
	print_quoted(tcp, buf, (size_t)n, truncated);
}

/* At most n bytes: complete only when a NUL is among them. */
static void print_cstr_n(struct tcb *tcp, unsigned long addr, size_t n)
{
	char *buf;
	bool truncated;
	ssize_t len;

	if (!addr) {
		print_addr(tcp, addr);
		return;
	}
	buf = scratch(n + 1);
	len = mem_read_str(tcp->pid, addr, buf, n + 1, &truncated);
	if (len < 0)
		print_addr(tcp, addr);
	else
		print_quoted(tcp, buf, (size_t)len, truncated);
}

void print_str(struct tcb *tcp, unsigned long addr)
{
	print_cstr(tcp, addr, pcfg.max_strlen);
}

void print_path(struct tcb *tcp, unsigned long addr)
{
	/* as strace: PATH_MAX bytes read, "..." when no NUL among them */
	print_cstr(tcp, addr, PATH_MAX - 1);
}

void sb_flags(struct strbuf *sb, const struct xlat *x, uint64_t val, const char *dflt)
{
	char num[FMT_INT_SIZE];
	uint64_t left = val;
	bool first = true;

	if (val == 0) {
		const char *zero = x ? xlat_lookup(x, 0) : NULL;

		sb_puts(sb, zero ? zero : dflt ? dflt : "0");
		return;
	}
	for (unsigned i = 0; x && i < x->n && left; i++) {
		uint64_t v = x->items[i].val;

		if (v && (left & v) == v) {
			if (!first)
				sb_putc(sb, '|');
			sb_puts(sb, xlat_str(x, i));
			first = false;
			left &= ~v;
		}
	}
	if (left) {
		if (!first)
			sb_putc(sb, '|');
		sb_append(sb, num, fmt_hex(num, left));
	}
}

size_t format_flags(char *buf, size_t size, const struct xlat *x, uint64_t val, const char *dflt)
{
	struct strbuf sb;

	sb_init(&sb, buf, size);
	sb_flags(&sb, x, val, dflt);
	return sb_len(&sb);
}

/* -X raw / verbose: the number, then (verbose) the names in a comment
 * unless they are just that number. */
static void print_styled(struct tcb *tcp, uint64_t val, const char *names)
{
	char raw[32];

	snprintf(raw, sizeof(raw), val ? "%#llx" : "0", (unsigned long long)val);
	tprints(tcp, raw);
	if (pcfg.xlat_style == XLAT_VERBOSE && names && strcmp(names, raw) != 0)
		tprintf(tcp, " /* %s */", names);
}

bool flags_known(const struct xlat *x, uint64_t val)
{
	for (unsigned i = 0; x && i < x->n; i++)
		if (x->items[i].val && (val & x->items[i].val) == x->items[i].val)
			return true;
	return false;
}

void print_flags(struct tcb *tcp, const struct xlat *x, uint64_t val, const char *dflt)
{
	char buf[1024];

	if (val && dflt && !flags_known(x, val)) {
		if (pcfg.xlat_style == XLAT_RAW)
			print_styled(tcp, val, NULL);
		else
			tprintf(tcp, "%#llx /* %s */", (unsigned long long)val, dflt);
		return;
	}
	format_flags(buf, sizeof(buf), x, val, NULL);
	if (pcfg.xlat_style != XLAT_ABBREV)
		print_styled(tcp, val, buf);
	else
		tprints(tcp, buf);
}

void print_xval(struct tcb *tcp, const struct xlat *x, uint64_t val, const char *dflt)
{
	const char *s = x ? xlat_lookup(x, val) : NULL;

	if (pcfg.xlat_style != XLAT_ABBREV)
		print_styled(tcp, val, s ? s : dflt); /* verbose: unknown as F_??? */
	else if (s)
		tprints(tcp, s);
	else if (dflt)
		tprintf(tcp, "%#llx /* %s */", (unsigned long long)val, dflt);
	else
		tprintf(tcp, "%#llx", (unsigned long long)val);
}

void print_xval_num(struct tcb *tcp, const struct xlat *x, uint64_t val, const char *dflt)
{
	const char *s = x ? xlat_lookup(x, val) : NULL;

	tprintf(tcp, val ? "%#llx" : "0", (unsigned long long)val);
	if (pcfg.xlat_style != XLAT_RAW && (s || dflt))
		tprintf(tcp, " /* %s */", s ? s : dflt);
}

void print_str_n(struct tcb *tcp, unsigned long addr, size_t n)
{
	print_cstr_n(tcp, addr, n < pcfg.max_strlen ? n : pcfg.max_strlen);
}

/* Largest tail of an extensible structure that is read and shown. */
#define TAIL_MAX 4096

int check_nonzero_tail(struct tcb *tcp, unsigned long addr, size_t from, size_t to)
{
	size_t len = to - from < TAIL_MAX ? to - from : TAIL_MAX;
	char *buf;

	if (to <= from)
		return 0;
	buf = scratch(len);
	if (mem_read(tcp->pid, addr + from, buf, len) < 0)
		return -EFAULT;
	for (size_t i = 0; i < len; i++)
		if (buf[i])
			return 1;
	return 0;
}

void print_nonzero_tail(struct tcb *tcp, unsigned long addr, size_t from, size_t to)
{
	size_t len = to - from < TAIL_MAX ? to - from : TAIL_MAX;
	int r = check_nonzero_tail(tcp, addr, from, to);
	char *buf, *q;

	if (r < 0) {
		tprints(tcp, "???");
		return;
	}
	if (r == 0)
		return;
	buf = scratch(len + QUOTE_SIZE(len));
	if (mem_read(tcp->pid, addr + from, buf, len) < 0) {
		tprints(tcp, "???");
		return;
	}
	q = buf + len;
	quote_string(buf, len, QUOTE_HEX_ALL, q);
	tprintf(tcp, "/* bytes %zu..%zu */ %s", from, from + len - 1, q);
}

void print_xval_d(struct tcb *tcp, const struct xlat *x, uint64_t val)
{
	const char *s = x ? xlat_lookup(x, val) : NULL;

	if (pcfg.xlat_style != XLAT_ABBREV)
		print_styled(tcp, val, s);
	else if (s)
		tprints(tcp, s);
	else
		tprintf(tcp, "%lld", (long long)val);
}
