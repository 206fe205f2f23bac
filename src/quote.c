/* Escaping of hostile bytes for text and JSON output (see quote.h). */
#include "config.h"
#include "quote.h"

#include <json-c/json.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static const char hex[] = "0123456789abcdef";

/* How quote_string() writes a byte outside -xx: Q_PLAIN itself (the
 * printable ones), Q_OTHER as an octal or hex escape, any other value
 * as a backslash and that letter (\" \\ \t \n \v \f \r).  One table load
 * per byte instead of a switch and range tests. */
enum { Q_PLAIN = 0, Q_OTHER = 1 };
static const char byte_class[256] = {
	1, 1, 1, 1, 1, 1, 1, 1, 1, 't', 'n', 'v', 'f', 'r', 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	0, 0, '"', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, '\\', 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

size_t quote_string(const char *s, size_t len, unsigned flags, char *out)
{
	char *o = out;

	/* -x: a byte that is neither printable nor whitespace (\t..\r)
	 * switches the whole string to \xHH, as strace does. */
	if ((flags & QUOTE_HEX_NONPRINT) && !(flags & QUOTE_HEX_ALL)) {
		for (size_t i = 0; i < len; i++) {
			unsigned char c = (unsigned char)s[i];

			if (c > 0x7e || (c < ' ' && !(c >= '\t' && c <= '\r'))) {
				flags |= QUOTE_HEX_ALL;
				break;
			}
		}
	}
	*o++ = '"';
	if (flags & QUOTE_HEX_ALL) {
		for (size_t i = 0; i < len; i++) {
			unsigned char c = (unsigned char)s[i];

			*o++ = '\\';
			*o++ = 'x';
			*o++ = hex[c >> 4];
			*o++ = hex[c & 15];
		}
		*o++ = '"';
		*o = '\0';
		return (size_t)(o - out);
	}
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		char k = byte_class[c];

		if (k == Q_PLAIN) {
			*o++ = (char)c;
		} else if (k != Q_OTHER) {
			/* \" \\ \t \n \v \f \r */
			*o++ = '\\';
			*o++ = k;
		} else if (flags & (QUOTE_HEX_NONPRINT | QUOTE_HEX_ESCAPES)) {
			*o++ = '\\';
			*o++ = 'x';
			*o++ = hex[c >> 4];
			*o++ = hex[c & 15];
		} else {
			/* Octal, as short as possible unless an octal digit
			 * follows (then three digits keep it unambiguous). */
			bool next_digit = i + 1 < len && s[i + 1] >= '0' && s[i + 1] <= '7';

			*o++ = '\\';
			if (next_digit || c > 077) {
				*o++ = (char)('0' + (c >> 6));
				*o++ = (char)('0' + ((c >> 3) & 7));
			} else if (c > 07) {
				*o++ = (char)('0' + ((c >> 3) & 7));
			}
			*o++ = (char)('0' + (c & 7));
		}
	}
	*o++ = '"';
	*o = '\0';
	return (size_t)(o - out);
}

size_t quote_bracketed(const char *s, size_t len, unsigned flags, char *out)
{
	_cleanup_free_ char *q = xmalloc(QUOTE_SIZE(len));
	size_t qlen = quote_string(s, len, flags, q);
	char *o = out;

	/* "<" and ">" are printable, so each stands for itself in q and
	 * its octal form (4 bytes at most) fits the 4 bytes allowed.  As
	 * strace, three digits when an octal digit follows ("\\0740" for
	 * "<0"), so that the digit is not read as part of the escape. */
	for (size_t i = 1; i + 1 < qlen; i++) {
		if (q[i] == '>' || q[i] == '<') {
			bool wide = i + 2 < qlen && q[i + 1] >= '0' && q[i + 1] <= '7';

			memcpy(o, q[i] == '>' ? (wide ? "\\076" : "\\76") : (wide ? "\\074" : "\\74"),
			       wide ? 4 : 3);
			o += wide ? 4 : 3;
		} else {
			*o++ = q[i];
		}
	}
	*o = '\0';
	return (size_t)(o - out);
}

char *quote_bare_buf(const char *s, char *out, size_t size)
{
	size_t len = strlen(s), qlen;
	_cleanup_free_ char *q = NULL;

	if (size == 0)
		return out;
	if (QUOTE_SIZE(len) > size + 2)
		len = (size - 1) / 4; /* 4 bytes per input byte at most */
	q = xmalloc(QUOTE_SIZE(len));
	qlen = quote_string(s, len, 0, q);
	memcpy(out, q + 1, qlen - 2);
	out[qlen - 2] = '\0';
	return out;
}

/* Length of the valid UTF-8 sequence (RFC 3629: no overlong forms, no
 * surrogates, nothing above U+10FFFF) at s[0..len), or 0. */
static size_t utf8_seq(const unsigned char *s, size_t len)
{
	unsigned char c = s[0], lo = 0x80, hi = 0xbf;
	size_t n;

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		n = 2;
	else if (c >= 0xe0 && c <= 0xef)
		n = 3;
	else if (c >= 0xf0 && c <= 0xf4)
		n = 4;
	else
		return 0;
	if (c == 0xe0)
		lo = 0xa0;
	else if (c == 0xed)
		hi = 0x9f;
	else if (c == 0xf0)
		lo = 0x90;
	else if (c == 0xf4)
		hi = 0x8f;
	if (len < n || s[1] < lo || s[1] > hi)
		return 0;
	for (size_t i = 2; i < n; i++)
		if (s[i] < 0x80 || s[i] > 0xbf)
			return 0;
	return n;
}

static char *put_u(char *o, unsigned cp)
{
	*o++ = '\\';
	*o++ = 'u';
	*o++ = hex[(cp >> 12) & 15];
	*o++ = hex[(cp >> 8) & 15];
	*o++ = hex[(cp >> 4) & 15];
	*o++ = hex[cp & 15];
	return o;
}

size_t json_quote(const char *s, size_t len, char *out)
{
	const unsigned char *u = (const unsigned char *)s;
	char *o = out;

	*o++ = '"';
	for (size_t i = 0; i < len;) {
		unsigned char c = u[i];
		size_t n = utf8_seq(u + i, len - i);

		if (n == 0) {
			o = put_u(o, 0xdc00u + c); /* not UTF-8: surrogateescape */
			i++;
			continue;
		}
		if (n > 1) {
			memcpy(o, s + i, n);
			o += n;
			i += n;
			continue;
		}
		i++;
		switch (c) {
		case '"': *o++ = '\\'; *o++ = '"'; continue;
		case '\\': *o++ = '\\'; *o++ = '\\'; continue;
		case '\n': *o++ = '\\'; *o++ = 'n'; continue;
		case '\t': *o++ = '\\'; *o++ = 't'; continue;
		case '\r': *o++ = '\\'; *o++ = 'r'; continue;
		default: break;
		}
		if (c < ' ' || c == 0x7f)
			o = put_u(o, c);
		else
			*o++ = (char)c;
	}
	*o++ = '"';
	*o = '\0';
	return (size_t)(o - out);
}

static int json_bytes_serialize(struct json_object *jso, struct printbuf *pb, int level, int flags)
{
	const char *lit = json_object_get_userdata(jso);

	(void)level;
	(void)flags;
	return printbuf_memappend(pb, lit, (int)strlen(lit));
}

struct json_object *json_bytes(const char *s, size_t len)
{
	struct json_object *o = json_object_new_string_len(s, (int)len);
	char *lit = xmalloc(JSON_QUOTE_SIZE(len));

	json_quote(s, len, lit);
	json_object_set_serializer(o, json_bytes_serialize, lit, json_object_free_userdata);
	return o;
}

struct json_object *json_str(const char *s)
{
	return s ? json_bytes(s, strlen(s)) : NULL;
}
