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
		n = use_vm_readv ? vm_read(pid, addr + done, (char *)buf + done, chunk)
				 : peek_read(pid, addr + done, (char *)buf + done, chunk);
		if (n < 0) {
			if (done)
				break;
			/* A read across a page boundary fails as a whole with
			 * vm_readv: retry the first page alone. */
			if (chunk > page_left) {
				n = use_vm_readv ? vm_read(pid, addr, buf, page_left)
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

int mem_read(pid_t pid, unsigned long addr, void *buf, size_t len)
{
	ssize_t n = use_vm_readv ? vm_read(pid, addr, buf, len)
				 : peek_read(pid, addr, buf, len);

	if (n < 0)
		return (int)n;
	return (size_t)n == len ? 0 : -EFAULT;
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
		n = use_vm_readv ? vm_read(pid, addr + done, buf + done, chunk)
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
	if (ptrace(PTRACE_POKEDATA, pid, (void *)addr, (void *)word) < 0)
		return -errno;
	return 0;
}
