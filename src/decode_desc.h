/* Desc family decoders (readv/writev, pipe, fcntl, poll, select,
 * epoll, sendfile/splice) and their pure helpers. */
#ifndef CTRACE_DECODE_DESC_H
#define CTRACE_DECODE_DESC_H

#include <stddef.h>
#include <stdint.h>

#include "tcb.h"

/* A signal set of nbytes bytes (named apart from decode_signal's
 * format_sigset of branch dec-proc, which has no -X styles): "[INT TERM]", "~[KILL STOP]" when more
 * than half of the signals are in it; -X raw: numbers, -X verbose:
 * "[2 /+ INT +/]" (comment markers). */
size_t format_sigmask(char *buf, size_t size, const unsigned char *set, size_t nbytes);

/* A fd_set of nfds bits: "[0 8]" (fds only, no -y paths). */
size_t format_fdset(char *buf, size_t size, const unsigned char *set, int nfds);

/* iovec array at addr with cnt entries; data_len bytes of data in total
 * are printed (for readv at exit: the return value; -1: every iov_len). */
void print_iovec(struct tcb *tcp, unsigned long addr, unsigned long cnt, long data_len);
/* The same with fn printing each element's data (len bytes at addr). */
typedef void (*iov_data_fn)(struct tcb *tcp, unsigned long addr, unsigned long len, void *ctx);
void print_iovec_ex(struct tcb *tcp, unsigned long addr, unsigned long cnt, long data_len,
		    iov_data_fn fn, void *ctx);

#endif
