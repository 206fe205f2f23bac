/* Classic-BPF interpreter for seccomp filters (see bpf.h). */
#include "config.h"
#include "check/bpf.h"

#include <errno.h>
#include <stddef.h>
#include <string.h>

#define MAX_ERRNO 4095

/* Is this opcode one that seccomp accepts?  The list is the kernel's
 * seccomp_check_filter() whitelist (after the generic classic checks):
 * no packet loads other than 32-bit absolute ones, no indirect loads, no
 * MOD, no extensions. */
static bool opcode_allowed(uint16_t code)
{
	switch (code) {
	case BPF_LD | BPF_W | BPF_ABS:
	case BPF_LD | BPF_W | BPF_LEN:
	case BPF_LDX | BPF_W | BPF_LEN:
	case BPF_RET | BPF_K:
	case BPF_RET | BPF_A:
	case BPF_ALU | BPF_ADD | BPF_K:
	case BPF_ALU | BPF_ADD | BPF_X:
	case BPF_ALU | BPF_SUB | BPF_K:
	case BPF_ALU | BPF_SUB | BPF_X:
	case BPF_ALU | BPF_MUL | BPF_K:
	case BPF_ALU | BPF_MUL | BPF_X:
	case BPF_ALU | BPF_DIV | BPF_K:
	case BPF_ALU | BPF_DIV | BPF_X:
	case BPF_ALU | BPF_AND | BPF_K:
	case BPF_ALU | BPF_AND | BPF_X:
	case BPF_ALU | BPF_OR | BPF_K:
	case BPF_ALU | BPF_OR | BPF_X:
	case BPF_ALU | BPF_XOR | BPF_K:
	case BPF_ALU | BPF_XOR | BPF_X:
	case BPF_ALU | BPF_LSH | BPF_K:
	case BPF_ALU | BPF_LSH | BPF_X:
	case BPF_ALU | BPF_RSH | BPF_K:
	case BPF_ALU | BPF_RSH | BPF_X:
	case BPF_ALU | BPF_NEG:
	case BPF_LD | BPF_IMM:
	case BPF_LDX | BPF_IMM:
	case BPF_MISC | BPF_TAX:
	case BPF_MISC | BPF_TXA:
	case BPF_LD | BPF_MEM:
	case BPF_LDX | BPF_MEM:
	case BPF_ST:
	case BPF_STX:
	case BPF_JMP | BPF_JA:
	case BPF_JMP | BPF_JEQ | BPF_K:
	case BPF_JMP | BPF_JEQ | BPF_X:
	case BPF_JMP | BPF_JGE | BPF_K:
	case BPF_JMP | BPF_JGE | BPF_X:
	case BPF_JMP | BPF_JGT | BPF_K:
	case BPF_JMP | BPF_JGT | BPF_X:
	case BPF_JMP | BPF_JSET | BPF_K:
	case BPF_JMP | BPF_JSET | BPF_X:
		return true;
	default:
		return false;
	}
}

static bool is_cond_jump(uint16_t code)
{
	return BPF_CLASS(code) == BPF_JMP && BPF_OP(code) != BPF_JA;
}

/* One instruction on its own (operands, jump targets). */
static int check_insn(const struct sock_filter *f, unsigned pc, unsigned len)
{
	uint16_t code = f->code;

	if (!opcode_allowed(code))
		return -EINVAL;
	switch (code) {
	case BPF_LD | BPF_W | BPF_ABS:
		if (f->k >= sizeof(struct seccomp_data) || (f->k & 3))
			return -EINVAL;
		break;
	case BPF_ALU | BPF_DIV | BPF_K:
		if (f->k == 0)
			return -EINVAL;
		break;
	case BPF_ALU | BPF_LSH | BPF_K:
	case BPF_ALU | BPF_RSH | BPF_K:
		if (f->k >= 32)
			return -EINVAL;
		break;
	case BPF_LD | BPF_MEM:
	case BPF_LDX | BPF_MEM:
	case BPF_ST:
	case BPF_STX:
		if (f->k >= BPF_SECCOMP_MEMWORDS)
			return -EINVAL;
		break;
	case BPF_JMP | BPF_JA:
		/* pc + 1 + k must be an instruction (64-bit sum: no wrap). */
		if ((uint64_t)f->k >= (uint64_t)(len - pc - 1))
			return -EINVAL;
		break;
	default:
		if (is_cond_jump(code) &&
		    ((unsigned)pc + f->jt + 1 >= len || (unsigned)pc + f->jf + 1 >= len))
			return -EINVAL;
		break;
	}
	return 0;
}

/* The kernel's check_load_and_stores(): a scratch word may be read only
 * when every path to the read has stored it.  Jumps are forward only, so
 * one pass in program order sees every predecessor of an instruction
 * before the instruction itself. */
static int check_mem(const struct sock_filter *insns, unsigned len, unsigned *where)
{
	uint16_t masks[BPF_SECCOMP_MAX_INSNS];
	uint16_t valid = 0;

	for (unsigned i = 0; i < len; i++)
		masks[i] = 0xffff;
	for (unsigned pc = 0; pc < len; pc++) {
		const struct sock_filter *f = &insns[pc];

		valid &= masks[pc];
		switch (f->code) {
		case BPF_ST:
		case BPF_STX:
			valid |= (uint16_t)(1U << f->k);
			break;
		case BPF_LD | BPF_MEM:
		case BPF_LDX | BPF_MEM:
			if (!(valid & (1U << f->k))) {
				if (where)
					*where = pc;
				return -EINVAL;
			}
			break;
		case BPF_JMP | BPF_JA:
			masks[pc + 1 + f->k] &= valid;
			valid = 0xffff;
			break;
		default:
			/* No reset after a return: the kernel carries the
			 * state into the (unreachable) next instruction, so
			 * must we to accept exactly what it accepts. */
			if (is_cond_jump(f->code)) {
				masks[pc + 1 + f->jt] &= valid;
				masks[pc + 1 + f->jf] &= valid;
				valid = 0xffff;
			}
			break;
		}
	}
	return 0;
}

int bpf_check(const struct sock_filter *insns, unsigned len, unsigned *where)
{
	int r;

	if (where)
		*where = len;
	if (!insns || len == 0 || len > BPF_SECCOMP_MAX_INSNS)
		return -EINVAL;
	for (unsigned pc = 0; pc < len; pc++) {
		r = check_insn(&insns[pc], pc, len);
		if (r < 0) {
			if (where)
				*where = pc;
			return r;
		}
	}
	if (insns[len - 1].code != (BPF_RET | BPF_K) &&
	    insns[len - 1].code != (BPF_RET | BPF_A)) {
		if (where)
			*where = len - 1;
		return -EINVAL;
	}
	return check_mem(insns, len, where);
}

static uint32_t load_word(const struct seccomp_data *sd, uint32_t off)
{
	uint32_t w;

	memcpy(&w, (const char *)sd + off, sizeof(w));
	return w;
}

static bool jump_taken(uint16_t code, uint32_t a, uint32_t operand)
{
	switch (BPF_OP(code)) {
	case BPF_JEQ:
		return a == operand;
	case BPF_JGT:
		return a > operand;
	case BPF_JGE:
		return a >= operand;
	default: /* BPF_JSET */
		return (a & operand) != 0;
	}
}

/* Runs a program that bpf_check() accepted. */
static uint32_t execute(const struct sock_filter *insns, unsigned len,
			const struct seccomp_data *sd)
{
	uint32_t a = 0, x = 0, mem[BPF_SECCOMP_MEMWORDS] = { 0 };

	for (unsigned pc = 0; pc < len; pc++) {
		const struct sock_filter *f = &insns[pc];
		uint32_t k = f->k;
		uint32_t src = BPF_SRC(f->code) == BPF_X ? x : k;

		switch (BPF_CLASS(f->code)) {
		case BPF_LD:
			switch (BPF_MODE(f->code)) {
			case BPF_ABS:
				a = load_word(sd, k);
				break;
			case BPF_LEN:
				a = sizeof(*sd);
				break;
			case BPF_IMM:
				a = k;
				break;
			default: /* BPF_MEM */
				a = mem[k];
				break;
			}
			break;
		case BPF_LDX:
			switch (BPF_MODE(f->code)) {
			case BPF_LEN:
				x = sizeof(*sd);
				break;
			case BPF_IMM:
				x = k;
				break;
			default: /* BPF_MEM */
				x = mem[k];
				break;
			}
			break;
		case BPF_ST:
			mem[k] = a;
			break;
		case BPF_STX:
			mem[k] = x;
			break;
		case BPF_ALU:
			switch (BPF_OP(f->code)) {
			case BPF_ADD: a += src; break;
			case BPF_SUB: a -= src; break;
			case BPF_MUL: a *= src; break;
			case BPF_DIV:
				/* Division by a zero X ends the program with 0,
				 * as the kernel's classic-to-eBPF conversion does. */
				if (src == 0)
					return 0;
				a /= src;
				break;
			case BPF_AND: a &= src; break;
			case BPF_OR: a |= src; break;
			case BPF_XOR: a ^= src; break;
			/* Shift by X: the kernel masks the count to 5 bits. */
			case BPF_LSH: a <<= (src & 31); break;
			case BPF_RSH: a >>= (src & 31); break;
			default: /* BPF_NEG */
				a = -a;
				break;
			}
			break;
		case BPF_JMP:
			if (BPF_OP(f->code) == BPF_JA)
				pc += k;
			else
				pc += jump_taken(f->code, a, src) ? f->jt : f->jf;
			break;
		case BPF_RET:
			return BPF_RVAL(f->code) == BPF_A ? a : k;
		default: /* BPF_MISC */
			if (BPF_MISCOP(f->code) == BPF_TAX)
				x = a;
			else
				a = x;
			break;
		}
	}
	/* Unreachable for a checked program (it ends in a return). */
	return SECCOMP_RET_KILL_PROCESS;
}

int bpf_run(const struct sock_filter *insns, unsigned len,
	    const struct seccomp_data *sd, uint32_t *ret)
{
	int r = bpf_check(insns, len, NULL);

	if (r < 0)
		return r;
	*ret = execute(insns, len, sd);
	return 0;
}

int32_t seccomp_ret_precedence(uint32_t ret)
{
	return (int32_t)(ret & SECCOMP_RET_ACTION_FULL);
}

int bpf_run_filters(const struct bpf_filter *filters, unsigned n,
		    const struct seccomp_data *sd, uint32_t *ret, unsigned *bad)
{
	uint32_t best = SECCOMP_RET_ALLOW;

	for (unsigned i = 0; i < n; i++) {
		uint32_t cur;
		int r = bpf_run(filters[i].insns, filters[i].len, sd, &cur);

		if (r < 0) {
			if (bad)
				*bad = i;
			return r;
		}
		if (seccomp_ret_precedence(cur) < seccomp_ret_precedence(best))
			best = cur;
	}
	*ret = best;
	return 0;
}

enum seccomp_kind seccomp_ret_kind(uint32_t ret, int *err)
{
	uint32_t data = ret & SECCOMP_RET_DATA;

	if (err)
		*err = 0;
	switch (ret & SECCOMP_RET_ACTION_FULL) {
	case SECCOMP_RET_ALLOW:
		return SECCOMP_KIND_ALLOW;
	case SECCOMP_RET_LOG:
		return SECCOMP_KIND_LOG;
	case SECCOMP_RET_ERRNO:
		if (err)
			*err = data > MAX_ERRNO ? MAX_ERRNO : (int)data;
		return SECCOMP_KIND_ERRNO;
	case SECCOMP_RET_USER_NOTIF:
		return SECCOMP_KIND_USER_NOTIF;
	case SECCOMP_RET_TRACE:
		return SECCOMP_KIND_TRACE;
	case SECCOMP_RET_TRAP:
		return SECCOMP_KIND_TRAP;
	case SECCOMP_RET_KILL_THREAD:
		return SECCOMP_KIND_KILL_THREAD;
	default:
		/* KILL_PROCESS, and any value the kernel does not know,
		 * which __seccomp_filter() treats as a kill. */
		return SECCOMP_KIND_KILL_PROCESS;
	}
}

const char *seccomp_kind_name(enum seccomp_kind k)
{
	static const char *const names[] = {
		[SECCOMP_KIND_ALLOW] = "allow",
		[SECCOMP_KIND_LOG] = "log",
		[SECCOMP_KIND_ERRNO] = "errno",
		[SECCOMP_KIND_USER_NOTIF] = "user_notif",
		[SECCOMP_KIND_TRACE] = "trace",
		[SECCOMP_KIND_TRAP] = "trap",
		[SECCOMP_KIND_KILL_THREAD] = "kill_thread",
		[SECCOMP_KIND_KILL_PROCESS] = "kill_process",
	};

	if ((unsigned)k >= sizeof(names) / sizeof(names[0]))
		return "?";
	return names[k];
}
