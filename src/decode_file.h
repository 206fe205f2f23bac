/* File family decoders (open, stat, statx, statfs, getdents, utimensat,
 * mknod...) and the printers they share with the desc family. */
#ifndef CTRACE_DECODE_FILE_H
#define CTRACE_DECODE_FILE_H

#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <time.h>

#include "tcb.h"

/* -X: the names (default), the raw number (-X raw), or both as
 * "RAW /+ names +/" (-X verbose; no comment when they are the same). */
size_t format_styled(char *buf, size_t size, const char *raw, const char *names);
void print_styled_text(struct tcb *tcp, const char *raw, const char *names);

/* open(2) flags as strace prints them: the access mode first
 * ("O_RDONLY|O_CLOEXEC"), unknown bits as "|0x...".  Returns the length. */
size_t format_open_flags(char *buf, size_t size, uint64_t flags);
void print_open_flags(struct tcb *tcp, uint64_t flags);

/* st_mode: "S_IFREG|0644", "S_IFDIR|S_ISVTX|0777", "0644" without a type. */
size_t format_mode_type(char *buf, size_t size, unsigned mode);

/* "makedev(0x1, 0x3)" */
size_t format_dev(char *buf, size_t size, unsigned long long dev);

/* The date comment strace appends to times, "2026-11-23T17:16:46.881570038+0000"
 * inside C comment markers (digits: 9 for ns, 6 for us, 0 none; no fraction when frac is 0). */
size_t format_time_comment(char *buf, size_t size, long long sec, long frac, int digits);

/* Structures, abbreviated unless verbose (-v), as strace prints them. */
void print_struct_stat(struct tcb *tcp, const struct stat *st, int verbose);
void print_struct_statx(struct tcb *tcp, const struct statx *stx, int verbose);
void print_struct_statfs(struct tcb *tcp, const struct statfs *sf);

/* The same, read from tracee memory at addr (the address is printed when
 * the syscall failed or the memory is unreadable). */
void print_stat_at(struct tcb *tcp, unsigned long addr);
void print_statx_at(struct tcb *tcp, unsigned long addr);
void print_statfs_at(struct tcb *tcp, unsigned long addr);

/* getdents64 (d64 true) / getdents buffer of len bytes: entries under -v,
 * else the address and an "N entries" comment.  buf holds the bytes read. */
void print_dirents(struct tcb *tcp, unsigned long addr, const unsigned char *buf,
		   size_t len, int d64, int verbose);

/* {tv_sec=1, tv_nsec=2} */
void print_timespec_val(struct tcb *tcp, long long sec, long nsec);

#endif
