/* -e read=SET / -e write=SET: hex dumps of the data a traced call read
 * from or wrote to a descriptor of SET, after its line, in strace's
 * layout:
 *  | 00000  68 65 6c 6c 6f 0a                                hello.           |
 * Vectored calls first say " * N bytes in buffer I", mmsg calls
 * " = N buffers in vector I". */
#include "config.h"
#include "dump.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>

#include "mem.h"
#include "sink.h"
#include "syscallent.h"
#include "util.h"

/* A set of descriptors: listed ones, or all but them when inverted. */
struct fd_set_spec {
	bool inverted;
	int *fds;
	size_t n;
};

static struct fd_set_spec read_set, write_set;
bool dump_active;

/* How each call's data is found: its facts, by name. */
enum dump_kind {
	DK_BUF = 1,     /* (fd, buf, len): len at write, the return at read */
	DK_IOV,         /* (fd, iov, iovcnt) */
	DK_MSG,         /* (fd, msghdr) */
	DK_MMSG,        /* (fd, mmsghdr vector): the return is the count */
};
static const struct {
	const char *name;
	uint8_t write_kind, read_kind;
} dump_calls[] = {
	{ "write", DK_BUF, 0 },
	{ "pwrite64", DK_BUF, 0 },
	{ "send", DK_BUF, 0 },
	{ "sendto", DK_BUF, 0 },
	{ "mq_timedsend", DK_BUF, 0 },
	{ "writev", DK_IOV, 0 },
	{ "pwritev", DK_IOV, 0 },
	{ "pwritev2", DK_IOV, 0 },
	{ "vmsplice", DK_IOV, 0 },
	{ "sendmsg", DK_MSG, 0 },
	{ "sendmmsg", DK_MMSG, 0 },
	{ "read", 0, DK_BUF },
	{ "pread64", 0, DK_BUF },
	{ "recv", 0, DK_BUF },
	{ "recvfrom", 0, DK_BUF },
	{ "mq_timedreceive", 0, DK_BUF },
	{ "readv", 0, DK_IOV },
	{ "preadv", 0, DK_IOV },
	{ "preadv2", 0, DK_IOV },
	{ "recvmsg", 0, DK_MSG },
	{ "recvmmsg", 0, DK_MMSG },
};

int dump_parse_set(bool write, const char *spec)
{
	struct fd_set_spec *set = write ? &write_set : &read_set;
	_cleanup_free_ char *copy = NULL;
	const char *s = spec;
	char *save = NULL;
	bool any = false;

	free(set->fds);
	memset(set, 0, sizeof(*set));
	while (*s == '!') {
		set->inverted = !set->inverted;
		s++;
	}
	if (strcmp(s, "none") == 0)
		goto done;
	if (strcmp(s, "all") == 0) {
		set->inverted = !set->inverted;
		goto done;
	}
	copy = xstrdup(s);
	for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		char *end;
		unsigned long v;

		errno = 0;
		v = strtoul(tok, &end, 10);
		if (errno || *end || !*tok || *tok == '-' || *tok == '+' || v > INT_MAX) {
			ct_error("invalid descriptor '%s'", tok);
			return -EINVAL;
		}
		set->fds = xrealloc(set->fds, (set->n + 1) * sizeof(*set->fds));
		set->fds[set->n++] = (int)v;
		any = true;
	}
	if (!any) {
		ct_error("invalid descriptor '%s'", spec);
		return -EINVAL;
	}
done:
	dump_active = read_set.inverted || read_set.n || write_set.inverted || write_set.n;
	return 0;
}

static bool in_set(const struct fd_set_spec *set, int fd)
{
	for (size_t i = 0; i < set->n; i++)
		if (set->fds[i] == fd)
			return !set->inverted;
	return set->inverted;
}

/* One "| OFFSET  HEX...  ASCII |" line per 16 bytes; the offset has at
 * least 5 hex digits, more when the data needs them. */
void dump_bytes(struct tcb *tcp, const unsigned char *data, unsigned long len,
		unsigned long base_off, int offs_chars)
{
	static const char hex[] = "0123456789abcdef";
	unsigned long i = 0;

	while (i < len) {
		/* "xx " x 16, a space after each group of 8, 16 chars */
		char line[16 * 3 + 2 + 16 + 1];
		char *d = line;
		unsigned long start = i;

		memset(line, ' ', sizeof(line) - 1);
		line[sizeof(line) - 1] = '\0';
		for (unsigned k = 0; k < 16; k++, i++) {
			if (i < len) {
				d[0] = hex[data[i] >> 4];
				d[1] = hex[data[i] & 15];
			}
			d += 3 + ((k & 7) == 7);
		}
		for (unsigned k = 0; k < 16; k++) {
			unsigned long j = start + k;

			if (j < len)
				*d = data[j] >= ' ' && data[j] < 0x7f ? (char)data[j] : '.';
			d++;
		}
		tprintf(tcp, " | %0*lx  %s |\n", offs_chars, base_off + start, line);
	}
}

static int offset_chars(unsigned long len)
{
	int n = 5;

	if (len <= (1ul << 20))
		return n;
	n = 0;
	for (unsigned long v = len - 1; v; v >>= 4)
		n++;
	return n;
}

enum { DUMP_CHUNK = 1 << 16 };

/* len bytes at addr in the tracee. */
static void dump_str(struct tcb *tcp, unsigned long addr, unsigned long len)
{
	_cleanup_free_ unsigned char *buf = NULL;
	int offs = offset_chars(len);
	unsigned long i = 0;

	if (len > len + 16 || addr + len < addr)
		return;
	buf = xmalloc(len < DUMP_CHUNK ? len + 1 : DUMP_CHUNK);
	while (i < len) {
		unsigned long n = len - i < DUMP_CHUNK ? len - i : DUMP_CHUNK;

		if (mem_read(tcp->pid, addr + i, buf, n) < 0) {
			if (i)
				tprintf(tcp, " | <Cannot fetch %lu byte%s from pid %d @%#lx>\n",
					n, n == 1 ? "" : "s", tcp->pid, addr + i);
			return;
		}
		dump_bytes(tcp, buf, n, i, offs);
		i += n;
	}
}

/* iovcnt iovecs at addr, at most data_size bytes of them (ULONG_MAX:
 * all); a buffer of length 0 ends the dump, as in strace. */
static void dump_iov(struct tcb *tcp, unsigned long cnt, unsigned long addr,
		     unsigned long data_size)
{
	_cleanup_free_ struct iovec *iov = NULL;

	if (cnt > INT_MAX / sizeof(*iov))
		return;
	if ((int)cnt <= 0)
		return;
	iov = xmalloc(cnt * sizeof(*iov));
	if (mem_read(tcp->pid, addr, iov, cnt * sizeof(*iov)) < 0)
		return;
	for (unsigned long i = 0; i < cnt; i++) {
		unsigned long len = iov[i].iov_len;

		if (len > data_size)
			len = data_size;
		if (!len)
			break;
		data_size -= len;
		tprintf(tcp, " * %lu bytes in buffer %lu\n", len, i);
		dump_str(tcp, (unsigned long)iov[i].iov_base, len);
	}
}

static void dump_msg(struct tcb *tcp, unsigned long addr, unsigned long data_size)
{
	struct msghdr mh;

	if (mem_read(tcp->pid, addr, &mh, sizeof(mh)) < 0)
		return;
	dump_iov(tcp, mh.msg_iovlen, (unsigned long)mh.msg_iov, data_size);
}

static void dump_mmsg(struct tcb *tcp, unsigned long addr)
{
	unsigned long n = (unsigned)tcp->rval;

	for (unsigned long i = 0; i < n; i++, addr += sizeof(struct mmsghdr)) {
		struct mmsghdr mm;

		if (mem_read(tcp->pid, addr, &mm, sizeof(mm)) < 0)
			break;
		tprintf(tcp, " = %lu buffers in vector %lu\n", (unsigned long)mm.msg_hdr.msg_iovlen, i);
		dump_iov(tcp, mm.msg_hdr.msg_iovlen, (unsigned long)mm.msg_hdr.msg_iov, mm.msg_len);
	}
}

static void dump_kind(struct tcb *tcp, unsigned kind, unsigned long size)
{
	switch (kind) {
	case DK_BUF: dump_str(tcp, tcp->args[1], size); break;
	case DK_IOV: dump_iov(tcp, tcp->args[2], tcp->args[1], size); break;
	case DK_MSG: dump_msg(tcp, tcp->args[1], size); break;
	case DK_MMSG: dump_mmsg(tcp, tcp->args[1]); break;
	default: break;
	}
}

void dump_io(struct tcb *tcp)
{
	int fd = (int)tcp->args[0];
	unsigned wk = 0, rk = 0;

	if (!tcp->ent || fd < 0)
		return;
	for (size_t i = 0; i < ARRAY_SIZE(dump_calls); i++) {
		if (strcmp(dump_calls[i].name, tcp->ent->name) == 0) {
			wk = dump_calls[i].write_kind;
			rk = dump_calls[i].read_kind;
			break;
		}
	}
	if (!wk && !rk)
		return;
	/* the data written is the caller's, whatever the outcome; a
	 * sendmmsg's count of messages is its return */
	if (wk && in_set(&write_set, fd) && !(wk == DK_MMSG && tcp->err))
		dump_kind(tcp, wk, wk == DK_BUF ? tcp->args[2] : ULONG_MAX);
	if (!tcp->err && rk && in_set(&read_set, fd))
		dump_kind(tcp, rk, (unsigned long)tcp->rval);
	/* whole lines, as line_end() leaves them */
	tcp->curcol = 0;
	if (tcp->out->flush_lines)
		fflush(tcp->out->fp);
}

void dump_reset(void)
{
	free(read_set.fds);
	free(write_set.fds);
	memset(&read_set, 0, sizeof(read_set));
	memset(&write_set, 0, sizeof(write_set));
	dump_active = false;
}
