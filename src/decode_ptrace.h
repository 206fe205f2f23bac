/* ptrace(2) and seccomp(2) decoders, with classic BPF filter printing. */
#ifndef CTRACE_DECODE_PTRACE_H
#define CTRACE_DECODE_PTRACE_H

#include <stddef.h>
#include <stdint.h>

struct bpf_insn_raw {
	uint16_t code;
	uint8_t jt, jf;
	uint32_t k;
};

/* One classic BPF instruction as strace:
 * "BPF_STMT(BPF_RET|BPF_K, SECCOMP_RET_ALLOW)",
 * "BPF_JUMP(BPF_JMP|BPF_JEQ|BPF_K, 0x3b, 0, 1)" (pure). */
size_t format_bpf_insn(char *buf, size_t size, const struct bpf_insn_raw *in);

struct tcb;
/* A struct sock_fprog of a seccomp filter: "{len=1, filter=[BPF_STMT(...)]}". */
void print_seccomp_fprog(struct tcb *tcp, unsigned long addr);

#endif
