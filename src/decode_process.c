/* Process family decoders: execve, clone/clone3, wait4/waitid, prctl,
 * arch_prctl, rlimits, getrusage, uname, restart_syscall. */
#include "config.h"
#include "decode_process.h"

#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include <sys/wait.h>

#include "abi.h"
#include "decode.h"
#include "decode_ptrace.h"
#include "decode_time.h"
#include "gen/decoders.h"
#include "mem.h"
#include "pids.h"
#include "sink.h"
#include "signals.h"
#include "strbuf.h"

/* Reads the elements of a pointer array in blocks, not one call per
 * element: an execve's argv and envp cost a read or two, not one per
 * entry.  A block never crosses a page, so an unmapped page after the
 * array's end costs nothing; an element that cannot be read ends the
 * array as before (next_ptr() < 0).  With PTRACE_PEEKDATA a block is one
 * word, since each word is a call there anyway. */
struct ptr_reader {
	pid_t pid;
	unsigned long next;         /* tracee address of buf[nbuf] */
	unsigned pos, nbuf;
	uint64_t buf[64];
};

static void ptr_reader_init(struct ptr_reader *r, struct tcb *tcp, unsigned long addr)
{
	r->pid = tcp->pid;
	r->next = addr;
	r->pos = r->nbuf = 0;
}

static int next_ptr(struct ptr_reader *r, uint64_t *p)
{
	if (r->pos == r->nbuf) {
		size_t len = sizeof(r->buf), page_left = 4096 - (r->next & 4095);
		ssize_t n;

		if (!mem_vm_readv_enabled() || len > page_left)
			len = mem_vm_readv_enabled() ? page_left : sizeof(*p);
		if (len < sizeof(*p))
			len = sizeof(*p); /* a pointer across a page: read whole or fail */
		n = mem_read_partial(r->pid, r->next, r->buf, len);
		if (n < (ssize_t)sizeof(*p))
			return -1;
		r->pos = 0;
		r->nbuf = (unsigned)((size_t)n / sizeof(*p));
		r->next += r->nbuf * sizeof(*p);
	}
	*p = r->buf[r->pos++];
	return 0;
}

/* Count the entries of a NULL-terminated pointer array; -1 if unreadable;
 * *unterminated: an entry could not be read after n readable ones. */
static long count_ptr_array(struct tcb *tcp, unsigned long addr, bool *unterminated)
{
	struct ptr_reader r;
	long n = 0;

	*unterminated = false;
	ptr_reader_init(&r, tcp, addr);
	for (;; n++) {
		uint64_t p;

		if (next_ptr(&r, &p) < 0) {
			*unterminated = n > 0;
			return n > 0 ? n : -1;
		}
		if (!p)
			return n;
		if (n > 1 << 20)
			return n;
	}
}

/* ["a", "b", ...]: at most -s elements, each a string truncated to -s. */
static void print_str_array(struct tcb *tcp, unsigned long addr)
{
	struct ptr_reader r;
	uint64_t p;
	unsigned i;

	if (!addr || !pcfg.deref) {
		print_addr(tcp, addr);
		return;
	}
	ptr_reader_init(&r, tcp, addr);
	if (next_ptr(&r, &p) < 0) {
		print_addr(tcp, addr);
		return;
	}
	tprints(tcp, "[");
	for (i = 0;; i++) {
		if (i && next_ptr(&r, &p) < 0) {
			/* as strace: where the array stopped being readable */
			tprintf(tcp, ", ... /* %#lx */", addr + i * sizeof(p));
			break;
		}
		if (!p)
			break;
		if (i >= pcfg.max_strlen && !pcfg.verbose) {
			tprints(tcp, i ? ", ..." : "...");	/* -s 0: [...] */
			break;
		}
		if (i)
			tprints(tcp, ", ");
		print_str(tcp, p);
	}
	tprints(tcp, "]");
}

static void print_envp(struct tcb *tcp, unsigned long addr)
{
	bool unterminated;
	long n;

	if (!addr || pcfg.verbose || !pcfg.deref) {
		print_str_array(tcp, addr);
		return;
	}
	print_addr(tcp, addr);
	n = count_ptr_array(tcp, addr, &unterminated);
	if (n >= 0)
		tprintf(tcp, " /* %ld var%s%s */", n, n == 1 ? "" : "s",
			unterminated ? ", unterminated" : "");
}

int dec_execve(struct tcb *tcp)
{
	print_path(tcp, tcp->args[0]);
	tprint_arg_next(tcp);
	print_str_array(tcp, tcp->args[1]);
	tprint_arg_next(tcp);
	print_envp(tcp, tcp->args[2]);
	return DEC_DONE;
}

int dec_execveat(struct tcb *tcp)
{
	print_dirfd(tcp, (int)tcp->args[0]);
	tprint_arg_next(tcp);
	print_path(tcp, tcp->args[1]);
	tprint_arg_next(tcp);
	print_str_array(tcp, tcp->args[2]);
	tprint_arg_next(tcp);
	print_envp(tcp, tcp->args[3]);
	tprint_arg_next(tcp);
	print_flags(tcp, xlat_by_name("at_flags"), tcp->args[4], NULL);
	return DEC_DONE;
}

/* ------------------------------------------------------------------ */
/* clone, clone3, wait4, waitid, prctl, arch_prctl, rlimits, rusage, uname */

size_t format_wait_status(char *buf, size_t size, int status)
{
	struct strbuf sb;
	const char *sig;
	unsigned event = (unsigned)status >> 16;

	sb_init(&sb, buf, size);
	sb_puts(&sb, "[");
	if (WIFSTOPPED(status)) {
		sig = signal_name(WSTOPSIG(status));
		if (sig)
			sb_printf(&sb, "{WIFSTOPPED(s) && WSTOPSIG(s) == %s}", sig);
		else
			sb_printf(&sb, "{WIFSTOPPED(s) && WSTOPSIG(s) == %d}", WSTOPSIG(status));
		if (event) {
			const char *ev = xlat_lookup(&xlat_ptrace_events, event);
			if (ev)
				sb_printf(&sb, " | %s << 16", ev);
			else
				sb_printf(&sb, " | %#x << 16", event);
		}
	} else if (WIFSIGNALED(status)) {
		sig = signal_name(WTERMSIG(status));
		if (sig)
			sb_printf(&sb, "{WIFSIGNALED(s) && WTERMSIG(s) == %s%s}", sig,
			       WCOREDUMP(status) ? " && WCOREDUMP(s)" : "");
		else
			sb_printf(&sb, "{WIFSIGNALED(s) && WTERMSIG(s) == %d%s}", WTERMSIG(status),
			       WCOREDUMP(status) ? " && WCOREDUMP(s)" : "");
	} else if (WIFEXITED(status)) {
		sb_printf(&sb, "{WIFEXITED(s) && WEXITSTATUS(s) == %d}", WEXITSTATUS(status));
		if (event)
			sb_printf(&sb, " | %#x", (unsigned)status & ~0xffffu);
	} else if (WIFCONTINUED(status)) {
		sb_puts(&sb, "{WIFCONTINUED(s)}");
	} else {
		sb_printf(&sb, "%#x", (unsigned)status);
	}
	sb_puts(&sb, "]");
	return sb_len(&sb);
}

size_t format_clone_flags(char *buf, size_t size, uint64_t flags)
{
	struct strbuf sb;
	uint64_t rest = flags & ~(uint64_t)0xff;
	int sig = (int)(flags & 0xff);
	const char *name = sig ? signal_name(sig) : NULL;

	sb_init(&sb, buf, size);
	if (rest || !sig) {
		char names[1024], raw[32];

		format_flags(names, sizeof(names), &xlat_clone3_flags, rest, NULL);
		snprintf(raw, sizeof(raw), rest ? "%#llx" : "0", (unsigned long long)rest);
		sb_xlat_styled(&sb, raw, names);
	}
	if (sig) {
		char raw[16], el[64];

		snprintf(raw, sizeof(raw), "%d", sig);
		format_xlat_styled(el, sizeof(el), raw, name);
		sb_printf(&sb, "%s%s", rest ? "|" : "", el);
	}
	return sb_len(&sb);
}

size_t format_rlim(char *buf, size_t size, uint64_t v)
{
	char raw[32], names[48];

	snprintf(raw, sizeof(raw), "%llu", (unsigned long long)v);
	if (v == UINT64_MAX)
		snprintf(names, sizeof(names), "RLIM64_INFINITY");
	else if (v && v % 1024 == 0)
		snprintf(names, sizeof(names), "%llu*1024", (unsigned long long)(v / 1024));
	else
		return format_xlat_styled(buf, size, raw, NULL);
	return format_xlat_styled(buf, size, raw, names);
}

/* Read an int fd at addr and print "[3]" (-y aware), or the address. */
static void print_fd_ref(struct tcb *tcp, unsigned long addr)
{
	int32_t v;

	if (!fetch_or_print_addr(tcp, addr, &v, sizeof(v)))
		return;
	tprints(tcp, "[");
	print_fd(tcp, v);
	tprints(tcp, "]");
}

#define CL_PARENT_SETTID 0x00100000UL
#define CL_CHILD_CLEARTID 0x00200000UL
#define CL_CHILD_SETTID 0x01000000UL
#define CL_SETTLS 0x00080000UL
#define CL_PIDFD 0x00001000UL
#define CL_INTO_CGROUP 0x200000000ULL

static void clone_tail(struct tcb *tcp)
{
	const struct arch_abi *abi = arch_abi_by_audit(tcp->arch ? tcp->arch->audit_arch : 0);
	unsigned long flags = tcp->args[0];
	unsigned ctid = abi ? abi->clone_child_tid_arg : 3;
	unsigned tls = abi ? abi->clone_tls_arg : 4;

	if (flags & (CL_PARENT_SETTID | CL_PIDFD)) {
		tprint_arg_next(tcp);
		tprints(tcp, "parent_tid=");
		if (tcp->err)
			print_addr(tcp, tcp->args[2]);
		else if (flags & CL_PIDFD) /* the pidfd lands there */
			print_fd_ref(tcp, tcp->args[2]);
		else
			print_int_ref(tcp, tcp->args[2]);
	}
	if (flags & CL_SETTLS) {
		tprint_arg_next(tcp);
		tprints(tcp, "tls=");
		print_addr(tcp, tcp->args[tls]);
	}
	if (flags & (CL_CHILD_SETTID | CL_CHILD_CLEARTID)) {
		tprint_arg_next(tcp);
		tprints(tcp, "child_tidptr=");
		print_addr(tcp, tcp->args[ctid]);
	}
}

int dec_clone(struct tcb *tcp)
{
	char buf[1024];

	if (tcp->exiting) {
		clone_tail(tcp);
		return DEC_DONE;
	}
	tprints(tcp, "child_stack=");
	print_addr(tcp, tcp->args[1]);
	format_clone_flags(buf, sizeof(buf), tcp->args[0]);
	tprint_arg_next(tcp);
	tprintf(tcp, "flags=%s", buf);
	/* The rest at exit, as strace: "<... clone resumed>, child_tidptr=".
	 * Without those flags nothing is left for the exit: a caller that
	 * dies in the call (a thread's execve supersedes it) ends with
	 * "<... clone resumed>) = ?", no "<unfinished ...>" (strace 6.1). */
	if (!(tcp->args[0] & (CL_PARENT_SETTID | CL_PIDFD | CL_SETTLS | CL_CHILD_SETTID | CL_CHILD_CLEARTID)))
		return DEC_DONE;
	return DEC_MORE;
}

struct k_clone_args {
	uint64_t flags, pidfd, child_tid, parent_tid, exit_signal;
	uint64_t stack, stack_size, tls, set_tid, set_tid_size, cgroup;
};

#define MAX_SET_TID_SIZE 32

/* set_tid=[1, 2] when there is a sane array to read, its address else. */
static void print_set_tid(struct tcb *tcp, uint64_t addr, uint64_t n)
{
	int32_t tids[MAX_SET_TID_SIZE];

	tprints(tcp, ", set_tid=");
	if (!addr || !n || n > MAX_SET_TID_SIZE ||
	    mem_read_struct(tcp, addr, tids, n * sizeof(tids[0])) < 0) {
		print_addr(tcp, addr);
	} else {
		for (uint64_t i = 0; i < n; i++)
			tprintf(tcp, "%s%d", i ? ", " : "[", tids[i]);
		tprints(tcp, "]");
	}
	tprintf(tcp, ", set_tid_size=%llu", (unsigned long long)n);
}

static void print_clone_args(struct tcb *tcp, const struct k_clone_args *ca, size_t have)
{
	tprints(tcp, "{flags=");
	print_flags(tcp, &xlat_clone3_flags, ca->flags, "CLONE_???");
	if (ca->flags & CL_PIDFD) {
		tprints(tcp, ", pidfd=");
		print_addr(tcp, ca->pidfd);
	}
	if (ca->flags & (CL_CHILD_SETTID | CL_CHILD_CLEARTID)) {
		tprints(tcp, ", child_tid=");
		print_addr(tcp, ca->child_tid);
	}
	if (ca->flags & CL_PARENT_SETTID) {
		tprints(tcp, ", ");
		tprints(tcp, "parent_tid=");
		print_addr(tcp, ca->parent_tid);
	}
	tprints(tcp, ", exit_signal=");
	if (ca->exit_signal && ca->exit_signal <= INT32_MAX && signal_name((int)ca->exit_signal))
		print_signo(tcp, (int)ca->exit_signal);
	else
		tprintf(tcp, "%llu", (unsigned long long)ca->exit_signal);
	tprints(tcp, ", stack=");
	print_addr(tcp, ca->stack);
	tprintf(tcp, ", stack_size=%#llx", (unsigned long long)ca->stack_size);
	if (ca->flags & CL_SETTLS) {
		tprints(tcp, ", ");
		tprints(tcp, "tls=");
		print_addr(tcp, ca->tls);
	}
	if (have >= offsetof(struct k_clone_args, cgroup) && (ca->set_tid || ca->set_tid_size))
		print_set_tid(tcp, ca->set_tid, ca->set_tid_size);
	if (have > offsetof(struct k_clone_args, cgroup) &&
	    (ca->cgroup || (ca->flags & CL_INTO_CGROUP)))
		tprintf(tcp, ", cgroup=%llu", (unsigned long long)ca->cgroup);
	if (tcp->args[1] > sizeof(*ca) &&
	    check_nonzero_tail(tcp, tcp->args[0], sizeof(*ca), tcp->args[1])) {
		tprints(tcp, ", ");
		print_nonzero_tail(tcp, tcp->args[0], sizeof(*ca), tcp->args[1]);
	}
	tprints(tcp, "}");
}

/* Read the clone_args at entry (size from the second argument). */
static size_t read_clone_args(struct tcb *tcp, struct k_clone_args *ca)
{
	size_t n = tcp->args[1] < sizeof(*ca) ? tcp->args[1] : sizeof(*ca);

	memset(ca, 0, sizeof(*ca));
	if (!tcp->args[0] || n < offsetof(struct k_clone_args, set_tid) ||
	    mem_read(tcp->pid, tcp->args[0], ca, n) < 0)
		return 0;
	return n;
}

int dec_clone3(struct tcb *tcp)
{
	struct k_clone_args ca;
	size_t have = read_clone_args(tcp, &ca);
	bool tail = tcp->args[1] > sizeof(ca) &&
		    check_nonzero_tail(tcp, tcp->args[0], sizeof(ca), tcp->args[1]);

	if (!tcp->exiting) {
		if (!have) {
			print_addr(tcp, tcp->args[0]);
			tprint_arg_next(tcp);
			tprintf(tcp, "%lu", tcp->args[1]);
			return DEC_DONE;
		}
		print_clone_args(tcp, &ca, have);
		if ((ca.flags & (CL_PARENT_SETTID | CL_PIDFD)) || tcp->args[1] > sizeof(ca))
			return DEC_MORE;
		tprint_arg_next(tcp);
		tprintf(tcp, "%lu", tcp->args[1]);
		return DEC_DONE;
	}
	if (have && !tcp->err && ((ca.flags & (CL_PARENT_SETTID | CL_PIDFD)) || tail)) {
		bool first = true;

		tprints(tcp, " => {");
		if (ca.flags & CL_PIDFD) {
			tprints(tcp, "pidfd=");
			print_fd_ref(tcp, ca.pidfd);
			first = false;
		}
		if (ca.flags & CL_PARENT_SETTID) {
			tprints(tcp, first ? "parent_tid=" : ", parent_tid=");
			print_int_ref(tcp, ca.parent_tid);
			first = false;
		}
		if (tail) {
			if (!first)
				tprints(tcp, ", ");
			print_nonzero_tail(tcp, tcp->args[0], sizeof(ca), tcp->args[1]);
		}
		tprints(tcp, "}");
	}
	tprint_arg_next(tcp);
	tprintf(tcp, "%lu", tcp->args[1]);
	return DEC_DONE;
}

static void print_rusage(struct tcb *tcp, unsigned long addr)
{
	struct rusage ru;
	char a[96], b[96];

	if (!fetch_or_print_addr(tcp, addr, &ru, sizeof(ru)))
		return;
	format_timeval(a, sizeof(a), ru.ru_utime.tv_sec, ru.ru_utime.tv_usec);
	format_timeval(b, sizeof(b), ru.ru_stime.tv_sec, ru.ru_stime.tv_usec);
	tprintf(tcp, "{ru_utime=%s, ru_stime=%s", a, b);
	if (pcfg.verbose)
		tprintf(tcp, ", ru_maxrss=%lu, ru_ixrss=%lu, ru_idrss=%lu, ru_isrss=%lu"
			", ru_minflt=%lu, ru_majflt=%lu, ru_nswap=%lu, ru_inblock=%lu"
			", ru_oublock=%lu, ru_msgsnd=%lu, ru_msgrcv=%lu, ru_nsignals=%lu"
			", ru_nvcsw=%lu, ru_nivcsw=%lu}",
			(unsigned long)ru.ru_maxrss, (unsigned long)ru.ru_ixrss, (unsigned long)ru.ru_idrss, (unsigned long)ru.ru_isrss,
			(unsigned long)ru.ru_minflt, (unsigned long)ru.ru_majflt, (unsigned long)ru.ru_nswap, (unsigned long)ru.ru_inblock,
			(unsigned long)ru.ru_oublock, (unsigned long)ru.ru_msgsnd, (unsigned long)ru.ru_msgrcv, (unsigned long)ru.ru_nsignals,
			(unsigned long)ru.ru_nvcsw, (unsigned long)ru.ru_nivcsw);
	else
		tprints(tcp, ", ...}");
}

static void print_rusage_exit(struct tcb *tcp, unsigned long addr)
{
	if (tcp->err)
		print_addr(tcp, addr);
	else
		print_rusage(tcp, addr);
}

int dec_getrusage(struct tcb *tcp)
{
	if (!tcp->exiting) {
		print_xval(tcp, &xlat_rusage_who, (uint64_t)(int64_t)(int)tcp->args[0], "RUSAGE_???");
		tprint_arg_next(tcp);
		return DEC_MORE;
	}
	print_rusage_exit(tcp, tcp->args[1]);
	return DEC_DONE;
}

int dec_wait4(struct tcb *tcp)
{
	int32_t status;
	char buf[256];

	if (!tcp->exiting) {
		print_pid_tgid_pgid(tcp, (int)tcp->args[0]);
		tprint_arg_next(tcp);
		return DEC_MORE;
	}
	if (!tcp->args[1] || tcp->err || tcp->rval == 0 ||
	    mem_read_struct(tcp, tcp->args[1], &status, sizeof(status)) < 0) {
		print_addr(tcp, tcp->args[1]);
	} else {
		format_wait_status(buf, sizeof(buf), status);
		tprints(tcp, buf);
	}
	tprint_arg_next(tcp);
	print_flags(tcp, &xlat_wait_options, (uint32_t)tcp->args[2], NULL);
	tprint_arg_next(tcp);
	/* a WNOHANG call that reaps nothing leaves the rusage unwritten */
	if (tcp->rval <= 0)
		print_addr(tcp, tcp->args[3]);
	else
		print_rusage(tcp, tcp->args[3]);
	return DEC_DONE;
}

int dec_waitid(struct tcb *tcp)
{
	siginfo_t si;

	if (!tcp->exiting) {
		print_xval(tcp, &xlat_waitid_which, (uint32_t)tcp->args[0], "P_???");
		tprint_arg_next(tcp);
		if ((uint32_t)tcp->args[0] == 3) /* P_PIDFD */
			print_fd(tcp, (int)tcp->args[1]);
		else if ((uint32_t)tcp->args[0] == 1) /* P_PID */
			print_pid(tcp, (int)tcp->args[1], PT_TGID);
		else if ((uint32_t)tcp->args[0] == 2) /* P_PGID */
			print_pid(tcp, (int)tcp->args[1], PT_PGID);
		else
			print_dec(tcp, (int)tcp->args[1]);
		tprint_arg_next(tcp);
		return DEC_MORE;
	}
	if (!tcp->args[2] || tcp->err ||
	    mem_read_struct(tcp, tcp->args[2], &si, sizeof(si)) < 0)
		print_addr(tcp, tcp->args[2]);
	else if (si.si_signo == 0)
		tprints(tcp, "{}");
	else
		print_siginfo(tcp, &si);
	tprint_arg_next(tcp);
	print_flags(tcp, &xlat_wait_options, (uint32_t)tcp->args[3], NULL);
	tprint_arg_next(tcp);
	print_rusage_exit(tcp, tcp->args[4]);
	return DEC_DONE;
}

static void print_rlimit(struct tcb *tcp, unsigned long addr)
{
	uint64_t r[2];
	char a[48], b[48];

	if (!fetch_or_print_addr(tcp, addr, r, sizeof(r)))
		return;
	format_rlim(a, sizeof(a), r[0]);
	format_rlim(b, sizeof(b), r[1]);
	tprintf(tcp, "{rlim_cur=%s, rlim_max=%s}", a, b);
}

static void print_resource(struct tcb *tcp, unsigned long res)
{
	print_xval(tcp, &xlat_rlimit_resources, (uint32_t)res, "RLIMIT_???");
}

int dec_prlimit64(struct tcb *tcp)
{
	if (!tcp->exiting) {
		print_pid(tcp, (int)tcp->args[0], PT_TGID);
		tprint_arg_next(tcp);
		print_resource(tcp, tcp->args[1]);
		tprint_arg_next(tcp);
		print_rlimit(tcp, tcp->args[2]);
		tprint_arg_next(tcp);
		return DEC_MORE;
	}
	print_out_arg(tcp, tcp->args[3], print_rlimit);
	return DEC_DONE;
}

int dec_getrlimit(struct tcb *tcp)
{
	if (!tcp->exiting) {
		print_resource(tcp, tcp->args[0]);
		tprint_arg_next(tcp);
		return DEC_MORE;
	}
	print_out_arg(tcp, tcp->args[1], print_rlimit);
	return DEC_DONE;
}

int dec_setrlimit(struct tcb *tcp)
{
	print_resource(tcp, tcp->args[0]);
	tprint_arg_next(tcp);
	print_rlimit(tcp, tcp->args[1]);
	return DEC_DONE;
}

static void print_uts_field(struct tcb *tcp, const char *name, const char *val, size_t max)
{
	char q[4 * 65 + 3];

	unsigned qf = pcfg.xflag >= 2 ? QUOTE_HEX_ALL : pcfg.xflag ? QUOTE_HEX_NONPRINT : 0;

	quote_string(val, strnlen(val, max), qf, q);
	tprintf(tcp, "%s=%s", name, q);
}

int dec_uname(struct tcb *tcp)
{
	struct utsname u;

	if (!tcp->exiting)
		return DEC_MORE;
	if (!tcp->args[0] || tcp->err || mem_read_struct(tcp, tcp->args[0], &u, sizeof(u)) < 0) {
		print_addr(tcp, tcp->args[0]);
		return DEC_DONE;
	}
	tprints(tcp, "{");
	print_uts_field(tcp, "sysname", u.sysname, sizeof(u.sysname));
	tprints(tcp, ", ");
	print_uts_field(tcp, "nodename", u.nodename, sizeof(u.nodename));
	if (pcfg.verbose) {
		tprints(tcp, ", ");
		print_uts_field(tcp, "release", u.release, sizeof(u.release));
		tprints(tcp, ", ");
		print_uts_field(tcp, "version", u.version, sizeof(u.version));
		tprints(tcp, ", ");
		print_uts_field(tcp, "machine", u.machine, sizeof(u.machine));
		tprints(tcp, ", ");
		print_uts_field(tcp, "domainname", u.domainname, sizeof(u.domainname));
		tprints(tcp, "}");
	} else {
		tprints(tcp, ", ...}");
	}
	return DEC_DONE;
}

/* arch_prctl(code, addr): x86_64 only; the codes come from the
 * arch_prctl_codes set. */
/* An x86 XSAVE feature mask as strace prints it whatever the -X style
 * but raw: "0xe7 /+ XFEATURE_MASK_FPSSE|... +/", "0" for none. */
static void format_xfeatures(char *buf, size_t size, uint64_t v)
{
	char names[512];

	if (!v) {
		snprintf(buf, size, "0");
		return;
	}
	if (flags_known(&xlat_x86_xfeatures, v))
		format_flags(names, sizeof(names), &xlat_x86_xfeatures, v, NULL);
	else
		snprintf(names, sizeof(names), "XFEATURE_MASK_???");
	if (pcfg.xlat_style == XLAT_RAW)
		snprintf(buf, size, "%#llx", (unsigned long long)v);
	else
		snprintf(buf, size, "%#llx /* %s */", (unsigned long long)v, names);
}

/* arch_prctl(code, addr) (x86_64) */
int dec_arch_prctl(struct tcb *tcp)
{
	unsigned code = (unsigned)tcp->args[0];
	unsigned long arg = tcp->args[1];
	uint64_t v;

	if (!tcp->exiting) {
		print_xval(tcp, &xlat_arch_prctl_codes, code, "ARCH_???");
		switch (code) {
		case 0x1011: /* ARCH_GET_CPUID: no argument */
			return DEC_DONE;
		case 0x1003: /* ARCH_GET_FS */
		case 0x1004: /* ARCH_GET_GS */
		case 0x1021: /* ARCH_GET_XCOMP_SUPP */
		case 0x1022: /* ARCH_GET_XCOMP_PERM */
		case 0x1024: /* ARCH_GET_XCOMP_GUEST_PERM */
			tprint_arg_next(tcp);
			return DEC_MORE;
		case 0x1023: /* ARCH_REQ_XCOMP_PERM */
		case 0x1025: /* ARCH_REQ_XCOMP_GUEST_PERM */
			tprint_arg_next(tcp);
			print_xval_num(tcp, &xlat_x86_xfeature_bits, (unsigned)arg, "XFEATURE_???");
			return DEC_MORE;
		default:
			tprint_arg_next(tcp);
			print_hex(tcp, arg);
			return DEC_DONE;
		}
	}
	if (code == 0x1023 || code == 0x1025) {
		/* the return value: the permitted feature mask */
		if (!tcp->err && tcp->rval > 0) {
			tcp->rval_hex = true;
			if (pcfg.xlat_style != XLAT_RAW &&
			    flags_known(&xlat_x86_xfeatures, (uint64_t)tcp->rval)) {
				format_flags(tcp->auxbuf, sizeof(tcp->auxbuf), &xlat_x86_xfeatures,
					     (uint64_t)tcp->rval, NULL);
				tcp->auxstr = tcp->auxbuf;
			}
		}
		return DEC_DONE;
	}
	if (tcp->err || mem_read_struct(tcp, arg, &v, sizeof(v)) < 0) {
		print_addr(tcp, arg);
	} else if (code == 0x1003 || code == 0x1004) {
		if (v)
			tprintf(tcp, "[%#llx]", (unsigned long long)v);
		else
			tprints(tcp, "[NULL]");
	} else {
		char buf[600];

		format_xfeatures(buf, sizeof(buf), v);
		tprintf(tcp, "[%s]", buf);
	}
	return DEC_DONE;
}

int dec_restart_syscall(struct tcb *tcp)
{
	if (tcp->exiting)
		return DEC_DONE;
	if (tcp->restart_ent && tcp->restart_ent->name[0])
		tprintf(tcp, "<... resuming interrupted %s ...>", tcp->restart_ent->name);
	else
		tprints(tcp, "<... resuming interrupted call ...>");
	return DEC_DONE;
}

int dec_get_robust_list(struct tcb *tcp)
{
	uint64_t v;

	if (!tcp->exiting) {
		print_pid(tcp, (int)tcp->args[0], PT_TID);
		tprint_arg_next(tcp);
		return DEC_MORE;
	}
	if (tcp->err || mem_read_struct(tcp, tcp->args[1], &v, sizeof(v)) < 0) {
		print_addr(tcp, tcp->args[1]);
	} else {
		tprints(tcp, "[");
		print_addr(tcp, v);
		tprints(tcp, "]");
	}
	tprint_arg_next(tcp);
	if (tcp->err || mem_read_struct(tcp, tcp->args[2], &v, sizeof(v)) < 0)
		print_addr(tcp, tcp->args[2]);
	else
		tprintf(tcp, "[%llu]", (unsigned long long)v);
	return DEC_DONE;
}

int dec_membarrier(struct tcb *tcp)
{
	if (!tcp->exiting) {
		print_xval(tcp, &xlat_membarrier_cmds, (uint32_t)tcp->args[0], "MEMBARRIER_CMD_???");
		tprint_arg_next(tcp);
		print_flags(tcp, &xlat_membarrier_flags, (uint32_t)tcp->args[1], NULL);
		if (tcp->args[1]) {
			tprint_arg_next(tcp);
			tprintf(tcp, "%d", (int)tcp->args[2]);
		}
		return (uint32_t)tcp->args[0] == 0 ? DEC_MORE : DEC_DONE;
	}
	/* MEMBARRIER_CMD_QUERY returns the supported commands as a mask. */
	if (!tcp->err && tcp->rval) {
		format_flags(tcp->auxbuf, sizeof(tcp->auxbuf), &xlat_membarrier_cmds,
			     (uint64_t)tcp->rval, NULL);
		tcp->rval_hex = true;
		if (pcfg.xlat_style != XLAT_RAW)
			tcp->auxstr = tcp->auxbuf;
	}
	return DEC_DONE;
}

int dec_sysinfo(struct tcb *tcp)
{
	struct sysinfo si;

	if (!tcp->exiting)
		return DEC_MORE;
	if (!tcp->args[0] || tcp->err || mem_read_struct(tcp, tcp->args[0], &si, sizeof(si)) < 0) {
		print_addr(tcp, tcp->args[0]);
		return DEC_DONE;
	}
	tprintf(tcp, "{uptime=%ld, loads=[%lu, %lu, %lu], totalram=%lu, freeram=%lu, "
		"sharedram=%lu, bufferram=%lu, totalswap=%lu, freeswap=%lu, procs=%u, "
		"totalhigh=%lu, freehigh=%lu, mem_unit=%u}",
		si.uptime, si.loads[0], si.loads[1], si.loads[2], si.totalram, si.freeram,
		si.sharedram, si.bufferram, si.totalswap, si.freeswap, (unsigned)si.procs,
		si.totalhigh, si.freehigh, si.mem_unit);
	return DEC_DONE;
}

/* ---- ioprio_get, ioprio_set ---- */

#define IOPRIO_CLASS_SHIFT 13
#define IOPRIO_DATA_MASK 0x1fffU

/* "IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4)"; -X verbose names the class in
 * a comment after its number. */
size_t format_ioprio(char *buf, size_t size, uint32_t v)
{
	uint32_t cls = v >> IOPRIO_CLASS_SHIFT;
	const char *name = xlat_lookup(&xlat_ioprio_class, cls);
	char c[80];

	if (pcfg.xlat_style == XLAT_VERBOSE || !name)
		snprintf(c, sizeof(c), cls ? "%#x /* %s */" : "%u /* %s */", cls,
			 name ? name : "IOPRIO_CLASS_???");
	else
		snprintf(c, sizeof(c), "%s", name);
	return (size_t)snprintf(buf, size, "IOPRIO_PRIO_VALUE(%s, %u)", c, v & IOPRIO_DATA_MASK);
}

static void print_ioprio_who(struct tcb *tcp)
{
	print_xval(tcp, &xlat_ioprio_who, (uint32_t)tcp->args[0], "IOPRIO_WHO_???");
	tprint_arg_next(tcp);
	if ((uint32_t)tcp->args[0] == 1) /* IOPRIO_WHO_PROCESS */
		print_pid(tcp, (int)tcp->args[1], PT_TGID);
	else if ((uint32_t)tcp->args[0] == 2) /* IOPRIO_WHO_PGRP */
		print_pid(tcp, (int)tcp->args[1], PT_PGID);
	else
		tprintf(tcp, "%d", (int)tcp->args[1]);
}

int dec_ioprio_get(struct tcb *tcp)
{
	if (!tcp->exiting) {
		print_ioprio_who(tcp);
		return DEC_MORE;
	}
	if (!tcp->err && pcfg.xlat_style != XLAT_RAW) {
		format_ioprio(tcp->auxbuf, sizeof(tcp->auxbuf), (uint32_t)tcp->rval);
		tcp->auxstr = tcp->auxbuf;
	}
	return DEC_DONE;
}

int dec_ioprio_set(struct tcb *tcp)
{
	char names[128], raw[16], buf[160];

	print_ioprio_who(tcp);
	tprint_arg_next(tcp);
	format_ioprio(names, sizeof(names), (uint32_t)tcp->args[2]);
	snprintf(raw, sizeof(raw), "%d", (int)tcp->args[2]);
	format_xlat_styled(buf, sizeof(buf), raw, names);
	tprints(tcp, buf);
	return DEC_DONE;
}

/* getpriority(which, who), setpriority(which, who, prio): who is a
 * process for PRIO_PROCESS (0), a process group for PRIO_PGRP (1). */
static void print_priority_who(struct tcb *tcp)
{
	unsigned which = (unsigned)tcp->args[0];

	print_xval_d(tcp, &xlat_priority_which, which);
	tprint_arg_next(tcp);
	if (which <= 1)
		print_pid(tcp, (int)tcp->args[1], which == 0 ? PT_TGID : PT_PGID);
	else
		print_dec(tcp, (int)tcp->args[1]);
}

int dec_getpriority(struct tcb *tcp)
{
	print_priority_who(tcp);
	return DEC_DONE;
}

int dec_setpriority(struct tcb *tcp)
{
	print_priority_who(tcp);
	tprint_arg_next(tcp);
	print_dec(tcp, (int)tcp->args[2]);
	return DEC_DONE;
}
