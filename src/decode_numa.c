/* NUMA memory policy calls: mbind, set_mempolicy, get_mempolicy,
 * move_pages. */
#include "config.h"
#include "decode_numa.h"

#include <stdint.h>
#include <stdio.h>

#include "decode.h"
#include "gen/decoders.h"
#include "mem.h"
#include "pids.h"
#include "sink.h"
#include "util.h"

#define MPOL_MODE_FLAGS_ 0xe000UL /* MPOL_F_STATIC_NODES|MPOL_F_RELATIVE_NODES|MPOL_F_NUMA_BALANCING */

/* A policy mode: the mode's name and its flags ("MPOL_BIND|
 * MPOL_F_STATIC_NODES"); flags and a hex rest when the mode has no name
 * ("MPOL_F_STATIC_NODES|0xffff1fff"), "0x6 /+ MPOL_??? +/" without flags. */
void print_mpol_mode(struct tcb *tcp, uint64_t v)
{
	uint64_t flags = v & MPOL_MODE_FLAGS_, mode = v & ~MPOL_MODE_FLAGS_;
	const char *name = xlat_lookup(&xlat_mpol_modes, mode);
	char names[256], raw[32], buf[320];
	size_t n;

	if (!name && !flags) {
		print_xval(tcp, &xlat_mpol_modes, v, "MPOL_???");
		return;
	}
	if (name) {
		n = (size_t)snprintf(names, sizeof(names), "%s", name);
		if (flags) {
			names[n++] = '|';
			format_flags(names + n, sizeof(names) - n, &xlat_mpol_mode_flags, flags, NULL);
		}
	} else {
		n = format_flags(names, sizeof(names), &xlat_mpol_mode_flags, flags, NULL);
		snprintf(names + n, sizeof(names) - n, "|%#llx", (unsigned long long)mode);
	}
	snprintf(raw, sizeof(raw), v ? "%#llx" : "0", (unsigned long long)v);
	format_xlat_styled(buf, sizeof(buf), raw, names);
	tprints(tcp, buf);
}

static void print_node_word(struct tcb *tcp, void *elem, unsigned long addr, void *data)
{
	(void)addr;
	(void)data;
	tprintf(tcp, "%#016lx", *(unsigned long *)elem);
}

/* A node mask of maxnode bits ("[0000000000000000, ...]"); the kernel
 * reads maxnode - 1 bits of it. */
static void print_nodemask(struct tcb *tcp, unsigned long addr, unsigned long maxnode)
{
	const unsigned long bits = 8 * sizeof(long);
	unsigned long n = maxnode ? (maxnode - 1 + bits - 1) / bits : 0, w;

	if (!addr || (!n && maxnode)) {
		print_addr(tcp, addr);
		return;
	}
	if (n && !fetch_or_print_addr(tcp, addr, &w, sizeof(w)))
		return;
	print_array(tcp, addr, n, &w, sizeof(w), print_node_word, NULL, PA_FAULT_ADDR);
}

/* mbind(addr, len, mode, nodemask, maxnode, flags) */
int dec_mbind(struct tcb *tcp)
{
	print_addr(tcp, tcp->args[0]);
	tprint_arg_next(tcp);
	print_udec(tcp, tcp->args[1]);
	tprint_arg_next(tcp);
	print_mpol_mode(tcp, tcp->args[2]);
	tprint_arg_next(tcp);
	print_nodemask(tcp, tcp->args[3], tcp->args[4]);
	tprint_arg_next(tcp);
	print_udec(tcp, tcp->args[4]);
	tprint_arg_next(tcp);
	print_flags(tcp, &xlat_mbind_flags, (uint32_t)tcp->args[5], NULL);
	return DEC_DONE;
}

/* set_mempolicy(mode, nodemask, maxnode): mode is an int */
int dec_set_mempolicy(struct tcb *tcp)
{
	print_mpol_mode(tcp, (uint32_t)tcp->args[0]);
	tprint_arg_next(tcp);
	print_nodemask(tcp, tcp->args[1], tcp->args[2]);
	tprint_arg_next(tcp);
	print_udec(tcp, tcp->args[2]);
	return DEC_DONE;
}

/* get_mempolicy(mode, nodemask, maxnode, addr, flags): the policy (or,
 * with MPOL_F_NODE, a node number) and the mask at exit */
int dec_get_mempolicy(struct tcb *tcp)
{
	int32_t mode;

	if (!tcp->exiting)
		return DEC_MORE;
	if (tcp->err || !fetch_or_print_addr(tcp, tcp->args[0], &mode, sizeof(mode))) {
		if (tcp->err)
			print_addr(tcp, tcp->args[0]);
	} else {
		tprints(tcp, "[");
		if (tcp->args[4] & 1) /* MPOL_F_NODE */
			tprintf(tcp, "%d", mode);
		else
			print_mpol_mode(tcp, (uint32_t)mode);
		tprints(tcp, "]");
	}
	tprint_arg_next(tcp);
	if (tcp->err)
		print_addr(tcp, tcp->args[1]);
	else
		print_nodemask(tcp, tcp->args[1], tcp->args[2]);
	tprint_arg_next(tcp);
	print_udec(tcp, tcp->args[2]);
	tprint_arg_next(tcp);
	print_addr(tcp, tcp->args[3]);
	tprint_arg_next(tcp);
	print_flags(tcp, &xlat_get_mempolicy_flags, (uint32_t)tcp->args[4], NULL);
	return DEC_DONE;
}

static void print_page_elem(struct tcb *tcp, void *elem, unsigned long addr, void *data)
{
	(void)addr;
	(void)data;
	print_addr(tcp, *(unsigned long *)elem);
}

static void print_node_elem(struct tcb *tcp, void *elem, unsigned long addr, void *data)
{
	(void)addr;
	(void)data;
	tprintf(tcp, "%d", *(int32_t *)elem);
}

static void print_status_elem(struct tcb *tcp, void *elem, unsigned long addr, void *data)
{
	int32_t v = *(int32_t *)elem;
	const char *name = v < 0 && v > INT32_MIN ? errno_name(-v) : NULL;

	(void)addr;
	(void)data;
	char raw[16], names[64], buf[96];

	snprintf(raw, sizeof(raw), "%d", v);
	if (name) {
		snprintf(names, sizeof(names), "-%s", name);
		format_xlat_styled(buf, sizeof(buf), raw, names);
		tprints(tcp, buf);
	} else {
		tprints(tcp, raw);
	}
}

/* n elements of size at addr: NULL, the address when the first one is
 * unreadable, else the array */
static void print_arr(struct tcb *tcp, unsigned long addr, unsigned long n, size_t size, print_elem_fn fn)
{
	unsigned long buf;

	if (!addr || (n && !fetch_or_print_addr(tcp, addr, &buf, size))) {
		if (!addr)
			print_addr(tcp, addr);
		return;
	}
	print_array(tcp, addr, n, &buf, size, fn, NULL, PA_FAULT_ADDR);
}

/* move_pages(pid, count, pages, nodes, status, flags) */
int dec_move_pages(struct tcb *tcp)
{
	unsigned long n = tcp->args[1];

	if (!tcp->exiting) {
		print_pid(tcp, (int)tcp->args[0], PT_TGID);
		tprint_arg_next(tcp);
		print_udec(tcp, n);
		tprint_arg_next(tcp);
		print_arr(tcp, tcp->args[2], n, sizeof(long), print_page_elem);
		tprint_arg_next(tcp);
		print_arr(tcp, tcp->args[3], n, sizeof(int32_t), print_node_elem);
		tprint_arg_next(tcp);
		return DEC_MORE;
	}
	if (tcp->err && n)
		print_addr(tcp, tcp->args[4]);
	else
		print_arr(tcp, tcp->args[4], n, sizeof(int32_t), print_status_elem);
	tprint_arg_next(tcp);
	print_flags(tcp, &xlat_mbind_flags, (uint32_t)tcp->args[5], NULL);
	return DEC_DONE;
}
