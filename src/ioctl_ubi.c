/* UBI ioctls (<mtd/ubi-user.h>): volumes of a UBI device (type 'o'), the
 * control device (type 'o' too) and a volume's eraseblocks (type 'O'). */
#include "config.h"

#include <string.h>
#include <sys/ioctl.h>
#include <mtd/ubi-user.h>

#include "decode.h"
#include "decode_ioctl.h"
#include "ioctl_families.h"
#include "mem.h"
#include "sink.h"
#include "quote.h"
#include "syscallent.h"

#define FETCH(tcp, arg, obj) fetch_or_print_addr(tcp, arg, &(obj), sizeof(obj))

/* A volume name of name_len bytes in a char[128]: what lies before its
 * NUL among the name_len + 1 bytes that may hold it (not cut at -s), with
 * "..." when none of them is a NUL. */
static void print_vol_name(struct tcb *tcp, const char *name, size_t size, int name_len)
{
	char out[QUOTE_SIZE(UBI_MAX_VOLUME_NAME + 1)];
	size_t n = 1 + (size_t)(name_len < 0 ? 0 : name_len > (int)size - 1 ? (int)size - 1 : name_len);
	size_t len = strnlen(name, n);

	tprints(tcp, "name=");
	tprintn(tcp, out, quote_string(name, len == n ? n - 1 : len, ioctl_quote_flags(), out));
	if (len == n)
		tprints(tcp, "...");
}

static void print_mkvol(struct tcb *tcp, const struct ubi_mkvol_req *m)
{
	tprintf(tcp, "{vol_id=%d, alignment=%d, bytes=%lld, vol_type=", m->vol_id, m->alignment,
		(long long)m->bytes);
	print_xval(tcp, &xlat_ubi_volume_types, (uint64_t)(int64_t)m->vol_type, "UBI_???_VOLUME");
	tprints(tcp, ", flags=");
	print_flags(tcp, &xlat_ubi_volume_flags, m->flags, "UBI_VOL_???");
	tprintf(tcp, ", name_len=%d, ", m->name_len);
	print_vol_name(tcp, m->name, sizeof(m->name), m->name_len);
	tprints(tcp, "}");
}

static void print_rnvol(struct tcb *tcp, const struct ubi_rnvol_req *r)
{
	int n = r->count < 0 ? 0 : r->count > UBI_MAX_RNVOL ? UBI_MAX_RNVOL : r->count;

	tprintf(tcp, "{count=%d, ents=[", r->count);
	for (int i = 0; i < n; i++) {
		if (i)
			tprints(tcp, ", ");
		if ((unsigned)i >= pcfg.max_strlen) {
			tprints(tcp, "...");
			break;
		}
		tprintf(tcp, "{vol_id=%d, name_len=%d, ", r->ents[i].vol_id, r->ents[i].name_len);
		print_vol_name(tcp, r->ents[i].name, sizeof(r->ents[i].name), r->ents[i].name_len);
		tprints(tcp, "}");
	}
	tprints(tcp, "]}");
}

static int ubi_entry(struct tcb *tcp, unsigned cmd, unsigned long arg)
{
	union {
		struct ubi_attach_req att;
		struct ubi_mkvol_req mk;
		struct ubi_rsvol_req rs;
		struct ubi_rnvol_req rn;
		struct ubi_leb_change_req ch;
		struct ubi_map_req map;
		struct ubi_set_vol_prop_req prop;
		int64_t s64;
	} u;

	switch (cmd) {
	case UBI_IOCVOLCRBLK: case UBI_IOCVOLRMBLK:
		return DEC_DONE; /* no argument */
	case UBI_IOCDET: case UBI_IOCEBER: case UBI_IOCEBISMAP: case UBI_IOCEBUNMAP:
	case UBI_IOCRMVOL: case UBI_IOCRPEB: case UBI_IOCSPEB:
		tprint_arg_next(tcp);
		print_int_ref(tcp, arg);
		return DEC_DONE;
	case UBI_IOCVOLUP:
		tprint_arg_next(tcp);
		if (FETCH(tcp, arg, u.s64))
			tprintf(tcp, "[%lld]", (long long)u.s64);
		return DEC_DONE;
	case UBI_IOCATT:
		tprint_arg_next(tcp);
		if (!FETCH(tcp, arg, u.att))
			return DEC_DONE;
		tprintf(tcp, "{ubi_num=%d, mtd_num=%d, vid_hdr_offset=%d, max_beb_per1024=%d}",
			u.att.ubi_num, u.att.mtd_num, u.att.vid_hdr_offset, u.att.max_beb_per1024);
		return IOCTL_MORE_ALWAYS;
	case UBI_IOCMKVOL:
		tprint_arg_next(tcp);
		if (!FETCH(tcp, arg, u.mk))
			return DEC_DONE;
		print_mkvol(tcp, &u.mk);
		return IOCTL_MORE_ALWAYS;
	case UBI_IOCRSVOL:
		tprint_arg_next(tcp);
		if (FETCH(tcp, arg, u.rs))
			tprintf(tcp, "{bytes=%lld, vol_id=%d}", (long long)u.rs.bytes, u.rs.vol_id);
		return DEC_DONE;
	case UBI_IOCRNVOL:
		tprint_arg_next(tcp);
		if (FETCH(tcp, arg, u.rn))
			print_rnvol(tcp, &u.rn);
		return DEC_DONE;
	case UBI_IOCEBCH:
		tprint_arg_next(tcp);
		if (!FETCH(tcp, arg, u.ch))
			return DEC_DONE;
		tprintf(tcp, "{lnum=%d, bytes=%d, dtype=", u.ch.lnum, u.ch.bytes);
		print_xval(tcp, &xlat_ubi_data_types, (uint64_t)(int64_t)u.ch.dtype, "UBI_???");
		tprints(tcp, "}");
		return DEC_DONE;
	case UBI_IOCEBMAP:
		tprint_arg_next(tcp);
		if (!FETCH(tcp, arg, u.map))
			return DEC_DONE;
		tprintf(tcp, "{lnum=%d, dtype=", u.map.lnum);
		print_xval(tcp, &xlat_ubi_data_types, (uint64_t)(int64_t)u.map.dtype, "UBI_???");
		tprints(tcp, "}");
		return DEC_DONE;
	case UBI_IOCSETVOLPROP:
		tprint_arg_next(tcp);
		if (!FETCH(tcp, arg, u.prop))
			return DEC_DONE;
		tprints(tcp, "{property=");
		print_xval(tcp, &xlat_ubi_volume_props, u.prop.property, "UBI_VOL_PROP_???");
		tprintf(tcp, ", value=%#llx}", (unsigned long long)u.prop.value);
		return DEC_DONE;
	default:
		return IOCTL_UNHANDLED;
	}
}

static int ubi_decode(struct tcb *tcp, unsigned cmd, unsigned long arg)
{
	int id;

	if (!tcp->exiting)
		return ubi_entry(tcp, cmd, arg);
	if (cmd != UBI_IOCATT && cmd != UBI_IOCMKVOL)
		return IOCTL_UNHANDLED;
	/* the number of the new device or volume */
	if (!ioctl_failed(tcp)) {
		tprints(tcp, " => ");
		if (FETCH(tcp, arg, id))
			tprintf(tcp, "[%d]", id);
	}
	return DEC_DONE;
}

const struct ioctl_family ioctl_family_ubi = {
	.name = "ubi",
	.types = { 'o', 'O' },
	.cmds = &xlat_ubi_ioctl_cmds,
	.decode = ubi_decode,
};
