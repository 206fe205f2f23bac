#include "config.h"
#include "mem.h"

#include <errno.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/uio.h>

static bool use_vm_readv = true;

void mem_set_vm_readv(bool enabled)
{
	use_vm_readv = enabled;
}

bool mem_vm_readv_enabled(void)
{
	return use_vm_readv;
}

static ssize_t peek_read(pid_t pid, unsigned long addr, void *buf, size_t len)
{
	size_t done = 0;
	char *out = buf;

	while (done < len) {
		unsigned long word_addr = (addr + done) & ~(sizeof(long) - 1);
		size_t off = (addr + done) - word_addr;
		size_t n = sizeof(long) - off;
		long word;

		errno = 0;
		word = ptrace(PTRACE_PEEKDATA, pid, (void *)word_addr, NULL);
		if (errno) {
			if (done)
				return (ssize_t)done;
			return errno == EIO ? -EFAULT : -errno;
		}
		if (n > len - done)
			n = len - done;
		memcpy(out + done, (char *)&word + off, n);
		done += n;
	}
	return (ssize_t)done;
}

static ssize_t vm_read(pid_t pid, unsigned long addr, void *buf, size_t len)
{
	struct iovec local = { .iov_base = buf, .iov_len = len };
	struct iovec remote = { .iov_base = (void *)addr, .iov_len = len };
	ssize_t n = process_vm_readv(pid, &local, 1, &remote, 1, 0);

	if (n < 0) {
		int err = errno;
		/* Blocked (seccomp, LSM) or unsupported: fall back for good. */
		if (err == ENOSYS || err == EPERM) {
			use_vm_readv = false;
			return peek_read(pid, addr, buf, len);
		}
		return -err;
	}
	return n;
}

/* The last pages read with process_vm_readv, served again to the reads
 * that follow at the same stop (strace 6.1 reads a page once: an iovec
 * array and the strings it points to cost a call per page, not one per
 * element).  Dropped whenever a tracee may run or its memory is
 * written.
 *
 * Most stops of a data-moving call read once, the buffer of a read or a
 * write, and a whole page then costs more than the bytes the line needs
 * (dd bs=1: 4096 bytes copied for 1): when the first read of a stop is a
 * buffer's (mem_read_buffer), it reads just those bytes.  Structures,
 * arrays and strings read whole pages, as strace does, and so do the
 * buffers that follow another read at the same stop (the elements of an
 * iovec array). */
#define CACHE_PAGE 4096
#define CACHE_PAGES 4
static struct cached_page {
	bool valid;
	pid_t pid;
	unsigned long base;
	char data[CACHE_PAGE];
} page_cache[CACHE_PAGES];
static unsigned cache_next; /* the slot to fill next, round robin */
unsigned mem_reads_this_stop; /* since the last mem_cache_drop() */
#define reads_this_stop mem_reads_this_stop

void mem_cache_drop_slow(void)
{
	for (unsigned i = 0; i < CACHE_PAGES; i++)
		page_cache[i].valid = false;
	reads_this_stop = 0;
}

/* The cached page at base of pid, read now if not kept; NULL when the
 * page is unreadable (*err: the negative errno). */
static const struct cached_page *cache_page(pid_t pid, unsigned long base, ssize_t *err)
{
	struct cached_page *c;
	ssize_t r;

	for (unsigned i = 0; i < CACHE_PAGES; i++)
		if (page_cache[i].valid && page_cache[i].pid == pid && page_cache[i].base == base)
			return &page_cache[i];
	c = &page_cache[cache_next];
	c->valid = false;
	r = vm_read(pid, base, c->data, CACHE_PAGE);
	if (r != CACHE_PAGE) { /* a page reads whole or not at all */
		*err = r < 0 ? r : -EFAULT;
		return NULL;
	}
	cache_next = (cache_next + 1) % CACHE_PAGES;
	c->valid = true;
	c->pid = pid;
	c->base = base;
	return c;
}

/* vm_read through the page cache; reads longer than a page go direct,
 * and so does a buffer (exact_first) read first at a stop (the cache is
 * empty then: mem_cache_drop() resets the count and the pages together). */
static ssize_t vm_read_cached(pid_t pid, unsigned long addr, void *buf, size_t len,
			      bool exact_first)
{
	size_t done = 0;

	if (len > CACHE_PAGE)
		return vm_read(pid, addr, buf, len);
	if (reads_this_stop++ == 0 && exact_first && len)
		return vm_read(pid, addr, buf, len);
	while (done < len) {
		unsigned long base = (addr + done) & ~(unsigned long)(CACHE_PAGE - 1);
		size_t off = (addr + done) - base;
		size_t n = CACHE_PAGE - off;
		const struct cached_page *c;
		ssize_t err = 0;

		if (n > len - done)
			n = len - done;
		c = cache_page(pid, base, &err);
		if (!use_vm_readv) /* fell back to PTRACE_PEEKDATA for good */
			return peek_read(pid, addr, buf, len);
		if (!c)
			return done ? (ssize_t)done : err;
		memcpy((char *)buf + done, c->data + off, n);
		done += n;
	}
	return (ssize_t)done;
}

ssize_t mem_read_partial(pid_t pid, unsigned long addr, void *buf, size_t len)
{
	size_t done = 0;

	if (len == 0)
		return 0;
	while (done < len) {
		ssize_t n;
		/* Stay within one page per call so that an unmapped page
		 * after readable data still yields the readable part. */
		size_t page_left = 4096 - ((addr + done) & 4095);
		size_t chunk = len - done;

		if (done && chunk > page_left)
			chunk = page_left;
		n = use_vm_readv ? vm_read_cached(pid, addr + done, (char *)buf + done, chunk, false)
				 : peek_read(pid, addr + done, (char *)buf + done, chunk);
		if (n < 0) {
			if (done)
				break;
			/* A read across a page boundary fails as a whole with
			 * vm_readv: retry the first page alone. */
			if (chunk > page_left) {
				n = use_vm_readv ? vm_read_cached(pid, addr, buf, page_left, false)
						 : peek_read(pid, addr, buf, page_left);
				if (n > 0) {
					done = (size_t)n;
					continue;
				}
			}
			return n;
		}
		if (n == 0)
			break;
		done += (size_t)n;
	}
	return (ssize_t)done;
}

static int read_exactly(pid_t pid, unsigned long addr, void *buf, size_t len, bool buffer)
{
	ssize_t n = use_vm_readv ? vm_read_cached(pid, addr, buf, len, buffer)
				 : peek_read(pid, addr, buf, len);

	if (n < 0)
		return (int)n;
	return (size_t)n == len ? 0 : -EFAULT;
}

int mem_read(pid_t pid, unsigned long addr, void *buf, size_t len)
{
	return read_exactly(pid, addr, buf, len, false);
}

int mem_read_buffer(pid_t pid, unsigned long addr, void *buf, size_t len)
{
	/* the usual case, as vm_read_cached() serves it: the stop's first
	 * read, of a page at most, reads just these bytes */
	if (use_vm_readv && reads_this_stop == 0 && len && len <= CACHE_PAGE) {
		ssize_t n;

		reads_this_stop = 1;
		n = vm_read(pid, addr, buf, len);
		if (n < 0)
			return (int)n;
		return (size_t)n == len ? 0 : -EFAULT;
	}
	return read_exactly(pid, addr, buf, len, true);
}

ssize_t mem_read_str(pid_t pid, unsigned long addr, char *buf, size_t size,
		     bool *truncated)
{
	size_t done = 0;

	*truncated = false;
	if (size == 0)
		return -EINVAL;
	while (done < size - 1) {
		size_t page_left = 4096 - ((addr + done) & 4095);
		size_t chunk = size - 1 - done;
		ssize_t n;
		char *nul;

		if (chunk > page_left)
			chunk = page_left;
		n = use_vm_readv ? vm_read_cached(pid, addr + done, buf + done, chunk, false)
				 : peek_read(pid, addr + done, buf + done, chunk);
		if (n <= 0) {
			if (done == 0)
				return n < 0 ? n : -EFAULT;
			/* readable bytes without a NUL, then an unmapped page */
			buf[done] = '\0';
			return -EFAULT;
		}
		nul = memchr(buf + done, '\0', (size_t)n);
		if (nul)
			return nul - buf;
		done += (size_t)n;
	}
	buf[done] = '\0';
	*truncated = true;
	return (ssize_t)done;
}

int mem_write_word(pid_t pid, unsigned long addr, unsigned long word)
{
	mem_cache_drop();
	if (ptrace(PTRACE_POKEDATA, pid, (void *)addr, (void *)word) < 0)
		return -errno;
	return 0;
}
