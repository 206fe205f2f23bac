/* Device mapper ioctls (type 0xfd, <linux/dm-ioctl.h>): a struct dm_ioctl
 * header, printed as "[{...}]" with the fields each request uses, then
 * the payload after it (under -v; "..." otherwise).  The exit prints the
 * header again after " => " when the call succeeded or changed it. */
#include "config.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <linux/dm-ioctl.h>

#include "decode.h"
#include "decode_file.h"
#include "decode_ioctl.h"
#include "ioctl_families.h"
#include "mem.h"
#include "sink.h"
#include "quote.h"
#include "syscallent.h"

#define DM_HDR_SIZE offsetof(struct dm_ioctl, data)

/* A char array: up to its NUL, not cut at -s; "..." when it has none. */
static void print_char_array(struct tcb *tcp, const char *s, size_t size)
{
	char out[QUOTE_SIZE(DM_UUID_LEN)];
	size_t len;

	if (size > DM_UUID_LEN)
		size = DM_UUID_LEN;
	len = strnlen(s, size);
	tprintn(tcp, out, quote_string(s, len == size ? size - 1 : len, ioctl_quote_flags(), out));
	if (len == size)
		tprints(tcp, "...");
}

static bool has_data_start(unsigned cmd)
{
	switch (cmd) {
	case DM_VERSION: case DM_REMOVE_ALL: case DM_DEV_CREATE: case DM_DEV_REMOVE:
	case DM_DEV_SUSPEND: case DM_DEV_STATUS: case DM_TABLE_CLEAR: case DM_DEV_ARM_POLL:
		return false;
	default:
		return true;
	}
}

static void print_device(struct tcb *tcp, unsigned cmd, const struct dm_ioctl *d)
{
	char buf[64];

	if (cmd == DM_REMOVE_ALL || cmd == DM_LIST_DEVICES || cmd == DM_LIST_VERSIONS)
		return;
	if (d->dev) {
		format_dev(buf, sizeof(buf), d->dev);
		tprintf(tcp, ", dev=%s", buf);
	}
	if (d->name[0]) {
		tprints(tcp, ", name=");
		print_char_array(tcp, d->name, sizeof(d->name));
	}
	if (d->uuid[0]) {
		tprints(tcp, ", uuid=");
		print_char_array(tcp, d->uuid, sizeof(d->uuid));
	}
}

static void print_values(struct tcb *tcp, unsigned cmd, const struct dm_ioctl *d)
{
	if (!tcp->exiting) {
		switch (cmd) {
		case DM_TABLE_LOAD:
			tprintf(tcp, ", target_count=%u", d->target_count);
			break;
		case DM_DEV_SUSPEND:
			if (d->flags & DM_SUSPEND_FLAG)
				break;
			/* fall through */
		case DM_DEV_RENAME: case DM_DEV_REMOVE: case DM_DEV_WAIT:
			tprintf(tcp, ", event_nr=%u", d->event_nr);
			break;
		}
		return;
	}
	if (ioctl_failed(tcp))
		return;
	switch (cmd) {
	case DM_DEV_CREATE: case DM_DEV_RENAME: case DM_DEV_SUSPEND: case DM_DEV_STATUS:
	case DM_DEV_WAIT: case DM_TABLE_LOAD: case DM_TABLE_CLEAR: case DM_TABLE_DEPS:
	case DM_TABLE_STATUS: case DM_TARGET_MSG:
		tprintf(tcp, ", target_count=%u, open_count=%u, event_nr=%u", d->target_count,
			d->open_count, d->event_nr);
		break;
	}
}

/* "{version=[...], ...}": false when the rest cannot be trusted (another
 * ABI version, a size too small) and the payload is not printed. */
static bool print_header(struct tcb *tcp, unsigned cmd, const struct dm_ioctl *d)
{
	tprintf(tcp, "{version=[%u, %u, %u]", d->version[0], d->version[1], d->version[2]);
	if (d->version[0] != DM_VERSION_MAJOR) {
		tprints(tcp, " /* unsupported device mapper ABI version */}");
		return false;
	}
	tprintf(tcp, ", data_size=%u", d->data_size);
	if (d->data_size < DM_HDR_SIZE) {
		tprints(tcp, " /* data_size too small */}");
		return false;
	}
	if (has_data_start(cmd))
		tprintf(tcp, ", data_start=%u", d->data_start);
	print_device(tcp, cmd, d);
	print_values(tcp, cmd, d);
	tprints(tcp, ", flags=");
	print_flags(tcp, &xlat_dm_flags, d->flags, "DM_???");
	tprints(tcp, "}");
	return true;
}

/* The string of bytes [off, data_size) up to its NUL (and -s). */
static void print_tail_str(struct tcb *tcp, unsigned long arg, uint32_t off, const struct dm_ioctl *d)
{
	if (d->data_size == off)
		tprints(tcp, "\"\"");
	else
		print_str_n(tcp, arg + off, d->data_size - off);
}

static void print_target_specs(struct tcb *tcp, unsigned long arg, const struct dm_ioctl *d)
{
	uint32_t off = d->data_start, end = 0;
	struct dm_target_spec s;

	if (!pcfg.verbose) {
		if (d->target_count)
			tprints(tcp, ", ...");
		return;
	}
	for (uint32_t i = 0; i < d->target_count; i++) {
		tprints(tcp, ", ");
		if ((i && off <= end) || (end = off + (uint32_t)sizeof(s)) <= off ||
		    end > d->data_size) {
			tprints(tcp, "??? /* misplaced struct dm_target_spec */");
			return;
		}
		if (i >= pcfg.max_strlen) {
			tprints(tcp, "...");
			return;
		}
		if (!fetch_or_print_addr(tcp, arg + off, &s, sizeof(s)))
			return;
		tprintf(tcp, "{sector_start=%llu, length=%llu", (unsigned long long)s.sector_start,
			(unsigned long long)s.length);
		if (tcp->exiting)
			tprintf(tcp, ", status=%d", s.status);
		tprints(tcp, ", target_type=");
		print_char_array(tcp, s.target_type, sizeof(s.target_type));
		tprints(tcp, ", string=");
		print_tail_str(tcp, arg, end, d);
		tprints(tcp, "}");
		off = tcp->exiting ? d->data_start + s.next : off + s.next;
	}
}

static void print_target_msg(struct tcb *tcp, unsigned long arg, const struct dm_ioctl *d)
{
	uint32_t off = d->data_start, end = off + offsetof(struct dm_target_msg, message);
	uint64_t sector;

	if (d->data_start == d->data_size)
		return;
	tprints(tcp, ", ");
	if (!pcfg.verbose) {
		tprints(tcp, "...");
		return;
	}
	if (end <= off || end > d->data_size) {
		tprints(tcp, "??? /* misplaced struct dm_target_msg */");
		return;
	}
	if (!fetch_or_print_addr(tcp, arg + off, &sector, sizeof(sector)))
		return;
	tprintf(tcp, "{sector=%llu, message=", (unsigned long long)sector);
	print_tail_str(tcp, arg, end, d);
	tprints(tcp, "}");
}

static void print_string(struct tcb *tcp, unsigned long arg, const struct dm_ioctl *d)
{
	tprints(tcp, ", ");
	if (!pcfg.verbose) {
		tprints(tcp, "...");
		return;
	}
	if (d->data_start > d->data_size) {
		tprints(tcp, "??? /* misplaced string */");
		return;
	}
	tprints(tcp, "{string=");
	print_tail_str(tcp, arg, d->data_start, d);
	tprints(tcp, "}");
}

static void print_payload(struct tcb *tcp, unsigned cmd, unsigned long arg, const struct dm_ioctl *d)
{
	bool out = tcp->exiting && !ioctl_failed(tcp);

	switch (cmd) {
	case DM_DEV_WAIT: case DM_TABLE_STATUS:
		if (out)
			print_target_specs(tcp, arg, d);
		break;
	case DM_TABLE_LOAD:
		if (!tcp->exiting)
			print_target_specs(tcp, arg, d);
		break;
	case DM_TABLE_DEPS: case DM_LIST_DEVICES: case DM_LIST_VERSIONS:
		/* the lists the kernel wrote are not decoded yet */
		if (out && d->data_start != d->data_size)
			tprints(tcp, ", ...");
		break;
	case DM_TARGET_MSG:
		if (!tcp->exiting)
			print_target_msg(tcp, arg, d);
		else if (out && (d->flags & DM_DATA_OUT_FLAG))
			print_string(tcp, arg, d);
		break;
	case DM_DEV_RENAME: case DM_DEV_SET_GEOMETRY:
		if (!tcp->exiting)
			print_string(tcp, arg, d);
		break;
	}
}

static int dm_decode(struct tcb *tcp, unsigned cmd, unsigned long arg)
{
	struct dm_ioctl d;
	const struct dm_ioctl *in;

	if (xlat_lookup(&xlat_dm_ioctl_cmds, cmd) == NULL || cmd == DM_GET_TARGET_VERSION)
		return IOCTL_UNHANDLED;
	/* unreadable, or too small to hold a size: the address in hex */
	if (mem_read(tcp->pid, arg, &d, DM_HDR_SIZE) < 0 ||
	    d.data_size < offsetof(struct dm_ioctl, data_size))
		return tcp->exiting ? DEC_DONE : IOCTL_UNHANDLED;
	if (!tcp->exiting) {
		struct dm_ioctl *saved = malloc(sizeof(*saved));

		if (saved) {
			memcpy(saved, &d, DM_HDR_SIZE);
			tcb_set_call_priv(tcp, saved, free);
		}
		tprint_arg_next(tcp);
		tprints(tcp, "[");
		if (print_header(tcp, cmd, &d))
			print_payload(tcp, cmd, arg, &d);
		tprints(tcp, "]");
		return IOCTL_MORE_ALWAYS;
	}
	in = tcp->call_priv_free == free ? tcp->call_priv : NULL;
	if (ioctl_failed(tcp) && in && !memcmp(in->version, d.version, sizeof(d.version)) &&
	    in->data_size == d.data_size && in->data_start == d.data_start && in->flags == d.flags)
		return DEC_DONE;
	tprints(tcp, " => [");
	if (print_header(tcp, cmd, &d))
		print_payload(tcp, cmd, arg, &d);
	tprints(tcp, "]");
	return DEC_DONE;
}

const struct ioctl_family ioctl_family_dm = {
	.name = "dm",
	.types = { 0xfd },
	.cmds = &xlat_dm_ioctl_cmds,
	.decode = dm_decode,
};
