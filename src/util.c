#include "config.h"
#include "util.h"

#include <fcntl.h>
#include <stdarg.h>
#include <string.h>

void (*ct_message_hook)(void);
const char *ct_progname = "ctrace";

static void vmsg(const char *fmt, va_list ap)
{
	if (ct_message_hook)
		ct_message_hook();
	fprintf(stderr, "%s: ", ct_progname);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void ct_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmsg(fmt, ap);
	va_end(ap);
}

void ct_warn(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmsg(fmt, ap);
	va_end(ap);
}

void ct_error_help(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmsg(fmt, ap);
	va_end(ap);
	fprintf(stderr, "Try '%s -h' for more information.\n", ct_progname);
}

bool ct_debug_on;

void ct_debug(const char *fmt, ...)
{
	va_list ap;

	if (!ct_debug_on)
		return;
	va_start(ap, fmt);
	vmsg(fmt, ap);
	va_end(ap);
}

void ct_die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmsg(fmt, ap);
	va_end(ap);
	exit(1);
}

bool strn_in(const char *s, size_t len, const char *const *names)
{
	for (; *names; names++)
		if (strlen(*names) == len && strncmp(s, *names, len) == 0)
			return true;
	return false;
}

const char *errno_name(int err)
{
	return strerrorname_np(err);
}

ssize_t read_file(const char *path, char *buf, size_t size)
{
	_cleanup_close_ int fd = open(path, O_RDONLY | O_CLOEXEC);
	size_t len = 0;

	if (fd < 0)
		return -errno;
	if (size == 0)
		return -EINVAL;
	while (len < size - 1) {
		ssize_t n = read(fd, buf + len, size - 1 - len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		if (n == 0)
			break;
		len += (size_t)n;
	}
	buf[len] = '\0';
	return (ssize_t)len;
}

int proc_status_long(pid_t pid, const char *field, long *val)
{
	char path[64], key[64], buf[2048];
	const char *at;
	ssize_t n;

	snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
	snprintf(key, sizeof(key), "\n%s:", field);
	n = read_file(path, buf, sizeof(buf));
	if (n < 0)
		return (int)n;
	at = strstr(buf, key);
	if (!at)
		return -ENOENT;
	*val = strtol(at + strlen(key), NULL, 10);
	return 0;
}

int read_file_alloc(const char *path, size_t max, char **out, size_t *len)
{
	_cleanup_fclose_ FILE *f = fopen(path, "re");
	_cleanup_free_ char *buf = NULL;
	size_t size = 0, cap = 0;

	*out = NULL;
	*len = 0;
	if (!f)
		return -errno;
	for (;;) {
		size_t n;

		if (size == cap) {
			if (cap >= max)
				return -EFBIG;
			cap = cap ? cap * 2 : 65536;
			buf = xrealloc(buf, cap);
		}
		n = fread(buf + size, 1, cap - size, f);
		size += n;
		if (n == 0)
			break;
	}
	if (ferror(f))
		return -EIO;
	*out = buf;
	buf = NULL;
	*len = size;
	return 0;
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		ct_die("out of memory");
	return p;
}

void *xcalloc(size_t n, size_t m)
{
	void *p = calloc(n ? n : 1, m ? m : 1);
	if (!p)
		ct_die("out of memory");
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		ct_die("out of memory");
	return p;
}

char *xstrdup(const char *s)
{
	char *p = strdup(s);
	if (!p)
		ct_die("out of memory");
	return p;
}
