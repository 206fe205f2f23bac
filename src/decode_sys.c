/* Kernel modules (finit_module, delete_module), kexec_file_load and
 * userfaultfd as strace 6.1 prints them: their flags are the kernel's
 * unsigned int (kexec_file_load's an unsigned long). */
#include "config.h"
#include "decode_sys.h"

#include <inttypes.h>
#include <stdint.h>

#include "decode.h"
#include "gen/decoders.h"
#include "sink.h"

/* finit_module(fd, param_values, flags) */
int dec_finit_module(struct tcb *tcp)
{
	print_fd(tcp, (int)tcp->args[0]);
	tprint_arg_next(tcp);
	print_str(tcp, tcp->args[1]);
	tprint_arg_next(tcp);
	print_flags_arg(tcp, &xlat_module_init_flags, (unsigned)tcp->args[2]);
	return DEC_DONE;
}

/* delete_module(name, flags) */
int dec_delete_module(struct tcb *tcp)
{
	print_str(tcp, tcp->args[0]);
	tprint_arg_next(tcp);
	print_flags_arg(tcp, &xlat_delete_module_flags, (unsigned)tcp->args[1]);
	return DEC_DONE;
}

/* kexec_file_load(kernel_fd, initrd_fd, cmdline_len, cmdline, flags) */
int dec_kexec_file_load(struct tcb *tcp)
{
	print_fd(tcp, (int)tcp->args[0]);
	tprint_arg_next(tcp);
	print_fd(tcp, (int)tcp->args[1]);
	tprint_arg_next(tcp);
	print_udec(tcp, tcp->args[2]);
	tprint_arg_next(tcp);
	print_buf(tcp, tcp->args[3], tcp->args[2]);
	tprint_arg_next(tcp);
	print_flags_arg(tcp, &xlat_kexec_file_load_flags, tcp->args[4]);
	return DEC_DONE;
}

/* userfaultfd(flags) */
int dec_userfaultfd(struct tcb *tcp)
{
	print_flags_arg(tcp, &xlat_uffd_flags, (unsigned)tcp->args[0]);
	return DEC_DONE;
}

/* The most segments kexec_load takes (KEXEC_SEGMENT_MAX). */
#define KEXEC_SEGMENTS_MAX 16

struct kexec_segment64 { uint64_t buf, bufsz, mem, memsz; };

static void print_kexec_segment(struct tcb *tcp, void *elem, unsigned long addr, void *data)
{
	const struct kexec_segment64 *s = elem;

	(void)addr;
	(void)data;
	tprints(tcp, "{buf=");
	print_addr(tcp, s->buf);
	tprintf(tcp, ", bufsz=%" PRIu64 ", mem=", s->bufsz);
	print_addr(tcp, s->mem);
	tprintf(tcp, ", memsz=%" PRIu64 "}", s->memsz);
}

/* kexec_load(entry, nr_segments, segments, flags): flags hold the
 * architecture in their high 16 bits (KEXEC_ARCH_MASK) */
int dec_kexec_load(struct tcb *tcp)
{
	unsigned long nr = tcp->args[1], addr = tcp->args[2], flags = tcp->args[3];
	unsigned long arch = flags & 0xffff0000ul, rest = flags & ~0xffff0000ul;
	struct kexec_segment64 seg;
	const char *name;

	print_addr(tcp, tcp->args[0]);
	tprint_arg_next(tcp);
	print_udec(tcp, nr);
	tprint_arg_next(tcp);
	if (nr > KEXEC_SEGMENTS_MAX || !nr)
		print_addr(tcp, addr);
	else if (fetch_or_print_addr(tcp, addr, &seg, sizeof(seg)))
		print_array(tcp, addr, nr, &seg, sizeof(seg), print_kexec_segment, NULL, PA_FAULT_ADDR);
	tprint_arg_next(tcp);
	if ((name = xlat_lookup(&xlat_kexec_arch_values, arch)))
		tprints(tcp, name);
	else
		tprintf(tcp, "%#lx /* KEXEC_ARCH_??? */", arch);
	if (rest) {
		tprints(tcp, "|");
		print_flags_arg(tcp, &xlat_kexec_load_flags, rest);
	}
	return DEC_DONE;
}
