/* Escaping of bytes that come from a tracee, its /proc, a container or a
 * debug file: one rule for all of them.
 *
 * Text output: quote_string() escapes as strace does (\n, \t, \", \\,
 * octal \33 / \377 for other unprintable bytes; \xHH with -x/-xx).
 * quote_bracketed() is the same without the quotes and with "<" and ">"
 * as \74 \76, for what goes between the brackets of -y / -yy.
 *
 * JSON output: json_quote() makes a JSON string literal that is valid
 * UTF-8 whatever the bytes: valid UTF-8 passes through, control bytes
 * are \u00XX, and every byte that is not part of a valid UTF-8 sequence
 * (0x80..0xff) becomes the lone surrogate \udcXX (U+DC00 + byte, the
 * "surrogateescape" of PEP 383), which no valid UTF-8 text can produce.
 * Decoding is therefore reversible (docs/trace-json.md).
 *
 * This module is pure: no tracer state, no printing. */
#ifndef CTRACE_QUOTE_H
#define CTRACE_QUOTE_H

#include <stddef.h>

struct json_object;

enum {
	QUOTE_HEX_NONPRINT = 1, /* -x  : all \xHH when a byte is neither
				 * printable nor whitespace */
	QUOTE_HEX_ALL = 2,      /* -xx : \xHH for every byte */
	QUOTE_HEX_ESCAPES = 4,  /* --strings-in-hex=non-ascii-chars: \xHH
				 * where octal would be */
};

/* Quote len bytes of s into out (with the surrounding double quotes).
 * out must hold QUOTE_SIZE(len) bytes.  Returns the length written. */
#define QUOTE_SIZE(len) (4 * (size_t)(len) + 3)
size_t quote_string(const char *s, size_t len, unsigned flags, char *out);

/* The same escaping without the quotes, "<" and ">" as \74 and \76, for
 * the inside of "<...>".  out holds QUOTE_SIZE(len) bytes; returns the
 * length written (NUL-terminated). */
size_t quote_bracketed(const char *s, size_t len, unsigned flags, char *out);

/* The escaping of quote_string() (no -x) without the quotes, of a
 * NUL-terminated string into a buffer of size bytes; the input (never an
 * escape) is cut when it does not fit.  Returns out. */
char *quote_bare_buf(const char *s, char *out, size_t size);

/* JSON string literal (with the quotes) of len bytes into out, which
 * holds JSON_QUOTE_SIZE(len) bytes.  Returns the length written. */
#define JSON_QUOTE_SIZE(len) (6 * (size_t)(len) + 3)
size_t json_quote(const char *s, size_t len, char *out);

/* A json-c string object of len arbitrary bytes, serialised with
 * json_quote(): what every JSON string from a tracee is made with. */
struct json_object *json_bytes(const char *s, size_t len);
struct json_object *json_str(const char *s); /* NUL-terminated; NULL -> null */

#endif
