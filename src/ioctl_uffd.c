/* userfaultfd ioctls (type 0xaa, <linux/userfaultfd.h>).  Most are
 * "in => out" structures: the fields the caller gave at entry, those the
 * kernel wrote at exit, in one pair of braces. */
#include "config.h"

#include <stdlib.h>
#include <sys/ioctl.h>
#include <linux/userfaultfd.h>

#include "decode.h"
#include "decode_ioctl.h"
#include "ioctl_families.h"
#include "mem.h"
#include "sink.h"
#include "syscallent.h"

#define FETCH(tcp, arg, obj) fetch_or_print_addr(tcp, arg, &(obj), sizeof(obj))

static void print_range(struct tcb *tcp, const struct uffdio_range *r)
{
	tprintf(tcp, "{start=%#llx, len=%#llx}", (unsigned long long)r->start,
		(unsigned long long)r->len);
}

/* The features UFFDIO_API asked for, kept from entry to exit. */
static void keep_features(struct tcb *tcp, uint64_t features)
{
	tcb_keep_call_copy(tcp, &features, sizeof(features));
}

/* UFFDIO_REGISTER's and UFFDIO_ZEROPAGE's request: "{range={...}, mode=MODES" */
static void print_range_mode(struct tcb *tcp, const struct uffdio_range *range,
			     const struct xlat *modes, uint64_t mode, const char *dflt)
{
	tprints(tcp, "{range=");
	print_range(tcp, range);
	tprints(tcp, ", mode=");
	print_flags(tcp, modes, mode, dflt);
}

static int uffd_entry(struct tcb *tcp, unsigned cmd, unsigned long arg)
{
	union {
		struct uffdio_api api;
		struct uffdio_register reg;
		struct uffdio_range range;
		struct uffdio_copy copy;
		struct uffdio_zeropage zp;
	} u;

	switch (cmd) {
	case UFFDIO_API:
		tprint_arg_next(tcp);
		if (!FETCH(tcp, arg, u.api))
			return DEC_DONE;
		tprintf(tcp, "{api=%#llx, features=", (unsigned long long)u.api.api);
		print_flags(tcp, &xlat_uffd_api_features, u.api.features, "UFFD_FEATURE_???");
		keep_features(tcp, u.api.features);
		return IOCTL_MORE_ALWAYS;
	case UFFDIO_REGISTER:
		tprint_arg_next(tcp);
		if (!FETCH(tcp, arg, u.reg))
			return DEC_DONE;
		print_range_mode(tcp, &u.reg.range, &xlat_uffd_register_modes, u.reg.mode,
				 "UFFDIO_REGISTER_MODE_???");
		return IOCTL_MORE_ALWAYS;
	case UFFDIO_UNREGISTER: case UFFDIO_WAKE:
		tprint_arg_next(tcp);
		if (FETCH(tcp, arg, u.range))
			print_range(tcp, &u.range);
		return DEC_DONE;
	case UFFDIO_COPY:
		tprint_arg_next(tcp);
		if (!FETCH(tcp, arg, u.copy))
			return DEC_DONE;
		tprintf(tcp, "{dst=%#llx, src=%#llx, len=%#llx, mode=", (unsigned long long)u.copy.dst,
			(unsigned long long)u.copy.src, (unsigned long long)u.copy.len);
		print_flags(tcp, &xlat_uffd_copy_modes, u.copy.mode, "UFFDIO_COPY_???");
		return IOCTL_MORE_ALWAYS;
	case UFFDIO_ZEROPAGE:
		tprint_arg_next(tcp);
		if (!FETCH(tcp, arg, u.zp))
			return DEC_DONE;
		print_range_mode(tcp, &u.zp.range, &xlat_uffd_zeropage_modes, u.zp.mode,
				 "UFFDIO_ZEROPAGE_???");
		return IOCTL_MORE_ALWAYS;
	default:
		return IOCTL_UNHANDLED;
	}
}

/* The kernel's answer (nothing when the call failed), then "}". */
static int uffd_exit(struct tcb *tcp, unsigned cmd, unsigned long arg)
{
	union {
		struct uffdio_api api;
		struct uffdio_register reg;
		struct uffdio_copy copy;
		struct uffdio_zeropage zp;
	} u;
	bool ok = !ioctl_failed(tcp);

	switch (cmd) {
	case UFFDIO_API:
		if (ok && mem_read(tcp->pid, arg, &u.api, sizeof(u.api)) >= 0) {
			const uint64_t *asked = tcp->call_priv_free == free ? tcp->call_priv : NULL;

			if (!asked || *asked != u.api.features) {
				tprints(tcp, " => features=");
				print_flags(tcp, &xlat_uffd_api_features, u.api.features,
					    "UFFD_FEATURE_???");
			}
			tprints(tcp, ", ioctls=");
			ioctl_print_bit_flags(tcp, &xlat_uffd_api_ioctls, u.api.ioctls, "1<<",
					      "_UFFDIO_???");
		}
		break;
	case UFFDIO_REGISTER:
		if (ok && mem_read(tcp->pid, arg, &u.reg, sizeof(u.reg)) >= 0) {
			tprints(tcp, ", ioctls=");
			ioctl_print_bit_flags(tcp, &xlat_uffd_register_ioctls, u.reg.ioctls, "1<<",
					      "UFFDIO_???");
		}
		break;
	case UFFDIO_COPY:
		if (ok && mem_read(tcp->pid, arg, &u.copy, sizeof(u.copy)) >= 0)
			tprintf(tcp, ", copy=%#llx", (unsigned long long)u.copy.copy);
		break;
	case UFFDIO_ZEROPAGE:
		if (ok && mem_read(tcp->pid, arg, &u.zp, sizeof(u.zp)) >= 0)
			tprintf(tcp, ", zeropage=%#llx", (unsigned long long)u.zp.zeropage);
		break;
	default:
		return IOCTL_UNHANDLED;
	}
	tprints(tcp, "}");
	return DEC_DONE;
}

static int uffd_decode(struct tcb *tcp, unsigned cmd, unsigned long arg)
{
	return tcp->exiting ? uffd_exit(tcp, cmd, arg) : uffd_entry(tcp, cmd, arg);
}

const struct ioctl_family ioctl_family_uffd = {
	.name = "uffd",
	.types = { 0xaa },
	.cmds = &xlat_uffd_ioctl_cmds,
	.decode = uffd_decode,
};
