/* Printers shared by the ioctl families of src/ioctl_*.c. */
#include "config.h"
#include "ioctl_common.h"

#include "mem.h"

void print_struct_array(struct tcb *tcp, unsigned long addr, unsigned long n, void *elem,
			size_t elsize, print_elem_fn fn, void *data)
{
	if (!n) {
		tprints(tcp, "[]");
		return;
	}
	if (!addr || mem_read(tcp->pid, addr, elem, elsize) < 0) {
		print_addr(tcp, addr);
		return;
	}
	print_array(tcp, addr, n, elem, elsize, fn, data, 0);
}
