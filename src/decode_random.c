/* getrandom(2) decoder. */
#include "config.h"

#include <stdint.h>

#include "decode.h"
#include "gen/decoders.h"
#include "mem.h"
#include "sink.h"
#include "quote.h"
#include "util.h"

/* getrandom(buf, len, flags): the random bytes at exit, all in \x form. */
int dec_getrandom(struct tcb *tcp)
{
	unsigned long addr = tcp->args[0];

	if (!tcp->exiting)
		return DEC_MORE;
	if (tcp->err || tcp->rval < 0 || !addr) {
		print_addr(tcp, addr);
	} else {
		unsigned long n = (unsigned long)tcp->rval;
		size_t want = n > pcfg.max_strlen ? pcfg.max_strlen : n;
		_cleanup_free_ char *data = xmalloc(want + 1);
		_cleanup_free_ char *q = xmalloc(4 * want + 3);

		if (mem_read(tcp->pid, addr, data, want) < 0) {
			print_addr(tcp, addr);
		} else {
			quote_string(data, want, QUOTE_HEX_ALL, q);
			tprints(tcp, q);
			if (want < n)
				tprints(tcp, "...");
		}
	}
	tprint_arg_next(tcp);
	tprintf(tcp, "%lu", tcp->args[1]);
	tprint_arg_next(tcp);
	print_flags(tcp, &xlat_getrandom_flags, (uint32_t)tcp->args[2], NULL);
	return DEC_DONE;
}
