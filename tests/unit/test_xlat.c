/* Unit tests of the named-constant sets generated from syscalls/xlat/SET.in. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <signal.h>
#include <string.h>

#include <cmocka.h>

#include "signals.h"
#include "xlat.h"

/* Every set the decoders may ask for by name. */
static const char *const all_sets[] = {
	"access_modes", "arch_prctl_codes", "at_flags", "capabilities",
	"clock_ids", "clone3_flags", "clone_flags", "close_range_flags",
	"dirent_types", "epoll_create_flags", "epoll_ctl_ops", "epoll_events",
	"errno_names", "eventfd_flags", "faccessat_flags", "fallocate_flags",
	"fcntl_cmds", "fcntl_lock_types", "fcntl_seals", "fd_flags",
	"flock_ops", "fsmount_flags", "fsopen_flags", "futex_op_flags",
	"futex_ops", "futex_wake_cmps", "futex_wake_ops", "getrandom_flags",
	"inotify_init_flags", "inotify_masks", "ioctl_cmds", "ioctl_cmds_alt",
	"ip_protocols", "itimer_which", "lseek_whence", "madvise_advice",
	"membarrier_cmds", "membarrier_flags", "memfd_flags", "mlock_flags",
	"mlockall_flags", "mmap_flags", "mmap_prot", "mmap_types",
	"mount_attr_flags", "mount_flags", "move_mount_flags", "mremap_flags",
	"msg_flags", "msync_flags", "name_to_handle_flags", "netlink_protocols",
	"open_access", "open_flags", "open_tree_flags", "personality",
	"personality_flags", "poll_events", "prctl_options",
	"priority_which", "ptrace_events", "ptrace_options", "ptrace_requests",
	"ptrace_requests_x86_64", "renameat2_flags", "rlimit_resources",
	"rseq_flags", "rusage_who", "sched_policies",
	"seccomp_filter_flags", "seccomp_modes", "seccomp_ops",
	"seccomp_ret_actions", "shutdown_how", "si_codes", "sigaction_flags",
	"sigbus_codes", "sigchld_codes", "sigfpe_codes", "sighandler_special",
	"sigill_codes", "signalfd_flags", "signals", "sigpoll_codes",
	"sigprocmask_how", "sigsegv_codes", "sigsys_codes", "sigtrap_codes",
	"sock_type_flags", "socket_families", "socket_types", "sockopt_levels",
	"sockopt_socket", "splice_flags", "stat_mode_bits", "stat_modes",
	"statx_attrs", "statx_flags", "statx_mask", "sync_file_range_flags",
	"tcp_options", "timer_flags", "timerfd_flags", "umount_flags",
	"wait_options", "waitid_which", "xattr_flags", "fs_magic", "statfs_flags",
	"ip_options", "ipv6_options", "sigaltstack_flags", "openat2_resolve",
	"shmctl_cmds", "semctl_cmds", "msgctl_cmds", "ipc_get_flags", "shmget_flags",
	"shmat_flags", "msgrcv_flags", "sigev_notify", "pidfd_open_flags",
	"unshare_flags", "setns_types", "ioprio_who", "kcmp_types",
	"pkey_access_rights", "mmap_prot_aarch64", "ptrace_requests_aarch64",
};
#define N_SETS (sizeof(all_sets) / sizeof(all_sets[0]))

/* Flag sets may hold a zero item only where the set documents it: the name
 * printed when a field is 0. */
static const struct {
	const char *set, *name;
} zero_ok[] = {
	{ "access_modes", "F_OK" },
	{ "statx_flags", "AT_STATX_SYNC_AS_STAT" },
};

/* Kernel ABI values, identical on x86_64 and aarch64. */
static const struct {
	const char *set, *name;
	uint64_t val;
} samples[] = {
	{ "open_access", "O_RDONLY", 0 },
	{ "open_access", "O_WRONLY", 1 },
	{ "open_access", "O_RDWR", 2 },
	{ "open_access", "O_ACCMODE", 3 },
	{ "open_flags", "O_CREAT", 0100 },
	{ "open_flags", "O_EXCL", 0200 },
	{ "open_flags", "O_TRUNC", 01000 },
	{ "open_flags", "O_APPEND", 02000 },
	{ "open_flags", "O_NONBLOCK", 04000 },
	{ "open_flags", "O_SYNC", 04010000 },
	{ "open_flags", "O_DSYNC", 010000 },
	{ "open_flags", "O_NOATIME", 01000000 },
	{ "open_flags", "O_CLOEXEC", 02000000 },
	{ "open_flags", "O_PATH", 010000000 },
	{ "open_flags", "FASYNC", 020000 },
	{ "at_flags", "AT_SYMLINK_NOFOLLOW", 0x100 },
	{ "at_flags", "AT_REMOVEDIR", 0x200 },
	{ "at_flags", "AT_SYMLINK_FOLLOW", 0x400 },
	{ "at_flags", "AT_EMPTY_PATH", 0x1000 },
	{ "faccessat_flags", "AT_EACCESS", 0x200 },
	{ "statx_flags", "AT_STATX_SYNC_AS_STAT", 0 },
	{ "statx_flags", "AT_STATX_DONT_SYNC", 0x4000 },
	{ "access_modes", "R_OK", 4 },
	{ "access_modes", "X_OK", 1 },
	{ "mmap_prot", "PROT_READ", 1 },
	{ "mmap_prot", "PROT_WRITE", 2 },
	{ "mmap_prot", "PROT_EXEC", 4 },
	{ "mmap_flags", "MAP_SHARED", 1 },
	{ "mmap_flags", "MAP_PRIVATE", 2 },
	{ "mmap_flags", "MAP_SHARED_VALIDATE", 3 },
	{ "mmap_flags", "MAP_FIXED", 0x10 },
	{ "mmap_flags", "MAP_ANONYMOUS", 0x20 },
	{ "mmap_flags", "MAP_DENYWRITE", 0x800 },
	{ "mmap_flags", "MAP_STACK", 0x20000 },
	{ "mmap_flags", "MAP_FIXED_NOREPLACE", 0x100000 },
	{ "mmap_types", "MAP_FILE", 0 },
	{ "madvise_advice", "MADV_DONTNEED", 4 },
	{ "madvise_advice", "MADV_FREE", 8 },
	{ "mremap_flags", "MREMAP_MAYMOVE", 1 },
	{ "fcntl_cmds", "F_GETFD", 1 },
	{ "fcntl_cmds", "F_SETFL", 4 },
	{ "fcntl_cmds", "F_GETLK", 5 },
	{ "fcntl_cmds", "F_DUPFD_CLOEXEC", 1030 },
	{ "fcntl_cmds", "F_OFD_SETLKW", 38 },
	{ "fd_flags", "FD_CLOEXEC", 1 },
	{ "fcntl_lock_types", "F_UNLCK", 2 },
	{ "lseek_whence", "SEEK_END", 2 },
	{ "clone_flags", "CLONE_VM", 0x100 },
	{ "clone_flags", "CLONE_THREAD", 0x10000 },
	{ "clone_flags", "CLONE_CHILD_CLEARTID", 0x200000 },
	{ "clone_flags", "CLONE_NEWUSER", 0x10000000 },
	{ "clone3_flags", "CLONE_INTO_CGROUP", 0x200000000ULL },
	{ "clone3_flags", "CLONE_NEWTIME", 0x80 },
	{ "wait_options", "WNOHANG", 1 },
	{ "wait_options", "__WALL", 0x40000000 },
	{ "waitid_which", "P_PIDFD", 3 },
	{ "signals", "SIGHUP", 1 },
	{ "signals", "SIGKILL", 9 },
	{ "signals", "SIGSEGV", 11 },
	{ "signals", "SIGCHLD", 17 },
	{ "signals", "SIGSYS", 31 },
	{ "signals", "SIGRTMIN", 32 },
	{ "signals", "SIGRT_1", 33 },
	{ "signals", "SIGRT_32", 64 },
	{ "sigprocmask_how", "SIG_SETMASK", 2 },
	{ "sigaction_flags", "SA_RESTORER", 0x04000000 },
	{ "sigaction_flags", "SA_SIGINFO", 4 },
	{ "sigaction_flags", "SA_RESTART", 0x10000000 },
	{ "socket_families", "AF_UNIX", 1 },
	{ "socket_families", "AF_INET6", 10 },
	{ "socket_families", "AF_NETLINK", 16 },
	{ "socket_families", "AF_DECnet", 12 },
	{ "socket_types", "SOCK_DGRAM", 2 },
	{ "sock_type_flags", "SOCK_CLOEXEC", 02000000 },
	{ "ip_protocols", "IPPROTO_TCP", 6 },
	{ "ip_protocols", "IPPROTO_ICMPV6", 58 },
	{ "msg_flags", "MSG_NOSIGNAL", 0x4000 },
	{ "msg_flags", "MSG_PROBE", 0x10 },
	{ "sockopt_levels", "SOL_SOCKET", 1 },
	{ "sockopt_levels", "SOL_TCP", 6 },
	{ "sockopt_levels", "SOL_NETLINK", 270 },
	{ "sockopt_socket", "SO_REUSEADDR", 2 },
	{ "sockopt_socket", "SO_RCVTIMEO_OLD", 20 },
	{ "tcp_options", "TCP_NODELAY", 1 },
	{ "ioctl_cmds", "TCGETS", 0x5401 },
	{ "ioctl_cmds", "TCSETSW", 0x5403 },
	{ "ioctl_cmds", "TIOCGWINSZ", 0x5413 },
	{ "ioctl_cmds", "TIOCSWINSZ", 0x5414 },
	{ "ioctl_cmds", "FIONREAD", 0x541b },
	{ "ioctl_cmds", "FIONBIO", 0x5421 },
	{ "ioctl_cmds", "TIOCGPGRP", 0x540f },
	{ "ioctl_cmds", "FIOCLEX", 0x5451 },
	{ "ioctl_cmds", "FIONCLEX", 0x5450 },
	{ "ioctl_cmds_alt", "SNDCTL_TMR_START", 0x5402 },
	{ "prctl_options", "PR_SET_NAME", 15 },
	{ "prctl_options", "PR_SET_NO_NEW_PRIVS", 38 },
	{ "prctl_options", "PR_SET_PTRACER", 0x59616d61 },
	{ "arch_prctl_codes", "ARCH_SET_FS", 0x1002 },
	{ "rlimit_resources", "RLIMIT_NOFILE", 7 },
	{ "rlimit_resources", "RLIMIT_STACK", 3 },
	{ "rusage_who", "RUSAGE_CHILDREN", (uint64_t)-1 },
	{ "clock_ids", "CLOCK_MONOTONIC", 1 },
	{ "clock_ids", "CLOCK_BOOTTIME", 7 },
	{ "timer_flags", "TIMER_ABSTIME", 1 },
	{ "poll_events", "POLLIN", 1 },
	{ "poll_events", "POLLRDHUP", 0x2000 },
	{ "epoll_ctl_ops", "EPOLL_CTL_MOD", 3 },
	{ "epoll_events", "EPOLLET", 0x80000000 },
	{ "epoll_create_flags", "EPOLL_CLOEXEC", 02000000 },
	{ "eventfd_flags", "EFD_NONBLOCK", 04000 },
	{ "futex_ops", "FUTEX_WAIT", 0 },
	{ "futex_ops", "FUTEX_WAKE", 1 },
	{ "futex_ops", "FUTEX_WAIT_PRIVATE", 128 },
	{ "futex_ops", "FUTEX_WAKE_PRIVATE", 129 },
	{ "futex_ops", "FUTEX_WAIT_BITSET_PRIVATE", 137 },
	{ "futex_op_flags", "FUTEX_CLOCK_REALTIME", 256 },
	{ "statx_mask", "STATX_BASIC_STATS", 0x7ff },
	{ "statx_mask", "STATX_BTIME", 0x800 },
	{ "personality", "PER_LINUX", 0 },
	{ "personality", "PER_LINUX32", 8 },
	{ "personality_flags", "ADDR_NO_RANDOMIZE", 0x0040000 },
	{ "personality_flags", "READ_IMPLIES_EXEC", 0x0400000 },
	{ "seccomp_ops", "SECCOMP_SET_MODE_FILTER", 1 },
	{ "seccomp_filter_flags", "SECCOMP_FILTER_FLAG_NEW_LISTENER", 8 },
	{ "seccomp_modes", "SECCOMP_MODE_FILTER", 2 },
	{ "seccomp_ret_actions", "SECCOMP_RET_ERRNO", 0x00050000 },
	{ "ptrace_requests", "PTRACE_TRACEME", 0 },
	{ "ptrace_requests", "PTRACE_ATTACH", 16 },
	{ "ptrace_requests", "PTRACE_SEIZE", 0x4206 },
	{ "ptrace_requests", "PTRACE_GET_SYSCALL_INFO", 0x420e },
	{ "ptrace_requests_x86_64", "PTRACE_GETREGS", 12 },
	{ "ptrace_options", "PTRACE_O_TRACESYSGOOD", 1 },
	{ "ptrace_options", "PTRACE_O_EXITKILL", 0x100000 },
	{ "ptrace_events", "PTRACE_EVENT_STOP", 128 },
	{ "capabilities", "CAP_CHOWN", 0 },
	{ "capabilities", "CAP_SYS_PTRACE", 19 },
	{ "capabilities", "CAP_SYS_ADMIN", 21 },
	{ "capabilities", "CAP_CHECKPOINT_RESTORE", 40 },
	{ "errno_names", "EPERM", 1 },
	{ "errno_names", "ENOENT", 2 },
	{ "errno_names", "EAGAIN", 11 },
	{ "errno_names", "ENOSYS", 38 },
	{ "errno_names", "EHWPOISON", 133 },
	{ "errno_names", "ERESTARTSYS", 512 },
	{ "errno_names", "ERESTARTNOINTR", 513 },
	{ "errno_names", "ERESTARTNOHAND", 514 },
	{ "errno_names", "ERESTART_RESTARTBLOCK", 516 },
	{ "si_codes", "SI_USER", 0 },
	{ "si_codes", "SI_KERNEL", 0x80 },
	{ "si_codes", "SI_QUEUE", (uint64_t)-1 },
	{ "si_codes", "SI_TKILL", (uint64_t)-6 },
	{ "sigchld_codes", "CLD_EXITED", 1 },
	{ "sigchld_codes", "CLD_CONTINUED", 6 },
	{ "sigsegv_codes", "SEGV_ACCERR", 2 },
	{ "sigtrap_codes", "TRAP_BRKPT", 1 },
	{ "sigsys_codes", "SYS_SECCOMP", 1 },
	{ "dirent_types", "DT_DIR", 4 },
	{ "stat_modes", "S_IFREG", 0100000 },
	{ "stat_modes", "S_IFDIR", 040000 },
	{ "stat_mode_bits", "S_ISVTX", 01000 },
	{ "shutdown_how", "SHUT_RDWR", 2 },
	{ "membarrier_cmds", "MEMBARRIER_CMD_PRIVATE_EXPEDITED", 8 },
	{ "getrandom_flags", "GRND_NONBLOCK", 1 },
	{ "close_range_flags", "CLOSE_RANGE_CLOEXEC", 4 },
	{ "renameat2_flags", "RENAME_EXCHANGE", 2 },
	{ "sched_policies", "SCHED_IDLE", 5 },
	{ "umount_flags", "MNT_DETACH", 2 },
	{ "mount_flags", "MS_BIND", 4096 },
	{ "fs_magic", "EXT2_SUPER_MAGIC", 0xef53 },
	{ "fs_magic", "TMPFS_MAGIC", 0x01021994 },
	{ "fs_magic", "PROC_SUPER_MAGIC", 0x9fa0 },
	{ "fs_magic", "OVERLAYFS_SUPER_MAGIC", 0x794c7630 },
	{ "statfs_flags", "ST_VALID", 0x20 },
	{ "statfs_flags", "ST_RELATIME", 0x1000 },
	{ "ip_options", "IP_TOS", 1 },
	{ "ip_options", "IP_RECVERR", 11 },
	{ "ipv6_options", "IPV6_V6ONLY", 26 },
	{ "ipv6_options", "IPV6_FLOWINFO", 11 },
	{ "sigaltstack_flags", "SS_DISABLE", 2 },
	{ "openat2_resolve", "RESOLVE_BENEATH", 8 },
	{ "shmctl_cmds", "IPC_RMID", 0 },
	{ "ipc_get_flags", "IPC_CREAT", 01000 },
	{ "sigev_notify", "SIGEV_THREAD_ID", 4 },
	{ "pidfd_open_flags", "PIDFD_NONBLOCK", 04000 },
	{ "setns_types", "CLONE_NEWNET", 0x40000000 },
	{ "kcmp_types", "KCMP_EPOLL_TFD", 7 },
};

/* glibc's names, an independent source for errno and signal names. */
#ifdef HAVE_STRERRORNAME_NP
static const char *libc_errno_name(int e) { return strerrorname_np(e); }
#else
static const char *libc_errno_name(int e) { (void)e; return NULL; }
#endif
#ifdef HAVE_SIGABBREV_NP
static const char *libc_sig_abbrev(int s) { return sigabbrev_np(s); }
#else
static const char *libc_sig_abbrev(int s) { (void)s; return NULL; }
#endif

static const struct xlat_item *find_item(const struct xlat *x, const char *name)
{
	for (unsigned i = 0; i < x->n; i++)
		if (strcmp(xlat_str(x, i), name) == 0)
			return &x->items[i];
	return NULL;
}

static uint64_t value_of(const char *set, const char *name)
{
	const struct xlat *x = xlat_by_name(set);
	assert_non_null(x);
	const struct xlat_item *it = find_item(x, name);
	if (!it)
		fail_msg("%s: no item %s", set, name);
	return it->val;
}

static void test_every_set_found(void **state)
{
	(void)state;
	for (size_t i = 0; i < N_SETS; i++) {
		const struct xlat *x = xlat_by_name(all_sets[i]);
		if (!x)
			fail_msg("set %s not found", all_sets[i]);
		assert_string_equal(x->name, all_sets[i]);
		if (x->n == 0)
			fail_msg("set %s is empty", all_sets[i]);
		assert_non_null(x->items);
	}
	assert_null(xlat_by_name("no_such_set"));
	assert_null(xlat_by_name(""));
}

static void test_sample_values(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(samples) / sizeof(samples[0]); i++) {
		uint64_t v = value_of(samples[i].set, samples[i].name);
		if (v != samples[i].val)
			fail_msg("%s: %s = %#llx, expected %#llx", samples[i].set, samples[i].name,
				 (unsigned long long)v, (unsigned long long)samples[i].val);
	}
}

static void test_lookup(void **state)
{
	(void)state;
	assert_string_equal(xlat_lookup(&xlat_signals, 9), "SIGKILL");
	assert_string_equal(xlat_lookup(&xlat_errno_names, 2), "ENOENT");
	assert_string_equal(xlat_lookup(&xlat_futex_ops, 128), "FUTEX_WAIT_PRIVATE");
	assert_string_equal(xlat_lookup(&xlat_mmap_types, 0), "MAP_FILE");
	assert_string_equal(xlat_lookup(&xlat_si_codes, (uint64_t)(int64_t)-6), "SI_TKILL");
	assert_null(xlat_lookup(&xlat_signals, 0));
	assert_null(xlat_lookup(&xlat_signals, 65));
	assert_null(xlat_lookup(&xlat_fcntl_cmds, 0x7fffffff));
}

static void test_errno_names_match_libc(void **state)
{
	(void)state;
	int checked = 0;
	for (int e = 1; e < 512; e++) {
		const char *libc = libc_errno_name(e);
		const char *ours = xlat_lookup(&xlat_errno_names, (uint64_t)e);
		if (!libc)
			continue;
		if (!ours || strcmp(ours, libc) != 0)
			fail_msg("errno %d: set has %s, libc %s", e, ours ? ours : "nothing", libc);
		checked++;
	}
	if (checked == 0) {
		print_message("SKIP: this C library has no strerrorname_np()\n");
		skip();
	}
	assert_true(checked > 120);
}

static void test_signal_names_match_libc(void **state)
{
	(void)state;
	int checked = 0;
	for (int sig = 1; sig < 32; sig++) {
		const char *abbrev = libc_sig_abbrev(sig);
		const char *ours = xlat_lookup(&xlat_signals, (uint64_t)sig);
		char want[32];
		if (!abbrev)
			continue;
		snprintf(want, sizeof(want), "SIG%s", abbrev);
		/* glibc calls 29 POLL, strace (and the set) SIGIO. */
		if (strcmp(want, "SIGPOLL") == 0)
			snprintf(want, sizeof(want), "SIGIO");
		if (!ours || strcmp(ours, want) != 0)
			fail_msg("signal %d: set has %s, libc %s", sig, ours ? ours : "nothing", want);
		checked++;
	}
	if (checked == 0) {
		print_message("SKIP: this C library has no sigabbrev_np()\n");
		skip();
	}
	assert_int_equal(checked, 31);
}

/* Values that differ between architectures: check relations, not numbers. */
static void test_per_arch_relations(void **state)
{
	(void)state;
	uint64_t dir = value_of("open_flags", "O_DIRECTORY");
	uint64_t tmp = value_of("open_flags", "O_TMPFILE");
	uint64_t large = value_of("open_flags", "O_LARGEFILE");
	assert_true(dir != 0);
	assert_true((tmp & dir) == dir && tmp != dir);
	assert_true(large == 0100000 || large == 0400000);
	assert_true(value_of("open_flags", "O_NOFOLLOW") != 0);
	assert_true(value_of("open_flags", "O_DIRECT") != 0);
	/* strace prints MAP_ANONYMOUS, never MAP_ANON. */
	assert_null(find_item(&xlat_mmap_flags, "MAP_ANON"));
	/* Access modes are an enum of their own, not open flags. */
	assert_null(find_item(&xlat_open_flags, "O_RDONLY"));
	assert_null(find_item(&xlat_open_flags, "O_WRONLY"));
}

static void test_types(void **state)
{
	(void)state;
	assert_int_equal(xlat_open_flags.type, XT_FLAGS);
	assert_int_equal(xlat_mmap_flags.type, XT_FLAGS);
	assert_int_equal(xlat_clone_flags.type, XT_FLAGS);
	assert_int_equal(xlat_wait_options.type, XT_FLAGS);
	assert_int_equal(xlat_statx_mask.type, XT_FLAGS);
	assert_int_equal(xlat_signals.type, XT_ENUM);
	assert_int_equal(xlat_errno_names.type, XT_ENUM);
	assert_int_equal(xlat_fcntl_cmds.type, XT_ENUM);
	assert_int_equal(xlat_futex_ops.type, XT_ENUM);
	assert_int_equal(xlat_open_access.type, XT_ENUM);
}

static void test_no_duplicate_names(void **state)
{
	(void)state;
	for (size_t s = 0; s < N_SETS; s++) {
		const struct xlat *x = xlat_by_name(all_sets[s]);
		assert_non_null(x);
		for (unsigned i = 0; i < x->n; i++) {
			assert_non_null(xlat_str(x, i));
			for (unsigned j = i + 1; j < x->n; j++)
				if (strcmp(xlat_str(x, i), xlat_str(x, j)) == 0)
					fail_msg("%s: duplicate name %s", x->name, xlat_str(x, i));
		}
	}
}

/* Two names for one value would make the printed name depend on order. */
static void test_no_duplicate_values(void **state)
{
	(void)state;
	for (size_t s = 0; s < N_SETS; s++) {
		const struct xlat *x = xlat_by_name(all_sets[s]);
		assert_non_null(x);
		for (unsigned i = 0; i < x->n; i++)
			for (unsigned j = i + 1; j < x->n; j++)
				if (x->items[i].val == x->items[j].val)
					fail_msg("%s: %s and %s share %#llx", x->name, xlat_str(x, i),
						 xlat_str(x, j), (unsigned long long)x->items[i].val);
	}
}

static int zero_allowed(const char *set, const char *name)
{
	for (size_t i = 0; i < sizeof(zero_ok) / sizeof(zero_ok[0]); i++)
		if (strcmp(zero_ok[i].set, set) == 0 && strcmp(zero_ok[i].name, name) == 0)
			return 1;
	return 0;
}

static void test_flags_no_zero_items(void **state)
{
	(void)state;
	for (size_t s = 0; s < N_SETS; s++) {
		const struct xlat *x = xlat_by_name(all_sets[s]);
		assert_non_null(x);
		if (x->type != XT_FLAGS)
			continue;
		for (unsigned i = 0; i < x->n; i++)
			if (x->items[i].val == 0 && !zero_allowed(x->name, xlat_str(x, i)))
				fail_msg("%s: flag %s is 0", x->name, xlat_str(x, i));
	}
	/* The documented zero items really are zero. */
	assert_int_equal(value_of("access_modes", "F_OK"), 0);
	assert_int_equal(value_of("statx_flags", "AT_STATX_SYNC_AS_STAT"), 0);
}

/* A mask that contains another item's bits must come before that item,
 * otherwise the printer would split it into the smaller names. */
static void test_flags_masks_first(void **state)
{
	(void)state;
	for (size_t s = 0; s < N_SETS; s++) {
		const struct xlat *x = xlat_by_name(all_sets[s]);
		assert_non_null(x);
		if (x->type != XT_FLAGS)
			continue;
		for (unsigned i = 0; i < x->n; i++) {
			uint64_t a = x->items[i].val;
			if (a == 0)
				continue;
			for (unsigned j = i + 1; j < x->n; j++) {
				uint64_t b = x->items[j].val;
				if ((b & a) == a && b != a)
					fail_msg("%s: %s (%#llx) listed before mask %s (%#llx)", x->name,
						 xlat_str(x, i), (unsigned long long)a, xlat_str(x, j),
						 (unsigned long long)b);
			}
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_set_found),
		cmocka_unit_test(test_sample_values),
		cmocka_unit_test(test_lookup),
		cmocka_unit_test(test_errno_names_match_libc),
		cmocka_unit_test(test_signal_names_match_libc),
		cmocka_unit_test(test_per_arch_relations),
		cmocka_unit_test(test_types),
		cmocka_unit_test(test_no_duplicate_names),
		cmocka_unit_test(test_no_duplicate_values),
		cmocka_unit_test(test_flags_no_zero_items),
		cmocka_unit_test(test_flags_masks_first),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
