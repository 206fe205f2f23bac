/* Memory family decoders: mmap, mprotect, mremap (the others are generic
 * rows of syscalls.def with their flag sets). */
#ifndef CTRACE_DECODE_MEMORY_H
#define CTRACE_DECODE_MEMORY_H

#include <stddef.h>
#include <stdint.h>

/* "PROT_READ|PROT_WRITE", "PROT_NONE" for 0; -X raw "0x3", verbose
 * "0x3 /+ PROT_READ|PROT_WRITE +/" (pure but for pcfg.xlat_style). */
size_t format_mmap_prot(char *buf, size_t size, uint64_t prot);
/* The same with an architecture's own bits (arch_def.mmap_prot_extra,
 * aarch64: PROT_BTI, PROT_MTE); extra may be NULL. */
struct xlat;
size_t format_mmap_prot_arch(char *buf, size_t size, uint64_t prot, const struct xlat *extra);

struct tcb;
/* mmap(2) flags: type, bits, "N<<MAP_HUGE_SHIFT" (-X aware). */
void print_mmap_flags(struct tcb *tcp, uint32_t flags);

#endif
