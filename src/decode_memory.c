/* Memory family decoders. */
#include "config.h"
#include "decode_memory.h"

#include <stdint.h>
#include <stdio.h>

#include "decode.h"
#include "gen/decoders.h"
#include "sink.h"
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

/* prot is an unsigned long for the kernel: all 64 bits, and
 * "0x... /+ PROT_??? +/" when none of them has a name. */
static void print_prot(struct tcb *tcp, unsigned long prot)
{
	char buf[320];
	const struct xlat *extra = tcp->arch ? tcp->arch->mmap_prot_extra : NULL;

	if (prot && !flags_known(&xlat_mmap_prot, prot) && !(extra && flags_known(extra, prot))) {
		print_xval(tcp, &xlat_mmap_prot, prot, "PROT_???");
		return;
	}
	format_mmap_prot_arch(buf, sizeof(buf), prot, extra);
	tprints(tcp, buf);
}

#define MAP_TYPE_BITS 0xfU
#define MAP_HUGE_SHIFT_ 26
#define MAP_HUGE_MASK_ 0x3fU
#define MAP_HUGETLB_ 0x40000U

/* mmap flags as strace: the mapping type (flags & 0xf, "0xf /+ MAP_??? +/"
 * when it has no name), the other bits, and the huge page size as
 * "21<<MAP_HUGE_SHIFT" with MAP_HUGETLB. */
static size_t format_mmap_flags(char *buf, size_t size, uint32_t flags)
{
	uint32_t type = flags & MAP_TYPE_BITS, rest = flags & ~MAP_TYPE_BITS;
	uint32_t huge = 0;
	const char *tname = xlat_lookup(&xlat_mmap_types, type);
	size_t n;

	if ((rest & MAP_HUGETLB_) && (rest >> MAP_HUGE_SHIFT_)) {
		huge = (rest >> MAP_HUGE_SHIFT_) & MAP_HUGE_MASK_;
		rest &= ~(MAP_HUGE_MASK_ << MAP_HUGE_SHIFT_);
	}
	if (tname)
		n = (size_t)snprintf(buf, size, "%s", tname);
	else
		n = (size_t)snprintf(buf, size, "%#x /* MAP_??? */", type);
	if (rest && n < size) {
		buf[n++] = '|';
		buf[n] = '\0';
		n += format_flags(buf + n, size - n, &xlat_mmap_flags, rest, NULL);
	}
	if (huge && n < size)
		n += (size_t)snprintf(buf + n, size - n, "|%u<<MAP_HUGE_SHIFT", huge);
	return n < size ? n : size - 1;
}

void print_mmap_flags(struct tcb *tcp, uint32_t flags)
{
	char names[320], raw[16], buf[400];

	format_mmap_flags(names, sizeof(names), flags);
	snprintf(raw, sizeof(raw), "%#x", flags);
	format_xlat_styled(buf, sizeof(buf), raw, names);
	tprints(tcp, buf);
}

/* mprotect(addr, len, prot): also the first three arguments of mmap and
 * remap_file_pages */
int dec_mprotect(struct tcb *tcp)
{
	print_addr(tcp, tcp->args[0]);
	tprint_arg_next(tcp);
	tprintf(tcp, "%lu", tcp->args[1]);
	tprint_arg_next(tcp);
	print_prot(tcp, tcp->args[2]);
	return DEC_DONE;
}

/* remap_file_pages(addr, size, prot, pgoff, flags) */
int dec_remap_file_pages(struct tcb *tcp)
{
	dec_mprotect(tcp);
	tprint_arg_next(tcp);
	tprintf(tcp, "%lu", tcp->args[3]);
	tprint_arg_next(tcp);
	print_mmap_flags(tcp, (uint32_t)tcp->args[4]);
	return DEC_DONE;
}

/* mmap(addr, length, prot, flags, fd, offset): offset in hex as strace. */
int dec_mmap(struct tcb *tcp)
{
	dec_mprotect(tcp);
	tprint_arg_next(tcp);
	print_mmap_flags(tcp, (uint32_t)tcp->args[3]);
	tprint_arg_next(tcp);
	print_fd(tcp, (int)tcp->args[4]);
	tprint_arg_next(tcp);
	tprintf(tcp, "%#lx", tcp->args[5]);
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
