/* The one string builder of ctrace.
 *
 * A struct strbuf writes into a caller's buffer or into memory of its own:
 *
 *   sb_init(&sb, buf, size)       fixed: text that does not fit is cut at
 *                                 size - 1 bytes, as snprintf cuts it; the
 *                                 buffer is always NUL-terminated (when
 *                                 size > 0) and later appends are dropped
 *                                 (sb.truncated tells)
 *   sb_init_grow(&sb, buf, size)  growable: starts in buf (may be NULL, 0)
 *                                 and moves to the heap when it is full;
 *                                 sb_free() releases that memory
 *
 * sb_append / sb_puts / sb_putc / sb_printf add text, sb_str() and
 * sb_len() read it (the length of what is in the buffer, never more), and
 * sb_reset() empties it, keeping the memory.  A format_X(buf, size, ...)
 * function builds on sb_init(&sb, buf, size) and returns sb_len(&sb). */
#ifndef CTRACE_STRBUF_H
#define CTRACE_STRBUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

struct strbuf {
	char *buf;        /* the text, NUL-terminated when size > 0 */
	size_t size;      /* bytes buf holds, the NUL included */
	size_t len;       /* bytes of text */
	bool grow;        /* may move to (or within) the heap */
	bool heap;        /* buf is the builder's own (sb_free) */
	bool truncated;   /* a fixed builder dropped text */
};

void sb_init(struct strbuf *sb, char *buf, size_t size);
void sb_init_grow(struct strbuf *sb, char *buf, size_t size);
/* Fixed, on a buffer that already holds a string: appends go after it. */
void sb_init_cat(struct strbuf *sb, char *buf, size_t size);
void sb_append(struct strbuf *sb, const char *s, size_t n);
void sb_puts(struct strbuf *sb, const char *s);
void sb_putc(struct strbuf *sb, char c);
void sb_printf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_vprintf(struct strbuf *sb, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
void sb_reset(struct strbuf *sb);
/* Release the heap memory of a growable builder; it is then empty and
 * back on no buffer (sb_init_grow(sb, NULL, 0)). */
void sb_free(struct strbuf *sb);

static inline size_t sb_len(const struct strbuf *sb) { return sb->len; }
static inline const char *sb_str(const struct strbuf *sb) { return sb->buf ? sb->buf : ""; }

#endif
