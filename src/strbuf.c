/* The one string builder (strbuf.h). */
#include "config.h"
#include "strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

void sb_init(struct strbuf *sb, char *buf, size_t size)
{
	*sb = (struct strbuf){ .buf = buf, .size = size };
	if (size)
		buf[0] = '\0';
}

void sb_init_cat(struct strbuf *sb, char *buf, size_t size)
{
	*sb = (struct strbuf){ .buf = buf, .size = size };
	if (size) {
		sb->len = strnlen(buf, size - 1);
		buf[sb->len] = '\0';
	}
}

void sb_init_grow(struct strbuf *sb, char *buf, size_t size)
{
	sb_init(sb, buf, size);
	sb->grow = true;
}

/* Room for n more bytes of text and the NUL; false when a fixed builder
 * has less (the caller then writes what fits). */
static bool reserve(struct strbuf *sb, size_t n)
{
	size_t need = sb->len + n + 1, cap;
	char *p;

	if (need <= sb->size)
		return true;
	if (!sb->grow)
		return false;
	cap = sb->size < 64 ? 64 : sb->size;
	while (cap < need)
		cap *= 2;
	if (sb->heap) {
		p = xrealloc(sb->buf, cap);
	} else {
		p = xmalloc(cap);
		memcpy(p, sb->buf ? sb->buf : "", sb->len);
		p[sb->len] = '\0';
	}
	sb->buf = p;
	sb->size = cap;
	sb->heap = true;
	return true;
}

void sb_append(struct strbuf *sb, const char *s, size_t n)
{
	if (sb->truncated)
		return;
	if (!reserve(sb, n)) {
		/* fixed and full: keep what fits, as snprintf */
		size_t room = sb->size ? sb->size - sb->len - 1 : 0;

		if (sb->size) {
			memcpy(sb->buf + sb->len, s, room);
			sb->len += room;
			sb->buf[sb->len] = '\0';
		}
		sb->truncated = true;
		return;
	}
	memcpy(sb->buf + sb->len, s, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

void sb_puts(struct strbuf *sb, const char *s)
{
	sb_append(sb, s, strlen(s));
}

void sb_putc(struct strbuf *sb, char c)
{
	sb_append(sb, &c, 1);
}

void sb_vprintf(struct strbuf *sb, const char *fmt, va_list ap)
{
	char small[256];
	va_list aq;
	int n;

	if (sb->truncated)
		return;
	va_copy(aq, ap);
	n = vsnprintf(small, sizeof(small), fmt, aq);
	va_end(aq);
	if (n < 0)
		return;
	if ((size_t)n < sizeof(small)) {
		sb_append(sb, small, (size_t)n);
		return;
	}
	if (reserve(sb, (size_t)n)) {
		vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
		sb->len += (size_t)n;
		return;
	}
	/* fixed and full: what fits */
	if (sb->size) {
		vsnprintf(sb->buf + sb->len, sb->size - sb->len, fmt, ap);
		sb->len = sb->size - 1;
	}
	sb->truncated = true;
}

void sb_printf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sb_vprintf(sb, fmt, ap);
	va_end(ap);
}

void sb_reset(struct strbuf *sb)
{
	sb->len = 0;
	sb->truncated = false;
	if (sb->size)
		sb->buf[0] = '\0';
}

void sb_free(struct strbuf *sb)
{
	if (sb->heap)
		free(sb->buf);
	sb_init_grow(sb, NULL, 0);
}
