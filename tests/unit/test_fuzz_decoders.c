/* Fuzz every decoder of the native syscall table: random arguments (some
 * pointing into a stopped child's page of random bytes, some at its page
 * edges, some unmapped or NULL), random return values and errors, every
 * option combination that changes printing.  Nothing may crash or read
 * out of bounds (the ASan+UBSan build runs this too).  Deterministic:
 * fixed seeds; except test_changing_memory: the child's pages are shared
 * with this process, and a thread rewrites them while the decoders read
 * them, as another thread of a tracee can between the syscall's exit and
 * ctrace's reads (a length read first and the data it counts read later
 * disagree, strings lose or gain their NUL, records change their size). */
#include <pthread.h>
#include <setjmp.h>
#include <stdatomic.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>

#include "arch.h"
#include "decode.h"
#include "mem.h"
#include "sink.h"
#include "tcb.h"

#define PAGES 4
#define ITER_PER_SYSCALL 200

static pid_t child;
static unsigned long region;  /* random bytes in the child, PAGES pages */
static unsigned long hole;    /* an unmapped page in the child */
static unsigned char *shared; /* region, as mapped in this process */

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;
static uint64_t rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

static int setup(void **state)
{
	int fds[2];

	(void)state;
	if (pipe(fds) < 0)
		return -1;
	/* shared with the child: test_changing_memory rewrites it from here */
	shared = mmap(NULL, (PAGES + 1) * 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (shared == MAP_FAILED)
		return -1;
	child = fork();
	if (child == 0) {
		unsigned char *p = shared;
		unsigned long addrs[2];

		munmap(p + PAGES * 4096, 4096);
		srand(42);
		for (int i = 0; i < PAGES * 4096; i++)
			p[i] = (unsigned char)(rand() & 0xff);
		/* some NUL-terminated strings and small counts in the mix */
		for (int i = 0; i < PAGES * 4096; i += 97)
			p[i] = 0;
		addrs[0] = (unsigned long)p;
		addrs[1] = (unsigned long)(p + PAGES * 4096);
		if (write(fds[1], addrs, sizeof(addrs)) != sizeof(addrs))
			_exit(1);
		ptrace(PTRACE_TRACEME, 0, 0, 0);
		raise(SIGSTOP);
		_exit(0);
	}
	{
		unsigned long addrs[2];
		int st;

		if (read(fds[0], addrs, sizeof(addrs)) != sizeof(addrs))
			return -1;
		region = addrs[0];
		hole = addrs[1];
		if (waitpid(child, &st, 0) != child || !WIFSTOPPED(st))
			return -1;
	}
	close(fds[0]);
	close(fds[1]);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	kill(child, SIGKILL);
	waitpid(child, NULL, 0);
	return 0;
}

static unsigned long random_arg(void)
{
	switch (rnd() % 8) {
	case 0: return 0;
	case 1: return region + rnd() % (PAGES * 4096);
	case 2: return region + PAGES * 4096 - 1 - rnd() % 16; /* at the edge */
	case 3: return hole + rnd() % 4096;
	case 4: return rnd() % 64;
	case 5: return (unsigned long)-(long)(rnd() % 4096);
	case 6: return rnd() & 0xffffffff;
	default: return rnd();
	}
}

static void fuzz_one(struct tcb *tcp, const struct syscall_ent *e, long nr)
{
	tcp->ent = e;
	tcp->scno = nr;
	for (int i = 0; i < 6; i++)
		tcp->args[i] = random_arg();
	tcp->exiting = false;
	tcp->flags |= TCB_INSYSCALL;
	syscall_print_entry(tcp);
	tcp->exiting = true;
	if (rnd() % 3 == 0) {
		tcp->err = (int)(1 + rnd() % 530);
		tcp->rval = -tcp->err;
	} else {
		tcp->err = 0;
		tcp->rval = (long)(rnd() % 5 == 0 ? rnd() : rnd() % 8192);
	}
	if (rnd() % 50 == 0)
		syscall_print_unfinished_exit(tcp);
	else
		syscall_print_exit(tcp);
	tcp->flags &= ~TCB_INSYSCALL;
}

static void run_all(unsigned max_strlen, int xflag, unsigned decode_fds, bool verbose, bool vm_readv)
{
	const struct arch_def *a = arch_native;
	FILE *null = fopen("/dev/null", "w");
	struct outstream *os = outstream_new(null);
	struct tcb *tcp = tcb_new(child, 0);

	tcp->out = os;
	pcfg.max_strlen = max_strlen;
	pcfg.xflag = xflag;
	pcfg.decode_fds = decode_fds;
	pcfg.verbose = verbose;
	mem_set_vm_readv(vm_readv);
	for (unsigned nr = 0; nr < a->nsyscalls; nr++) {
		const struct syscall_ent *e = arch_syscall(a, nr);

		if (!e)
			continue;
		for (int k = 0; k < ITER_PER_SYSCALL; k++)
			fuzz_one(tcp, e, nr);
	}
	/* unknown numbers too */
	for (int k = 0; k < ITER_PER_SYSCALL; k++)
		fuzz_one(tcp, NULL, 100000 + k);
	tcb_free(tcp);
	outstream_close(os);
	mem_set_vm_readv(true);
}

static void test_defaults(void **state) { (void)state; run_all(32, 0, 0, false, true); }
static void test_verbose_hex(void **state) { (void)state; run_all(4096, 2, DECODE_FD_PATH, true, true); }
static void test_tiny_peek(void **state) { (void)state; run_all(0, 1, 0, false, false); }
/* Rewrites the shared pages without pause: random bytes, NULs and small
 * numbers (lengths, counts, record sizes) at random places. */
static atomic_bool mutating;
static void *mutator(void *arg)
{
	uint64_t x = 0x2545f4914f6cdd1dull;

	(void)arg;
	while (atomic_load_explicit(&mutating, memory_order_relaxed)) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		size_t at = (size_t)(x % (PAGES * 4096 - 8));

		switch (x >> 60) {
		case 0: case 1: case 2: shared[at] = 0; break;
		case 3: case 4: case 5: {
			uint16_t small = (uint16_t)((x >> 32) % 40);
			memcpy(shared + at, &small, sizeof(small));
			break;
		}
		case 6: {
			uint32_t big = (uint32_t)(x >> 24);
			memcpy(shared + at, &big, sizeof(big));
			break;
		}
		default: shared[at] = (unsigned char)(x >> 40); break;
		}
	}
	return NULL;
}

static void test_changing_memory(void **state)
{
	pthread_t th;

	(void)state;
	atomic_store(&mutating, true);
	assert_int_equal(pthread_create(&th, NULL, mutator, NULL), 0);
	run_all(4096, 0, DECODE_FD_ALL, true, true);
	run_all(64, 1, DECODE_FD_PATH, true, false);
	atomic_store(&mutating, false);
	pthread_join(th, NULL);
}

static void test_dead_tracee(void **state)
{
	/* a pid that does not exist: every memory read fails with ESRCH */
	pid_t saved = child;

	(void)state;
	child = 0x3ffffff0;
	run_all(64, 0, DECODE_FD_SOCKET | DECODE_FD_DEV, true, true);
	child = saved;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_verbose_hex),
		cmocka_unit_test(test_tiny_peek),
		cmocka_unit_test(test_changing_memory),
		cmocka_unit_test(test_dead_tracee),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
