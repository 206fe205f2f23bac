/* Reading tracee memory: one place for process_vm_readv and its
 * PTRACE_PEEKDATA fallback. */
#ifndef CTRACE_MEM_H
#define CTRACE_MEM_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* Use process_vm_readv (default) or only PTRACE_PEEKDATA. */
void mem_set_vm_readv(bool enabled);
bool mem_vm_readv_enabled(void);

/* Read exactly len bytes at addr.  Returns 0, or a negative errno
 * (-EFAULT for an unmapped address, -ESRCH when the tracee vanished). */
int mem_read(pid_t pid, unsigned long addr, void *buf, size_t len);

/* mem_read() for the data of a buffer (what a read or write moved):
 * when it is the first read since mem_cache_drop() and the page cache
 * cannot serve it, only these len bytes are read, not whole pages. */
int mem_read_buffer(pid_t pid, unsigned long addr, void *buf, size_t len);

/* Read up to len bytes, stopping at the first unreadable page.
 * Returns the number of bytes read (may be 0) or a negative errno. */
ssize_t mem_read_partial(pid_t pid, unsigned long addr, void *buf, size_t len);

/* Read a NUL-terminated string of at most size-1 bytes into buf (always
 * NUL-terminated on success).  Returns the length (excluding NUL), or
 * -ENAMETOOLONG-free semantics: when no NUL is found within size-1 bytes
 * returns size-1 and sets *truncated.  Negative errno when addr is
 * unreadable. */
ssize_t mem_read_str(pid_t pid, unsigned long addr, char *buf, size_t size,
		     bool *truncated);

/* Forget the page kept from the last read: call whenever a tracee may
 * run again (its memory may change).  Inline: called twice per stop,
 * and most stops read nothing (no page can be kept then). */
extern unsigned mem_reads_this_stop;
void mem_cache_drop_slow(void);
static inline void mem_cache_drop(void)
{
	if (mem_reads_this_stop)
		mem_cache_drop_slow();
}

/* Write one word at addr (PTRACE_POKEDATA).  0 or a negative errno. */
int mem_write_word(pid_t pid, unsigned long addr, unsigned long word);

#endif
