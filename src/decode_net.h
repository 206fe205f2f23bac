/* Network family decoders: sockaddr, msghdr and socket option printing.
 * The format_* functions are pure (no tracee access) and unit-tested. */
#ifndef CTRACE_DECODE_NET_H
#define CTRACE_DECODE_NET_H

#include <stddef.h>
#include <stdint.h>

#include "tcb.h"

/* Format a socket address of len bytes (as passed to / returned by the
 * kernel) the way strace does:
 *   {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr("1.2.3.4")}
 * qflags are quote_string() flags for the string parts; xstyle is -X
 * (XLAT_RAW: numbers and "\x.." bytes, XLAT_VERBOSE: both).  Always
 * NUL-terminates buf (size > 0); returns the length written. */
size_t format_sockaddr(char *buf, size_t size, const void *sa, size_t len, unsigned qflags,
		       int xstyle);

/* "SOCK_STREAM|SOCK_CLOEXEC" for a socket(2) type argument. */
size_t format_socktype(char *buf, size_t size, unsigned long type);

/* Print the sockaddr at addr of len bytes; the address itself when it
 * cannot be read, NULL for NULL. */
void print_sockaddr(struct tcb *tcp, unsigned long addr, unsigned long len);

#endif
