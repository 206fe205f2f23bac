/* SECCOMP_IOCTL_NOTIF_* (linux/seccomp.h): the user-space notification
 * requests on a seccomp listener fd. */
#include "config.h"

#include <stdio.h>
#include <sys/ioctl.h>
#include <linux/seccomp.h>

#include "decode.h"
#include "decode_file.h"
#include "decode_ioctl.h"
#include "ioctl_common.h"
#include "pids.h"
#include "sink.h"
#include "syscallent.h"
#include "util.h"

#define ID_VALID_WRONG_DIR 0x80082102u /* _IOR('!', 2, __u64): kernels < 5.17 */

static bool all_zero(const void *p, size_t n)
{
	const unsigned char *c = p;

	for (size_t i = 0; i < n; i++)
		if (c[i])
			return false;
	return true;
}

/* nr: "__NR_gettid" when arch is the tracer's own, else the number */
static void print_notif_nr(struct tcb *tcp, uint32_t arch, int nr)
{
	const struct syscall_ent *e = NULL;
	char raw[16], name[64];

	if (arch_native && arch == arch_native->audit_arch)
		e = arch_syscall(arch_native, nr);
	snprintf(raw, sizeof(raw), "%u", (unsigned)nr);
	if (!e) {
		tprints(tcp, raw);
		return;
	}
	snprintf(name, sizeof(name), "__NR_%s", e->name);
	print_styled_text(tcp, raw, name);
}

static void print_notif(struct tcb *tcp, const struct seccomp_notif *n)
{
	tprintf(tcp, "{id=%#llx, pid=", (unsigned long long)n->id);
	print_pid(tcp, (int)n->pid, PT_TGID);
	tprintf(tcp, ", flags=%#x, data={nr=", n->flags);
	print_notif_nr(tcp, n->data.arch, n->data.nr);
	tprints(tcp, ", arch=");
	print_xval(tcp, &xlat_audit_arch, n->data.arch, "AUDIT_ARCH_???");
	tprints(tcp, ", instruction_pointer=");
	print_addr(tcp, (unsigned long)n->data.instruction_pointer);
	tprints(tcp, ", args=[");
	for (size_t i = 0; i < ARRAY_SIZE(n->data.args); i++)
		tprintf(tcp, "%s%#llx", i ? ", " : "", (unsigned long long)n->data.args[i]);
	tprints(tcp, "]}}");
}

/* SECCOMP_IOCTL_NOTIF_RECV: the structure at entry unless it is all
 * zeros, and at exit (" => " after the entry's), the address when the
 * call failed. */
static int decode_recv(struct tcb *tcp, unsigned long arg)
{
	struct seccomp_notif n;

	if (!tcp->exiting) {
		tprint_arg_next(tcp);
		if (!arg) {
			print_addr(tcp, arg);
			return DEC_DONE;
		}
		if (!fetch_or_print_addr(tcp, arg, &n, sizeof(n)))
			return DEC_DONE;
		if (all_zero(&n, sizeof(n)))
			return IOCTL_MORE_ALWAYS;
		print_notif(tcp, &n);
		ioctl_set_entry_printed(tcp);
		return IOCTL_MORE_ALWAYS;
	}
	/* a failed call: its address ("{...} => 0x...") */
	if (ioctl_entry_printed(tcp))
		tprints(tcp, " => ");
	if (ioctl_failed(tcp))
		print_addr(tcp, arg);
	else if (fetch_or_print_addr(tcp, arg, &n, sizeof(n)))
		print_notif(tcp, &n);
	return DEC_DONE;
}

static void print_resp(struct tcb *tcp, unsigned long arg)
{
	struct seccomp_notif_resp r;
	const char *name;

	if (!fetch_or_print_addr(tcp, arg, &r, sizeof(r)))
		return;
	tprintf(tcp, "{id=%#llx, val=%lld, error=", (unsigned long long)r.id, (long long)r.val);
	name = r.error < 0 ? xlat_lookup(&xlat_errno_names, (uint64_t)-(int64_t)r.error) : NULL;
	if (name) {
		char raw[16], named[40];

		snprintf(raw, sizeof(raw), "%d", r.error);
		snprintf(named, sizeof(named), "-%s", name);
		print_styled_text(tcp, raw, named);
	} else {
		tprintf(tcp, "%d", r.error);
	}
	tprints(tcp, ", flags=");
	print_flags(tcp, &xlat_seccomp_user_notif_flags, r.flags, "SECCOMP_USER_NOTIF_FLAG_???");
	tprints(tcp, "}");
}

static void print_addfd(struct tcb *tcp, unsigned long arg)
{
	struct seccomp_notif_addfd a;

	if (!fetch_or_print_addr(tcp, arg, &a, sizeof(a)))
		return;
	tprintf(tcp, "{id=%#llx, flags=", (unsigned long long)a.id);
	print_flags(tcp, &xlat_seccomp_addfd_flags, a.flags, "SECCOMP_ADDFD_FLAG_???");
	tprints(tcp, ", srcfd=");
	print_fd(tcp, (int)a.srcfd);
	tprintf(tcp, ", newfd=%d, newfd_flags=", (int)a.newfd);
	print_flags(tcp, &xlat_open_flags, a.newfd_flags, NULL);
	tprints(tcp, "}");
}

static void print_u64_hex_ref(struct tcb *tcp, unsigned long arg)
{
	uint64_t v;

	if (!fetch_or_print_addr(tcp, arg, &v, sizeof(v)))
		return;
	if (v)
		tprintf(tcp, "[%#llx]", (unsigned long long)v);
	else
		tprints(tcp, "[0]");
}

static int seccomp_decode(struct tcb *tcp, unsigned cmd, unsigned long arg)
{
	switch (cmd) {
	case SECCOMP_IOCTL_NOTIF_RECV:
		return decode_recv(tcp, arg);
	case SECCOMP_IOCTL_NOTIF_SEND:
		tprint_arg_next(tcp);
		print_resp(tcp, arg);
		return DEC_DONE;
	case SECCOMP_IOCTL_NOTIF_ID_VALID:
	case ID_VALID_WRONG_DIR:
		tprint_arg_next(tcp);
		print_u64_hex_ref(tcp, arg);
		return DEC_DONE;
	case SECCOMP_IOCTL_NOTIF_ADDFD:
		tprint_arg_next(tcp);
		print_addfd(tcp, arg);
		return DEC_DONE;
	default:
		return IOCTL_UNHANDLED;
	}
}

const struct ioctl_family ioctl_family_seccomp = {
	.name = "seccomp",
	.types = { '!' },
	.cmds = &xlat_seccomp_ioctl_cmds,
	.decode = seccomp_decode,
};
