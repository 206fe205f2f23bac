#include "config.h"
#include "fastpath.h"

#include <errno.h>
#include <linux/sched.h>
#include <linux/seccomp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/capability.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

#include "filter.h"
#include "mem.h"
#include "syscallent.h"
#include "util.h"

#ifndef CLONE_UNTRACED_FLAG
#define CLONE_UNTRACED_FLAG 0x00800000UL
#endif

const char *fastpath_reason_text(enum fp_reason r)
{
	switch (r) {
	case FP_OK: return "in use";
	case FP_DISABLED: return "disabled by --no-seccomp-bpf";
	case FP_NOTHING_TO_SKIP: return "every syscall is traced, nothing to skip";
	case FP_ATTACH: return "a seccomp filter cannot be added to a running process (-p)";
	case FP_SETID: return "the program is set-user-ID, set-group-ID or has file capabilities, "
			      "and the NO_NEW_PRIVS bit the filter needs would drop them";
	case FP_BUILD: return "libseccomp could not build the filter";
	}
	return "unknown";
}

bool fastpath_have_sys_admin(void)
{
	cap_t caps = cap_get_proc();
	cap_flag_value_t v = CAP_CLEAR;

	if (!caps)
		return false;
	cap_get_flag(caps, CAP_SYS_ADMIN, CAP_EFFECTIVE, &v);
	cap_free(caps);
	return v == CAP_SET;
}

static bool gains_privileges(const char *path)
{
	struct stat st;

	if (stat(path, &st) < 0)
		return false;
	if (st.st_mode & (S_ISUID | S_ISGID))
		return true;
	return getxattr(path, "security.capability", NULL, 0) > 0;
}

enum fp_reason fastpath_prepare(const struct arch_def *a, const bool *set, bool attach,
				int forced, const char *path, bool need_nnp,
				scmp_filter_ctx *out)
{
	scmp_filter_ctx ctx;
	bool all = true;
	int ret = 0;

	*out = NULL;
	if (forced < 0)
		return FP_DISABLED;
	for (unsigned i = 0; i <= a->nsyscalls; i++)
		if (!set[i] && (i == a->nsyscalls || a->table[i].name[0]))
			all = false;
	if (all)
		return FP_NOTHING_TO_SKIP;
	if (attach)
		return FP_ATTACH;
	if (need_nnp && gains_privileges(path))
		return FP_SETID;

	ctx = seccomp_init(SCMP_ACT_ALLOW);
	if (!ctx)
		return FP_BUILD;
	/* Calls of another personality (i386 on x86_64) are always shown. */
	ret = seccomp_attr_set(ctx, SCMP_FLTATR_ACT_BADARCH, SCMP_ACT_TRACE(0));
	if (ret == 0)
		ret = seccomp_attr_set(ctx, SCMP_FLTATR_CTL_NNP, need_nnp ? 1 : 0);
	for (unsigned i = 0; ret == 0 && i < a->nsyscalls; i++) {
		if (!a->table[i].name[0] || !set[i])
			continue;
		ret = seccomp_rule_add(ctx, SCMP_ACT_TRACE(0), (int)i, 0);
		/* numbers the installed libseccomp does not know */
		if (ret == -EDOM || ret == -EINVAL || ret == -EFAULT)
			ret = 0;
	}
	/* CLONE_UNTRACED would create a child that no tracer sees but that
	 * still has the filter: stop there to clear the flag (the clone and
	 * clone3 properties of syscalls.def). */
	for (unsigned i = 0; ret == 0 && i < a->nsyscalls; i++) {
		if (!a->table[i].name[0] || set[i])
			continue;
		if (a->table[i].props & SP_CLONE)
			ret = seccomp_rule_add(ctx, SCMP_ACT_TRACE(0), (int)i, 1,
					       SCMP_A0(SCMP_CMP_MASKED_EQ, CLONE_UNTRACED_FLAG,
						       CLONE_UNTRACED_FLAG));
		if (a->table[i].props & SP_CLONE3) {
			ret = seccomp_rule_add(ctx, SCMP_ACT_TRACE(0), (int)i, 0);
			if (ret == -EDOM || ret == -EINVAL || ret == -EFAULT)
				ret = 0;
		}
	}
	if (ret < 0) {
		seccomp_release(ctx);
		return FP_BUILD;
	}
	*out = ctx;
	return FP_OK;
}

int fastpath_export(scmp_filter_ctx ctx, struct fp_prog *p)
{
	_cleanup_close_ int fd = memfd_create("ctrace-filter", MFD_CLOEXEC);
	uint32_t nnp = 0;
	off_t size;
	ssize_t got;
	int ret;

	*p = (struct fp_prog){ 0 };
	if (fd < 0)
		return -errno;
	ret = seccomp_export_bpf(ctx, fd);
	if (ret < 0)
		return ret;
	ret = seccomp_attr_get(ctx, SCMP_FLTATR_CTL_NNP, &nnp);
	if (ret < 0)
		return ret;
	size = lseek(fd, 0, SEEK_END);
	if (size <= 0 || size % sizeof(struct sock_filter) ||
	    size / sizeof(struct sock_filter) > BPF_MAXINSNS)
		return size < 0 ? -errno : -EINVAL;
	p->fprog.filter = xmalloc((size_t)size);
	got = pread(fd, p->fprog.filter, (size_t)size, 0);
	if (got != size) {
		ret = got < 0 ? -errno : -EIO;
		fastpath_prog_free(p);
		return ret;
	}
	p->fprog.len = (unsigned short)(size / sizeof(struct sock_filter));
	p->nnp = nnp != 0;
	return 0;
}

void fastpath_prog_free(struct fp_prog *p)
{
	free(p->fprog.filter);
	*p = (struct fp_prog){ 0 };
}

int fastpath_load(const struct fp_prog *p)
{
	if (p->nnp && prctl(PR_SET_NO_NEW_PRIVS, 1L, 0L, 0L, 0L) < 0)
		return -errno;
	if (prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &p->fprog) < 0)
		return -errno;
	return 0;
}

bool fastpath_fix_untraced(struct tcb *tcp, const bool *set)
{
	uint32_t props = tcp->ent ? tcp->ent->props : 0;
	bool traced;

	/* a call whose personality is not known (tcp->arch NULL) has no
	 * row (tcp->ent NULL): it is left alone and shown.  The others
	 * (the 32-bit ones and x32 too, whose every call the filter stops:
	 * its bad-arch action) are looked up in their part of set. */
	if (!tcp->arch || !(props & (SP_CLONE | SP_CLONE3)))
		return false;
	traced = set[filter_slot(arch_native, tcp->arch, tcp->scno)];

	if (props & SP_CLONE) {
		if (tcp->args[0] & CLONE_UNTRACED_FLAG) {
			tcp->args[0] &= ~CLONE_UNTRACED_FLAG;
			arch_native_regs.set_arg(tcp->pid, tcp->arch, 0, tcp->args[0]);
		}
	} else {
		uint64_t flags;

		/* struct clone_args starts with the 64-bit flags */
		if (mem_read(tcp->pid, tcp->args[0], &flags, sizeof(flags)) == 0 &&
		    (flags & CLONE_UNTRACED_FLAG)) {
			unsigned long word;

			/* PTRACE_POKEDATA writes one word at the address */
			flags &= ~(uint64_t)CLONE_UNTRACED_FLAG;
			memcpy(&word, &flags, sizeof(word));
			mem_write_word(tcp->pid, tcp->args[0], word);
		}
	}
	return !traced;
}
