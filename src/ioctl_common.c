/* Printers shared by the ioctl families of src/ioctl_*.c. */
#include "config.h"
#include "ioctl_common.h"

#include <stdlib.h>
#include <string.h>

#include "decode_ioctl.h"
#include "mem.h"
#include "quote.h"
#include "syscallent.h"
#include "util.h"

void print_struct_array(struct tcb *tcp, unsigned long addr, unsigned long n, void *elem,
			size_t elsize, print_elem_fn fn, void *data, unsigned flags)
{
	if (!n) {
		tprints(tcp, "[]");
		return;
	}
	if (!addr || mem_read_struct(tcp, addr, elem, elsize) < 0) {
		print_addr(tcp, addr);
		return;
	}
	print_array(tcp, addr, n, elem, elsize, fn, data, flags);
}

int ioctl_decode_reqs(struct tcb *tcp, const struct ioctl_req *t, size_t n, unsigned cmd,
		      unsigned long arg)
{
	for (size_t i = 0; i < n; i++) {
		if (t[i].cmd != cmd)
			continue;
		if (!tcp->exiting) {
			tprint_arg_next(tcp);
			if (t[i].when == IOCTL_AT_EXIT)
				return DEC_MORE;
		}
		t[i].print(tcp, arg);
		return DEC_DONE;
	}
	return IOCTL_UNHANDLED;
}

void print_local_array(struct tcb *tcp, void *a, size_t n, size_t elsize, print_elem_fn fn,
		       void *data)
{
	tprints(tcp, "[");
	for (size_t i = 0; i < n; i++) {
		if (i)
			tprints(tcp, ", ");
		if (i >= pcfg.max_strlen) {
			tprints(tcp, "...");
			break;
		}
		fn(tcp, (char *)a + i * elsize, 0, data);
	}
	tprints(tcp, "]");
}

/* the call's private data, with no data: a mark (nothing to free) */
static char entry_printed_mark;

void ioctl_set_entry_printed(struct tcb *tcp)
{
	tcb_set_call_priv(tcp, &entry_printed_mark, NULL);
}

bool ioctl_entry_printed(const struct tcb *tcp)
{
	return tcp->call_priv == &entry_printed_mark;
}

void print_cstring_field(struct tcb *tcp, const char *s, size_t size)
{
	size_t n = strnlen(s, size);
	bool cut = n == size;
	char *out;

	if (!size)
		return;
	if (cut)
		n = size - 1;
	out = xmalloc(QUOTE_SIZE(n));
	quote_string(s, n, 0, out);
	tprints(tcp, out);
	free(out);
	if (cut)
		tprints(tcp, "...");
}
