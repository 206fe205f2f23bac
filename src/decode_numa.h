/* NUMA memory policy decoders (src/decode_numa.c). */
#ifndef CTRACE_DECODE_NUMA_H
#define CTRACE_DECODE_NUMA_H

#include <stdint.h>

struct tcb;
/* "MPOL_BIND|MPOL_F_STATIC_NODES" (-X aware) */
void print_mpol_mode(struct tcb *tcp, uint64_t v);

#endif
