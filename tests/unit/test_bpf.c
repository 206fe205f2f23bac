/* Unit tests of the seccomp classic-BPF interpreter (src/check/bpf.c). */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <errno.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <cmocka.h>
#include <seccomp.h>

#include "util.h"
#include "check/bpf.h"

#define LD_NR BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr))
#define LD_ARCH BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch))
#define LD_ARG_LO(i) BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[i]))
#define RET(v) BPF_STMT(BPF_RET | BPF_K, (v))
#define RET_A BPF_STMT(BPF_RET | BPF_A, 0)

static struct seccomp_data data(int nr, uint64_t a0)
{
	struct seccomp_data sd;

	memset(&sd, 0, sizeof(sd));
	sd.nr = nr;
	sd.arch = 0xc000003e;
	sd.args[0] = a0;
	return sd;
}

static uint32_t run(const struct sock_filter *p, unsigned len, const struct seccomp_data *sd)
{
	uint32_t ret = 0xdeadbeef;

	assert_int_equal(bpf_run(p, len, sd, &ret), 0);
	return ret;
}

#define CHECK(prog) bpf_check(prog, ARRAY_SIZE(prog), NULL)

/* ---- valid hand-made programs ---- */

static void test_allow_all(void **state)
{
	struct sock_filter p[] = { RET(SECCOMP_RET_ALLOW) };
	struct seccomp_data sd = data(1, 0);

	assert_int_equal(CHECK(p), 0);
	assert_int_equal(run(p, 1, &sd), SECCOMP_RET_ALLOW);
}

static void test_nr_and_arch(void **state)
{
	struct sock_filter p[] = {
		LD_ARCH,
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0xc000003e, 1, 0),
		RET(SECCOMP_RET_KILL_PROCESS),
		LD_NR,
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 101, 0, 1),
		RET(SECCOMP_RET_ERRNO | EPERM),
		BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, 400, 0, 1),
		RET(SECCOMP_RET_ERRNO | ENOSYS),
		RET(SECCOMP_RET_ALLOW),
	};
	struct seccomp_data sd = data(101, 0);

	assert_int_equal(CHECK(p), 0);
	assert_int_equal(run(p, ARRAY_SIZE(p), &sd), SECCOMP_RET_ERRNO | EPERM);
	sd.nr = 39;
	assert_int_equal(run(p, ARRAY_SIZE(p), &sd), SECCOMP_RET_ALLOW);
	sd.nr = 400;
	assert_int_equal(run(p, ARRAY_SIZE(p), &sd), SECCOMP_RET_ERRNO | ENOSYS);
	sd.nr = 399;
	assert_int_equal(run(p, ARRAY_SIZE(p), &sd), SECCOMP_RET_ALLOW);
	sd.arch = 0xc00000b7;
	assert_int_equal(run(p, ARRAY_SIZE(p), &sd), SECCOMP_RET_KILL_PROCESS);
}

static void test_args_hi_lo(void **state)
{
	/* Return the low word of arg0 xor the high word, through RET A. */
	struct sock_filter p[] = {
		LD_ARG_LO(0),
		BPF_STMT(BPF_MISC | BPF_TAX, 0),
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[0]) + 4),
		BPF_STMT(BPF_ALU | BPF_XOR | BPF_X, 0),
		RET_A,
	};
	struct seccomp_data sd = data(0, 0x1234567800ff00ffULL);

	assert_int_equal(CHECK(p), 0);
	assert_int_equal(run(p, ARRAY_SIZE(p), &sd), 0x12345678U ^ 0x00ff00ffU);
}

static void test_alu(void **state)
{
	/* ((((a0 + 5) * 3 - 1) / 2) << 4 >> 1) & 0xfff | 0x10000 ... */
	struct sock_filter p[] = {
		LD_ARG_LO(0),
		BPF_STMT(BPF_ALU | BPF_ADD | BPF_K, 5),
		BPF_STMT(BPF_ALU | BPF_MUL | BPF_K, 3),
		BPF_STMT(BPF_ALU | BPF_SUB | BPF_K, 1),
		BPF_STMT(BPF_ALU | BPF_DIV | BPF_K, 2),
		BPF_STMT(BPF_ALU | BPF_LSH | BPF_K, 4),
		BPF_STMT(BPF_ALU | BPF_RSH | BPF_K, 1),
		BPF_STMT(BPF_ALU | BPF_AND | BPF_K, 0xfff),
		BPF_STMT(BPF_ALU | BPF_OR | BPF_K, 0x50000),
		RET_A,
	};
	struct sock_filter neg[] = {
		BPF_STMT(BPF_LD | BPF_IMM, 5),
		BPF_STMT(BPF_ALU | BPF_NEG, 0),
		RET_A,
	};
	struct seccomp_data sd = data(0, 7);
	uint32_t a = ((((7 + 5) * 3 - 1) / 2) << 4 >> 1) & 0xfff;

	assert_int_equal(CHECK(p), 0);
	assert_int_equal(run(p, ARRAY_SIZE(p), &sd), a | 0x50000);
	assert_int_equal(run(neg, ARRAY_SIZE(neg), &sd), (uint32_t)-5);
}

static void test_alu_x_and_div_zero(void **state)
{
	struct sock_filter p[] = {
		BPF_STMT(BPF_LDX | BPF_IMM, 0),
		BPF_STMT(BPF_LD | BPF_IMM, 100),
		BPF_STMT(BPF_ALU | BPF_DIV | BPF_X, 0),   /* X == 0: program returns 0 */
		RET(SECCOMP_RET_ALLOW),
	};
	struct sock_filter sh[] = {
		BPF_STMT(BPF_LDX | BPF_IMM, 33),          /* shift count masked to 1 */
		BPF_STMT(BPF_LD | BPF_IMM, 1),
		BPF_STMT(BPF_ALU | BPF_LSH | BPF_X, 0),
		RET_A,
	};
	struct seccomp_data sd = data(0, 0);

	assert_int_equal(CHECK(p), 0);
	assert_int_equal(run(p, ARRAY_SIZE(p), &sd), 0);
	assert_int_equal(run(sh, ARRAY_SIZE(sh), &sd), 2);
}

static void test_scratch_len_misc(void **state)
{
	struct sock_filter p[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_LEN, 0),    /* A = 64 */
		BPF_STMT(BPF_ST, 3),
		BPF_STMT(BPF_LDX | BPF_W | BPF_LEN, 0),   /* X = 64 */
		BPF_STMT(BPF_STX, 15),
		BPF_STMT(BPF_LD | BPF_MEM, 15),
		BPF_STMT(BPF_LDX | BPF_MEM, 3),
		BPF_STMT(BPF_ALU | BPF_ADD | BPF_X, 0),   /* 128 */
		BPF_STMT(BPF_MISC | BPF_TAX, 0),
		BPF_STMT(BPF_LD | BPF_IMM, 1),
		BPF_STMT(BPF_MISC | BPF_TXA, 0),
		RET_A,
	};
	struct seccomp_data sd = data(0, 0);

	assert_int_equal(CHECK(p), 0);
	assert_int_equal(run(p, ARRAY_SIZE(p), &sd), 128);
}

static void test_jumps(void **state)
{
	struct sock_filter p[] = {
		LD_ARG_LO(0),
		BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, 0x4, 0, 2),
		BPF_STMT(BPF_LDX | BPF_IMM, 10),
		BPF_JUMP(BPF_JMP | BPF_JA, 1, 0, 0),
		BPF_STMT(BPF_LDX | BPF_IMM, 24),
		BPF_JUMP(BPF_JMP | BPF_JGT | BPF_X, 0, 0, 1),   /* a0 > X ? */
		RET(SECCOMP_RET_TRAP | 1),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_X, 0, 0, 1),
		RET(SECCOMP_RET_TRACE | 2),
		BPF_JUMP(BPF_JMP | BPF_JGE | BPF_X, 0, 1, 0),
		RET(SECCOMP_RET_LOG),
		RET(SECCOMP_RET_USER_NOTIF),
	};
	struct seccomp_data sd;

	assert_int_equal(CHECK(p), 0);
	sd = data(0, 0x104);     /* bit 2 set: X = 10, 260 > 10 */
	assert_int_equal(run(p, ARRAY_SIZE(p), &sd), SECCOMP_RET_TRAP | 1);
	sd = data(0, 24);        /* bit 2 clear: X = 24, equal */
	assert_int_equal(run(p, ARRAY_SIZE(p), &sd), SECCOMP_RET_TRACE | 2);
	sd = data(0, 3);         /* bit 2 clear: X = 24, 3 < 24 */
	assert_int_equal(run(p, ARRAY_SIZE(p), &sd), SECCOMP_RET_LOG);
	sd = data(0, 6);         /* bit 2 set: X = 10, 6 < 10 */
	assert_int_equal(run(p, ARRAY_SIZE(p), &sd), SECCOMP_RET_LOG);
}

static void test_max_length(void **state)
{
	_cleanup_free_ struct sock_filter *p = xcalloc(BPF_SECCOMP_MAX_INSNS + 1, sizeof(*p));
	struct seccomp_data sd = data(0, 0);

	for (unsigned i = 0; i < BPF_SECCOMP_MAX_INSNS - 1; i++)
		p[i] = (struct sock_filter)BPF_STMT(BPF_ALU | BPF_ADD | BPF_K, 1);
	p[BPF_SECCOMP_MAX_INSNS - 1] = (struct sock_filter)RET_A;
	assert_int_equal(bpf_check(p, BPF_SECCOMP_MAX_INSNS, NULL), 0);
	assert_int_equal(run(p, BPF_SECCOMP_MAX_INSNS, &sd), BPF_SECCOMP_MAX_INSNS - 1);
	p[BPF_SECCOMP_MAX_INSNS] = (struct sock_filter)RET_A;
	assert_int_equal(bpf_check(p, BPF_SECCOMP_MAX_INSNS + 1, NULL), -EINVAL);
}

/* ---- invalid programs: each kind ---- */

static void expect_invalid(const struct sock_filter *p, unsigned len, unsigned where)
{
	struct seccomp_data sd = data(0, 0);
	uint32_t ret = 0x1234;
	unsigned w = 9999;

	assert_int_equal(bpf_check(p, len, &w), -EINVAL);
	assert_int_equal(w, where);
	assert_int_equal(bpf_run(p, len, &sd, &ret), -EINVAL);
	assert_int_equal(ret, 0x1234);
}

static void test_invalid(void **state)
{
	struct sock_filter ok[] = { RET(SECCOMP_RET_ALLOW) };
	struct sock_filter no_ret[] = { LD_NR };
	struct sock_filter no_ret2[] = { RET(0), LD_NR };
	struct sock_filter ld_h[] = { BPF_STMT(BPF_LD | BPF_H | BPF_ABS, 0), RET_A };
	struct sock_filter ld_b[] = { BPF_STMT(BPF_LD | BPF_B | BPF_ABS, 0), RET_A };
	struct sock_filter ld_ind[] = { BPF_STMT(BPF_LD | BPF_W | BPF_IND, 0), RET_A };
	struct sock_filter ldx_msh[] = { BPF_STMT(BPF_LDX | BPF_B | BPF_MSH, 0), RET_A };
	struct sock_filter ld_h_imm[] = { BPF_STMT(BPF_LD | BPF_H | BPF_IMM, 0), RET_A };
	struct sock_filter mod[] = { BPF_STMT(BPF_ALU | BPF_MOD | BPF_K, 3), RET_A };
	struct sock_filter neg_x[] = { BPF_STMT(BPF_ALU | BPF_NEG | BPF_X, 0), RET_A };
	struct sock_filter ret_x[] = { BPF_STMT(BPF_RET | BPF_X, 0) };
	struct sock_filter bad_code[] = { BPF_STMT(0xffff, 0), RET_A };
	struct sock_filter abs_end[] = { BPF_STMT(BPF_LD | BPF_W | BPF_ABS, 64), RET_A };
	struct sock_filter abs_big[] = { BPF_STMT(BPF_LD | BPF_W | BPF_ABS, 0xfffffffc), RET_A };
	struct sock_filter abs_unaligned[] = { BPF_STMT(BPF_LD | BPF_W | BPF_ABS, 2), RET_A };
	struct sock_filter ja_out[] = { BPF_JUMP(BPF_JMP | BPF_JA, 1, 0, 0), RET_A };
	struct sock_filter ja_huge[] = { BPF_JUMP(BPF_JMP | BPF_JA, 0xffffffff, 0, 0), RET_A };
	struct sock_filter jt_out[] = { BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0, 1, 0), RET_A };
	struct sock_filter jf_out[] = { BPF_JUMP(BPF_JMP | BPF_JGT | BPF_X, 0, 0, 255), RET_A };
	struct sock_filter div0[] = { BPF_STMT(BPF_ALU | BPF_DIV | BPF_K, 0), RET_A };
	struct sock_filter lsh32[] = { BPF_STMT(BPF_ALU | BPF_LSH | BPF_K, 32), RET_A };
	struct sock_filter rsh99[] = { BPF_STMT(BPF_ALU | BPF_RSH | BPF_K, 99), RET_A };
	struct sock_filter st16[] = { BPF_STMT(BPF_ST, 16), RET_A };
	struct sock_filter ldm16[] = { BPF_STMT(BPF_ST, 0), BPF_STMT(BPF_LD | BPF_MEM, 16), RET_A };
	struct sock_filter uninit[] = { BPF_STMT(BPF_LD | BPF_MEM, 2), RET_A };
	struct sock_filter uninit_x[] = { BPF_STMT(BPF_ST, 1), BPF_STMT(BPF_LDX | BPF_MEM, 2), RET_A };
	/* Stored on one path only. */
	struct sock_filter one_path[] = {
		LD_NR,
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 1, 0, 1),
		BPF_STMT(BPF_ST, 4),
		BPF_STMT(BPF_LD | BPF_MEM, 4),
		RET_A,
	};
	/* Stored on both paths: valid. */
	struct sock_filter both_paths[] = {
		LD_NR,
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 1, 0, 2),
		BPF_STMT(BPF_ST, 4),
		BPF_JUMP(BPF_JMP | BPF_JA, 1, 0, 0),
		BPF_STMT(BPF_STX, 4),
		BPF_STMT(BPF_LD | BPF_MEM, 4),
		RET_A,
	};
	/* A store in code after a return does not count for a jump target. */
	struct sock_filter after_ret[] = {
		BPF_JUMP(BPF_JMP | BPF_JA, 2, 0, 0),
		BPF_STMT(BPF_ST, 5),
		RET(0),
		BPF_STMT(BPF_LDX | BPF_MEM, 5),
		RET_A,
	};
	struct seccomp_data sd = data(1, 0);

	assert_int_equal(bpf_check(ok, 0, NULL), -EINVAL);
	assert_int_equal(bpf_check(NULL, 1, NULL), -EINVAL);
	expect_invalid(no_ret, 1, 0);
	expect_invalid(no_ret2, 2, 1);
	expect_invalid(ld_h, 2, 0);
	expect_invalid(ld_b, 2, 0);
	expect_invalid(ld_ind, 2, 0);
	expect_invalid(ldx_msh, 2, 0);
	expect_invalid(ld_h_imm, 2, 0);
	expect_invalid(mod, 2, 0);
	expect_invalid(neg_x, 2, 0);
	expect_invalid(ret_x, 1, 0);
	expect_invalid(bad_code, 2, 0);
	expect_invalid(abs_end, 2, 0);
	expect_invalid(abs_big, 2, 0);
	expect_invalid(abs_unaligned, 2, 0);
	expect_invalid(ja_out, 2, 0);
	expect_invalid(ja_huge, 2, 0);
	expect_invalid(jt_out, 2, 0);
	expect_invalid(jf_out, 2, 0);
	expect_invalid(div0, 2, 0);
	expect_invalid(lsh32, 2, 0);
	expect_invalid(rsh99, 2, 0);
	expect_invalid(st16, 2, 0);
	expect_invalid(ldm16, 3, 1);
	expect_invalid(uninit, 2, 0);
	expect_invalid(uninit_x, 3, 1);
	expect_invalid(one_path, ARRAY_SIZE(one_path), 3);
	expect_invalid(after_ret, ARRAY_SIZE(after_ret), 3);
	assert_int_equal(CHECK(both_paths), 0);
	/* Kernel quirk kept: a store before a return counts for the
	 * unreachable instruction that follows it. */
	{
		struct sock_filter quirk[] = {
			BPF_STMT(BPF_ST, 0), RET(0), BPF_STMT(BPF_LD | BPF_MEM, 0), RET_A,
		};

		assert_int_equal(CHECK(quirk), 0);
	}
	assert_int_equal(run(both_paths, ARRAY_SIZE(both_paths), &sd), 1);   /* nr */
	/* The last valid absolute load: args[5] high word. */
	{
		struct sock_filter last[] = { BPF_STMT(BPF_LD | BPF_W | BPF_ABS, 60), RET_A };

		sd.args[5] = 0xabcdef0100000000ULL;
		assert_int_equal(CHECK(last), 0);
		assert_int_equal(run(last, 2, &sd), 0xabcdef01U);
	}
}

/* ---- return values and the filter stack ---- */

static void test_kind(void **state)
{
	int err = -1;

	assert_int_equal(seccomp_ret_kind(SECCOMP_RET_ALLOW | 77, &err), SECCOMP_KIND_ALLOW);
	assert_int_equal(err, 0);
	assert_int_equal(seccomp_ret_kind(SECCOMP_RET_ERRNO | 38, &err), SECCOMP_KIND_ERRNO);
	assert_int_equal(err, 38);
	assert_int_equal(seccomp_ret_kind(SECCOMP_RET_ERRNO | 0xffff, &err), SECCOMP_KIND_ERRNO);
	assert_int_equal(err, 4095);
	assert_int_equal(seccomp_ret_kind(SECCOMP_RET_KILL_THREAD, &err), SECCOMP_KIND_KILL_THREAD);
	assert_int_equal(seccomp_ret_kind(SECCOMP_RET_KILL_PROCESS, NULL), SECCOMP_KIND_KILL_PROCESS);
	assert_int_equal(seccomp_ret_kind(0x00010000, NULL), SECCOMP_KIND_KILL_PROCESS);
	assert_int_equal(seccomp_ret_kind(SECCOMP_RET_TRAP | 5, NULL), SECCOMP_KIND_TRAP);
	assert_int_equal(seccomp_ret_kind(SECCOMP_RET_TRACE, NULL), SECCOMP_KIND_TRACE);
	assert_int_equal(seccomp_ret_kind(SECCOMP_RET_USER_NOTIF, NULL), SECCOMP_KIND_USER_NOTIF);
	assert_int_equal(seccomp_ret_kind(SECCOMP_RET_LOG, NULL), SECCOMP_KIND_LOG);
	assert_string_equal(seccomp_kind_name(SECCOMP_KIND_ERRNO), "errno");
	assert_string_equal(seccomp_kind_name(SECCOMP_KIND_KILL_PROCESS), "kill_process");
}

static void test_precedence(void **state)
{
	static const uint32_t order[] = {   /* most restrictive first */
		SECCOMP_RET_KILL_PROCESS, SECCOMP_RET_KILL_THREAD, SECCOMP_RET_TRAP,
		SECCOMP_RET_ERRNO, SECCOMP_RET_USER_NOTIF, SECCOMP_RET_TRACE,
		SECCOMP_RET_LOG, SECCOMP_RET_ALLOW,
	};
	struct sock_filter progs[ARRAY_SIZE(order)][1];
	struct seccomp_data sd = data(0, 0);

	for (unsigned i = 0; i < ARRAY_SIZE(order); i++)
		progs[i][0] = (struct sock_filter)RET(order[i] | (i + 1));
	for (unsigned i = 0; i < ARRAY_SIZE(order); i++)
		for (unsigned j = 0; j < ARRAY_SIZE(order); j++) {
			struct bpf_filter stack[2] = { { progs[i], 1 }, { progs[j], 1 } };
			uint32_t ret;
			unsigned win = i <= j ? i : j;

			assert_int_equal(bpf_run_filters(stack, 2, &sd, &ret, NULL), 0);
			/* The kernel starts from a bare ALLOW: when every
			 * filter allows, no filter's data is kept. */
			if (order[win] == SECCOMP_RET_ALLOW)
				assert_int_equal(ret, SECCOMP_RET_ALLOW);
			else
				assert_int_equal(ret, order[win] | (win + 1));
		}
}

static void test_stack(void **state)
{
	struct sock_filter newest[] = { RET(SECCOMP_RET_ERRNO | 1) };
	struct sock_filter older[] = { RET(SECCOMP_RET_ERRNO | 38) };
	struct sock_filter allow[] = { RET(SECCOMP_RET_ALLOW) };
	struct sock_filter bad[] = { LD_NR };
	struct seccomp_data sd = data(0, 0);
	uint32_t ret;
	unsigned badi = 99;

	/* Equal actions: the first filter evaluated (the newest) keeps its data. */
	struct bpf_filter s1[] = { { newest, 1 }, { older, 1 } };
	assert_int_equal(bpf_run_filters(s1, 2, &sd, &ret, NULL), 0);
	assert_int_equal(ret, SECCOMP_RET_ERRNO | 1);
	struct bpf_filter s2[] = { { older, 1 }, { newest, 1 } };
	assert_int_equal(bpf_run_filters(s2, 2, &sd, &ret, NULL), 0);
	assert_int_equal(ret, SECCOMP_RET_ERRNO | 38);
	/* No filter: allowed. */
	assert_int_equal(bpf_run_filters(NULL, 0, &sd, &ret, NULL), 0);
	assert_int_equal(ret, SECCOMP_RET_ALLOW);
	struct bpf_filter s3[] = { { allow, 1 }, { older, 1 }, { allow, 1 } };
	assert_int_equal(bpf_run_filters(s3, 3, &sd, &ret, NULL), 0);
	assert_int_equal(ret, SECCOMP_RET_ERRNO | 38);
	/* An invalid filter anywhere fails the evaluation. */
	struct bpf_filter s4[] = { { allow, 1 }, { bad, 1 } };
	assert_int_equal(bpf_run_filters(s4, 2, &sd, &ret, &badi), -EINVAL);
	assert_int_equal(badi, 1);
}

/* ---- programs exported by libseccomp, checked against their rules ---- */

struct rule {
	int nr;                 /* x86_64 number */
	uint32_t action;
	unsigned ncmp;
	struct scmp_arg_cmp cmp[2];
};

static bool cmp_holds(const struct scmp_arg_cmp *c, const uint64_t *args)
{
	uint64_t v = args[c->arg];

	switch (c->op) {
	case SCMP_CMP_NE: return v != c->datum_a;
	case SCMP_CMP_LT: return v < c->datum_a;
	case SCMP_CMP_LE: return v <= c->datum_a;
	case SCMP_CMP_EQ: return v == c->datum_a;
	case SCMP_CMP_GE: return v >= c->datum_a;
	case SCMP_CMP_GT: return v > c->datum_a;
	case SCMP_CMP_MASKED_EQ: return (v & c->datum_a) == c->datum_b;
	default: fail(); return false;
	}
}

/* libseccomp's semantics for rules on one syscall with distinct actions
 * and exclusive conditions: the matching rule's action, else default. */
static uint32_t expected(const struct rule *rules, unsigned n, uint32_t def,
			 const struct seccomp_data *sd)
{
	for (unsigned i = 0; i < n; i++) {
		bool all = true;

		if (rules[i].nr != sd->nr)
			continue;
		for (unsigned j = 0; j < rules[i].ncmp; j++)
			all = all && cmp_holds(&rules[i].cmp[j], (const uint64_t *)sd->args);
		if (all)
			return rules[i].action;
	}
	return def;
}

static struct sock_filter *export(scmp_filter_ctx ctx, unsigned *len)
{
	char path[] = "/tmp/ctrace-test-bpf-XXXXXX";
	int fd = mkstemp(path);
	off_t size;
	struct sock_filter *p;

	assert_true(fd >= 0);
	unlink(path);
	assert_int_equal(seccomp_export_bpf(ctx, fd), 0);
	size = lseek(fd, 0, SEEK_END);
	assert_true(size > 0 && size % 8 == 0);
	p = xmalloc(size);
	assert_int_equal(pread(fd, p, size, 0), size);
	close(fd);
	*len = size / 8;
	return p;
}

static const uint64_t interesting[] = {
	0, 1, 2, 7, 8, 9, 0x7f, 0x80, 0xffffffffULL, 0x100000000ULL, 0x100000007ULL,
	0x100000008ULL, 0x1ffffffffULL, 0x8000000000000000ULL, 0xfffffffffffffff8ULL,
	0xffffffffffffffffULL, 0x0040000, 0x0040008, 0xdead00000008ULL,
};

static void check_libseccomp_op(enum scmp_compare op, uint64_t a, uint64_t b)
{
	const uint32_t def = SCMP_ACT_ERRNO(5);
	struct rule rules[] = {
		{ 135 /* personality */, SCMP_ACT_ALLOW, 1, { { 0, op, a, b } } },
		{ 157 /* prctl */, SCMP_ACT_ERRNO(13), 2,
		  { { 0, SCMP_CMP_EQ, 22, 0 }, { 2, op, a, b } } },
		{ 39 /* getpid */, SCMP_ACT_TRAP, 0, { { 0 } } },
		{ 101 /* ptrace */, SCMP_ACT_KILL_PROCESS, 0, { { 0 } } },
	};
	scmp_filter_ctx ctx = seccomp_init(def);
	_cleanup_free_ struct sock_filter *p = NULL;
	unsigned len;
	uint64_t seed = 0x9e3779b97f4a7c15ULL ^ a ^ (b << 1) ^ op;

	assert_non_null(ctx);
	/* Filter for x86_64 whatever the host is: numbers are native, so
	 * resolve them by name. */
	if (seccomp_arch_native() != SCMP_ARCH_X86_64) {
		assert_int_equal(seccomp_arch_add(ctx, SCMP_ARCH_X86_64), 0);
		assert_int_equal(seccomp_arch_remove(ctx, seccomp_arch_native()), 0);
	}
	for (unsigned i = 0; i < ARRAY_SIZE(rules); i++) {
		const char *name = seccomp_syscall_resolve_num_arch(SCMP_ARCH_X86_64, rules[i].nr);
		_cleanup_free_ char *owned = (char *)name;

		assert_non_null(name);
		assert_int_equal(seccomp_rule_add_array(ctx, rules[i].action,
							seccomp_syscall_resolve_name(name),
							rules[i].ncmp, rules[i].cmp), 0);
	}
	p = export(ctx, &len);
	seccomp_release(ctx);
	assert_int_equal(bpf_check(p, len, NULL), 0);

	for (unsigned k = 0; k < 400; k++) {
		struct seccomp_data sd = data(0, 0);
		static const int nrs[] = { 135, 157, 39, 101, 0, 1000 };
		uint32_t ret;

		sd.nr = nrs[k % ARRAY_SIZE(nrs)];
		for (unsigned j = 0; j < 6; j++) {
			seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17;
			if (seed & 1)
				sd.args[j] = interesting[(seed >> 8) % ARRAY_SIZE(interesting)];
			else if (seed & 2)
				sd.args[j] = ((seed >> 3) & 1 ? a : b) + ((seed >> 5) % 3) - 1;
			else
				sd.args[j] = seed;
		}
		if (k % 7 == 0)
			sd.args[0] = 22;
		ret = run(p, len, &sd);
		if (ret != expected(rules, ARRAY_SIZE(rules), def, &sd))
			fail_msg("op %d a=%#llx b=%#llx nr %d args %#llx %#llx %#llx: got %#x want %#x",
				 op, (unsigned long long)a, (unsigned long long)b, sd.nr,
				 (unsigned long long)sd.args[0], (unsigned long long)sd.args[1],
				 (unsigned long long)sd.args[2], ret,
				 expected(rules, ARRAY_SIZE(rules), def, &sd));
	}
	/* Another architecture: libseccomp's bad-arch action (KILL). */
	{
		struct seccomp_data sd = data(135, 0);

		sd.arch = 0x40000003; /* AUDIT_ARCH_I386 */
		assert_int_equal(run(p, len, &sd), SCMP_ACT_KILL);
	}
}

static void test_libseccomp_export(void **state)
{
	static const enum scmp_compare ops[] = {
		SCMP_CMP_NE, SCMP_CMP_LT, SCMP_CMP_LE, SCMP_CMP_EQ,
		SCMP_CMP_GE, SCMP_CMP_GT, SCMP_CMP_MASKED_EQ,
	};
	static const uint64_t vals[][2] = {
		{ 8, 8 }, { 0x0040000, 0 }, { 0xffffffffULL, 0 }, { 0x100000007ULL, 7 },
		{ 0xffff0000ffff0000ULL, 0xffff000000000000ULL }, { 0, 0 },
		{ 0xffffffffffffffffULL, 0x8 },
	};

	for (unsigned i = 0; i < ARRAY_SIZE(ops); i++)
		for (unsigned j = 0; j < ARRAY_SIZE(vals); j++)
			check_libseccomp_op(ops[i], vals[j][0], vals[j][1]);
}

/* ---- random programs ---- */

static uint64_t rng_state;

static uint32_t rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (uint32_t)(rng_state >> 11);
}

static const uint16_t seccomp_codes[] = {
	BPF_LD | BPF_W | BPF_ABS, BPF_LD | BPF_W | BPF_LEN, BPF_LDX | BPF_W | BPF_LEN,
	BPF_RET | BPF_K, BPF_RET | BPF_A, BPF_ALU | BPF_ADD | BPF_K, BPF_ALU | BPF_ADD | BPF_X,
	BPF_ALU | BPF_SUB | BPF_K, BPF_ALU | BPF_SUB | BPF_X, BPF_ALU | BPF_MUL | BPF_K,
	BPF_ALU | BPF_MUL | BPF_X, BPF_ALU | BPF_DIV | BPF_K, BPF_ALU | BPF_DIV | BPF_X,
	BPF_ALU | BPF_AND | BPF_K, BPF_ALU | BPF_AND | BPF_X, BPF_ALU | BPF_OR | BPF_K,
	BPF_ALU | BPF_OR | BPF_X, BPF_ALU | BPF_XOR | BPF_K, BPF_ALU | BPF_XOR | BPF_X,
	BPF_ALU | BPF_LSH | BPF_K, BPF_ALU | BPF_LSH | BPF_X, BPF_ALU | BPF_RSH | BPF_K,
	BPF_ALU | BPF_RSH | BPF_X, BPF_ALU | BPF_NEG, BPF_LD | BPF_IMM, BPF_LDX | BPF_IMM,
	BPF_MISC | BPF_TAX, BPF_MISC | BPF_TXA, BPF_LD | BPF_MEM, BPF_LDX | BPF_MEM,
	BPF_ST, BPF_STX, BPF_JMP | BPF_JA, BPF_JMP | BPF_JEQ | BPF_K, BPF_JMP | BPF_JEQ | BPF_X,
	BPF_JMP | BPF_JGE | BPF_K, BPF_JMP | BPF_JGE | BPF_X, BPF_JMP | BPF_JGT | BPF_K,
	BPF_JMP | BPF_JGT | BPF_X, BPF_JMP | BPF_JSET | BPF_K, BPF_JMP | BPF_JSET | BPF_X,
	/* and some that seccomp refuses */
	BPF_LD | BPF_H | BPF_ABS, BPF_LD | BPF_W | BPF_IND, BPF_ALU | BPF_MOD | BPF_K,
	BPF_LDX | BPF_B | BPF_MSH, BPF_RET | BPF_X,
};

/* A random program, mostly made of seccomp opcodes with mostly sensible
 * operands, so that a good share passes the checker. */
static unsigned random_program(struct sock_filter *p, unsigned max)
{
	unsigned len = 1 + rnd() % (rnd() % 8 ? 24 : max);

	for (unsigned i = 0; i < len; i++) {
		struct sock_filter *f = &p[i];
		unsigned left = len - i - 1;

		f->code = rnd() % 50 ? seccomp_codes[rnd() % ARRAY_SIZE(seccomp_codes)]
				     : (uint16_t)rnd();
		f->jt = left && rnd() % 8 ? rnd() % (left + 1) : (uint8_t)rnd();
		f->jf = left && rnd() % 8 ? rnd() % (left + 1) : (uint8_t)rnd();
		switch (rnd() % 6) {
		case 0: f->k = rnd(); break;
		case 1: f->k = (rnd() % 16) * 4; break;
		case 2: f->k = rnd() % 17; break;
		case 3: f->k = left ? rnd() % left : 0; break;
		case 4: f->k = rnd() % 40; break;
		default: f->k = SECCOMP_RET_ERRNO | (rnd() % 4096); break;
		}
	}
	if (rnd() % 10)
		p[len - 1] = (struct sock_filter)RET(rnd() % 2 ? SECCOMP_RET_ALLOW : rnd());
	/* Give loads of scratch memory a chance: store early. */
	if (len > 2 && rnd() % 2) {
		p[0] = (struct sock_filter)BPF_STMT(BPF_ST, rnd() % 16);
		p[1] = (struct sock_filter)BPF_STMT(BPF_STX, rnd() % 16);
	}
	return len;
}

static void test_random_programs(void **state)
{
	static struct sock_filter p[BPF_SECCOMP_MAX_INSNS + 8];
	unsigned valid = 0, invalid = 0;

	rng_state = 0x2545f4914f6cdd1dULL;
	for (unsigned n = 0; n < 100000; n++) {
		unsigned len = random_program(p, n % 1000 == 0 ? BPF_SECCOMP_MAX_INSNS + 8 : 200);
		int c = bpf_check(p, len, NULL);
		struct seccomp_data sd = data(rnd() % 500, ((uint64_t)rnd() << 32) | rnd());
		uint32_t ret = 0x5a5a5a5a;
		int r;

		sd.arch = rnd() % 2 ? 0xc000003e : rnd();
		for (unsigned j = 1; j < 6; j++)
			sd.args[j] = ((uint64_t)rnd() << 32) | rnd();
		assert_true(c == 0 || c == -EINVAL);
		assert_int_equal(bpf_check(p, len, NULL), c);   /* deterministic */
		r = bpf_run(p, len, &sd, &ret);
		assert_int_equal(r, c);                        /* run refuses iff check does */
		if (c == 0) {
			uint32_t again;

			valid++;
			assert_int_equal(bpf_run(p, len, &sd, &again), 0);
			assert_int_equal(again, ret);
		} else {
			invalid++;
			assert_int_equal(ret, 0x5a5a5a5a);
		}
	}
	print_message("random programs: %u valid, %u invalid\n", valid, invalid);
	/* The generator must exercise both outcomes substantially. */
	assert_true(valid > 10000);
	assert_true(invalid > 10000);
}

/* ---- the checker against the kernel's own ----
 *
 * In a child, stack ALLOW filters until the kernel's per-thread limit on
 * filter instructions (MAX_INSNS_PER_PATH, 32768 counting 4 per filter)
 * is reached; then installing any further valid program fails with
 * ENOMEM while an invalid one fails with EINVAL from the checker, which
 * runs first.  Nothing more gets installed, so one child judges many
 * programs. */
static int kernel_verdict(const struct sock_filter *p, unsigned len)
{
	struct sock_fprog fp = { .len = (unsigned short)len, .filter = (struct sock_filter *)p };

	if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &fp) == 0)
		return 1;   /* installed: should not happen */
	return errno == ENOMEM ? 0 : errno == EINVAL ? -EINVAL : -errno;
}

static int fill_filter_stack(void)
{
	static struct sock_filter allow[4096];
	static const struct sock_filter ret_k[] = { RET(SECCOMP_RET_ALLOW) };
	static const struct sock_filter ret_a[] = { RET_A };
	struct sock_fprog fp = { .filter = allow };
	unsigned len = 4096;

	for (unsigned i = 0; i < 4096; i++)
		allow[i] = (struct sock_filter)RET(SECCOMP_RET_ALLOW);
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
		return -errno;
	/* The limit counts the translated (eBPF) length, which the tests
	 * cannot predict: install the largest filters that still fit,
	 * halving the size on ENOMEM, down to a single instruction. */
	while (len > 0) {
		fp.len = (unsigned short)len;
		if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &fp) == 0)
			continue;
		if (errno != ENOMEM)
			return -errno;
		len /= 2;
	}
	/* The two shortest valid programs must now be refused as too many. */
	if (kernel_verdict(ret_k, 1) != 0 || kernel_verdict(ret_a, 1) != 0)
		return -EAGAIN;
	return 0;
}

static void test_random_vs_kernel(void **state)
{
	int pfd[2];
	pid_t pid;
	int status;
	char msg[1024] = "";
	ssize_t n;

	assert_int_equal(pipe(pfd), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		static struct sock_filter p[BPF_SECCOMP_MAX_INSNS + 8];
		unsigned mism = 0, accepted = 0;
		int r;

		close(pfd[0]);
		r = fill_filter_stack();
		if (r < 0) {
			dprintf(pfd[1], "skip: cannot install seccomp filters here: %s", strerror(-r));
			_exit(77);
		}
		rng_state = 0x0123456789abcdefULL;
		for (unsigned i = 0; i < 20000; i++) {
			unsigned len = random_program(p, i % 500 == 0 ? BPF_SECCOMP_MAX_INSNS + 8 : 100);
			int mine = bpf_check(p, len, NULL);
			int kern = kernel_verdict(p, len);

			if (kern == 0)
				accepted++;
			if (kern == 1 || (kern < 0 && kern != -EINVAL) || mine != kern) {
				if (!mism++) {
					dprintf(pfd[1], "program %u: ours %d kernel %d:", i, mine, kern);
					for (unsigned j = 0; j < len && j < 12; j++)
						dprintf(pfd[1], " {%#x,%u,%u,%#x}", p[j].code, p[j].jt,
							p[j].jf, p[j].k);
				}
				if (kern == 1)
					_exit(2);
			}
		}
		if (!mism)
			dprintf(pfd[1], "ok: %u accepted by both", accepted);
		_exit(mism ? 1 : accepted > 1000 ? 0 : 3);
	}
	close(pfd[1]);
	n = read(pfd[0], msg, sizeof(msg) - 1);
	if (n > 0)
		msg[n] = '\0';
	close(pfd[0]);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	if (WEXITSTATUS(status) == 77) {
		print_message("%s\n", msg);
		skip();
	}
	if (WEXITSTATUS(status) != 0)
		fail_msg("kernel disagrees: %s (status %d)", msg, WEXITSTATUS(status));
	print_message("%s\n", msg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_allow_all),
		cmocka_unit_test(test_nr_and_arch),
		cmocka_unit_test(test_args_hi_lo),
		cmocka_unit_test(test_alu),
		cmocka_unit_test(test_alu_x_and_div_zero),
		cmocka_unit_test(test_scratch_len_misc),
		cmocka_unit_test(test_jumps),
		cmocka_unit_test(test_max_length),
		cmocka_unit_test(test_invalid),
		cmocka_unit_test(test_kind),
		cmocka_unit_test(test_precedence),
		cmocka_unit_test(test_stack),
		cmocka_unit_test(test_libseccomp_export),
		cmocka_unit_test(test_random_programs),
		cmocka_unit_test(test_random_vs_kernel),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
