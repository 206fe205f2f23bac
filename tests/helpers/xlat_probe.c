/* Probe for tests/integration/xlat_vs_strace.sh: passes the items of one
 * named-constant set (syscalls/xlat/SET.in) to a syscall that strace prints
 * them in, so that strace's output can be compared with the set's names.
 *
 *   xlat_probe --list        the sets it can probe, one a line
 *   xlat_probe SET           one call per item; stdout: the item's name
 *   xlat_probe SET all       flag sets: one call with every item OR-ed;
 *                            stdout: the names joined the way a flags
 *                            printer walks the set (A|B|C)
 *
 * A getppid() call marks where the probe calls start.  Every call fails
 * harmlessly (bad fd, bad pid, NULL pointer, invalid extra bit) or has no
 * lasting effect; calls that would be unsafe (seccomp strict mode) are not
 * made and their item is not printed. */
#include "config.h"

#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include <linux/capability.h>

#include "xlat.h"

#define BADPID 0x7ffffff0L
#define NOPATH "/nonexistent/xlat_probe"

typedef void (*probe_fn)(unsigned long v);

struct ksigaction {
	unsigned long handler, flags, restorer, mask;
};

struct clone_args_min {
	uint64_t flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls;
};

/* CLONE_NEWNS|CLONE_FS is always EINVAL: keeps clone from creating anything. */
#define CLONE_FAIL (0x00020000UL | 0x00000200UL)

static void p_open_flags(unsigned long v) { syscall(SYS_openat, -1, NOPATH, v, 0); }
static void p_open_access(unsigned long v) { syscall(SYS_openat, -1, NOPATH, v, 0); }
static void p_at_flags(unsigned long v) { syscall(SYS_unlinkat, -1, "", v); }
static void p_faccessat_flags(unsigned long v) { syscall(SYS_faccessat2, -1, "", 0, v); }
static void p_statx_flags(unsigned long v) { syscall(SYS_statx, -1, "", v, 0, NULL); }
static void p_statx_mask(unsigned long v) { syscall(SYS_statx, -1, "", 0, v, NULL); }
static void p_access_modes(unsigned long v) { syscall(SYS_faccessat, -1, "", v); }
static void p_mmap_prot(unsigned long v) { syscall(SYS_mprotect, 0, 0, v); }
static void p_mmap_flags(unsigned long v) { syscall(SYS_mmap, 0, 0, 0, v, -1, 0); }
static void p_mmap_types(unsigned long v) { syscall(SYS_mmap, 0, 0, 0, v, -1, 0); }
static void p_madvise_advice(unsigned long v) { syscall(SYS_madvise, 0, 0, v); }
static void p_mremap_flags(unsigned long v) { syscall(SYS_mremap, 0, 0, 0, v, 0); }
static void p_msync_flags(unsigned long v) { syscall(SYS_msync, 0, 0, v); }
static void p_mlock_flags(unsigned long v) { syscall(SYS_mlock2, 0, 0, v); }
/* 0x80000000: an invalid bit, so nothing gets locked. */
static void p_mlockall_flags(unsigned long v) { syscall(SYS_mlockall, v | 0x80000000UL); }
static void p_memfd_flags(unsigned long v) { syscall(SYS_memfd_create, "", v | 0x10); }
static void p_fcntl_cmds(unsigned long v) { syscall(SYS_fcntl, -1, v, 0); }
static void p_fd_flags(unsigned long v) { syscall(SYS_fcntl, -1, 2 /* F_SETFD */, v); }
static void p_fcntl_lock_types(unsigned long v) { syscall(SYS_fcntl, -1, 1024 /* F_SETLEASE */, v); }
static void p_fcntl_seals(unsigned long v) { syscall(SYS_fcntl, -1, 1033 /* F_ADD_SEALS */, v); }
static void p_flock_ops(unsigned long v) { syscall(SYS_flock, -1, v); }
static void p_lseek_whence(unsigned long v) { syscall(SYS_lseek, -1, 0, v); }
static void p_signals(unsigned long v) { syscall(SYS_rt_sigaction, v, NULL, NULL, 8); }
static void p_sigprocmask_how(unsigned long v) { syscall(SYS_rt_sigprocmask, v, NULL, NULL, 8); }
static void p_sigaction_flags(unsigned long v)
{
	struct ksigaction a = { 0, v, 0, 0 };
	syscall(SYS_rt_sigaction, 0, &a, NULL, 8);
}
static void p_sighandler_special(unsigned long v)
{
	struct ksigaction a = { v, 0, 0, 0 };
	syscall(SYS_rt_sigaction, 0, &a, NULL, 8);
}
static void p_wait_options(unsigned long v) { syscall(SYS_wait4, BADPID, NULL, v, NULL); }
static void p_waitid_which(unsigned long v) { syscall(SYS_waitid, v, BADPID, NULL, 4, NULL); }
static void p_clone_flags(unsigned long v) { syscall(SYS_clone, v | CLONE_FAIL, 0, 0, 0, 0); }
static void p_clone3_flags(unsigned long v)
{
	struct clone_args_min a = { .flags = v | CLONE_FAIL };
	syscall(SYS_clone3, &a, sizeof(a));
}
static void p_sched_policies(unsigned long v) { syscall(SYS_sched_setscheduler, BADPID, v, NULL); }
static void p_rlimit_resources(unsigned long v) { syscall(SYS_prlimit64, BADPID, v, NULL, NULL); }
static void p_rusage_who(unsigned long v) { syscall(SYS_getrusage, v, NULL); }
static void p_priority_which(unsigned long v) { syscall(SYS_getpriority, v, BADPID); }
static void p_itimer_which(unsigned long v) { syscall(SYS_getitimer, v, NULL); }
static void p_clock_ids(unsigned long v) { syscall(SYS_clock_gettime, v, NULL); }
static void p_timer_flags(unsigned long v) { syscall(SYS_clock_nanosleep, 0, v, NULL, NULL); }
static void p_timerfd_flags(unsigned long v) { syscall(SYS_timerfd_settime, -1, v, NULL, NULL); }
static void p_eventfd_flags(unsigned long v) { syscall(SYS_eventfd2, 0, v | 0x10); }
static void p_signalfd_flags(unsigned long v) { syscall(SYS_signalfd4, -1, NULL, 8, v); }
static void p_poll_events(unsigned long v)
{
	struct pollfd p = { 0, (short)v, 0 };
	struct timespec ts = { 0, 0 };
	syscall(SYS_ppoll, &p, 1, &ts, NULL, 8);
}
static void p_epoll_ctl_ops(unsigned long v) { syscall(SYS_epoll_ctl, -1, v, -1, NULL); }
static void p_epoll_events(unsigned long v)
{
	struct epoll_event e = { .events = (uint32_t)v };
	syscall(SYS_epoll_ctl, -1, 1, -1, &e);
}
static void p_epoll_create_flags(unsigned long v) { syscall(SYS_epoll_create1, v | 1); }
static void p_inotify_init_flags(unsigned long v) { syscall(SYS_inotify_init1, v | 1); }
static void p_inotify_masks(unsigned long v) { syscall(SYS_inotify_add_watch, -1, "", v); }
static void p_futex_ops(unsigned long v) { syscall(SYS_futex, NULL, v, 0, NULL, NULL, 0); }
static void p_personality(unsigned long v) { syscall(SYS_personality, v); }
static void p_seccomp_ops(unsigned long v)
{
	if (v != 0) /* SECCOMP_SET_MODE_STRICT would kill the probe */
		syscall(SYS_seccomp, v, 0, NULL);
}
static void p_seccomp_filter_flags(unsigned long v) { syscall(SYS_seccomp, 1, v, NULL); }
static void p_seccomp_modes(unsigned long v)
{
	if (v != 1) /* SECCOMP_MODE_STRICT */
		syscall(SYS_prctl, 22 /* PR_SET_SECCOMP */, v, NULL, 0, 0);
}
static void p_ptrace_requests(unsigned long v)
{
	if (v != 0) /* PTRACE_TRACEME ignores the pid */
		syscall(SYS_ptrace, v, BADPID, NULL, NULL);
}
static void p_ptrace_options(unsigned long v) { syscall(SYS_ptrace, 0x4200, BADPID, NULL, v); }
static void p_capabilities(unsigned long v)
{
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, (int)BADPID };
	struct __user_cap_data_struct d[2];
	memset(d, 0, sizeof(d));
	d[v / 32].effective = 1U << (v % 32);
	syscall(SYS_capset, &h, d);
}
static void p_socket_families(unsigned long v) { syscall(SYS_socket, v, 0xff, 0); }
static void p_socket_types(unsigned long v) { syscall(SYS_socket, 9999, v, 0); }
static void p_sock_type_flags(unsigned long v) { syscall(SYS_socket, 9999, v, 0); }
static void p_ip_protocols(unsigned long v) { syscall(SYS_socket, 2, 12345, v); }
static void p_netlink_protocols(unsigned long v) { syscall(SYS_socket, 16, 12345, v); }
static void p_msg_flags(unsigned long v) { syscall(SYS_sendto, -1, NULL, 0, v, NULL, 0); }
static void p_sockopt_levels(unsigned long v) { syscall(SYS_setsockopt, -1, v, 0, NULL, 0); }
static void p_sockopt_socket(unsigned long v) { syscall(SYS_setsockopt, -1, 1, v, NULL, 0); }
static void p_tcp_options(unsigned long v) { syscall(SYS_setsockopt, -1, 6, v, NULL, 0); }
static void p_shutdown_how(unsigned long v) { syscall(SYS_shutdown, -1, v); }
static void p_ioctl_cmds(unsigned long v) { syscall(SYS_ioctl, -1, v, 0); }
static void p_prctl_options(unsigned long v)
{
	syscall(SYS_prctl, v, 0xdeadbeefUL, 0xdeadbeefUL, 0xdeadbeefUL, 0xdeadbeefUL);
}
static void p_splice_flags(unsigned long v) { syscall(SYS_splice, -1, NULL, -1, NULL, 0, v); }
static void p_getrandom_flags(unsigned long v) { syscall(SYS_getrandom, NULL, 0, v | 0x80); }
static void p_renameat2_flags(unsigned long v) { syscall(SYS_renameat2, -1, "", -1, "", v); }
static void p_mount_flags(unsigned long v) { syscall(SYS_mount, NOPATH, NOPATH, NULL, v, NULL); }
static void p_umount_flags(unsigned long v) { syscall(SYS_umount2, NOPATH, v); }
static void p_close_range_flags(unsigned long v) { syscall(SYS_close_range, 5, 4, v); }
static void p_membarrier_cmds(unsigned long v) { syscall(SYS_membarrier, v, 0, 0); }
static void p_membarrier_flags(unsigned long v) { syscall(SYS_membarrier, 0, v, 0); }
static void p_stat_modes(unsigned long v) { syscall(SYS_mknodat, -1, "", v, 0); }
static void p_stat_mode_bits(unsigned long v) { syscall(SYS_mknodat, -1, "", 0100000 | v, 0); }
static void p_xattr_flags(unsigned long v) { syscall(SYS_setxattr, "", "", NULL, 0, v); }
static void p_fallocate_flags(unsigned long v) { syscall(SYS_fallocate, -1, v, 0, 0); }
static void p_name_to_handle_flags(unsigned long v) { syscall(SYS_name_to_handle_at, -1, "", NULL, NULL, v); }
static void p_open_tree_flags(unsigned long v) { syscall(SYS_open_tree, -1, "", v); }
static void p_fsopen_flags(unsigned long v) { syscall(SYS_fsopen, "", v); }
static void p_fsmount_flags(unsigned long v) { syscall(SYS_fsmount, -1, v, 0); }
static void p_mount_attr_flags(unsigned long v) { syscall(SYS_fsmount, -1, 0, v); }
static void p_move_mount_flags(unsigned long v) { syscall(SYS_move_mount, -1, "", -1, "", v); }
static void p_sync_file_range_flags(unsigned long v) { syscall(SYS_sync_file_range, -1, 0, 0, v); }

static void p_ip_options(unsigned long v) { syscall(SYS_setsockopt, -1, 0, v, NULL, 0); }
static void p_ipv6_options(unsigned long v) { syscall(SYS_setsockopt, -1, 41, v, NULL, 0); }
static void p_sigaltstack_flags(unsigned long v)
{
	stack_t ss = { .ss_sp = NULL, .ss_flags = (int)v, .ss_size = 0 };
	syscall(SYS_sigaltstack, &ss, NULL);
}
static void p_openat2_resolve(unsigned long v)
{
	uint64_t how[3] = { 0, 0, v }; /* struct open_how: flags, mode, resolve */
	syscall(SYS_openat2, -1, NOPATH, how, sizeof(how));
}
static void p_shmctl_cmds(unsigned long v) { syscall(SYS_shmctl, -1, v, NULL); }
static void p_semctl_cmds(unsigned long v) { syscall(SYS_semctl, -1, 0, v, NULL); }
static void p_msgctl_cmds(unsigned long v) { syscall(SYS_msgctl, -1, v, NULL); }
/* nsems -1 and an absurd size: EINVAL before anything is created. */
static void p_ipc_get_flags(unsigned long v) { syscall(SYS_semget, 0, -1, v); }
static void p_shmget_flags(unsigned long v) { syscall(SYS_shmget, 0, 1UL << 62, v); }
static void p_shmat_flags(unsigned long v) { syscall(SYS_shmat, -1, NULL, v); }
static void p_msgrcv_flags(unsigned long v) { syscall(SYS_msgrcv, -1, NULL, 0, 0, v); }
static void p_sigev_notify(unsigned long v)
{
	struct sigevent sev;
	memset(&sev, 0, sizeof(sev));
	sev.sigev_notify = (int)v;
	sev.sigev_signo = SIGUSR1;
	syscall(SYS_timer_create, CLOCK_REALTIME, &sev, NULL);
}
static void p_pidfd_open_flags(unsigned long v) { syscall(SYS_pidfd_open, BADPID, v); }
/* CLONE_PIDFD is not valid for unshare: EINVAL, nothing unshared. */
static void p_unshare_flags(unsigned long v) { syscall(SYS_unshare, v | 0x00001000UL); }
static void p_setns_types(unsigned long v) { syscall(SYS_setns, -1, v); }
static void p_ioprio_who(unsigned long v) { syscall(SYS_ioprio_get, v, BADPID); }
static void p_kcmp_types(unsigned long v) { syscall(SYS_kcmp, BADPID, BADPID, v, 0, 0); }
static void p_pkey_access_rights(unsigned long v) { syscall(SYS_pkey_alloc, 0xffffffffUL, v); }

static const struct probe {
	const char *set;
	probe_fn fn;
} probes[] = {
#define P(name) { #name, p_##name }
	P(open_flags), P(open_access), P(at_flags), P(faccessat_flags),
	P(statx_flags), P(statx_mask), P(access_modes), P(mmap_prot), P(mmap_flags),
	P(mmap_types), P(madvise_advice), P(mremap_flags), P(msync_flags), P(mlock_flags),
	P(mlockall_flags), P(memfd_flags), P(fcntl_cmds), P(fd_flags), P(fcntl_lock_types),
	P(fcntl_seals), P(flock_ops), P(lseek_whence), P(signals), P(sigprocmask_how),
	P(sigaction_flags), P(sighandler_special), P(wait_options), P(waitid_which),
	P(clone_flags), P(clone3_flags), P(sched_policies), P(rlimit_resources),
	P(rusage_who), P(priority_which), P(itimer_which), P(clock_ids), P(timer_flags),
	P(timerfd_flags), P(eventfd_flags), P(signalfd_flags), P(poll_events),
	P(epoll_ctl_ops), P(epoll_events), P(epoll_create_flags), P(inotify_init_flags),
	P(inotify_masks), P(futex_ops), P(personality), P(seccomp_ops),
	P(seccomp_filter_flags), P(seccomp_modes), P(ptrace_requests), P(ptrace_options),
	P(capabilities), P(socket_families), P(socket_types), P(sock_type_flags),
	P(ip_protocols), P(netlink_protocols), P(msg_flags), P(sockopt_levels),
	P(sockopt_socket), P(tcp_options), P(shutdown_how), P(ioctl_cmds),
	P(prctl_options), P(splice_flags), P(getrandom_flags), P(renameat2_flags),
	P(mount_flags), P(umount_flags), P(close_range_flags), P(membarrier_cmds),
	P(membarrier_flags), P(stat_modes), P(stat_mode_bits), P(xattr_flags),
	P(fallocate_flags), P(name_to_handle_flags), P(open_tree_flags), P(fsopen_flags),
	P(fsmount_flags), P(mount_attr_flags), P(move_mount_flags),
	P(sync_file_range_flags), P(ip_options), P(ipv6_options), P(sigaltstack_flags),
	P(openat2_resolve), P(shmctl_cmds), P(semctl_cmds), P(msgctl_cmds), P(ipc_get_flags),
	P(shmget_flags), P(shmat_flags), P(msgrcv_flags), P(sigev_notify),
	P(pidfd_open_flags), P(unshare_flags), P(setns_types), P(ioprio_who), P(kcmp_types),
	P(pkey_access_rights),
	/* Same calls as their base sets, other names. */
	{ "ptrace_requests_x86_64", p_ptrace_requests },
	{ "ioctl_cmds_alt", p_ioctl_cmds },
	{ "personality_flags", p_personality },
#undef P
};

/* Items whose call is skipped by the probe function (see above). */
static int skipped(const char *set, unsigned long v)
{
	return (strcmp(set, "seccomp_ops") == 0 && v == 0) ||
	       (strcmp(set, "seccomp_modes") == 0 && v == 1) ||
	       (strcmp(set, "ptrace_requests") == 0 && v == 0);
}

/* write(2), not stdio: stdio's first output makes syscalls of its own
 * (fstat, TCGETS, brk) that would land among the probe calls. */
static void say(const char *s)
{
	size_t n = strlen(s);
	char line[n + 1];
	memcpy(line, s, n);
	line[n] = '\n';
	for (size_t off = 0; off <= n;) {
		ssize_t w = write(STDOUT_FILENO, line + off, n + 1 - off);
		if (w <= 0)
			return;
		off += (size_t)w;
	}
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		/* Helpers are in check_PROGRAMS, so the harness also runs them
		 * bare: report a skip rather than a failure. */
		fputs("usage: xlat_probe --list | SET [all]\n"
		      "(helper of tests/integration/xlat_vs_strace.sh, not a test by itself)\n", stderr);
		return 77;
	}
	if (strcmp(argv[1], "--list") == 0) {
		for (size_t i = 0; i < sizeof(probes) / sizeof(probes[0]); i++)
			say(probes[i].set);
		return 0;
	}
	const struct probe *p = NULL;
	for (size_t i = 0; i < sizeof(probes) / sizeof(probes[0]); i++)
		if (strcmp(probes[i].set, argv[1]) == 0)
			p = &probes[i];
	const struct xlat *x = xlat_by_name(argv[1]);
	if (!p || !x) {
		fprintf(stderr, "xlat_probe: cannot probe set '%s'\n", argv[1]);
		return 2;
	}
	int all = argc > 2 && strcmp(argv[2], "all") == 0;

	syscall(SYS_getppid); /* marker */
	if (all) {
		unsigned long acc = 0, rest;
		static char buf[8192];
		for (unsigned i = 0; i < x->n; i++)
			acc |= x->items[i].val;
		rest = acc;
		for (unsigned i = 0; i < x->n; i++) {
			unsigned long v = x->items[i].val;
			if (v == 0 || (rest & v) != v)
				continue;
			if (buf[0])
				strncat(buf, "|", sizeof(buf) - strlen(buf) - 1);
			strncat(buf, xlat_str(x, i), sizeof(buf) - strlen(buf) - 1);
			rest &= ~v;
		}
		say(buf);
		p->fn(acc);
		return 0;
	}
	for (unsigned i = 0; i < x->n; i++) {
		if (skipped(x->name, x->items[i].val))
			continue;
		say(xlat_str(x, i));
		p->fn(x->items[i].val);
	}
	return 0;
}
