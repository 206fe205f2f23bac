/* Printers shared by the ioctl families of src/ioctl_*.c. */
#ifndef CTRACE_IOCTL_COMMON_H
#define CTRACE_IOCTL_COMMON_H

#include <stdbool.h>
#include <stddef.h>

#include "sink.h"
#include "tcb.h"

/* n structures of elsize bytes at addr: "[]" when n is 0, the address
 * when the first cannot be read, else print_array() with flags (PA_*). */
void print_struct_array(struct tcb *tcp, unsigned long addr, unsigned long n, void *elem,
			size_t elsize, print_elem_fn fn, void *data, unsigned flags);

/* n elements of elsize bytes already read into a: "[e, e, ...]", each
 * printed by fn (with addr 0), cut with "..." after -s elements. */
void print_local_array(struct tcb *tcp, void *a, size_t n, size_t elsize, print_elem_fn fn,
		       void *data);

/* A char array field of size bytes (a copy in s): quoted up to its first
 * NUL, "..." after it when it has none (not cut by -s). */
void print_cstring_field(struct tcb *tcp, const char *s, size_t size);

/* A request whose argument print() shows: at entry when the call reads
 * it, at exit (after a successful call) when the call writes it. */
struct ioctl_req {
	unsigned cmd;
	enum { IOCTL_AT_ENTRY, IOCTL_AT_EXIT } when;
	void (*print)(struct tcb *tcp, unsigned long arg);
};

/* A family's decode() for the requests of table t (n rows): ", " at
 * entry and the argument when its row says; IOCTL_UNHANDLED for a
 * request the table does not have. */
int ioctl_decode_reqs(struct tcb *tcp, const struct ioctl_req *t, size_t n, unsigned cmd,
		      unsigned long arg);

/* "In => out" structures: at entry, remember that the structure was
 * printed (a request whose entry shows nothing when it holds only zeros
 * prints it once, at exit); at exit, whether it was. */
void ioctl_set_entry_printed(struct tcb *tcp);
bool ioctl_entry_printed(const struct tcb *tcp);

#endif
