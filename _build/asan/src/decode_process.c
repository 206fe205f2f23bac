/* Process family decoders: execve, execveat. */
#include "config.h"

#include <stdint.h>

#include "decode.h"
#include "gen/decoders.h"
#include "mem.h"
#include "print.h"

/* Count the entries of a NULL-terminated pointer array; -1 if unreadable. */
static long count_ptr_array(struct tcb *tcp, unsigned long addr)
{
	long n = 0;

	for (;; n++) {
		uint64_t p;

		if (mem_read(tcp->pid, addr + (unsigned long)n * sizeof(p), &p, sizeof(p)) < 0)
			return -1;
		if (!p)
			return n;
		if (n > 1 << 20)
			return n;
	}
}

/* ["a", "b", ...]: at most -s elements, each a string truncated to -s. */
static void print_str_array(struct tcb *tcp, unsigned long addr)
{
	unsigned i;

	if (!addr) {
		print_addr(tcp, addr);
		return;
	}
	{
		uint64_t first;
		if (mem_read(tcp->pid, addr, &first, sizeof(first)) < 0) {
			print_addr(tcp, addr);
			return;
		}
	}
	tprints(tcp, "[");
	for (i = 0;; i++) {
		uint64_t p;

		if (mem_read(tcp->pid, addr + i * sizeof(p), &p, sizeof(p)) < 0) {
			tprints(tcp, i ? ", ..." : "...");
			break;
		}
		if (!p)
			break;
		if (i >= pcfg.max_strlen) {
			tprints(tcp, ", ...");
			break;
		}
		if (i)
			tprints(tcp, ", ");
		print_str(tcp, p);
	}
	tprints(tcp, "]");
}

static void print_envp(struct tcb *tcp, unsigned long addr)
{
	long n;

	if (!addr || pcfg.verbose) {
		print_str_array(tcp, addr);
		return;
	}
	print_addr(tcp, addr);
	n = count_ptr_array(tcp, addr);
	if (n >= 0)
		tprintf(tcp, " /* %ld var%s */", n, n == 1 ? "" : "s");
}

int dec_execve(struct tcb *tcp)
{
	print_path(tcp, tcp->args[0]);
	tprints(tcp, ", ");
	print_str_array(tcp, tcp->args[1]);
	tprints(tcp, ", ");
	print_envp(tcp, tcp->args[2]);
	return DEC_DONE;
}

int dec_execveat(struct tcb *tcp)
{
	print_dirfd(tcp, (int)tcp->args[0]);
	tprints(tcp, ", ");
	print_path(tcp, tcp->args[1]);
	tprints(tcp, ", ");
	print_str_array(tcp, tcp->args[2]);
	tprints(tcp, ", ");
	print_envp(tcp, tcp->args[3]);
	tprints(tcp, ", ");
	print_flags(tcp, xlat_by_name("at_flags"), tcp->args[4], NULL);
	return DEC_DONE;
}
