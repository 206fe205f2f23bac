/* Time family decoders (nanosleep, clock_*, gettimeofday, itimers,
 * POSIX timers) and the timespec/timeval printers other families share. */
#ifndef CTRACE_DECODE_TIME_H
#define CTRACE_DECODE_TIME_H

#include <stddef.h>
#include <stdint.h>

#include "tcb.h"

/* "{tv_sec=0, tv_nsec=1000000}" (pure; returns the length). */
size_t format_timespec(char *buf, size_t size, int64_t sec, int64_t nsec);
/* "{tv_sec=1, tv_usec=5}". */
size_t format_timeval(char *buf, size_t size, int64_t sec, int64_t usec);

/* A time_t as strace's comments: "2026-11-23T17:21:10+0000" (local
 * time).  Returns the length, 0 when it cannot be converted. */
size_t format_time_iso(char *buf, size_t size, int64_t t);

/* The struct at addr, "NULL", or the address when unreadable. */
void print_timespec(struct tcb *tcp, unsigned long addr);
void print_timeval(struct tcb *tcp, unsigned long addr);

/* True when the syscall was interrupted (EINTR or a restart code), the
 * case in which the kernel writes the remaining time. */
bool syscall_interrupted(const struct tcb *tcp);

/* struct sigevent at addr (timer_create, mq_notify): "{sigev_value=...,
 * sigev_signo=SIGALRM, sigev_notify=SIGEV_SIGNAL}", or the address. */
void print_sigevent(struct tcb *tcp, unsigned long addr);

#endif
