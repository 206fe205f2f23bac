/* The ptrace loop.
 *
 * Spawned commands: the child stops itself with SIGSTOP, the tracer seizes
 * it (PTRACE_SEIZE, so group-stops can use PTRACE_LISTEN), sends SIGCONT,
 * and hides everything the child does before the traced execve.  Attached
 * processes (-p) are seized and interrupted.  Every stop is handled in
 * tracer_loop(): syscall entry/exit (PTRACE_GET_SYSCALL_INFO when the
 * kernel has it, registers otherwise), ptrace events, signal delivery and
 * group-stops. */
#include "config.h"
#include "stop.h"

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/personality.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check/check.h"
#include "decode.h"
#include "decode_signal.h"
#include "event.h"
#include "fastpath.h"
#include "fdcache.h"
#include "filter.h"
#include "inject.h"
#include "mem.h"
#include "pathtrace.h"
#include "pids.h"
#include "rawsys.h"
#include "sink.h"
#include "signals.h"
#include "stage.h"
#include "stacktrace.h"
#include "summary.h"
#include "syscallent.h"
#include "tcb.h"
#include "users.h"
#include "util.h"

static const struct options *opt;
static struct outstream *shared_out;    /* stderr or -o FILE (not -ff) */
/* the output's name in a write error: strace's "-o FILE: strerror" */
static const char *out_name = "stderr";
static pid_t main_pid;                   /* the spawned command */
static int main_status = -1;             /* its wait status */
static bool main_detached;               /* -b execve let it go */
static bool have_syscall_info;
static const bool *trace_set;            /* -e trace= (filter.c's, filter.h's layout) */
static bool *exit_result_used;           /* by native number: see fill_syscall() */
static volatile sig_atomic_t interrupted;
static int output_failed;                /* errno of a failed trace write */
static unsigned seize_opts;
static bool use_seccomp;                 /* the filtered fast path is on */
static struct fp_prog fp_prog;          /* the filter the child loads (len 0: none) */
static char **child_env;                 /* the command's environment */
static int fp_pipe = -1;                 /* child reports a failed filter load */
static int fp_read = -1;
static bool seccomp_allowed = true;      /* the preflight's verdict */
static enum sum_sort sum_sort = SS_TIME;
static enum sum_col sum_cols[SC__COUNT];
static unsigned sum_ncols;

/* The loop checks `interrupted` before it waits: a signal landing between
 * that check and the wait would only be seen at the next tracee event,
 * never if the tracees are quiet.  So the handler also starts a repeating
 * timer whose SIGALRM interrupts every later wait (EINTR) until the loop
 * has seen it; tracer_loop() stops the timer when it is done. */
#define INTERRUPT_KICK_MS 20

static void on_fatal_signal(int sig)
{
	struct itimerval it = {
		.it_interval = { .tv_usec = INTERRUPT_KICK_MS * 1000 },
		.it_value = { .tv_usec = INTERRUPT_KICK_MS * 1000 },
	};
	int saved = errno;

	interrupted = sig;
	setitimer(ITIMER_REAL, &it, NULL);
	errno = saved;
}

/* Output of lazy streams (see outstream_set_private()) is written at the
 * latest FLUSH_DELAY_MS after ctrace went to sleep with it pending: a
 * one-shot timer, armed then, whose signal interrupts the wait. */
#define FLUSH_DELAY_MS 50
static volatile sig_atomic_t flush_due;
static bool flush_timer_armed;

static void on_flush_timer(int sig)
{
	(void)sig;
	flush_due = 1;
}

static void arm_flush_timer(void)
{
	struct itimerval it = { .it_value = { .tv_usec = FLUSH_DELAY_MS * 1000 } };

	if (!flush_timer_armed && setitimer(ITIMER_REAL, &it, NULL) == 0)
		flush_timer_armed = true;
}

/* The signals ctrace handles, and their dispositions before it did: a
 * command ctrace starts gets those back (SIG_IGN stays ignored, as under
 * strace: `ctrace CMD &` from a script must not give CMD a SIGINT), and
 * the signal mask too. */
static const int handled_sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGALRM, SIGPIPE,
				    SIGTSTP, SIGTTOU, SIGTTIN };
static struct sigaction saved_sigs[ARRAY_SIZE(handled_sigs)];
static sigset_t saved_mask;
/* glibc's own signals (32 and 33 below SIGRTMIN), which its sigaction()
 * refuses: starting the spawner thread makes glibc install its SIGSETXID
 * handler, which the exec would turn into SIG_DFL.  Ignored when ctrace
 * started, they are ignored again in the command, as an exec keeps them. */
#define LIBC_SIG_FIRST 32
static bool libc_sig_ignored[4];

/* rt_sigaction(2) itself, for glibc's own signals */
static int raw_sigaction(int sig, const struct k_sigaction *sa, struct k_sigaction *old)
{
	return syscall(SYS_rt_sigaction, sig, sa, old, sizeof(uint64_t)) < 0 ? -errno : 0;
}

static void install_signal_handlers(void)
{
	struct sigaction sa;
	sigset_t alrm;

	for (int sig = LIBC_SIG_FIRST; sig < SIGRTMIN &&
	     sig < LIBC_SIG_FIRST + (int)ARRAY_SIZE(libc_sig_ignored); sig++) {
		struct k_sigaction old;

		libc_sig_ignored[sig - LIBC_SIG_FIRST] = raw_sigaction(sig, NULL, &old) == 0 &&
							  old.handler == (uintptr_t)SIG_IGN;
	}
	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < ARRAY_SIZE(handled_sigs); i++) {
		switch (handled_sigs[i]) {
		case SIGALRM:
			sa.sa_handler = on_flush_timer;
			break;
		case SIGPIPE:
			/* a closed output pipe is a write error (EPIPE), handled in the loop */
			sa.sa_handler = SIG_IGN;
			break;
		case SIGTTOU:
		case SIGTTIN:
			/* as strace: writing the trace from the background never stops ctrace */
			sa.sa_handler = SIG_IGN;
			break;
		case SIGTSTP:
			/* -I4: ^Z does not stop ctrace */
			sa.sa_handler = opt->intr == INTR_NEVER_TSTP ? SIG_IGN : SIG_DFL;
			break;
		default:
			/* -I1: the default action (ctrace dies, a spawned
			 * command with it); -I3, -I4: ignored; -I2: no
			 * SA_RESTART, waitpid must return EINTR */
			sa.sa_handler = opt->intr == INTR_WAITING ? on_fatal_signal :
					opt->intr == INTR_ANYWHERE ? SIG_DFL : SIG_IGN;
			break;
		}
		sigaction(handled_sigs[i], NULL, &saved_sigs[i]);
		/* left alone when ctrace has no use for it */
		if (sa.sa_handler == SIG_DFL)
			continue;
		sigaction(handled_sigs[i], &sa, NULL);
	}
	/* ctrace's own timers (flush, interrupt kick) need SIGALRM, even if
	 * it was blocked when ctrace started */
	sigemptyset(&alrm);
	sigaddset(&alrm, SIGALRM);
	sigprocmask(SIG_UNBLOCK, &alrm, &saved_mask);
}

static void restore_signal_dispositions(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(handled_sigs); i++)
		sigaction(handled_sigs[i], &saved_sigs[i], NULL);
	for (size_t i = 0; i < ARRAY_SIZE(libc_sig_ignored); i++) {
		const struct k_sigaction ign = { .handler = (uintptr_t)SIG_IGN };

		if (libc_sig_ignored[i])
			raw_sigaction(LIBC_SIG_FIRST + (int)i, &ign, NULL);
	}
	sigprocmask(SIG_SETMASK, &saved_mask, NULL);
}

static bool probe_syscall_info(void)
{
	/* PTRACE_GET_SYSCALL_INFO (Linux 5.3) on a pid that is not our
	 * tracee fails with ESRCH where the request exists, EIO where not. */
	errno = 0;
	ptrace(PTRACE_GET_SYSCALL_INFO, getpid(), 0, NULL);
	return errno == ESRCH;
}

void tracer_set_env(bool syscall_info_ok, bool seccomp_ok)
{
	/* Probed only now, after the preflight: under a seccomp profile that
	 * kills on ptrace, this call in ctrace itself would be fatal (the
	 * preflight's probe child died of it instead and ctrace stopped).
	 * With no filter on ctrace the preflight forked no child, and this is
	 * the check. */
	have_syscall_info = syscall_info_ok && probe_syscall_info();
	seccomp_allowed = seccomp_ok;
}

/* With a filter: the calls whose result matters at exit even when they
 * are not shown (see exit_unused()): those that can return
 * ERESTART_RESTARTBLOCK (a shown restart_syscall names them), and with
 * -y those returning a new descriptor (src/fdcache.c forgets the number). */
static void init_exit_result_used(void)
{
	unsigned n = arch_native->nsyscalls;
	bool filtering = false;

	for (unsigned i = 0; i < n && !filtering; i++)
		filtering = !trace_set[i];
	if (!filtering)
		return; /* every exit is shown */
	exit_result_used = xcalloc(n, sizeof(bool));
	for (unsigned i = 0; i < n; i++) {
		const struct syscall_ent *e = &arch_native->table[i];

		exit_result_used[i] = (e->props & SP_RESTART_BLOCK) ||
				      (opt->decode_fds && (e->rval == RV_FD || (e->props & SP_FD_FCNTL)));
	}
}

int tracer_init(const struct options *opts)
{
	FILE *fp = stderr;
	int ret;

	opt = opts;
	pcfg.max_strlen = opts->max_strlen;
	pcfg.xflag = opts->xflag;
	pcfg.decode_fds = opts->decode_fds;
	pcfg.verbose = opts->verbose;
	/* -t: time of day; -tt: with microseconds; -ttt: seconds since the
	 * epoch with microseconds; --absolute-timestamps overrides. */
	pcfg.ts_format = opts->ts_format ? opts->ts_format :
			 opts->tflag >= TS_EPOCH ? TSF_UNIX : opts->tflag ? TSF_TIME : TSF_NONE;
	pcfg.ts_prec = opts->ts_prec >= 0 ? opts->ts_prec : opts->tflag >= TS_USEC ? 6 : 0;
	pcfg.rel_prec = opts->rel_prec;
	pcfg.T_prec = opts->T_prec;
	/* "[pid N] " on stderr, "N " in a -o file (every line with -f), none
	 * in -ff files or JSON */
	pcfg.json = opts->json;
	pcfg.pid_prefix = !(opts->follow >= 2 && opts->outfile) && !opts->json;
	pcfg.pid_plain = opts->outfile != NULL;
	/* strace: -o FILE with -f, or with more than one tracee from the
	 * start (-p PID twice, or -p PID and a command) */
	pcfg.pid_always = opts->outfile &&
			  (opts->follow == 1 ||
			   (!opts->follow && opts->npids + (opts->argv ? 1 : 0) > 1));
	pcfg.xlat_style = opts->xlat_style;
	pcfg.acolumn = opts->acolumn;
	pcfg.print_scno = opts->print_scno;
	pcfg.print_ip = opts->print_ip;
	pcfg.hex_escapes = opts->hex_escapes;
	pcfg.stack = opts->stack && opts->count != COUNT_ONLY;
	if (pcfg.stack) {
		const char *why;

		if (stacktrace_load(&why) < 0) {
			ct_error("-k/--stack-traces needs libdw: %s", why);
			return -ENOENT;
		}
	}

	if (opts->sortby && summary_parse_sort(opts->sortby, &sum_sort) < 0) {
		ct_error("invalid sortby: '%s'", opts->sortby);
		return -EINVAL;
	}
	if (opts->columns && summary_parse_columns(opts->columns, sum_cols, &sum_ncols) < 0) {
		ct_error("unknown column name in: '%s'", opts->columns);
		return -EINVAL;
	}
	if (opts->count)
		summary_init(arch_native, opts->count_wall);
	if (opts->overhead_ns >= 0)
		summary_set_overhead((uint64_t)opts->overhead_ns);

	/* the -e expressions were applied as options_parse() read them */
	trace_set = filter_trace_set(arch_native);
	if (opts->only_successful)
		filter_set_status(1u << FS_SUCCESSFUL);
	if (opts->only_failed)
		filter_set_status(1u << FS_FAILED);

	/* -ff: FILE.PID must fit a path (strace checks it at the start too) */
	if (opts->outfile && opts->follow >= 2 &&
	    strlen(opts->outfile) >= PATH_MAX - sizeof(int) * 3) {
		ct_error("%s: %s", opts->outfile, strerror(ENAMETOOLONG));
		return -ENAMETOOLONG;
	}
	if (opts->outfile && (opts->outfile[0] == '|' || opts->outfile[0] == '!')) {
		/* strace's -o |CMD / -o !CMD: the trace goes to CMD's stdin */
		fp = popen(opts->outfile + 1, "we");
		if (!fp) {
			ret = -errno;
			ct_error("Can't popen '%s': %s", opts->outfile + 1, strerror(errno));
			return ret;
		}
	} else if (opts->outfile && opts->follow < 2) {
		fp = fopen(opts->outfile, opts->append ? "ae" : "we");
		if (!fp) {
			ret = -errno;
			ct_error("Can't fopen '%s': %s", opts->outfile, strerror(errno));
			return ret;
		}
	}
	if (opts->outfile)
		out_name = opts->outfile;
	if (!opts->outfile || opts->follow < 2) {
		shared_out = outstream_new(fp);
		shared_out->popened = opts->outfile &&
				      (opts->outfile[0] == '|' || opts->outfile[0] == '!');
		/* Full buffering everywhere; a terminal is flushed per line. */
		outstream_setbuf(shared_out, 64 * 1024);
		if (opts->outfile)
			outstream_set_private(shared_out);
	}
	init_exit_result_used();
	install_signal_handlers();
	return 0;
}

static struct outstream *stream_for(pid_t pid)
{
	char name[PATH_MAX];
	struct outstream *os;
	FILE *fp;

	if (shared_out)
		return shared_out;
	snprintf(name, sizeof(name), "%s.%d", opt->outfile, pid);
	fp = fopen(name, opt->append ? "ae" : "we");
	/* as strace: the trace cannot be written, so ctrace stops with
	 * status 1 (a spawned command dies with it: PTRACE_O_EXITKILL) */
	if (!fp)
		ct_die("Can't fopen '%s': %s", name, strerror(errno));
	os = outstream_new(fp);
	outstream_setbuf(os, 64 * 1024);
	outstream_set_private(os);
	return os;
}

/* Number of NSpid entries of a process: its pid namespace depth. */
static int nspid_of(pid_t pid, pid_t *innermost)
{
	char path[64], buf[2048];
	const char *line;
	int depth = 0;

	snprintf(path, sizeof(path), "/proc/%d/status", pid);
	if (read_file(path, buf, sizeof(buf)) < 0 || !(line = strstr(buf, "\nNSpid:")))
		return 0;
	line += 7;
	for (;;) {
		char *end;
		long v = strtol(line, &end, 10);

		if (end == line)
			break;
		depth++;
		*innermost = (pid_t)v;
		line = end;
	}
	return depth;
}

/* Tracees in a deeper pid namespace than ctrace (a container seen from
 * the host) are shown with both pids: [pid 1234 (ctr 7)]. */
static bool ns_differs;

static void set_ns_pid(struct tcb *tcp, bool check)
{
	static int own_depth = -1;
	pid_t inner = 0;

	if (!check)
		return;
	if (own_depth < 0)
		own_depth = nspid_of(getpid(), &inner);
	if (nspid_of(tcp->pid, &inner) > own_depth && own_depth > 0) {
		tcp->ns_pid = inner;
		ns_differs = true;
	}
}

/* Tracees not known to be single-threaded (tcp->solo false): while there
 * is none, -c takes CPU times from wait4's rusage (src/summary.c). */
static unsigned nonsolo;

static void set_solo(struct tcb *tcp, bool solo)
{
	if (tcp->solo == solo)
		return;
	tcp->solo = solo;
	if (solo)
		nonsolo--;
	else
		nonsolo++;
}

static struct tcb *add_tcb(pid_t pid, unsigned flags)
{
	struct tcb *tcp = tcb_new(pid, flags);

	ct_debug("new tracee %d, %u traced", pid, tcb_count());
	if (pids_mode & PIDS_COMM) /* for its lines after it is gone */
		pids_comm(tcp);
	nonsolo++; /* until known better */

	tcp->out = stream_for(pid);
	/* attached processes may live in a container; children of such a
	 * process too (checked only then: no /proc read per fork otherwise) */
	set_ns_pid(tcp, (flags & TCB_ATTACHED) || ns_differs);
	return tcp;
}

static void end_delay(struct tcb *tcp, bool run);

/* Children that were seen, ran and died before their parent's fork or
 * clone event was taken from wait(): that event must not make them anew
 * (a second tcb would open FILE.PID again, emptying it, and wait for an
 * exit that was already reported). */
static pid_t *early_gone;
static size_t nearly_gone;

static void early_gone_add(pid_t pid)
{
	early_gone = xrealloc(early_gone, (nearly_gone + 1) * sizeof(*early_gone));
	early_gone[nearly_gone++] = pid;
}

/* Was pid such a child?  (It is then forgotten: its event has come.) */
static bool early_gone_take(pid_t pid)
{
	for (size_t i = 0; i < nearly_gone; i++) {
		if (early_gone[i] == pid) {
			early_gone[i] = early_gone[--nearly_gone];
			return true;
		}
	}
	return false;
}

static void drop_tcb(struct tcb *tcp)
{
	if (tcp->flags & TCB_EARLY)
		early_gone_add(tcp->pid);
	end_delay(tcp, false);
	set_solo(tcp, false);
	nonsolo--;
	summary_forget(tcp);
	stage_end(tcp, FS_UNFINISHED);
	if (tcp->out && tcp->out->curline == tcp)
		tcp->out->curline = NULL;
	if (tcp->out && tcp->out != shared_out)
		outstream_close(tcp->out);
	stacktrace_tcb_free(tcp);
	fdcache_forget(tcp);
	tcb_free(tcp);
}

char *tracer_find_program(const char *cmd)
{
	const char *path = getenv("PATH");
	struct stat st;

	if (strchr(cmd, '/')) {
		if (stat(cmd, &st) < 0)
			return NULL;
		return xstrdup(cmd);
	}
	if (!path || !*path)
		path = "/usr/local/bin:/usr/bin:/bin";
	for (const char *p = path;; ) {
		const char *colon = strchr(p, ':');
		size_t dlen = colon ? (size_t)(colon - p) : strlen(p);
		char buf[PATH_MAX];

		if (snprintf(buf, sizeof(buf), "%.*s%s%s", (int)dlen, p,
			     dlen ? "/" : "", cmd) < (int)sizeof(buf) &&
		    stat(buf, &st) == 0 && S_ISREG(st.st_mode) &&
		    (st.st_mode & 0111))
			return xstrdup(buf);
		if (!colon)
			break;
		p = colon + 1;
	}
	errno = ENOENT;
	return NULL;
}

/* The command's environment: ctrace's, with -E's changes made as
 * putenv() (NAME=VALUE: replaces the first NAME or is added) and
 * unsetenv() (NAME: every NAME goes) would make them.  Built in the
 * tracer: a vfork child must not change the environment it shares. */
static char **command_env(void)
{
	size_t n = 0, k = 0;
	char **env;

	for (char **e = environ; *e; e++)
		n++;
	env = xcalloc(n + opt->nenv + 1, sizeof(*env));
	for (char **e = environ; *e; e++)
		env[k++] = *e;
	for (size_t i = 0; i < opt->nenv; i++) {
		char *set = opt->env[i], *eq = strchr(set, '=');
		size_t len = eq ? (size_t)(eq - set) : strlen(set), kept = 0;
		bool done = false;

		for (size_t j = 0; j < k; j++) {
			bool same = strncmp(env[j], set, len) == 0 && env[j][len] == '=';

			if (same && eq && !done) {
				env[kept++] = set;
				done = true;
			} else if (!same || eq) {
				env[kept++] = env[j];
			}
		}
		k = kept;
		if (eq && !done)
			env[k++] = set;
	}
	env[k] = NULL;
	return env;
}

/* In the child: become the -u user.  Returns 0 or a negative errno. */
static int switch_user(void)
{
	struct ct_user u;
	int ret;

	if (!opt->username)
		return 0;
	ret = user_lookup(opt->username, &u);
	return ret < 0 ? ret : user_become(&u);
}

/* -D: in the process that runs the command, the child it waits for */
static pid_t daemon_child;

/* An error of the child before its exec, worded as ct_error() words it
 * and written at once with write(2): the child may share the tracer's
 * memory (vfork), where stdio's locks and buffers and the message hook are
 * the tracer's, and the tracer may stop it at any call (a lock held there
 * would stop the tracer too).  So no stdio, no allocation, no locale. */
__attribute__((format(printf, 1, 2)))
static void child_error(const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	int n = snprintf(buf, sizeof(buf), "%s: ", ct_progname);

	va_start(ap, fmt);
	if (n >= 0 && (size_t)n < sizeof(buf))
		n += vsnprintf(buf + n, sizeof(buf) - (size_t)n, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n >= sizeof(buf))
		n = sizeof(buf) - 1;
	buf[n++] = '\n';
	if (write(STDERR_FILENO, buf, (size_t)n) < 0)
		return;
}

/* strerror() without its locale (gettext's lock) */
static const char *child_strerror(int err)
{
	const char *s = strerrordesc_np(err);

	return s ? s : "Unknown error";
}

/* fp_wfd: where a failed filter load is reported (fp_pipe when the
 * tracer forked; a vfork child must not read the tracer's variable, which
 * the tracer closes and resets once the child exists) */
_Noreturn static void child_exec(const char *path, char **argv, int fp_wfd)
{
	int ret;

	/* ctrace's own handlers and its ignored SIGPIPE are not the command's */
	restore_signal_dispositions();
	if (opt->no_aslr) {
		int cur = personality(0xffffffff);

		if (cur < 0 || personality((unsigned long)cur | ADDR_NO_RANDOMIZE) < 0) {
			child_error("Cannot disable address space randomization: personality(ADDR_NO_RANDOMIZE): %s",
				    child_strerror(errno));
			_exit(1);
		}
	}
	ret = switch_user();
	if (ret < 0) {
		child_error("Cannot run as user '%s': %s", opt->username,
			    ret == -ENOENT ? "no such user" : child_strerror(-ret));
		_exit(1);
	}
	/* Wait for the tracer to seize us: with -D, the tracer (our
	 * grandchild) kills its parent, our child, once it has. */
	if (daemon_child > 0) {
		while (waitpid(daemon_child, NULL, 0) < 0 && errno == EINTR)
			;
	} else {
		kill(getpid(), SIGSTOP);
	}
	if (fp_prog.fprog.len) {
		int err = fastpath_load(&fp_prog);

		if (err < 0) {
			unsigned char e = (unsigned char)-err;
			if (write(fp_wfd, &e, 1) < 0)
				_exit(1);
		}
	}
	execve(path, argv, child_env);
	/* strace's message and status */
	child_error("exec: %s", child_strerror(errno));
	_exit(1);
}

/* Decide whether the filtered fast path is used and build its filter. */
static void fastpath_setup(const char *path)
{
	scmp_filter_ctx fp_ctx;
	/* (without -f, options.c has turned the fast path off) */
	enum fp_reason r = fastpath_prepare(arch_native, trace_set, false,
					    !seccomp_allowed ||
					    (inject_active() && opt->seccomp_bpf == 0) ?
					    -1 : opt->seccomp_bpf,
					    path, !fastpath_have_sys_admin(), &fp_ctx);
	int fds[2];

	if (!seccomp_allowed && r == FP_DISABLED) {
		/* forced: the preflight already failed; auto: say it once */
		if (opt->seccomp_bpf == 0 && opt->quiet < 2 &&
		    fastpath_prepare(arch_native, trace_set, false, 0, path, false, &fp_ctx) == FP_OK) {
			seccomp_release(fp_ctx);
			ct_warn("seccomp-bpf fast path not used: seccomp filters are blocked here "
				"(see ctrace --check); stopping at every syscall");
		}
		return;
	}

	if (r == FP_OK) {
		if (fastpath_export(fp_ctx, &fp_prog) < 0)
			r = FP_BUILD;
		seccomp_release(fp_ctx);
	}
	if (r == FP_OK && pipe2(fds, O_CLOEXEC) < 0) {
		fastpath_prog_free(&fp_prog);
		r = FP_BUILD;
	}
	if (r != FP_OK) {
		bool tell = opt->seccomp_bpf > 0 || ((r == FP_SETID || r == FP_BUILD) && opt->quiet < 2);
		if (tell)
			ct_warn("seccomp-bpf fast path not used: %s; stopping at every syscall",
				fastpath_reason_text(r));
		return;
	}
	use_seccomp = true;
	/* unselected mmaps run unseen: -k re-reads the module map each time */
	stacktrace_set_always_rescan(true);
	fp_pipe = fds[1];
	fp_read = fds[0];
}

/* In the tracer, once the child exists: its copy of fp_pipe is its own */
static void close_fp_pipe(void)
{
	if (fp_pipe >= 0)
		close(fp_pipe);
	fp_pipe = -1;
}

/* At the exec event: did the child fail to load the filter? */
static void fastpath_check_loaded(void)
{
	unsigned char e;

	if (fp_read < 0)
		return;
	if (read(fp_read, &e, 1) == 1) {
		use_seccomp = false;
		if (opt->quiet < 2)
			ct_warn("seccomp-bpf fast path not used: the filter could not be loaded (%s); "
				"stopping at every syscall", strerror(e));
	}
	close(fp_read);
	fp_read = -1;
}

static int seize_one(pid_t pid, unsigned flags);

/* -D, -DD, -DDD: ctrace's process becomes the command; ctrace goes on
 * in a grandchild (in a new process group with -DD, a new session with
 * -DDD) that attaches to it, as strace does.  The command's parent is
 * then the caller's shell, not ctrace.  Returns in the tracer only. */
static int spawn_daemonized(const char *path, char **argv)
{
	pid_t cmd = getpid(), mid;
	int ret;

	/* Yama ptrace_scope 1: the grandchild is no ancestor of ours */
	prctl(PR_SET_PTRACER, PR_SET_PTRACER_ANY, 0L, 0L, 0L);
	mid = fork();
	if (mid < 0) {
		ret = -errno;
		ct_error("fork: %s", strerror(errno));
		return ret;
	}
	if (mid > 0) {
		/* the command: runs once mid is gone */
		daemon_child = mid;
		child_exec(path, argv, fp_pipe);
	}
	mid = fork();
	if (mid < 0)
		_exit(1);
	if (mid > 0) {
		/* the middle process: killed by the tracer when it has
		 * attached (or when it gave up) */
		for (;;)
			pause();
	}
	if ((opt->daemonize == DAEMONIZE_PGROUP && setpgid(0, 0) < 0) ||
	    (opt->daemonize == DAEMONIZE_SESSION && setsid() < 0)) {
		ret = -errno;
		ct_error("Cannot create a new %s: %s",
			 opt->daemonize == DAEMONIZE_PGROUP ? "process group" : "session",
			 strerror(errno));
		kill(cmd, SIGKILL);
		kill(getppid(), SIGKILL);
		return ret;
	}
	ret = seize_one(cmd, TCB_HIDE | TCB_SKIP_DETACH_EXEC);
	if (ret < 0) {
		ct_error("attach: ptrace(PTRACE_SEIZE, %d): %s", cmd, strerror(-ret));
		kill(cmd, SIGKILL);
		kill(getppid(), SIGKILL);
		return ret;
	}
	set_solo(tcb_find(cmd), true);
	main_pid = cmd;
	/* as strace: an attach like -p's */
	if (!(opt->quiet_mask & QUIET_ATTACH))
		ct_error("Process %d attached", cmd);
	kill(getppid(), SIGKILL);
	return 0;
}

/*
 * The command's process.  fork() would copy ctrace's page tables, and
 * then each process takes a copy-on-write fault on every page it writes
 * until the exec, which on a VM that flushes the TLB through the
 * hypervisor made most of the 1.9 ms from the fork to the child running
 * (bench/README.md).  So the
 * child is made by vfork(), from a thread of ctrace's ("the spawner"):
 * vfork suspends only the calling thread, and the tracer's thread must run
 * to seize the child, which stops itself before its exec.
 *
 * Until its exec the child shares ctrace's memory: it only reads what the
 * tracer made before and never changes or frees (path, argv, opt,
 * child_env, fp_prog; the error pipe's descriptor is passed by value, see
 * docs/design.md, "Spawn"), and writes its pid
 * to a pipe (under valgrind, whose vfork is a fork, the pipe still
 * carries it).  The spawner then sleeps, signals blocked, for ctrace's
 * lifetime: it is the command's parent thread, and a parent thread's exit
 * sends the command its PR_SET_PDEATHSIG signal.  With -u the child is
 * forked as before: glibc's set*id() in a vfork child would signal the
 * tracer's threads.
 */
struct spawn_req {
	const char *path;
	char **argv;
	int wfd;            /* the pid pipe */
	int fp_wfd;         /* fp_pipe, as it was when the child was made */
};

/* The spawner is inside vfork() from before the child exists until the
 * command's exec or death (in_vfork).  If ctrace exits before that exec
 * (an error: ct_die(), an output it cannot open), spawn_settle(), run by
 * exit(), kills and reaps a command ctrace still traces, as
 * PTRACE_O_EXITKILL would a moment later, and waits for the spawner to
 * leave vfork(): LeakSanitizer's check at exit stops every thread, and a
 * thread waiting in vfork() never stops.  (A command ctrace detached
 * before its exec is left alone.) */
static atomic_bool in_vfork;
static pid_t spawned_pid;

/* Is pid traced by ctrace?  (its TracerPid in /proc/PID/status) */
static bool traced_by_us(pid_t pid)
{
	long tracer;

	return proc_status_long(pid, "TracerPid", &tracer) == 0 && tracer == getpid();
}

static void spawn_settle(void)
{
	const struct timespec ms = { 0, 1000 * 1000 };

	if (!atomic_load(&in_vfork) || spawned_pid <= 0 || !traced_by_us(spawned_pid))
		return;
	kill(spawned_pid, SIGKILL);
	while (waitpid(spawned_pid, NULL, __WALL) < 0 && errno == EINTR)
		;
	/* the child's death ends the vfork(); the spawner then clears in_vfork */
	for (int i = 0; i < 1000 && atomic_load(&in_vfork); i++)
		nanosleep(&ms, NULL);
}

_Noreturn __attribute__((noinline)) static void vfork_child(const struct spawn_req *r)
{
	pid_t me = getpid();

	if (write(r->wfd, &me, sizeof(me)) != sizeof(me))
		_exit(1);
	child_exec(r->path, r->argv, r->fp_wfd);
}

static void *spawner(void *arg)
{
	const struct spawn_req *r = arg;
	int wfd = r->wfd;
	pid_t pid = vfork();

	if (pid == 0)
		vfork_child(r);
	atomic_store(&in_vfork, false);
	if (pid < 0) {
		pid = -errno;
		if (write(wfd, &pid, sizeof(pid)) < 0)
			pid = -EIO;
	}
	close(wfd);
	if (pid < 0)
		return NULL;
	for (;;)
		pause();
}

/* The command's pid, stopped or about to stop, or a negative errno. */
static pid_t start_command(const char *path, char **argv)
{
	static struct spawn_req req;
	_cleanup_close_ int rfd = -1;
	int fds[2], err;
	ssize_t n;
	sigset_t all, old;
	pthread_attr_t attr;
	pthread_t t;
	pid_t pid;

	if (opt->username) {
		pid = fork();
		if (pid == 0)
			child_exec(path, argv, fp_pipe);
		return pid < 0 ? -errno : pid;
	}
	if (pipe2(fds, O_CLOEXEC) < 0)
		return -errno;
	rfd = fds[0];
	req = (struct spawn_req){ path, argv, fds[1], fp_pipe };
	atomic_store(&in_vfork, true);
	if (atexit(spawn_settle) != 0)
		return -ENOMEM;
	/* the spawner, and so the child until it restores the command's
	 * mask, run no handler of ctrace's */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	err = pthread_attr_init(&attr);
	if (err == 0) {
		pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
		err = pthread_create(&t, &attr, spawner, &req);
		pthread_attr_destroy(&attr);
	}
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (err) {
		atomic_store(&in_vfork, false);
		close(fds[1]);
		return -err;
	}
	/* (a signal of ctrace's handlers, without SA_RESTART, may come) */
	while ((n = read(rfd, &pid, sizeof(pid))) < 0 && errno == EINTR)
		;
	if (n == sizeof(pid)) {
		spawned_pid = pid;
		return pid;
	}
	return n < 0 ? -errno : -ECHILD;
}

int tracer_spawn(const char *path, char **argv)
{
	pid_t pid;
	int status, ret;

	if (opt->username && geteuid() != 0) {
		ct_error("You must be root to use the -u/--username option");
		return -EPERM;
	}
	if (opt->username) {
		struct ct_user u;

		ret = user_lookup(opt->username, &u);
		if (ret < 0) {
			ct_error("Cannot find user '%s'%s%s%s", opt->username,
				 ret == -ENOENT ? "" : ": ", ret == -ENOENT ? "" : strerror(-ret),
				 users_static() ? " (this static ctrace reads /etc/passwd and /etc/group only: "
				 "a static program cannot use other NSS sources such as LDAP or sss)" : "");
			return ret;
		}
	}
	child_env = command_env();
	fastpath_setup(path);
	/* -y paths cached, unless calls outside the filter run unseen */
	if (opt->decode_fds && !use_seccomp)
		fdcache_enable(arch_native, opt->follow);
	outstreams_flush();
	if (opt->daemonize) {
		seize_opts = PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEEXEC;
		if (opt->follow || use_seccomp)
			seize_opts |= PTRACE_O_TRACECLONE | PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK;
		if (use_seccomp)
			seize_opts |= PTRACE_O_TRACESECCOMP;
		ct_debug("ptrace_setoptions = %#x", seize_opts);
		ret = spawn_daemonized(path, argv);
		close_fp_pipe();
		return ret;
	}
	pid = start_command(path, argv);
	if (pid < 0) {
		ct_error("fork: %s", strerror(-pid));
		return pid;
	}
	/* the child has its own copy of the descriptors */
	close_fp_pipe();

	status = 0;
	while ((ret = waitpid(pid, &status, WSTOPPED)) < 0 && errno == EINTR)
		;
	if (ret < 0 || !WIFSTOPPED(status)) {
		if (ret >= 0 && WIFEXITED(status))
			return -ECHILD; /* the child printed why */
		ct_error("the command stopped unexpectedly");
		return -ECHILD;
	}
	seize_opts = PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEEXEC | PTRACE_O_EXITKILL;
	/* With the fast path, children inherit the filter: they are always
	 * followed (silently without -f) so no filtered call goes unanswered. */
	if (opt->follow || use_seccomp)
		seize_opts |= PTRACE_O_TRACECLONE | PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK;
	if (use_seccomp)
		seize_opts |= PTRACE_O_TRACESECCOMP;
	/* strace's -d line (its value: the options ctrace seizes with) */
	ct_debug("ptrace_setoptions = %#x", seize_opts);
	if (ptrace(PTRACE_SEIZE, pid, 0L, (unsigned long)seize_opts) < 0) {
		const char *why;

		ret = -errno;
		why = check_explain_ptrace_error(pid, -ret);
		ct_error("ptrace(PTRACE_SEIZE, %d): %s%s%s", pid, strerror(-ret),
			 why ? ": " : "", why ? why : "");
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
		return ret;
	}
	/* a forked child: one thread */
	set_solo(add_tcb(pid, TCB_STARTUP | TCB_HIDE | TCB_SKIP_DETACH_EXEC), true);
	main_pid = pid;
	kill(pid, SIGCONT);
	return 0;
}

static int seize_one(pid_t pid, unsigned flags)
{
	if (ptrace(PTRACE_SEIZE, pid, 0L, (unsigned long)seize_opts) < 0)
		return -errno;
	if (ptrace(PTRACE_INTERRUPT, pid, 0L, 0L) < 0) {
		int err = -errno;
		ptrace(PTRACE_DETACH, pid, 0L, 0L);
		return err;
	}
	add_tcb(pid, flags);
	return 0;
}

/* Attach all threads of pid (with -f).  Returns the number attached or a
 * negative errno when none could be. */
static int attach_threads(pid_t pid)
{
	char dir[64];
	DIR *d;
	struct dirent *de;
	int n = 0, ret = 0;

	snprintf(dir, sizeof(dir), "/proc/%d/task", pid);
	d = opendir(dir);
	if (!d)
		return -errno;
	while ((de = readdir(d))) {
		char *end;
		long tid = strtol(de->d_name, &end, 10);

		if (*end || tid <= 0 || tcb_find((pid_t)tid))
			continue;
		ret = seize_one((pid_t)tid, TCB_ATTACHED);
		if (ret == 0)
			n++;
	}
	closedir(d);
	return n ? n : ret;
}

int tracer_attach(const pid_t *pids, size_t npids)
{
	int attached = 0;
	unsigned spawn_opts = seize_opts;

	/* (--seccomp-bpf with -p: options_parse turned it off and said why;
	 * with a command too: the command's options are kept for it) */
	seize_opts = PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEEXEC;
	if (opt->follow)
		seize_opts |= PTRACE_O_TRACECLONE | PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK;
	ct_debug("ptrace_setoptions = %#x", seize_opts);

	for (size_t i = 0; i < npids; i++) {
		pid_t pid = pids[i];
		int ret;

		if (pid == getpid()) {
			ct_error("I'm sorry, I can't let you do that, Dave.");
			continue;
		}
		if (tcb_find(pid))
			continue;
		if (opt->follow) {
			ret = attach_threads(pid);
		} else {
			ret = seize_one(pid, TCB_ATTACHED);
			if (ret == 0)
				ret = 1;
		}
		if (ret < 0) {
			const char *why = ret == -ESRCH ? NULL : check_explain_ptrace_error(pid, -ret);

			ct_error("attach: ptrace(PTRACE_SEIZE, %d): %s%s%s", pid, strerror(-ret),
				 why ? ": " : "", why ? why : "");
			continue;
		}
		attached++;
		if (!(opt->quiet_mask & QUIET_ATTACH)) {
			struct tcb *t = tcb_find(pid);
			char ns[48] = "";

			if (t && t->ns_pid)
				snprintf(ns, sizeof(ns), " (pid %d in its pid namespace)", t->ns_pid);
			if (ret > 1)
				ct_error("Process %d%s attached with %d threads", pid, ns, ret);
			else
				ct_error("Process %d%s attached", pid, ns);
		}
	}
	if (main_pid)
		seize_opts = spawn_opts;
	/* with a command, ctrace goes on tracing it */
	return attached || main_pid ? 0 : -ESRCH;
}

static bool is_exec(const struct syscall_ent *e)
{
	return e && (e->props & SP_EXEC);
}

/* The exit of a call that is not shown and whose result nobody uses:
 * the stop that follows an entry stop is its exit (the register path
 * below relies on that too), so nothing needs to be read. */
static bool exit_unused(const struct tcb *tcp)
{
	return (tcp->flags & (TCB_INSYSCALL | TCB_FILTERED | TCB_INJECTED)) ==
		       (TCB_INSYSCALL | TCB_FILTERED) &&
	       exit_result_used && !opt->stack && tcp->ent && tcp->arch == arch_native &&
	       !exit_result_used[tcp->scno];
}

static bool fill_syscall(struct tcb *tcp, bool *entering)
{
	/* static, not zeroed at each stop: valgrind does not know that
	 * the kernel fills it, and the fields read below are the ones it
	 * fills for the op it reports (the common part, then entry.nr and
	 * args, or exit.rval and is_error) */
	static struct __ptrace_syscall_info info;
	struct syscall_regs regs;

	if (exit_unused(tcp)) {
		*entering = false;
		tcp->rval = 0;
		tcp->err = 0;
		return true;
	}
	if (have_syscall_info) {
		long n;

		n = ct_ptrace(PTRACE_GET_SYSCALL_INFO, tcp->pid, (void *)sizeof(info), &info);

		if (n <= 0)
			return false;
		tcp->ip = (unsigned long)info.instruction_pointer;
		tcp->ip_valid = true;
		if (info.op == PTRACE_SYSCALL_INFO_ENTRY || info.op == PTRACE_SYSCALL_INFO_SECCOMP) {
			*entering = true;
			tcp->scno = (long)info.entry.nr;
			if (sizeof(tcp->args) == sizeof(info.entry.args))
				memcpy(tcp->args, info.entry.args, sizeof(tcp->args));
			else
				for (int i = 0; i < 6; i++)
					tcp->args[i] = (unsigned long)info.entry.args[i];
			/* x32 shares x86_64's audit arch: its number tells it */
			tcp->arch = arch_personality_again(tcp->arch, tcp->audit_arch, info.arch,
							   &tcp->scno);
			tcp->audit_arch = info.arch;
			return true;
		}
		if (info.op == PTRACE_SYSCALL_INFO_EXIT) {
			*entering = false;
			tcp->rval = (long)info.exit.rval;
			tcp->err = info.exit.is_error ? (int)-info.exit.rval : 0;
			return true;
		}
		return false;
	}
	if (arch_native_regs.get_syscall(tcp->pid, &regs) < 0)
		return false;
	tcp->ip = regs.ip;
	tcp->ip_valid = true;
	*entering = !(tcp->flags & TCB_INSYSCALL);
	if (*entering) {
		tcp->scno = regs.nr;
		memcpy(tcp->args, regs.args, sizeof(tcp->args));
		tcp->audit_arch = regs.audit_arch;
		tcp->arch = arch_personality(regs.audit_arch, &tcp->scno);
	} else {
		tcp->rval = regs.ret;
		tcp->err = (regs.ret < 0 && regs.ret >= -4095) ? (int)-regs.ret : 0;
	}
	return true;
}

/* -e trace=: the selection covers each personality by its own table
 * (filter.h).  A number no table of its personality names
 * (syscall_0x1c3) is traced whatever -e trace= says, as strace does:
 * no class or name can select it, and it is worth seeing. */
static bool syscall_traced(const struct tcb *tcp)
{
	if (!tcp->ent)
		return true;
	return trace_set[filter_slot(arch_native, tcp->arch, tcp->scno)];
}

static void on_syscall_entry(struct tcb *tcp);
static void on_syscall_exit(struct tcb *tcp);
/* The current stop is the fast path's (on_seccomp_stop()): a call that
 * is not selected stopped only because its personality is not in the
 * filter (i386, x32) or to clear CLONE_UNTRACED, where strace's filter
 * would not stop it at all. */
static bool in_seccomp_stop;

/* An entry whose number could not be read: shown whatever -e trace= says
 * (strace cannot filter what it does not know), not in -c's table. */
static void on_unknown_entry(struct tcb *tcp)
{
	tcb_call_priv_drop(tcp);
	tcp->flags |= TCB_INSYSCALL | TCB_UNKNOWN_SC;
	tcp->flags &= ~(TCB_FILTERED | TCB_REPRINT | TCB_INJECTED);
	tcp->exiting = false;
	tcp->err = 0;
	tcp->rval = 0;
	tcp->ent = NULL;
	tcp->scno = -1;
	memset(tcp->args, 0, sizeof(tcp->args));
	if ((tcp->flags & (TCB_SILENT | TCB_EXEC_FAILED | TCB_HIDE)) || opt->count == COUNT_ONLY) {
		tcp->flags |= TCB_FILTERED;
		return;
	}
	if (pcfg.T_prec >= 0)
		clock_gettime(CLOCK_MONOTONIC, &tcp->stime);
	ev_syscall_entry(tcp);
}

static void on_syscall_stop(struct tcb *tcp)
{
	bool entering;

	if (!fill_syscall(tcp, &entering)) {
		/* killed (SIGKILL from elsewhere) at an entry stop before its
		 * registers could be read: as strace, "???(" now and, at its
		 * death, "<... ??? resumed>) = ?" */
		if (errno == ESRCH && !(tcp->flags & TCB_INSYSCALL))
			on_unknown_entry(tcp);
		return;
	}
	if (entering) {
		on_syscall_entry(tcp);
		/* after the entry was printed: close(3</path> */
		fdcache_syscall_entry(tcp);
	} else if (tcp->flags & TCB_INSYSCALL) {
		/* -e inject: the result the tracee sees */
		if (tcp->flags & TCB_INJECTED)
			inject_exit(tcp);
		/* before the result is printed: = 3</new/path> */
		fdcache_syscall_exit(tcp);
		on_syscall_exit(tcp);
	}
	/* else an exit without entry (attached mid-syscall) */
}

static void on_syscall_entry(struct tcb *tcp)
{
	tcb_call_priv_drop(tcp); /* of a call whose exit was not seen */
	tcp->flags |= TCB_INSYSCALL;
	tcp->flags &= ~(TCB_FILTERED | TCB_REPRINT | TCB_UNKNOWN_SC);
	tcp->exiting = false;
	tcp->err = 0;
	tcp->rval = 0;
	/* arch_syscall(), inline */
	tcp->ent = tcp->arch && tcp->scno >= 0 && (unsigned long)tcp->scno < tcp->arch->nsyscalls &&
			   tcp->arch->table[tcp->scno].name[0] ? &tcp->arch->table[tcp->scno] : NULL;
	if (!tcp->ent)
		ct_debug("pid %d invalid syscall %#lx", (int)tcp->pid, (unsigned long)tcp->scno);
	/* a new thread (seen here when clone events are not reported) */
	if (tcp->ent && (((tcp->ent->props & SP_CLONE) && (tcp->args[0] & CLONE_THREAD)) ||
			 (tcp->ent->props & SP_CLONE3)))
		set_solo(tcp, false);
	/* a personality change is seen at a stop strace would see too: not
	 * at a fast-path stop of a call that is not selected */
	if (tcp->arch != tcp->last_arch && (!in_seccomp_stop || syscall_traced(tcp))) {
		if (tcp->last_arch && tcp->arch && !(tcp->flags & (TCB_SILENT | TCB_HIDE)) &&
		    opt->count != COUNT_ONLY && !(opt->quiet_mask & QUIET_PERSONALITY))
			ev_personality(tcp, tcp->arch->mode);
		tcp->last_arch = tcp->arch;
	}
	if (tcp->flags & TCB_SILENT) {
		tcp->flags |= TCB_FILTERED;
		return;
	}
	if (tcp->flags & TCB_EXEC_FAILED) {
		tcp->flags |= TCB_FILTERED;
		return;
	}
	if (tcp->flags & TCB_HIDE) {
		if (!is_exec(tcp->ent)) {
			tcp->flags |= TCB_FILTERED;
			return;
		}
		tcp->flags &= ~TCB_HIDE;
		tcp->flags |= TCB_FIRST_EXEC;
	}
	if (!syscall_traced(tcp) || (pathtrace_active() && !pathtrace_match(tcp))) {
		tcp->flags &= ~TCB_INJECTED;
		tcp->flags |= TCB_FILTERED;
		return;
	}
	/* -e inject: on the calls -e trace= and -P select, as in strace,
	 * but never on the spawned command's own execve, which strace
	 * neither tampers with nor counts for when= */
	if (inject_nrules && !(tcp->flags & TCB_FIRST_EXEC)) {
		tcp->inj_signo = inject_entry(tcp);
	} else {
		/* what inject_entry() does without rules */
		tcp->flags &= ~TCB_INJECTED;
		tcp->inj_rule = NULL;
		tcp->inj_what = 0;
		tcp->inj_signo = 0;
	}
	if (opt->count)
		summary_enter(tcp);
	if (opt->count == COUNT_ONLY)
		return; /* -c: counted, not printed */
	if (pcfg.T_prec >= 0)
		clock_gettime(CLOCK_MONOTONIC, &tcp->stime);
	if (opt->stack)
		stacktrace_capture(tcp);
	ev_syscall_entry(tcp);
	/* exit and exit_group do not return (unless -e inject replaced
	 * them): the line ends now with "= ?", as strace ends it at the
	 * thread's exit event, before the lines of other threads (another
	 * thread's execve after a leader's exit(), for one) */
	if (tcp->ent && tcp->ent->rval == RV_NONE && !(tcp->flags & TCB_INJECTED)) {
		ev_syscall_unfinished(tcp, false);
		tcp->flags |= TCB_FILTERED;
	}
}

static inline void syscall_exit_events(struct tcb *tcp);

static void on_syscall_exit(struct tcb *tcp)
{
	bool failed = tcp->flags & TCB_EXEC_FAILED;

	syscall_exit_events(tcp);
	tcb_call_priv_drop(tcp); /* the decoder's data lives until here */
	/* the command's execve failed: its line goes out before the child,
	 * once resumed, writes "exec: ERROR" to what may be the same file */
	if (!failed && (tcp->flags & TCB_EXEC_FAILED))
		outstreams_flush();
}

static inline void syscall_exit_events(struct tcb *tcp)
{
	/* as strace: after the command's failed execve only ctrace's
	 * "exec: ERROR" and the exit status are shown */
	if ((tcp->flags & TCB_FIRST_EXEC) && tcp->err)
		tcp->flags |= TCB_EXEC_FAILED;
	tcp->flags &= ~(TCB_INSYSCALL | TCB_FIRST_EXEC);
	tcp->exiting = true;
	if (tcp->err == ERESTART_RESTARTBLOCK) /* restart_syscall follows */
		tcp->restart_ent = tcp->ent;
	if (opt->stack)
		stacktrace_syscall_exit(tcp);
	if (tcp->flags & TCB_FILTERED) {
		tcp->flags &= ~TCB_FILTERED;
		return;
	}
	if (opt->count)
		summary_exit(tcp);
	if (opt->count == COUNT_ONLY)
		return;
	ev_syscall_exit(tcp);
}

/* A tracee dies inside a syscall: "<... NAME resumed>) = ?". */
static void print_pending_call(struct tcb *tcp)
{
	if (opt->count == COUNT_ONLY || (tcp->flags & TCB_SILENT))
		return;
	if ((tcp->flags & TCB_INSYSCALL) && !(tcp->flags & TCB_FILTERED))
		ev_syscall_unfinished(tcp, false);
}

static void print_exit_lines(struct tcb *tcp, int status)
{
	if (opt->count == COUNT_ONLY || (tcp->flags & TCB_SILENT))
		return;
	print_pending_call(tcp);
	/* -qq: "+++ exited" goes, "+++ killed by" stays (as in strace) */
	if (((opt->quiet_mask & QUIET_EXIT) && WIFEXITED(status)) || (tcp->flags & TCB_HIDE))
		return;
	/* -e signal=: "+++ killed by SIG" only for a traced signal */
	if (WIFSIGNALED(status) && !filter_signal_traced(WTERMSIG(status)))
		return;
	ev_exit(tcp, status);
}

/* Resume a stopped tracee.  With the fast path it runs freely
 * (PTRACE_CONT) until the filter stops it, except inside a syscall whose
 * exit is wanted. */
static __attribute__((noinline, cold)) void resume_failed(int req, pid_t pid)
{
	ct_warn("ptrace(%s, %d): %s", req == PTRACE_CONT ? "PTRACE_CONT" : "PTRACE_SYSCALL",
		pid, strerror(errno));
}

/* inline (twice per syscall), the warning out of line */
static inline void resume(struct tcb *tcp, int sig)
{
	int req = use_seccomp && !(tcp->flags & TCB_INSYSCALL) ? PTRACE_CONT : PTRACE_SYSCALL;

	mem_cache_drop();
	if (ct_ptrace(req, tcp->pid, NULL, (void *)(long)sig) < 0 && errno != ESRCH)
		resume_failed(req, tcp->pid);
}

/* -e inject=...:delay_enter=/delay_exit=: the tracee is held at its stop
 * (not resumed) until its time is up, the others go on; the loop resumes
 * it (service_delays()), woken by a timer. */
static unsigned ndelayed;

static void delay(struct tcb *tcp, int sig, long us);

/* inline (twice per syscall), the delay out of line */
static inline void resume_or_delay(struct tcb *tcp, int sig)
{
	long us = tcp->inj_delay_us;

	tcp->inj_delay_us = 0;
	if (us <= 0)
		resume(tcp, sig);
	else
		delay(tcp, sig, us);
}

static __attribute__((noinline)) void delay(struct tcb *tcp, int sig, long us)
{
	clock_gettime(CLOCK_MONOTONIC, &tcp->delay_until);
	tcp->delay_until.tv_sec += us / 1000000;
	tcp->delay_until.tv_nsec += (us % 1000000) * 1000;
	if (tcp->delay_until.tv_nsec >= 1000000000) {
		tcp->delay_until.tv_sec++;
		tcp->delay_until.tv_nsec -= 1000000000;
	}
	tcp->delay_sig = sig;
	tcp->delayed = true;
	ndelayed++;
}

static void end_delay(struct tcb *tcp, bool run)
{
	if (!tcp->delayed)
		return;
	tcp->delayed = false;
	ndelayed--;
	if (run)
		resume(tcp, tcp->delay_sig);
}

struct delay_scan {
	struct timespec now;
	long long next_ns;	/* nearest deadline still to come, -1: none */
};

static void service_one(struct tcb *tcp, void *data)
{
	struct delay_scan *ds = data;
	long long left;

	if (!tcp->delayed)
		return;
	left = (long long)(tcp->delay_until.tv_sec - ds->now.tv_sec) * 1000000000 +
	       (tcp->delay_until.tv_nsec - ds->now.tv_nsec);
	if (left <= 0)
		end_delay(tcp, true);
	else if (ds->next_ns < 0 || left < ds->next_ns)
		ds->next_ns = left;
}

/* Resume the tracees whose delay is over.  While some are held, SIGALRM
 * repeats at the next deadline's distance: a firing that lands before the
 * loop's wait (lost for it) is followed by one that interrupts it.  The
 * flush timer shares SIGALRM: an early firing only flushes early. */
static bool delay_timer_on;

static void service_delays(void)
{
	struct delay_scan ds = { .next_ns = -1 };
	struct itimerval it = { { 0, 0 }, { 0, 0 } };
	long long us;

	if (!ndelayed) {
		if (delay_timer_on) {
			/* back to a one-shot, as a pending flush wants */
			it.it_value.tv_usec = FLUSH_DELAY_MS * 1000;
			setitimer(ITIMER_REAL, &it, NULL);
			delay_timer_on = false;
		}
		return;
	}
	clock_gettime(CLOCK_MONOTONIC, &ds.now);
	tcb_foreach(service_one, &ds);
	if (ds.next_ns < 0) {
		service_delays();	/* all resumed: the timer as above */
		return;
	}
	us = ds.next_ns / 1000 + 1;
	if (us < 100)
		us = 100;
	it.it_value.tv_sec = us / 1000000;
	it.it_value.tv_usec = us % 1000000;
	it.it_interval = it.it_value;
	setitimer(ITIMER_REAL, &it, NULL);
	delay_timer_on = true;
}

/* PTRACE_EVENT_EXEC.  When a non-leader thread called execve, the event
 * arrives under the leader's pid: the execing thread takes that pid over
 * and the old leader is gone.  Returns the tracee that now owns the pid. */
static struct tcb *on_exec_event(struct tcb *tcp)
{
	unsigned long old = 0;
	pid_t pid = tcp->pid;
	struct tcb *thread;

	if (ptrace(PTRACE_GETEVENTMSG, pid, 0L, &old) == 0 && (pid_t)old != pid &&
	    (thread = tcb_find((pid_t)old))) {
		struct tcb *leader = tcp;

		/* the old leader died in the execve: its pending call ends
		 * first (strace prints it at the leader's exit event) */
		print_pending_call(leader);
		leader->flags &= ~TCB_INSYSCALL;
		/* the thread's execve line continues under the new pid */
		if (thread->out->curline == thread && (thread->flags & TCB_INSYSCALL)) {
			tprintf(thread, " <pid changed to %d ...>", pid);
			line_end(thread);
			thread->flags |= TCB_REPRINT;
		}
		if (leader->out->curline == leader)
			leader->out->curline = NULL;
		{
			/* printed once the leader is gone: one process remains */
			/* a thread followed only silently (no -f: strace does
			 * not trace it) supersedes without a message, and the
			 * process stays as visible as its leader was */
			bool tell = !(opt->quiet_mask & QUIET_THREAD_EXECVE) && opt->count != COUNT_ONLY &&
				    !(leader->flags & TCB_SILENT) && !(thread->flags & TCB_SILENT);

			thread->flags = (thread->flags & ~TCB_SILENT) | (leader->flags & TCB_SILENT);
			struct outstream *os = leader->out;

			if (os != shared_out) {
				/* -ff: the process goes on in the file named
				 * after its pid, the leader's, as in strace */
				struct outstream *mine = thread->out;

				leader->out = NULL;
				thread->out = os;
				outstream_close(mine);
			}
			drop_tcb(leader);
			tcb_rename(thread, pid);
			if (tell) {
				/* as strace, never held back by -e status=:
				 * the staged execve line waits below it */
				struct outstream *staged = stage_active(thread) ? sink_pop(thread) : NULL;
				unsigned col = thread->curcol;

				ev_superseded(thread, (long)old);
				if (staged) {
					sink_push(thread, staged);
					thread->curcol = col;
				}
			}
		}
		tcp = thread;
	}
	tcp->flags &= ~TCB_HIDE;
	if (opt->stack)
		stacktrace_exec(tcp);
	if (tcp->pid == main_pid || (pid_t)old == main_pid)
		fastpath_check_loaded();
	return tcp;
}

/* With the fast path, the exec event ends a shown execve: it succeeded,
 * so its result is 0, and the tracee resumes with PTRACE_CONT instead of
 * stopping once more at the exit (a wait, a GET_SYSCALL_INFO and a
 * context switch less per exec).  Not with -k (the stack is taken at the
 * exit stop) nor when -e inject tampers with the result there. */
static void exec_done_early(struct tcb *tcp)
{
	if (!use_seccomp || opt->stack || !is_exec(tcp->ent) ||
	    (tcp->flags & (TCB_INSYSCALL | TCB_FILTERED | TCB_INJECTED)) != TCB_INSYSCALL)
		return;
	tcp->rval = 0;
	tcp->err = 0;
	fdcache_syscall_exit(tcp);
	on_syscall_exit(tcp);
}

/* PTRACE_EVENT_SECCOMP: the filter stopped a selected syscall at entry. */
static void on_seccomp_stop(struct tcb *tcp)
{
	in_seccomp_stop = true;
	on_syscall_stop(tcp);
	in_seccomp_stop = false;
	if (fastpath_fix_untraced(tcp, trace_set) || (tcp->flags & TCB_SILENT))
		tcp->flags |= TCB_FILTERED;
	if (tcp->flags & TCB_FILTERED) {
		/* nothing to show at exit: let it run */
		tcp->flags &= ~(TCB_INSYSCALL | TCB_FILTERED);
	}
}

/* A child auto-attached through fork/vfork/clone (-f, or silently for
 * the fast path). */
static struct tcb *new_child_tcb(pid_t pid, unsigned flags)
{
	if (!opt->follow)
		return add_tcb(pid, flags | TCB_SILENT);
	if (!(opt->quiet_mask & QUIET_ATTACH))
		ct_error("Process %d attached", pid);
	return add_tcb(pid, flags);
}

static void on_new_child(struct tcb *parent, int event)
{
	unsigned long child = 0;
	struct tcb *tcp;

	/* a clone event may be a thread of the parent's */
	if (event == PTRACE_EVENT_CLONE)
		set_solo(parent, false);
	if (ptrace(PTRACE_GETEVENTMSG, parent->pid, 0L, &child) < 0)
		return;
	/* a fork/vfork child has one thread (one whose first stop came
	 * before this event stays unknown until its execve) */
	tcp = tcb_find((pid_t)child);
	if (tcp)
		tcp->flags &= ~TCB_EARLY;
	else if (!early_gone_take((pid_t)child))
		set_solo(new_child_tcb((pid_t)child, parent->flags & TCB_ATTACHED),
			 event != PTRACE_EVENT_CLONE);
}

static void finish_detach(struct tcb *tcp, int sig);

static void handle_stop(struct tcb *tcp, int status)
{
	int sig = WSTOPSIG(status);
	int event = (unsigned)status >> 16;
	siginfo_t si;

	if (sig == (SIGTRAP | 0x80)) {
		on_syscall_stop(tcp);
		/* -e inject=...:signal=: delivered as the call goes on */
		resume_or_delay(tcp, tcp->inj_signo);
		tcp->inj_signo = 0;
		return;
	}
	if (event) {
		switch (event) {
		case PTRACE_EVENT_STOP:
			if ((sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU) &&
			    !(tcp->flags & TCB_STARTUP)) {
				/* group-stop: stay stopped until SIGCONT */
				if (!(tcp->flags & (TCB_HIDE | TCB_SILENT)))
					ev_stopped(tcp, sig);
				if (ptrace(PTRACE_LISTEN, tcp->pid, 0L, 0L) < 0 && errno != ESRCH)
					resume(tcp, 0);
				return;
			}
			resume(tcp, 0);
			return;
		case PTRACE_EVENT_EXEC:
			tcp = on_exec_event(tcp);
			if (pids_mode & PIDS_COMM)
				pids_comm(tcp);
			/* the new image has one thread */
			set_solo(tcp, true);
			exec_done_early(tcp);
			if (opt->detach_on_execve) {
				/* -b execve: let it go, but for the command's
				 * own first execve */
				if (!(tcp->flags & TCB_SKIP_DETACH_EXEC)) {
					if (tcp->pid == main_pid)
						main_detached = true;
					finish_detach(tcp, 0);
					return;
				}
				tcp->flags &= ~TCB_SKIP_DETACH_EXEC;
			}
			break;
		case PTRACE_EVENT_SECCOMP:
			on_seccomp_stop(tcp);
			resume_or_delay(tcp, 0);
			return;
		case PTRACE_EVENT_FORK:
		case PTRACE_EVENT_VFORK:
		case PTRACE_EVENT_CLONE:
			on_new_child(tcp, event);
			break;
		default:
			break;
		}
		resume(tcp, 0);
		return;
	}

	/* signal-delivery-stop (a seized tracee reports group-stops as
	 * PTRACE_EVENT_STOP, above) */
	if (tcp->flags & TCB_STARTUP) {
		/* our own SIGCONT (and the startup SIGSTOP) are not the
		 * command's business */
		if (sig == SIGCONT || sig == SIGSTOP) {
			if (sig == SIGCONT)
				tcp->flags &= ~TCB_STARTUP;
			resume(tcp, 0);
			return;
		}
	}
	/* the siginfo is read only for a line that shows it */
	if (!(tcp->flags & (TCB_HIDE | TCB_SILENT)) && opt->count != COUNT_ONLY && filter_signal_traced(sig)) {
		unsigned long sp;

		if (ptrace(PTRACE_GETSIGINFO, tcp->pid, 0L, &si) < 0) {
			resume(tcp, 0);
			return;
		}

		/* -i: where the signal arrived */
		tcp->ip_valid = opt->print_ip &&
				arch_native_regs.get_ip_sp(tcp->pid, &tcp->ip, &sp) == 0;
		ev_signal(tcp, sig, &si);
	}
	resume(tcp, sig);
}

static void handle_exit(struct tcb *tcp, int status)
{
	tcp->ip_valid = false; /* -i: a dead process has no registers */
	print_exit_lines(tcp, status);
	if (tcp->pid == main_pid)
		main_status = status;
	drop_tcb(tcp);
}

/* ---- detach on SIGINT/SIGTERM/SIGHUP ---- */

/* Every tracee is detached, as strace does it; on a signal (sig not 0)
 * the command ctrace started gets it first (and a SIGCONT, should it be
 * stopped).  sig 0 (the trace output is gone): the command goes on
 * untraced. */
static void interrupt_one(struct tcb *tcp, void *data)
{
	int sig = *(int *)data;

	if (sig != 0 && main_pid && tcp->pid == main_pid) {
		kill(tcp->pid, SIGCONT);
		kill(tcp->pid, sig);
	}
	tcp->flags |= TCB_ATTACHED;
	end_delay(tcp, true);
	/* ESRCH: it is dying and will report its death */
	ptrace(PTRACE_INTERRUPT, tcp->pid, 0L, 0L);
}

static void finish_detach(struct tcb *tcp, int sig)
{
	if ((tcp->flags & TCB_INSYSCALL) && !(tcp->flags & TCB_FILTERED))
		ev_syscall_unfinished(tcp, true);
	stage_end(tcp, FS_DETACHED);
	if (ptrace(PTRACE_DETACH, tcp->pid, 0L, (long)sig) == 0 && !(opt->quiet_mask & QUIET_ATTACH))
		ct_error("Process %d detached", tcp->pid);
	drop_tcb(tcp);
}

static void detach_all(int sig)
{
	tcb_foreach(interrupt_one, &sig);
	while (tcb_count() > 0) {
		int status;
		pid_t pid;
		struct tcb *tcp;

		outstreams_flush();
		pid = waitpid(-1, &status, __WALL);
		mem_cache_drop();
		if (pid < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		tcp = tcb_find(pid);
		if (!tcp) {
			/* a new child of a tracee, auto-attached: let it go */
			if (WIFSTOPPED(status))
				ptrace(PTRACE_DETACH, pid, 0L, 0L);
			continue;
		}
		if (WIFEXITED(status) || WIFSIGNALED(status)) {
			handle_exit(tcp, status);
			continue;
		}
		if (!WIFSTOPPED(status))
			continue;
		{
			int s = WSTOPSIG(status);
			int event = (unsigned)status >> 16;
			int inject = 0;
			siginfo_t si;

			if (event == PTRACE_EVENT_STOP) {
				inject = 0;
			} else if (event == 0 && s != (SIGTRAP | 0x80) &&
				   ptrace(PTRACE_GETSIGINFO, pid, 0L, &si) == 0) {
				inject = s; /* a signal on its way: do not lose it */
			}
			finish_detach(tcp, inject);
		}
	}
}

/* -d: what a wait returned, as strace's "[wait(0x80137f) = 1234] ..." */
static __attribute__((noinline, cold)) void debug_wait_status(pid_t pid, int status)
{
	if (WIFSTOPPED(status))
		ct_debug("[wait(%#08x) = %d] WIFSTOPPED,sig=%d%s%s", (unsigned)status, pid,
			 WSTOPSIG(status), status >> 16 ? ",EVENT " : "",
			 status >> 16 ? (status >> 16 == PTRACE_EVENT_STOP ? "STOP" :
					 status >> 16 == PTRACE_EVENT_EXEC ? "EXEC" :
					 status >> 16 == PTRACE_EVENT_EXIT ? "EXIT" :
					 status >> 16 == PTRACE_EVENT_SECCOMP ? "SECCOMP" : "FORK/CLONE") : "");
	else if (WIFEXITED(status))
		ct_debug("[wait(%#08x) = %d] WIFEXITED,exitcode=%d", (unsigned)status, pid,
			 WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		ct_debug("[wait(%#08x) = %d] WIFSIGNALED,sig=%d", (unsigned)status, pid,
			 WTERMSIG(status));
}

/* waitpid(-1, status, __WALL | flags), with the stopped tracee's rusage
 * for -c when it can replace a schedstat read (see summary_enter()). */
/* The handled signals (SIGINT, SIGTERM, SIGHUP, SIGQUIT and the timers'
 * SIGALRM) are held while the trace is written (sink.c calls
 * sink_write_guard around its writes): a write is never cut by EINTR
 * (stdio drops what a failed write did not write), so ^C while a slow
 * reader holds ctrace in write() keeps every line, as strace's -I2 does.
 * They are not blocked otherwise: no sigprocmask per stop, and a ^C
 * landing before wait4() starts the repeating timer (on_fatal_signal())
 * that interrupts the wait.  Signals blocked when ctrace started stay
 * blocked, as under strace (its wait restores the startup mask): a
 * pending SIGHUP there does not end the trace. */
static sigset_t loop_sigs, held_mask;
static int hold_depth;

static void hold_loop_signals(bool hold)
{
	int saved = errno;

	if (hold) {
		if (hold_depth++ == 0)
			sigprocmask(SIG_BLOCK, &loop_sigs, &held_mask);
	} else if (hold_depth > 0 && --hold_depth == 0) {
		sigprocmask(SIG_SETMASK, &held_mask, NULL);
	}
	errno = saved;
}

/* waitpid(-1, status, __WALL | flags), with the stopped tracee's rusage
 * for -c when it can replace a schedstat read (see summary_enter()). */
static inline pid_t wait_stop(int *status, int flags)
{
	static struct rusage ru;
	bool want = opt->count && !opt->count_wall && (nonsolo == 0 || summary_rusage_pending());
	pid_t pid;

	pid = wait4(-1, status, __WALL | flags, want ? &ru : NULL);
	/* tracees ran since the last stop: their memory may have changed */
	mem_cache_drop();
	if (pid > 0 && opt->count)
		summary_stop_rusage(want ? &ru : NULL);
	if (pid > 0 && __builtin_expect(ct_debug_on, 0))
		debug_wait_status(pid, *status);
	return pid;
}

int tracer_loop(void)
{
	int ret;

	sigemptyset(&loop_sigs);
	for (size_t i = 0; i < ARRAY_SIZE(handled_sigs); i++)
		if (handled_sigs[i] != SIGPIPE)
			sigaddset(&loop_sigs, handled_sigs[i]);
	sink_write_guard = hold_loop_signals;
	while (tcb_count() > 0) {
		int status;
		unsigned pending;
		pid_t pid;
		struct tcb *tcp;

		if (interrupted) {
			detach_all(interrupted);
			break;
		}
		if (ndelayed || delay_timer_on)
			service_delays();
		/* Output is flushed only when ctrace would otherwise sleep: a
		 * tracee blocked for long still shows its pending line, and a
		 * busy trace writes in large blocks.  Lazy streams (a -o file)
		 * are flushed by the timer instead: one wait per stop. */
		pid = 0;
		if (flush_due) {
			flush_due = 0;
			flush_timer_armed = false;
		} else if ((pending = outstreams_pending()) & OUT_URGENT) {
			pid = wait_stop(&status, WNOHANG);
		} else {
			if (pending & OUT_LAZY)
				arm_flush_timer();
			pid = wait_stop(&status, 0);
		}
		if (pid == 0) {
			ret = outstreams_flush();
			if (ret < 0) {
				/* full disk, closed pipe...: stop tracing cleanly,
				 * never hang; the command goes on untraced */
				output_failed = -ret;
				ct_error("%s: %s", out_name, strerror(output_failed));
				detach_all(0);
				break;
			}
			/* a SIGALRM may have been a delay's: see to it first */
			if (ndelayed)
				continue;
			pid = wait_stop(&status, 0);
		}
		if (pid < 0) {
			if (errno == EINTR)
				continue;
			if (errno == ECHILD)
				break;
			ct_error("wait: %s", strerror(errno));
			break;
		}
		tcp = tcb_find(pid);
		if (!tcp) {
			if (!WIFSTOPPED(status)) {
				/* a child of ctrace's it never traced: one it
				 * inherited ((sleep 1 & exec ctrace true)), one
				 * a tracee made with CLONE_PARENT (untraced
				 * without -f); the command -b execve let go is
				 * waited for below */
				if (!(pid == main_pid && main_detached) &&
				    !(opt->quiet_mask & QUIET_EXIT))
					ct_warn("Exit of unknown pid %d ignored", (int)pid);
				continue;
			}
			/* The first stop of an auto-attached child may come
			 * before its parent's fork event.  Without -f, it is a
			 * child made with CLONE_PTRACE (or inherited): let go. */
			if (!opt->follow && !use_seccomp) {
				ptrace(PTRACE_DETACH, pid, 0L, 0L);
				if (!(opt->quiet_mask & QUIET_ATTACH))
					ct_warn("Detached unknown pid %d", (int)pid);
				continue;
			}
			tcp = new_child_tcb(pid, (main_pid ? 0 : TCB_ATTACHED) | TCB_EARLY);
		}
		if (WIFEXITED(status) || WIFSIGNALED(status)) {
			handle_exit(tcp, status);
			continue;
		}
		if (WIFSTOPPED(status))
			handle_stop(tcp, status);
	}
	if (interrupted) {
		struct itimerval off = { { 0, 0 }, { 0, 0 } };

		setitimer(ITIMER_REAL, &off, NULL);	/* the kick of on_fatal_signal() */
		flush_timer_armed = false;
	}
	sink_write_guard = NULL;
	if (opt->count) {
		FILE *fp = shared_out ? shared_out->fp : stderr;

		if (shared_out)
			sink_drain(shared_out);
		summary_print(fp, sum_sort, sum_ncols ? sum_cols : NULL, sum_ncols);
		summary_free();
	}
	ret = outstreams_flush();
	if (ret < 0 && !output_failed) {
		/* the last buffered lines (of a lazy stream: the only ones) */
		output_failed = -ret;
		ct_error("%s: %s", out_name, strerror(output_failed));
	}

	if (main_pid && main_status == -1 && output_failed) {
		/* detached after an output error: still our child */
		while (waitpid(main_pid, &main_status, 0) < 0 && errno == EINTR)
			;
	}
	/* as strace: interrupted, ctrace dies of the signal that did it */
	if (interrupted)
		return -interrupted;
	if (main_pid && main_detached && main_status == -1) {
		/* -b execve let the command go: still our child, waited
		 * for; its status is not ctrace's */
		while (waitpid(main_pid, &main_status, 0) < 0 && errno == EINTR && !interrupted)
			;
		return interrupted ? -interrupted : 0;
	}
	if (main_pid) {
		if (main_status == -1)
			return 0;
		if (WIFSIGNALED(main_status))
			return -WTERMSIG(main_status);
		return WEXITSTATUS(main_status);
	}
	return 0;
}

static void free_one(struct tcb *tcp, void *data)
{
	(void)data;
	drop_tcb(tcp);
}

void tracer_cleanup(void)
{
	tcb_foreach(free_one, NULL);
	free(early_gone);
	early_gone = NULL;
	nearly_gone = 0;
	if (shared_out)
		outstream_close(shared_out);
	shared_out = NULL;
	trace_set = NULL;
	free(exit_result_used);
	exit_result_used = NULL;
	/* fp_prog and child_env stay: a command detached before its exec
	 * (by a signal to ctrace) may still be reading them */
}
