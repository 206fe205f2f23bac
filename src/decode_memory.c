/* Memory family decoders. */
#include "config.h"
#include "decode_memory.h"

#include <stdint.h>
#include <stdio.h>

#include "decode.h"
#include "gen/decoders.h"
#include "print.h"
#include "strbuf.h"

size_t format_mmap_prot(char *buf, size_t size, uint64_t prot)
{
	return format_mmap_prot_arch(buf, size, prot, NULL);
}

/* Bit by bit in value order, so an architecture's own bits (aarch64's
 * PROT_BTI 0x10) fall between the common ones as in strace. */
size_t format_mmap_prot_arch(char *buf, size_t size, uint64_t prot, const struct xlat *extra)
{
	char names[256], raw[32];
	struct strbuf sb;
	uint64_t left = 0;

	sb_init(&sb, names, sizeof(names));
	if (!extra || prot == 0) {
		sb_flags(&sb, &xlat_mmap_prot, prot, "PROT_NONE");
	} else {
		for (unsigned b = 0; b < 64; b++) {
			uint64_t bit = (uint64_t)1 << b;
			const char *name;

			if (!(prot & bit))
				continue;
			name = xlat_lookup(&xlat_mmap_prot, bit);
			if (!name)
				name = xlat_lookup(extra, bit);
			if (!name) {
				left |= bit;
				continue;
			}
			sb_printf(&sb, "%s%s", sb_len(&sb) ? "|" : "", name);
		}
		if (left)
			sb_printf(&sb, "%s%#llx", sb_len(&sb) ? "|" : "", (unsigned long long)left);
	}
	snprintf(raw, sizeof(raw), prot ? "%#llx" : "0", (unsigned long long)prot);
	return format_xlat_styled(buf, size, raw, names);
}

static void print_prot(struct tcb *tcp, unsigned long prot)
{
	char buf[320];

	format_mmap_prot_arch(buf, sizeof(buf), (uint32_t)prot,
			      tcp->arch ? tcp->arch->mmap_prot_extra : NULL);
	tprints(tcp, buf);
}

/* mmap(addr, length, prot, flags, fd, offset): offset in hex as strace. */
int dec_mmap(struct tcb *tcp)
{
	print_addr(tcp, tcp->args[0]);
	tprint_arg_next(tcp);
	tprintf(tcp, "%lu", tcp->args[1]);
	tprint_arg_next(tcp);
	print_prot(tcp, tcp->args[2]);
	tprint_arg_next(tcp);
	print_flags(tcp, &xlat_mmap_flags, (uint32_t)tcp->args[3], NULL);
	tprint_arg_next(tcp);
	print_fd(tcp, (int)tcp->args[4]);
	tprint_arg_next(tcp);
	tprintf(tcp, "%#lx", tcp->args[5]);
	return DEC_DONE;
}

int dec_mprotect(struct tcb *tcp)
{
	print_addr(tcp, tcp->args[0]);
	tprint_arg_next(tcp);
	tprintf(tcp, "%lu", tcp->args[1]);
	tprint_arg_next(tcp);
	print_prot(tcp, tcp->args[2]);
	return DEC_DONE;
}

int dec_pkey_mprotect(struct tcb *tcp)
{
	dec_mprotect(tcp);
	tprint_arg_next(tcp);
	tprintf(tcp, "%d", (int)tcp->args[3]);
	return DEC_DONE;
}

/* mremap(old, old_size, new_size, flags[, new_address]): the new address
 * only matters (and is printed) with MREMAP_FIXED or MREMAP_DONTUNMAP. */
int dec_mremap(struct tcb *tcp)
{
	print_addr(tcp, tcp->args[0]);
	tprint_arg_next(tcp);
	tprintf(tcp, "%lu", tcp->args[1]);
	tprint_arg_next(tcp);
	tprintf(tcp, "%lu", tcp->args[2]);
	tprint_arg_next(tcp);
	print_flags(tcp, &xlat_mremap_flags, (uint32_t)tcp->args[3], NULL);
	if (tcp->args[3] & 6) { /* MREMAP_FIXED | MREMAP_DONTUNMAP */
		tprint_arg_next(tcp);
		print_addr(tcp, tcp->args[4]);
	}
	return DEC_DONE;
}

/* ---- memfd_create, memfd_secret ---- */

#define MFD_NAME_MAX 249 /* NAME_MAX - strlen("memfd:") */
#define MFD_HUGE_SHIFT 26
#define MFD_HUGE_MASK 0x3fU

/* "MFD_CLOEXEC|0x3fffff8|63<<MFD_HUGE_SHIFT": the bits, then the huge
 * page size as a shift count. */
static size_t format_memfd_flags(char *buf, size_t size, uint32_t v)
{
	uint32_t low = v & ~(MFD_HUGE_MASK << MFD_HUGE_SHIFT);
	uint32_t huge = v >> MFD_HUGE_SHIFT;
	struct strbuf sb;

	sb_init(&sb, buf, size);
	if (low || !huge)
		sb_flags(&sb, &xlat_memfd_flags, low, NULL);
	if (huge)
		sb_printf(&sb, "%s%u<<MFD_HUGE_SHIFT", low ? "|" : "", huge);
	return sb_len(&sb);
}

int dec_memfd_create(struct tcb *tcp)
{
	uint32_t flags = (uint32_t)tcp->args[1];
	char names[160], raw[16], buf[200];

	print_str_n(tcp, tcp->args[0], MFD_NAME_MAX + 1); /* with its NUL */
	tprint_arg_next(tcp);
	format_memfd_flags(names, sizeof(names), flags);
	if (pcfg.xlat_style == XLAT_ABBREV && flags && !flags_known(&xlat_memfd_flags, flags) &&
	    !(flags >> MFD_HUGE_SHIFT)) {
		tprintf(tcp, "%#x /* MFD_??? */", flags);
		return DEC_DONE;
	}
	snprintf(raw, sizeof(raw), flags ? "%#x" : "0", flags);
	format_xlat_styled(buf, sizeof(buf), raw, names);
	tprints(tcp, buf);
	return DEC_DONE;
}

int dec_memfd_secret(struct tcb *tcp)
{
	print_flags(tcp, &xlat_memfd_secret_flags, (uint32_t)tcp->args[0], NULL);
	return DEC_DONE;
}
