/* Integer formatting for the hot path: the text printf's "%lld", "%llu"
 * and "%#llx" produce, without printf (pure; unit-tested). */
#ifndef CTRACE_FMT_H
#define CTRACE_FMT_H

#include <stddef.h>

/* Room for any 64-bit value in any of the formats, with the NUL. */
#define FMT_INT_SIZE 24

/* Each writes the text and a NUL into buf (FMT_INT_SIZE bytes) and
 * returns its length. */
size_t fmt_udec(char *buf, unsigned long long v);  /* "%llu" */
size_t fmt_dec(char *buf, long long v);            /* "%lld" */
size_t fmt_hex(char *buf, unsigned long long v);   /* "%#llx": "0" or "0x1f" */
size_t fmt_oct(char *buf, unsigned long long v);   /* "%#llo": "0" or "0644" */
/* "%#0*llo": fmt_oct left-padded with zeros to width ("%#03o": "000",
 * "007", "0644"); width at most FMT_INT_SIZE - 1. */
size_t fmt_oct_width(char *buf, unsigned long long v, unsigned width);

#endif
