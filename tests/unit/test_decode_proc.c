/* Unit tests of the memory/process/signal/time/futex decoders: the pure
 * formatters, and the decoders themselves driven with a fake tcb whose
 * "tracee" is this test process (process_vm_readv on ourselves reads the
 * structs we build) or a pid that does not exist (every read fails with
 * ESRCH, so the decoders must print addresses); the fake tracee comes
 * from the shared harness tests/unit/fake_tcb.[ch]. */
#include "config.h"

#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/timex.h>
#include <sys/uio.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include <linux/futex.h>
#include <linux/sysctl.h>

#include "decode.h"
#include "decode_creds.h"
#include "decode_sched.h"
#include "decode_futex.h"
#include "decode_memory.h"
#include "decode_process.h"
#include "decode_ptrace.h"
#include "decode_signal.h"
#include "decode_time.h"
#include "fake_tcb.h"
#include "gen/decoders.h"
#include "options.h"
#include "sink.h"
#include "signals.h"
#include "syscallent.h"
#include "tcb.h"


/* ------------------------------------------------------------------ */
/* Pure formatters */

static void test_sigset(void **state)
{
	char buf[512];
	uint64_t m;

	(void)state;
	m = 0;
	format_sigset(buf, sizeof(buf), &m, 8);
	assert_string_equal(buf, "[]");
	m = (1ULL << (SIGINT - 1)) | (1ULL << (SIGTERM - 1));
	format_sigset(buf, sizeof(buf), &m, 8);
	assert_string_equal(buf, "[INT TERM]");
	m = ~((1ULL << 31) | (1ULL << 32)); /* all but 32 and 33 */
	format_sigset(buf, sizeof(buf), &m, 8);
	assert_string_equal(buf, "~[RTMIN RT_1]");
	m = ~0ULL;
	format_sigset(buf, sizeof(buf), &m, 8);
	assert_string_equal(buf, "~[]");
	m = (1ULL << 63) | (1ULL << (SIGIO - 1));
	format_sigset(buf, sizeof(buf), &m, 8);
	assert_string_equal(buf, "[IO RT_32]");
	/* A 4-byte set only covers signals 1..32. */
	m = (1ULL << (SIGCHLD - 1)) | (1ULL << 40);
	format_sigset(buf, sizeof(buf), &m, 4);
	assert_string_equal(buf, "[CHLD]");
	/* Truncation never overflows. */
	m = 0x5555;
	assert_true(format_sigset(buf, 4, &m, 8) <= 3);
	assert_int_equal(strlen(buf), 3);
}

static void test_k_sigaction(void **state)
{
	char buf[512];
	struct k_sigaction sa = { .handler = 1, .flags = 0, .mask = 0 };

	(void)state;
	format_k_sigaction(buf, sizeof(buf), &sa);
	assert_string_equal(buf, "{sa_handler=SIG_IGN, sa_mask=[], sa_flags=0}");
	sa.handler = 0x401000;
	sa.flags = 0x04000000 | SA_RESTART;
	sa.restorer = 0x7f0000001000;
	sa.mask = 1ULL << (SIGTERM - 1);
	format_k_sigaction(buf, sizeof(buf), &sa);
	assert_string_equal(buf, "{sa_handler=0x401000, sa_mask=[TERM], "
			    "sa_flags=SA_RESTORER|SA_RESTART, sa_restorer=0x7f0000001000}");
	sa.handler = 0;
	sa.flags = 0x04000000 | 0x200;  /* an unknown bit */
	sa.restorer = 0;
	sa.mask = 0;
	format_k_sigaction(buf, sizeof(buf), &sa);
	assert_string_equal(buf, "{sa_handler=SIG_DFL, sa_mask=[], sa_flags=SA_RESTORER|0x200, "
			    "sa_restorer=NULL}");
}

static void test_wait_status(void **state)
{
	char buf[256];

	(void)state;
	format_wait_status(buf, sizeof(buf), 0);
	assert_string_equal(buf, "[{WIFEXITED(s) && WEXITSTATUS(s) == 0}]");
	format_wait_status(buf, sizeof(buf), 3 << 8);
	assert_string_equal(buf, "[{WIFEXITED(s) && WEXITSTATUS(s) == 3}]");
	format_wait_status(buf, sizeof(buf), SIGTERM);
	assert_string_equal(buf, "[{WIFSIGNALED(s) && WTERMSIG(s) == SIGTERM}]");
	format_wait_status(buf, sizeof(buf), SIGSEGV | 0x80);
	assert_string_equal(buf, "[{WIFSIGNALED(s) && WTERMSIG(s) == SIGSEGV && WCOREDUMP(s)}]");
	format_wait_status(buf, sizeof(buf), (SIGSTOP << 8) | 0x7f);
	assert_string_equal(buf, "[{WIFSTOPPED(s) && WSTOPSIG(s) == SIGSTOP}]");
	format_wait_status(buf, sizeof(buf), (4 << 16) | (SIGTRAP << 8) | 0x7f);
	assert_string_equal(buf, "[{WIFSTOPPED(s) && WSTOPSIG(s) == SIGTRAP} | PTRACE_EVENT_EXEC << 16]");
	format_wait_status(buf, sizeof(buf), 0xffff);
	assert_string_equal(buf, "[{WIFCONTINUED(s)}]");
}

static void test_clone_flags(void **state)
{
	char buf[512];

	(void)state;
	format_clone_flags(buf, sizeof(buf), 0x01200000 | SIGCHLD);
	assert_string_equal(buf, "CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD");
	format_clone_flags(buf, sizeof(buf), 0);
	assert_string_equal(buf, "0");
	format_clone_flags(buf, sizeof(buf), SIGCHLD);
	assert_string_equal(buf, "SIGCHLD");
	format_clone_flags(buf, sizeof(buf), 0x100 | 0x4000 | 0);
	assert_string_equal(buf, "CLONE_VM|CLONE_VFORK");
	/* An unknown high bit and an unnamed exit signal number. */
	format_clone_flags(buf, sizeof(buf), 0x8000000000000000ULL | 99);
	assert_string_equal(buf, "0x8000000000000000|99");
}

static void test_rlim(void **state)
{
	char buf[64];

	(void)state;
	format_rlim(buf, sizeof(buf), UINT64_MAX);
	assert_string_equal(buf, "RLIM64_INFINITY");
	format_rlim(buf, sizeof(buf), 8192 * 1024);
	assert_string_equal(buf, "8192*1024");
	format_rlim(buf, sizeof(buf), 20000);
	assert_string_equal(buf, "20000");
	format_rlim(buf, sizeof(buf), 0);
	assert_string_equal(buf, "0");
	format_rlim(buf, sizeof(buf), 1024);
	assert_string_equal(buf, "1*1024");
}

static void test_time_formats(void **state)
{
	char buf[96];

	(void)state;
	format_timespec(buf, sizeof(buf), 0, 1000000);
	assert_string_equal(buf, "{tv_sec=0, tv_nsec=1000000}");
	format_timespec(buf, sizeof(buf), -1, -1);
	assert_string_equal(buf, "{tv_sec=-1, tv_nsec=18446744073709551615}");
	format_timeval(buf, sizeof(buf), 1, 5);
	assert_string_equal(buf, "{tv_sec=1, tv_usec=5}");
	setenv("TZ", "UTC", 1);
	format_time_iso(buf, sizeof(buf), 0);
	assert_string_equal(buf, "1970-01-01T00:00:00+0000");
	/* Tiny buffer: truncated, NUL-terminated. */
	format_timespec(buf, 5, 123456, 0);
	assert_string_equal(buf, "{tv_");
}

static void test_clock_t(void **state)
{
	char buf[96];

	(void)state;
	format_clock_t(buf, sizeof(buf), 0, 100);
	assert_string_equal(buf, "0");
	format_clock_t(buf, sizeof(buf), 16, 100);
	assert_string_equal(buf, "16 /* 0.16 s */");
	format_clock_t(buf, sizeof(buf), 150, 100);
	assert_string_equal(buf, "150 /* 1.50 s */");
	format_clock_t(buf, sizeof(buf), 7, 1000);
	assert_string_equal(buf, "7 /* 0.007 s */");
}

static void test_futex_formats(void **state)
{
	char buf[256];

	(void)state;
	format_futex_op(buf, sizeof(buf), FUTEX_WAIT_PRIVATE);
	assert_string_equal(buf, "FUTEX_WAIT_PRIVATE");
	format_futex_op(buf, sizeof(buf), FUTEX_WAIT_BITSET | FUTEX_CLOCK_REALTIME);
	assert_string_equal(buf, "FUTEX_WAIT_BITSET|FUTEX_CLOCK_REALTIME");
	format_futex_op(buf, sizeof(buf), FUTEX_WAKE);
	assert_string_equal(buf, "FUTEX_WAKE");
	format_futex_op(buf, sizeof(buf), 0x7f | FUTEX_PRIVATE_FLAG);
	assert_string_equal(buf, "0xff /* FUTEX_??? */");
	/* FUTEX_CLOCK_REALTIME is named on the waits only (strace 6.1) */
	format_futex_op(buf, sizeof(buf), FUTEX_WAKE_PRIVATE | FUTEX_CLOCK_REALTIME);
	assert_string_equal(buf, "0x181 /* FUTEX_??? */");
	format_futex_op(buf, sizeof(buf), FUTEX_FD | FUTEX_PRIVATE_FLAG);
	assert_string_equal(buf, "FUTEX_FD|FUTEX_PRIVATE_FLAG");
	format_futex_wake_op(buf, sizeof(buf), FUTEX_OP(FUTEX_OP_SET, 0, FUTEX_OP_CMP_GT, 1));
	assert_string_equal(buf, "FUTEX_OP_SET<<28|0<<12|FUTEX_OP_CMP_GT<<24|0x1");
	format_futex_wake_op(buf, sizeof(buf), (9u << 28) | (15u << 24) | (5u << 12) | 2u);
	assert_string_equal(buf, "FUTEX_OP_OPARG_SHIFT<<28|FUTEX_OP_ADD<<28|0x5<<12|"
			    "0xf<<24 /* FUTEX_OP_CMP_??? */|0x2");
}

static void test_memory_formats(void **state)
{
	char buf[256];

	(void)state;
	format_mmap_prot(buf, sizeof(buf), 0);
	assert_string_equal(buf, "PROT_NONE");
	format_mmap_prot(buf, sizeof(buf), 7);
	assert_string_equal(buf, "PROT_READ|PROT_WRITE|PROT_EXEC");
	format_mmap_prot(buf, sizeof(buf), 0x1 | 0x100);
	assert_string_equal(buf, "PROT_READ|0x100");
}

static void test_creds_formats(void **state)
{
	char buf[2048];
	unsigned char cpus[16] = { 0x03, 0, 0, 0x80 };

	(void)state;
	format_capset(buf, sizeof(buf), 0);
	assert_string_equal(buf, "0");
	format_capset(buf, sizeof(buf), 1 | (1 << 21));
	assert_string_equal(buf, "1<<CAP_CHOWN|1<<CAP_SYS_ADMIN");
	format_capset(buf, sizeof(buf), 1ULL << 63);
	assert_string_equal(buf, "1<<63");
	format_personality(buf, sizeof(buf), 0);
	assert_string_equal(buf, "PER_LINUX");
	format_personality(buf, sizeof(buf), 0x0040000);
	assert_string_equal(buf, "PER_LINUX|ADDR_NO_RANDOMIZE");
	format_personality(buf, sizeof(buf), 0xffffffff);
	assert_string_equal(buf, "0xffffffff");
	format_cpuset(buf, sizeof(buf), cpus, sizeof(cpus));
	assert_string_equal(buf, "[0 1 31]");
	format_cpuset(buf, sizeof(buf), cpus + 4, 4);
	assert_string_equal(buf, "[]");
}

static void test_bpf(void **state)
{
	char buf[256];
	struct bpf_insn_raw ret = { 0x06, 0, 0, 0x7fff0000 };
	struct bpf_insn_raw ld = { 0x20, 0, 0, 4 };
	struct bpf_insn_raw jeq = { 0x15, 0, 3, 0xc000003e };
	struct bpf_insn_raw err = { 0x06, 0, 0, 0x00050000 | EPERM };
	struct bpf_insn_raw skf_ll = { 0x30, 0, 0, 0xffe00004 };
	struct bpf_insn_raw skf_ad = { 0x30, 0, 0, 0xfffff000 };

	(void)state;
	format_bpf_insn(buf, sizeof(buf), &ret, BPF_FLAVOR_SECCOMP);
	assert_string_equal(buf, "BPF_STMT(BPF_RET|BPF_K, SECCOMP_RET_ALLOW)");
	format_bpf_insn(buf, sizeof(buf), &ld, BPF_FLAVOR_SECCOMP);
	assert_string_equal(buf, "BPF_STMT(BPF_LD|BPF_W|BPF_ABS, 0x4)");
	format_bpf_insn(buf, sizeof(buf), &jeq, BPF_FLAVOR_SECCOMP);
	assert_string_equal(buf, "BPF_JUMP(BPF_JMP|BPF_K|BPF_JEQ, 0xc000003e, 0, 0x3)");
	format_bpf_insn(buf, sizeof(buf), &err, BPF_FLAVOR_SECCOMP);
	assert_string_equal(buf, "BPF_STMT(BPF_RET|BPF_K, SECCOMP_RET_ERRNO|0x1)");
	/* a socket filter: SKF offsets in absolute loads, plain return values */
	format_bpf_insn(buf, sizeof(buf), &skf_ll, BPF_FLAVOR_SOCKET);
	assert_string_equal(buf, "BPF_STMT(BPF_LD|BPF_B|BPF_ABS, SKF_LL_OFF+4)");
	format_bpf_insn(buf, sizeof(buf), &skf_ad, BPF_FLAVOR_SOCKET);
	assert_string_equal(buf, "BPF_STMT(BPF_LD|BPF_B|BPF_ABS, SKF_AD_OFF+SKF_AD_PROTOCOL)");
	format_bpf_insn(buf, sizeof(buf), &ret, BPF_FLAVOR_SOCKET);
	assert_string_equal(buf, "BPF_STMT(BPF_RET|BPF_K, 0x7fff0000)");
	/* -X raw: numbers; -X verbose: numbers with their names */
	pcfg.xlat_style = XLAT_RAW;
	format_bpf_insn(buf, sizeof(buf), &skf_ad, BPF_FLAVOR_SOCKET);
	assert_string_equal(buf, "BPF_STMT(0|0x10|0x20, 0xfffff000+0)");
	format_bpf_insn(buf, sizeof(buf), &jeq, BPF_FLAVOR_SOCKET);
	assert_string_equal(buf, "BPF_JUMP(0x5|0|0x10, 0xc000003e, 0, 0x3)");
	pcfg.xlat_style = XLAT_VERBOSE;
	format_bpf_insn(buf, sizeof(buf), &skf_ll, BPF_FLAVOR_SOCKET);
	assert_string_equal(buf, "BPF_STMT(0 /* BPF_LD */|0x10 /* BPF_B */|0x20 /* BPF_ABS */, "
				 "0xffe00000 /* SKF_LL_OFF */+4)");
	format_bpf_insn(buf, sizeof(buf), &skf_ad, BPF_FLAVOR_SOCKET);
	assert_string_equal(buf, "BPF_STMT(0 /* BPF_LD */|0x10 /* BPF_B */|0x20 /* BPF_ABS */, "
				 "0xfffff000 /* SKF_AD_OFF */+0 /* SKF_AD_PROTOCOL */)");
	pcfg.xlat_style = XLAT_ABBREV;
}

/* -X raw and -X verbose forms, as strace 6.1 prints them. */
static void test_xlat_styles(void **state)
{
	char buf[1024];
	uint64_t m = (1ULL << (SIGUSR2 - 1));
	uint64_t rt = ~((1ULL << 31) | (1ULL << 32));
	struct k_sigaction sa = { .handler = 1, .flags = 0x04000000 | SA_RESTART, .restorer = 0x10,
				  .mask = 1ULL << (SIGSEGV - 1) };

	(void)state;
	pcfg.xlat_style = XLAT_VERBOSE;
	format_sigset(buf, sizeof(buf), &m, 8);
	assert_string_equal(buf, "[12 /* USR2 */]");
	format_sigset(buf, sizeof(buf), &rt, 8);
	assert_string_equal(buf, "~[32 /* RTMIN */ 33 /* RT_1 */]");
	format_k_sigaction(buf, sizeof(buf), &sa);
	assert_string_equal(buf, "{sa_handler=0x1 /* SIG_IGN */, sa_mask=[11 /* SEGV */], "
			    "sa_flags=0x14000000 /* SA_RESTORER|SA_RESTART */, sa_restorer=0x10}");
	format_clone_flags(buf, sizeof(buf), 0x01200000 | SIGCHLD);
	assert_string_equal(buf, "0x1200000 /* CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID */|17 /* SIGCHLD */");
	format_rlim(buf, sizeof(buf), 8192 * 1024);
	assert_string_equal(buf, "8388608 /* 8192*1024 */");
	format_rlim(buf, sizeof(buf), UINT64_MAX);
	assert_string_equal(buf, "18446744073709551615 /* RLIM64_INFINITY */");
	format_rlim(buf, sizeof(buf), 20000);
	assert_string_equal(buf, "20000");
	format_futex_op(buf, sizeof(buf), FUTEX_WAKE_OP_PRIVATE);
	assert_string_equal(buf, "0x85 /* FUTEX_WAKE_OP_PRIVATE */");
	format_futex_op(buf, sizeof(buf), FUTEX_WAIT);
	assert_string_equal(buf, "0 /* FUTEX_WAIT */");
	format_futex_wake_op(buf, sizeof(buf), FUTEX_OP(FUTEX_OP_SET, 0, FUTEX_OP_CMP_GT, 1));
	assert_string_equal(buf, "0 /* FUTEX_OP_SET */<<28|0<<12|0x4 /* FUTEX_OP_CMP_GT */<<24|0x1");
	format_personality(buf, sizeof(buf), 0x40000);
	assert_string_equal(buf, "0 /* PER_LINUX */|0x40000 /* ADDR_NO_RANDOMIZE */");
	format_personality(buf, sizeof(buf), 0x1f);
	assert_string_equal(buf, "0x1f /* PER_??? */");
	format_futex_op(buf, sizeof(buf), FUTEX_WAKE | FUTEX_CLOCK_REALTIME);
	assert_string_equal(buf, "0x101 /* FUTEX_??? */");
	format_mmap_prot(buf, sizeof(buf), 3);
	assert_string_equal(buf, "0x3 /* PROT_READ|PROT_WRITE */");
	format_mmap_prot(buf, sizeof(buf), 0);
	assert_string_equal(buf, "0 /* PROT_NONE */");
	format_capset(buf, sizeof(buf), 1 | (1ULL << 32));
	assert_string_equal(buf, "0x1 /* 1<<CAP_CHOWN */|0x1 /* 1<<CAP_MAC_OVERRIDE */");

	pcfg.xlat_style = XLAT_RAW;
	format_sigset(buf, sizeof(buf), &rt, 8);
	assert_string_equal(buf, "~[32 33]");
	format_k_sigaction(buf, sizeof(buf), &sa);
	assert_string_equal(buf, "{sa_handler=0x1, sa_mask=[11], sa_flags=0x14000000, sa_restorer=0x10}");
	format_clone_flags(buf, sizeof(buf), 0x01200000 | SIGCHLD);
	assert_string_equal(buf, "0x1200000|17");
	format_futex_wake_op(buf, sizeof(buf), FUTEX_OP(FUTEX_OP_SET, 0, FUTEX_OP_CMP_GT, 1));
	assert_string_equal(buf, "0<<28 /* FUTEX_OP_??? */|0<<12|0x4<<24 /* FUTEX_OP_CMP_??? */|0x1");
	format_capset(buf, sizeof(buf), 0xfeffffffULL | (0x1ffULL << 32));
	assert_string_equal(buf, "0xfeffffff|0x1ff");
	format_personality(buf, sizeof(buf), 0);
	assert_string_equal(buf, "0");
	format_xlat_styled(buf, sizeof(buf), "-1", "PR_SET_PTRACER_ANY");
	assert_string_equal(buf, "-1");
	pcfg.xlat_style = XLAT_ABBREV;
	format_xlat_styled(buf, sizeof(buf), "-1", "PR_SET_PTRACER_ANY");
	assert_string_equal(buf, "PR_SET_PTRACER_ANY");
	format_xlat_styled(buf, sizeof(buf), "7", NULL);
	assert_string_equal(buf, "7");
}

/* ------------------------------------------------------------------ */
/* Decoders on a fake tcb */

/* One decoder call on a fresh fake tracee of the shared harness
 * (fake_tcb.h): arguments, entry, and exit with rval or errno err.
 * Returns the text printed; valid until the next call. */
static const char *drive(struct fake *f, decoder_fn d, long rval, int err,
			 unsigned long a0, unsigned long a1, unsigned long a2,
			 unsigned long a3, unsigned long a4, unsigned long a5)
{
	return fake_drive(f, d, rval, err, a0, a1, a2, a3, a4, a5);
}

static void test_dec_rt_sigaction(void **state)
{
	struct fake f;
	struct k_sigaction act = { .handler = 1, .flags = 0x04000000 | SA_RESTART,
				   .restorer = 0x1234, .mask = 1ULL << (SIGPIPE - 1) };
	struct k_sigaction old = { 0 };

	(void)state;
	fake_init(&f, getpid());
	assert_string_equal(drive(&f, dec_rt_sigaction, 0, 0, SIGPIPE, (unsigned long)&act,
				(unsigned long)&old, 8, 0, 0),
			    "SIGPIPE, {sa_handler=SIG_IGN, sa_mask=[PIPE], sa_flags=SA_RESTORER|SA_RESTART, "
			    "sa_restorer=0x1234}, {sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}, 8");
	/* Failed call: the old action is not written, its address is printed. */
	char expect[128];
	snprintf(expect, sizeof(expect), "SIGRT_2, NULL, %p, 8", (void *)&old);
	assert_string_equal(drive(&f, dec_rt_sigaction, 0, EINVAL, 34, 0, (unsigned long)&old, 8, 0, 0),
			    expect);
	fake_done(&f);

	/* Unreadable memory: addresses. */
	fake_init(&f, NO_SUCH_PID);
	assert_string_equal(drive(&f, dec_rt_sigaction, 0, 0, SIGUSR1, 0x1000, 0x2000, 8, 0, 0),
			    "SIGUSR1, 0x1000, 0x2000, 8");
	fake_done(&f);
}

static void test_dec_rt_sigprocmask(void **state)
{
	struct fake f;
	uint64_t set = (1ULL << (SIGINT - 1)) | (1ULL << (SIGTERM - 1)), old = 0;

	(void)state;
	fake_init(&f, getpid());
	assert_string_equal(drive(&f, dec_rt_sigprocmask, 0, 0, SIG_BLOCK, (unsigned long)&set,
				(unsigned long)&old, 8, 0, 0),
			    "SIG_BLOCK, [INT TERM], [], 8");
	assert_string_equal(drive(&f, dec_rt_sigprocmask, 0, 0, SIG_SETMASK, (unsigned long)&set, 0, 8, 0, 0),
			    "SIG_SETMASK, [INT TERM], NULL, 8");
	/* A bad sigsetsize: the set is not decoded; unknown how. */
	char expect[128];
	snprintf(expect, sizeof(expect), "0x7 /* SIG_??? */, %p, NULL, 4096", (void *)&set);
	assert_string_equal(drive(&f, dec_rt_sigprocmask, 0, EINVAL, 7, (unsigned long)&set, 0, 4096, 0, 0),
			    expect);
	fake_done(&f);
}

static void test_dec_wait4(void **state)
{
	struct fake f;
	int status = SIGKILL;
	char expect[128];

	(void)state;
	fake_init(&f, getpid());
	assert_string_equal(drive(&f, dec_wait4, 1234, 0, -1, (unsigned long)&status, 0, 0, 0, 0),
			    "-1, [{WIFSIGNALED(s) && WTERMSIG(s) == SIGKILL}], 0, NULL");
	/* WNOHANG and nothing to report: the status is not written. */
	snprintf(expect, sizeof(expect), "-1, %p, WNOHANG, NULL", (void *)&status);
	assert_string_equal(drive(&f, dec_wait4, 0, 0, -1, (unsigned long)&status, WNOHANG, 0, 0, 0),
			    expect);
	/* ... nor the rusage */
	struct rusage ru;
	memset(&ru, 0xff, sizeof(ru));
	snprintf(expect, sizeof(expect), "-1, %p, WNOHANG, %p", (void *)&status, (void *)&ru);
	assert_string_equal(drive(&f, dec_wait4, 0, 0, -1, (unsigned long)&status, WNOHANG,
				  (unsigned long)&ru, 0, 0),
			    expect);
	/* the counters print unsigned, as the kernel's longs are */
	pcfg.verbose = true;
	ru.ru_utime.tv_sec = ru.ru_stime.tv_sec = 0;
	ru.ru_utime.tv_usec = ru.ru_stime.tv_usec = 0;
	assert_non_null(strstr(drive(&f, dec_wait4, 7, 0, -1, 0, 0, (unsigned long)&ru, 0, 0),
			       ", ru_maxrss=18446744073709551615, ru_ixrss="));
	pcfg.verbose = false;
	fake_done(&f);
	fake_init(&f, NO_SUCH_PID);
	assert_string_equal(drive(&f, dec_wait4, 1234, 0, 5, 0x10, 0x40000000, 0x20, 0, 0),
			    "5, 0x10, __WALL, 0x20");
	fake_done(&f);
}

/* adjtimex: struct timex at exit, the clock state as a note; _sysctl:
 * struct __sysctl_args */
static void test_dec_adjtimex_sysctl(void **state)
{
	struct fake f;
	struct timex tx;
	struct __sysctl_args sa;
	char expect[512];
	const char *text;

	(void)state;
	memset(&tx, 0, sizeof(tx));
	tx.status = STA_UNSYNC;
	tx.maxerror = 16000000;
	tx.tai = 37;
	fake_init(&f, getpid());
	text = drive(&f, dec_adjtimex, 5, 0, (unsigned long)&tx, 0, 0, 0, 0, 0);
	assert_string_equal(text, "{modes=0, offset=0, freq=0, maxerror=16000000, esterror=0, "
			    "status=STA_UNSYNC, constant=0, precision=0, tolerance=0, "
			    "time={tv_sec=0, tv_usec=0}, tick=0, ppsfreq=0, jitter=0, shift=0, "
			    "stabil=0, jitcnt=0, calcnt=0, errcnt=0, stbcnt=0, tai=37}");
	assert_string_equal(f.tcb.auxstr, "TIME_ERROR");
	memset(&sa, 0, sizeof(sa));
	sa.nlen = 2;
	sa.newlen = 7;
	snprintf(expect, sizeof(expect), "{name=NULL, nlen=2, oldval=NULL, oldlenp=NULL, "
		 "newval=NULL, newlen=7}");
	assert_string_equal(drive(&f, dec_sysctl, -1, ENOSYS, (unsigned long)&sa, 0, 0, 0, 0, 0),
			    expect);
	fake_done(&f);
}

/* x86 struct user_desc (src/decode_x86.c) */
static void test_dec_user_desc(void **state)
{
	struct fake f;
	uint32_t d[4] = { UINT32_MAX, 0, 0, 1 | (2 << 1) | (1 << 7) };
	uint32_t n = 12;
	char expect[256];

	(void)state;
	fake_init(&f, getpid());
	f.tcb.arch = &arch_x86_64;
	assert_string_equal(drive(&f, dec_modify_ldt, 0xffffffda, 0, 1, (unsigned long)d, 16, 0, 0, 0),
			    "1, {entry_number=-1, base_addr=00000000, limit=00000000, seg_32bit=1, "
			    "contents=2, read_exec_only=0, limit_in_pages=0, seg_not_present=0, "
			    "useable=0, lm=1}, 16");
	assert_true(f.tcb.rval_int_err);
	snprintf(expect, sizeof(expect), "1, %p, 42", (void *)d);
	assert_string_equal(drive(&f, dec_modify_ldt, 0, 0, 1, (unsigned long)d, 42, 0, 0, 0), expect);
	assert_string_equal(drive(&f, dec_get_thread_area, -1, ENOSYS, (unsigned long)&n, 0, 0, 0, 0, 0),
			    "{entry_number=12, ...}");
	d[0] = 6;
	assert_string_equal(drive(&f, dec_set_thread_area, 0, 0, (unsigned long)d, 0, 0, 0, 0, 0),
			    "{entry_number=6, base_addr=00000000, limit=00000000, seg_32bit=1, "
			    "contents=2, read_exec_only=0, limit_in_pages=0, seg_not_present=0, "
			    "useable=0, lm=1}");
	assert_string_equal(f.tcb.auxstr, "entry_number=6");
	fake_done(&f);

	/* modify_ldt's -ENOSYS comes zero-extended: the value, then its name */
	fake_init(&f, getpid());
	f.tcb.arch = &arch_x86_64;
	f.tcb.ent = arch_syscall(&arch_x86_64, arch_syscall_number(&arch_x86_64, "modify_ldt"));
	assert_non_null(f.tcb.ent);
	f.tcb.rval = 0xffffffdaL;
	f.tcb.rval_int_err = true;
	syscall_print_retval(&f.tcb);
	assert_non_null(strstr(fake_text(&f), "= 4294967258 ENOSYS (Function not implemented)"));
	fake_done(&f);
}

static void test_dec_time(void **state)
{
	struct fake f;
	struct { int64_t s, ns; } req = { 0, 1000000 }, rem = { 0, 5 };
	char expect[128];

	(void)state;
	fake_init(&f, getpid());
	assert_string_equal(drive(&f, dec_clock_nanosleep, 0, 0, CLOCK_MONOTONIC, 0, (unsigned long)&req, 0, 0, 0),
			    "CLOCK_MONOTONIC, 0, {tv_sec=0, tv_nsec=1000000}, NULL");
	/* Interrupted: the remaining time is printed. */
	assert_string_equal(drive(&f, dec_nanosleep, 0, 516, (unsigned long)&req, (unsigned long)&rem, 0, 0, 0, 0),
			    "{tv_sec=0, tv_nsec=1000000}, {tv_sec=0, tv_nsec=5}");
	/* Completed: rem is untouched, printed as an address. */
	snprintf(expect, sizeof(expect), "{tv_sec=0, tv_nsec=1000000}, %p", (void *)&rem);
	assert_string_equal(drive(&f, dec_nanosleep, 0, 0, (unsigned long)&req, (unsigned long)&rem, 0, 0, 0, 0),
			    expect);
	assert_string_equal(drive(&f, dec_clock_gettime, 0, 0, 99, (unsigned long)&req, 0, 0, 0, 0),
			    "0x63 /* CLOCK_??? */, {tv_sec=0, tv_nsec=1000000}");
	/* CPU-time clocks are negative ids: strace 6.1 prints them as unknown. */
	assert_string_equal(drive(&f, dec_clock_gettime, 0, 0, (unsigned long)-2, (unsigned long)&req, 0, 0, 0, 0),
			    "0xfffffffe /* CLOCK_??? */, {tv_sec=0, tv_nsec=1000000}");
	fake_done(&f);
	fake_init(&f, NO_SUCH_PID);
	assert_string_equal(drive(&f, dec_clock_gettime, 0, 0, CLOCK_REALTIME, 0xdead0, 0, 0, 0, 0),
			    "CLOCK_REALTIME, 0xdead0");
	fake_done(&f);
}

/* futex_waitv: the waiters (at most 128, then "..."), flags, timeout, clock */
static void test_dec_futex_waitv(void **state)
{
	struct fake f;
	struct { uint64_t val, uaddr; uint32_t flags, reserved; } w[130] = {
		{ 0, 0x1000, 0x82, 0 }, { 5, 0, 0xffffffff, 7 },
	};
	struct { int64_t s, ns; } ts = { 1, 2 };
	const char *out;

	(void)state;
	fake_init(&f, getpid());
	assert_string_equal(drive(&f, dec_futex_waitv, 0, 22, (unsigned long)w, 2, 0, (unsigned long)&ts, 1, 0),
			    "[{val=0, uaddr=0x1000, flags=FUTEX_32|FUTEX_PRIVATE_FLAG}, "
			    "{val=0x5, uaddr=NULL, flags=FUTEX_32|FUTEX_PRIVATE_FLAG|0xffffff7d, __reserved=0x7}], "
			    "2, 0, {tv_sec=1, tv_nsec=2}, CLOCK_MONOTONIC");
	assert_string_equal(drive(&f, dec_futex_waitv, 0, 22, 0, 1, 0xffffffff, 0, 0xffffffff, 0),
			    "NULL, 1, 0xffffffff, NULL, 0xffffffff /* CLOCK_??? */");
	assert_string_equal(drive(&f, dec_futex_waitv, 0, 22, (unsigned long)w, 0, 1, 0, 0, 0),
			    "[], 0, 0x1, NULL, CLOCK_REALTIME");
	/* 129 waiters, -s 256: the first 128, then "..." */
	pcfg.max_strlen = 256;
	out = drive(&f, dec_futex_waitv, 0, 22, (unsigned long)w, 129, 0, 0, 1, 0);
	assert_non_null(strstr(out, "flags=0}, ...], 129, 0, NULL, CLOCK_MONOTONIC"));
	out = drive(&f, dec_futex_waitv, 0, 22, (unsigned long)w, 128, 0, 0, 1, 0);
	assert_non_null(strstr(out, "flags=0}], 128, 0, NULL, CLOCK_MONOTONIC"));
	pcfg.max_strlen = 32;
	fake_done(&f);
}

static void test_dec_prlimit_uname(void **state)
{
	struct fake f;
	uint64_t rl[2] = { 8192 * 1024, UINT64_MAX };
	struct utsname u;

	(void)state;
	memset(&u, 0, sizeof(u));
	strcpy(u.sysname, "Linux");
	strcpy(u.nodename, "h\"x");
	fake_init(&f, getpid());
	assert_string_equal(drive(&f, dec_prlimit64, 0, 0, 0, RLIMIT_STACK, 0, (unsigned long)rl, 0, 0),
			    "0, RLIMIT_STACK, NULL, {rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}");
	assert_string_equal(drive(&f, dec_prlimit64, 0, 0, 0, 77, (unsigned long)rl, 0, 0, 0),
			    "0, 0x4d /* RLIMIT_??? */, {rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}, NULL");
	assert_string_equal(drive(&f, dec_uname, 0, 0, (unsigned long)&u, 0, 0, 0, 0, 0),
			    "{sysname=\"Linux\", nodename=\"h\\\"x\", ...}");
	fake_done(&f);
}

static void test_dec_getrandom(void **state)
{
	struct fake f;
	char data[100];

	(void)state;
	memset(data, 'A', sizeof(data));
	fake_init(&f, getpid());
	assert_string_equal(drive(&f, dec_getrandom, 2, 0, (unsigned long)data, 2, 1, 0, 0, 0),
			    "\"\\x41\\x41\", 2, GRND_NONBLOCK");
	/* More than -s bytes: truncated with "...". */
	pcfg.max_strlen = 3;
	assert_string_equal(drive(&f, dec_getrandom, 100, 0, (unsigned long)data, 100, 0, 0, 0, 0),
			    "\"\\x41\\x41\\x41\"..., 100, 0");
	pcfg.max_strlen = 32;
	fake_done(&f);
	fake_init(&f, NO_SUCH_PID);
	assert_string_equal(drive(&f, dec_getrandom, 8, 0, 0x5000, (unsigned long)1 << 40, 0x10, 0, 0, 0),
			    "0x5000, 1099511627776, 0x10");
	fake_done(&f);
}

static void test_dec_futex_clone(void **state)
{
	struct fake f;
	struct { uint64_t s, ns; } ts = { 1, 2 };
	char expect[256];

	(void)state;
	fake_init(&f, getpid());
	assert_string_equal(drive(&f, dec_futex, 0, 0, 0x1000, FUTEX_WAIT_PRIVATE, 2, 0, 0, 0),
			    "0x1000, FUTEX_WAIT_PRIVATE, 2, NULL");
	assert_string_equal(drive(&f, dec_futex, 0, 0, 0x1000, FUTEX_WAIT_BITSET | FUTEX_CLOCK_REALTIME, 7,
				(unsigned long)&ts, 0, 0xffffffff),
			    "0x1000, FUTEX_WAIT_BITSET|FUTEX_CLOCK_REALTIME, 7, {tv_sec=1, tv_nsec=2}, "
			    "FUTEX_BITSET_MATCH_ANY");
	assert_string_equal(drive(&f, dec_futex, 1, 0, 0x1000, FUTEX_WAKE_PRIVATE, 1, 0, 0, 0),
			    "0x1000, FUTEX_WAKE_PRIVATE, 1");
	/* clone3 with a size too small for struct clone_args. */
	assert_string_equal(drive(&f, dec_clone3, 0, EINVAL, 0x1000, 8, 0, 0, 0, 0), "0x1000, 8");
	/* CLONE_PIDFD: parent_tid holds a descriptor, -y shows its path */
	int pidfd = dup(STDIN_FILENO);
	assert_true(pidfd >= 0);
	pcfg.decode_fds = DECODE_FD_PATH;
	f.tcb.arch = &arch_x86_64;
	char link[64], target[256] = "";
	snprintf(link, sizeof(link), "/proc/self/fd/%d", pidfd);
	assert_true(readlink(link, target, sizeof(target) - 1) > 0);
	snprintf(expect, sizeof(expect), "child_stack=NULL, flags=CLONE_PIDFD, parent_tid=[%d<%s>]",
		 pidfd, target);
	assert_string_equal(drive(&f, dec_clone, 42, 0, 0x00001000, 0, (unsigned long)&pidfd, 0, 0, 0),
			    expect);
	pcfg.decode_fds = 0;
	close(pidfd);
	fake_done(&f);

	fake_init(&f, NO_SUCH_PID);
	f.tcb.arch = &arch_x86_64;
	snprintf(expect, sizeof(expect),
		 "child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f00");
	assert_string_equal(drive(&f, dec_clone, 42, 0, 0x01200000 | SIGCHLD, 0, 0, 0x7f00, 0, 0), expect);
	/* parent_tid unreadable: its address. */
	assert_string_equal(drive(&f, dec_clone, 42, 0, 0x00100000 | 0x00080000, 0x5000, 0x6000, 0, 0x7000, 0),
			    "child_stack=0x5000, flags=CLONE_SETTLS|CLONE_PARENT_SETTID, parent_tid=0x6000, "
			    "tls=0x7000");
	/* The same registers on aarch64 put tls before child_tid. */
	f.tcb.arch = &arch_aarch64;
	assert_string_equal(drive(&f, dec_clone, 42, 0, 0x00080000 | 0x00200000, 0, 0, 0x11, 0x22, 0),
			    "child_stack=NULL, flags=CLONE_SETTLS|CLONE_CHILD_CLEARTID, tls=0x11, "
			    "child_tidptr=0x22");
	fake_done(&f);
}

static void test_dec_prctl(void **state)
{
	struct fake f;
	const char *name = "worker";

	(void)state;
	fake_init(&f, getpid());
	assert_string_equal(drive(&f, dec_prctl, 0, 0, 15 /* PR_SET_NAME */, (unsigned long)name, 0, 0, 0, 0),
			    "PR_SET_NAME, \"worker\"");
	assert_string_equal(drive(&f, dec_prctl, 1, 0, 3 /* PR_GET_DUMPABLE */, 0, 0, 0, 0, 0),
			    "PR_GET_DUMPABLE");
	assert_string_equal(f.tcb.auxstr, "SUID_DUMP_USER");
	assert_string_equal(drive(&f, dec_prctl, 0, 0, 38 /* PR_SET_NO_NEW_PRIVS */, 1, 0, 0, 0, 0),
			    "PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0");
	assert_string_equal(drive(&f, dec_prctl, 0, EINVAL, 0x12345678, 1, 2, 3, 4, 0),
			    "0x12345678 /* PR_??? */, 0x1, 0x2, 0x3, 0x4");
	fake_done(&f);
}

/* ptrace requests of one architecture are named for its tracees only. */
static void test_ptrace_arch_requests(void **state)
{
	struct fake f;
	const char *out;

	(void)state;
	fake_init(&f, NO_SUCH_PID);
	f.tcb.arch = &arch_aarch64;
	out = drive(&f, dec_ptrace, 0, 0, 33 /* PTRACE_PEEKMTETAGS */, 5, 0x1000, 0x2000, 0, 0);
	assert_true(strncmp(out, "PTRACE_PEEKMTETAGS, 5", 21) == 0);
	fake_done(&f);
	fake_init(&f, NO_SUCH_PID);
	f.tcb.arch = &arch_x86_64;
	out = drive(&f, dec_ptrace, 0, 0, 33, 5, 0x1000, 0x2000, 0, 0);
	assert_null(strstr(out, "PEEKMTETAGS"));
	fake_done(&f);
}

/* A decoder's note after the return value is the tracee's own text:
 * a second tracee's call does not overwrite the first one's. */
static void test_auxstr_per_tracee(void **state)
{
	struct fake a, b;
	char want_a[64], want_b[64];

	(void)state;
	fake_init(&a, getpid());
	fake_init(&b, getpid());
	set_args(&a.tcb, 0, 0, 0, 0, 0, 0);
	set_args(&b.tcb, 0, 0, 0, 0, 0, 0);
	run(&a.tcb, dec_time, 86400, 0);
	run(&b.tcb, dec_time, 2 * 86400, 0);
	assert_true(format_time_iso(want_a, sizeof(want_a), 86400) > 0);
	assert_true(format_time_iso(want_b, sizeof(want_b), 2 * 86400) > 0);
	assert_non_null(a.tcb.auxstr);
	assert_string_equal(a.tcb.auxstr, want_a);
	assert_string_equal(b.tcb.auxstr, want_b);
	fake_done(&a);
	fake_done(&b);
}

/* Register sets: each field the size covers, arrays to -s, ", ..." past
 * the structure, the address for a size off the slot; the requests that
 * read them print no addr. */
static void test_ptrace_regsets(void **state)
{
	struct fake f;
	uint64_t regs[40];
	struct iovec iov;
	char want[256];
	const char *out;

	(void)state;
	for (unsigned i = 0; i < 40; i++)
		regs[i] = i;
	fake_init(&f, getpid());
	f.tcb.arch = &arch_x86_64;
	iov.iov_base = regs;
	iov.iov_len = 16;
	out = drive(&f, dec_ptrace, 0, 0, PTRACE_GETREGSET, 5, 1, (unsigned long)&iov, 0, 0);
	assert_string_equal(out, "PTRACE_GETREGSET, 5, NT_PRSTATUS, {iov_base={r15=0, r14=0x1}, iov_len=16}");
	iov.iov_len = 12;
	out = drive(&f, dec_ptrace, 0, 0, PTRACE_SETREGSET, 5, 1, (unsigned long)&iov, 0, 0);
	snprintf(want, sizeof(want), "PTRACE_SETREGSET, 5, NT_PRSTATUS, {iov_base=%p, iov_len=12}", (void *)regs);
	assert_string_equal(out, want);
	/* failed: the iovec as it was */
	iov.iov_len = 16;
	out = drive(&f, dec_ptrace, 0, EFAULT, PTRACE_GETREGSET, 5, 1, (unsigned long)&iov, 0, 0);
	snprintf(want, sizeof(want), "PTRACE_GETREGSET, 5, NT_PRSTATUS, {iov_base=%p, iov_len=16}", (void *)regs);
	assert_string_equal(out, want);
	/* PTRACE_GETREGS (12 on x86_64): pid, then the structure */
	out = drive(&f, dec_ptrace, 0, 0, 12, 5, 0xdead, (unsigned long)regs, 0, 0);
	assert_true(strncmp(out, "PTRACE_GETREGS, 5, {r15=0, r14=0x1, r13=0x2,", 44) == 0);
	assert_non_null(strstr(out, ", gs=0x1a}"));
	/* x86_64's FXSAVE area: u16 and u32 fields, arrays cut at -s */
	pcfg.max_strlen = 2;
	iov.iov_len = 40;
	out = drive(&f, dec_ptrace, 0, 0, PTRACE_GETREGSET, 5, 2, (unsigned long)&iov, 0, 0);
	assert_string_equal(out, "PTRACE_GETREGSET, 5, NT_FPREGSET, {iov_base={cwd=0, swd=0, ftw=0, fop=0, "
			    "rip=0x1, rdp=0x2, mxcsr=0x3, mxcr_mask=0, st_space=[0x4, 0]}, iov_len=40}");
	iov.iov_len = 48;
	out = drive(&f, dec_ptrace, 0, 0, PTRACE_GETREGSET, 5, 2, (unsigned long)&iov, 0, 0);
	assert_non_null(strstr(out, "st_space=[0x4, 0, ...]}"));
	pcfg.max_strlen = 32;
	/* aarch64: regs[31] then sp, pc, pstate; bytes past them */
	f.tcb.arch = &arch_aarch64;
	iov.iov_len = 35 * 8;
	out = drive(&f, dec_ptrace, 0, 0, PTRACE_GETREGSET, 5, 1, (unsigned long)&iov, 0, 0);
	assert_non_null(strstr(out, "{iov_base={regs=[0, 0x1, "));
	assert_non_null(strstr(out, ", 0x1e], sp=0x1f, pc=0x20, pstate=0x21, ...}, iov_len=280}"));
	/* 12 is no register request on aarch64 */
	out = drive(&f, dec_ptrace, 0, 0, 12, 5, 0, 0, 0, 0);
	assert_null(strstr(out, "{r15"));
	fake_done(&f);
}

/* The other requests with structures: PEEKSIGINFO's arguments and the
 * signals it read, the signal masks, seccomp metadata, LISTEN's two
 * arguments, x86's resuming requests with a signal. */
static void test_ptrace_requests(void **state)
{
	struct fake f;
	struct {
		uint64_t off;
		uint32_t flags, nr;
	} psi = { 3, 1, 2 };
	siginfo_t si[2];
	uint64_t mask = 1u << (SIGUSR1 - 1), md[2] = { 7, 0 };
	const char *out;

	(void)state;
	memset(si, 0, sizeof(si));
	si[0].si_signo = si[1].si_signo = SIGUSR1;
	si[0].si_code = si[1].si_code = SI_TKILL;
	fake_init(&f, getpid());
	f.tcb.arch = &arch_x86_64;
	out = drive(&f, dec_ptrace, 1, 0, PTRACE_PEEKSIGINFO, 5, (unsigned long)&psi, (unsigned long)si, 0, 0);
	assert_string_equal(out, "PTRACE_PEEKSIGINFO, 5, {off=3, flags=PTRACE_PEEKSIGINFO_SHARED, nr=2}, "
			    "[{si_signo=SIGUSR1, si_code=SI_TKILL, si_pid=0, si_uid=0}]");
	out = drive(&f, dec_ptrace, 0, 0, PTRACE_SETSIGMASK, 5, 8, (unsigned long)&mask, 0, 0);
	assert_string_equal(out, "PTRACE_SETSIGMASK, 5, 8, [USR1]");
	out = drive(&f, dec_ptrace, 0, 0, PTRACE_GETSIGMASK, 5, 8, (unsigned long)&mask, 0, 0);
	assert_string_equal(out, "PTRACE_GETSIGMASK, 5, 8, [USR1]");
	out = drive(&f, dec_ptrace, 0, EINVAL, PTRACE_SECCOMP_GET_METADATA, 5, 16, (unsigned long)md, 0, 0);
	assert_string_equal(out, "PTRACE_SECCOMP_GET_METADATA, 5, 16, {filter_off=7}");
	out = drive(&f, dec_ptrace, 0, 0, PTRACE_SECCOMP_GET_METADATA, 5, 16, (unsigned long)md, 0, 0);
	assert_string_equal(out, "PTRACE_SECCOMP_GET_METADATA, 5, 16, {filter_off=7, flags=0}");
	out = drive(&f, dec_ptrace, 0, EINVAL, PTRACE_SECCOMP_GET_METADATA, 5, 7, 0, 0, 0);
	assert_string_equal(out, "PTRACE_SECCOMP_GET_METADATA, 5, 7, NULL");
	out = drive(&f, dec_ptrace, 0, EINVAL, PTRACE_LISTEN, 5, 0, 0, 0, 0);
	assert_string_equal(out, "PTRACE_LISTEN, 5");
	out = drive(&f, dec_ptrace, 0, EINVAL, 31 /* PTRACE_SYSEMU */, 5, 0, SIGUSR2, 0, 0);
	assert_string_equal(out, "PTRACE_SYSEMU, 5, NULL, SIGUSR2");
	fake_done(&f);
}

/* siginfo fields that depend on the code, unknown codes in hex, and the
 * system call of SIGSYS: named for the tracee's own personality, in a
 * comment for another one's (x32 included). */
static void test_siginfo_extra(void **state)
{
	struct fake f;
	siginfo_t si;

	(void)state;
	fake_init(&f, NO_SUCH_PID);
	f.tcb.arch = &arch_x86_64;
	memset(&si, 0, sizeof(si));
	si.si_signo = SIGSEGV;
	si.si_code = SEGV_BNDERR;
	si.si_addr = (void *)0x10;
	si.si_lower = (void *)0x20;
	print_siginfo(&f.tcb, &si);
	si.si_code = SEGV_PKUERR;
	si.si_pkey = 3141592653u;
	print_siginfo(&f.tcb, &si);
	si.si_signo = SIGBUS;
	si.si_code = BUS_MCEERR_AO;
	si.si_addr_lsb = (short)0xdead;
	print_siginfo(&f.tcb, &si);
	si.si_code = 6;
	print_siginfo(&f.tcb, &si);
	assert_string_equal(fake_text(&f),
			    "{si_signo=SIGSEGV, si_code=SEGV_BNDERR, si_addr=0x10, si_lower=0x20, si_upper=NULL}"
			    "{si_signo=SIGSEGV, si_code=SEGV_PKUERR, si_addr=0x10, si_pkey=3141592653}"
			    "{si_signo=SIGBUS, si_code=BUS_MCEERR_AO, si_addr=0x10, si_addr_lsb=0xdead}"
			    "{si_signo=SIGBUS, si_code=0x6, si_addr=0x10}");
	fake_done(&f);
	fake_init(&f, NO_SUCH_PID);
	f.tcb.arch = &arch_x86_64;
	memset(&si, 0, sizeof(si));
	si.si_signo = SIGSYS;
	si.si_code = 1;
	si.si_syscall = 186;
	si.si_arch = 0xc000003e; /* AUDIT_ARCH_X86_64 */
	print_siginfo(&f.tcb, &si);
	si.si_syscall = 224;
	si.si_arch = 0x40000003; /* AUDIT_ARCH_I386 */
	print_siginfo(&f.tcb, &si);
	si.si_syscall = 0x40000000 | 186;
	si.si_arch = 0xc000003e;
	print_siginfo(&f.tcb, &si);
	assert_string_equal(fake_text(&f),
			    "{si_signo=SIGSYS, si_code=SYS_SECCOMP, si_call_addr=NULL, si_syscall=__NR_gettid, si_arch=AUDIT_ARCH_X86_64}"
			    "{si_signo=SIGSYS, si_code=SYS_SECCOMP, si_call_addr=NULL, si_syscall=224 /* gettid */, si_arch=AUDIT_ARCH_I386}"
			    "{si_signo=SIGSYS, si_code=SYS_SECCOMP, si_call_addr=NULL, si_syscall=1073742010 /* gettid */, si_arch=AUDIT_ARCH_X86_64}");
	fake_done(&f);
}

/* capset: an unreadable header leaves the data's size unknown, so the
 * data prints as its address (as strace: caps.test) */
static void test_capset_header(void **state)
{
	struct { uint32_t eff, perm, inh; } d[2] = { { 2, 4, 0 }, { 0, 0, 0 } };
	struct { uint32_t version; int32_t pid; } h = { 0x20080522, 0 };
	char want[128];
	struct fake f;

	(void)state;
	fake_init(&f, getpid());
	set_args(&f.tcb, 0x1000, (unsigned long)d, 0, 0, 0, 0);
	run(&f.tcb, dec_capset, -1, EFAULT);
	snprintf(want, sizeof(want), "0x1000, %p", (void *)d);
	assert_string_equal(fake_text(&f), want);
	fake_done(&f);
	fake_init(&f, getpid());
	set_args(&f.tcb, (unsigned long)&h, (unsigned long)d, 0, 0, 0, 0);
	run(&f.tcb, dec_capset, -1, EPERM);
	snprintf(want, sizeof(want), "{version=_LINUX_CAPABILITY_VERSION_3, pid=0}, "
		 "{effective=1<<CAP_DAC_OVERRIDE, permitted=1<<CAP_DAC_READ_SEARCH, inheritable=0}");
	assert_string_equal(fake_text(&f), want);
	fake_done(&f);
}

/* A tracee killed at a syscall-entry stop before its registers were read:
 * "???(" with no arguments, and at its death "<... ??? resumed>) = ?" once
 * another line came between (as strace prints them; kill_child) */
static void test_unknown_entry(void **state)
{
	struct fake f;
	char want[80];

	(void)state;
	fake_init(&f, getpid());
	f.tcb.ent = NULL;
	f.tcb.scno = -1;
	f.tcb.args[0] = 42;
	f.tcb.flags |= TCB_INSYSCALL | TCB_UNKNOWN_SC;
	f.tcb.exiting = false;
	syscall_print_entry(&f.tcb);
	f.tcb.flags |= TCB_REPRINT; /* another tracee's line came */
	f.tcb.exiting = true;
	syscall_print_unfinished_exit(&f.tcb);
	/* (the fake has no other tracee to write " <unfinished ...>\n") */
	snprintf(want, sizeof(want), "?\?\?(%-40s= ?\n", "<... ?\?\? resumed>)");
	assert_string_equal(fake_text(&f), want);
	fake_done(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_unknown_entry),
		cmocka_unit_test(test_capset_header),
		cmocka_unit_test(test_sigset),
		cmocka_unit_test(test_k_sigaction),
		cmocka_unit_test(test_wait_status),
		cmocka_unit_test(test_clone_flags),
		cmocka_unit_test(test_rlim),
		cmocka_unit_test(test_time_formats),
		cmocka_unit_test(test_clock_t),
		cmocka_unit_test(test_futex_formats),
		cmocka_unit_test(test_memory_formats),
		cmocka_unit_test(test_creds_formats),
		cmocka_unit_test(test_bpf),
		cmocka_unit_test(test_xlat_styles),
		cmocka_unit_test(test_dec_rt_sigaction),
		cmocka_unit_test(test_dec_rt_sigprocmask),
		cmocka_unit_test(test_dec_wait4),
		cmocka_unit_test(test_dec_adjtimex_sysctl),
		cmocka_unit_test(test_dec_user_desc),
		cmocka_unit_test(test_dec_time),
		cmocka_unit_test(test_dec_futex_waitv),
		cmocka_unit_test(test_dec_prlimit_uname),
		cmocka_unit_test(test_dec_getrandom),
		cmocka_unit_test(test_dec_futex_clone),
		cmocka_unit_test(test_dec_prctl),
		cmocka_unit_test(test_auxstr_per_tracee),
		cmocka_unit_test(test_ptrace_arch_requests),
		cmocka_unit_test(test_ptrace_regsets),
		cmocka_unit_test(test_ptrace_requests),
		cmocka_unit_test(test_siginfo_extra),
	};

	return cmocka_run_group_tests(tests, fake_setup, NULL);
}
