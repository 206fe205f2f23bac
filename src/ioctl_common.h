/* Printers shared by the ioctl families of src/ioctl_*.c. */
#ifndef CTRACE_IOCTL_COMMON_H
#define CTRACE_IOCTL_COMMON_H

#include <stddef.h>

#include "print.h"
#include "tcb.h"

/* n structures of elsize bytes at addr: "[]" when n is 0, the address
 * when the first cannot be read, else print_array(). */
void print_struct_array(struct tcb *tcp, unsigned long addr, unsigned long n, void *elem,
			size_t elsize, print_elem_fn fn, void *data);

#endif
