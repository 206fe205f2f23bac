/* seccomp(2) decoder and classic BPF filter printing. */
#ifndef CTRACE_DECODE_SECCOMP_H
#define CTRACE_DECODE_SECCOMP_H

#include <stddef.h>
#include <stdint.h>

struct bpf_insn_raw {
	uint16_t code;
	uint8_t jt, jf;
	uint32_t k;
};

/* Who runs the filter: the return value of a seccomp filter is an
 * action, the absolute loads of a socket filter may be SKF_* offsets. */
enum bpf_flavor { BPF_FLAVOR_SECCOMP, BPF_FLAVOR_SOCKET };

/* One classic BPF instruction as strace:
 * "BPF_STMT(BPF_RET|BPF_K, SECCOMP_RET_ALLOW)",
 * "BPF_JUMP(BPF_JMP|BPF_K|BPF_JEQ, 0x3b, 0, 0x1)" (pure). */
size_t format_bpf_insn(char *buf, size_t size, const struct bpf_insn_raw *in,
		       enum bpf_flavor flavor);

struct tcb;
/* A struct sock_fprog: "{len=1, filter=[BPF_STMT(...)]}" (the
 * instructions with -v only). */
void print_bpf_fprog(struct tcb *tcp, unsigned long addr, enum bpf_flavor flavor);
/* n instructions at addr: "[BPF_STMT(...), ...]". */
void print_bpf_insns(struct tcb *tcp, unsigned long addr, unsigned long n,
		     enum bpf_flavor flavor);
/* print_bpf_fprog of a seccomp filter. */
void print_seccomp_fprog(struct tcb *tcp, unsigned long addr);

#endif
