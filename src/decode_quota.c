/* quotactl(2) and quotactl_fd(2) (<linux/quota.h>, <linux/dqblk_xfs.h>)
 * as strace 6.1 prints them: the command as QCMD(Q_..., ...QUOTA), then
 * the id and the data argument as the command uses them. */
#include "config.h"
#include "decode_quota.h"

#include <linux/dqblk_xfs.h>
#include <linux/quota.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "decode.h"
#include "gen/decoders.h"
#include "sink.h"
#include "strbuf.h"

/* The parts of a quotactl command word (QCMD(cmd, type)). */
static uint32_t qcmd_cmd(uint32_t qcmd) { return qcmd >> 8; }
static uint32_t qcmd_type(uint32_t qcmd) { return qcmd & 0xff; }

/* if_dqblk without its tail padding: the kernel's 32-bit ABI has none,
 * and strace reads no more. */
#define IF_DQBLK_SIZE (offsetof(struct if_dqblk, dqb_valid) + sizeof(uint32_t))

/* "QCMD(Q_GETQUOTA, USRQUOTA)" in the -X style: raw the number in
 * decimal, verbose both; the parts are named even in the raw comment. */
static void print_qcmd(struct tcb *tcp, uint32_t qcmd)
{
	char names[128], raw[16];
	struct strbuf sb;
	const char *s;

	sb_init(&sb, names, sizeof(names));
	sb_puts(&sb, "QCMD(");
	if ((s = xlat_lookup(&xlat_quotacmds, qcmd_cmd(qcmd))))
		sb_puts(&sb, s);
	else
		sb_printf(&sb, "%#x /* Q_??? */", qcmd_cmd(qcmd));
	sb_puts(&sb, ", ");
	if ((s = xlat_lookup(&xlat_quotatypes, qcmd_type(qcmd))))
		sb_puts(&sb, s);
	else
		sb_printf(&sb, "%#x /* ???QUOTA */", qcmd_type(qcmd));
	sb_puts(&sb, ")");
	snprintf(raw, sizeof(raw), "%u", qcmd);
	if (pcfg.xlat_style == XLAT_ABBREV)
		tprints(tcp, sb_str(&sb));
	else if (pcfg.xlat_style == XLAT_RAW)
		tprints(tcp, raw);
	else
		tprintf(tcp, "%s /* %s */", raw, sb_str(&sb));
}

/* The fields if_dqblk and if_nextdqblk share (the same layout up to
 * dqb_id), without the closing brace: the limits and usage, then under -v
 * the times and dqb_valid. */
static void print_dqblk_fields(struct tcb *tcp, const struct if_dqblk *d)
{
	tprintf(tcp, "{dqb_bhardlimit=%llu, dqb_bsoftlimit=%llu, dqb_curspace=%llu, "
		"dqb_ihardlimit=%llu, dqb_isoftlimit=%llu, dqb_curinodes=%llu",
		(unsigned long long)d->dqb_bhardlimit, (unsigned long long)d->dqb_bsoftlimit,
		(unsigned long long)d->dqb_curspace, (unsigned long long)d->dqb_ihardlimit,
		(unsigned long long)d->dqb_isoftlimit, (unsigned long long)d->dqb_curinodes);
	if (pcfg.verbose) {
		tprintf(tcp, ", dqb_btime=%llu, dqb_itime=%llu, dqb_valid=",
			(unsigned long long)d->dqb_btime, (unsigned long long)d->dqb_itime);
		print_flags(tcp, &xlat_if_dqblk_valid, d->dqb_valid, "QIF_???");
	}
}

static void print_dqblk(struct tcb *tcp, unsigned long addr)
{
	struct if_dqblk d;

	if (!fetch_or_print_addr(tcp, addr, &d, IF_DQBLK_SIZE))
		return;
	print_dqblk_fields(tcp, &d);
	tprints(tcp, pcfg.verbose ? "}" : ", ...}");
}

_Static_assert(offsetof(struct if_nextdqblk, dqb_id) == IF_DQBLK_SIZE,
	       "if_nextdqblk is if_dqblk followed by dqb_id");

/* if_nextdqblk: the same with the id found, which the short form keeps */
static void print_nextdqblk(struct tcb *tcp, unsigned long addr)
{
	struct if_nextdqblk n;
	struct if_dqblk d;

	if (!fetch_or_print_addr(tcp, addr, &n, sizeof(n)))
		return;
	memcpy(&d, &n, IF_DQBLK_SIZE);
	print_dqblk_fields(tcp, &d);
	tprintf(tcp, pcfg.verbose ? ", dqb_id=%u}" : ", dqb_id=%u, ...}", n.dqb_id);
}

static void print_dqinfo(struct tcb *tcp, unsigned long addr)
{
	struct if_dqinfo d;

	if (!fetch_or_print_addr(tcp, addr, &d, sizeof(d)))
		return;
	tprintf(tcp, "{dqi_bgrace=%llu, dqi_igrace=%llu, dqi_flags=",
		(unsigned long long)d.dqi_bgrace, (unsigned long long)d.dqi_igrace);
	print_flags(tcp, &xlat_if_dqinfo_flags, d.dqi_flags, "DQF_???");
	tprints(tcp, ", dqi_valid=");
	print_flags(tcp, &xlat_if_dqinfo_valid, d.dqi_valid, "IIF_???");
	tprints(tcp, "}");
}

static void print_xfs_disk_quota(struct tcb *tcp, unsigned long addr)
{
	struct fs_disk_quota d;

	if (!fetch_or_print_addr(tcp, addr, &d, sizeof(d)))
		return;
	tprintf(tcp, "{d_version=%d, d_flags=", d.d_version);
	print_flags(tcp, &xlat_xfs_dqblk_flags, (uint8_t)d.d_flags, "FS_???_QUOTA");
	tprintf(tcp, ", d_fieldmask=%#x, d_id=%u, d_blk_hardlimit=%llu, d_blk_softlimit=%llu, "
		"d_ino_hardlimit=%llu, d_ino_softlimit=%llu, d_bcount=%llu, d_icount=%llu",
		d.d_fieldmask, d.d_id, (unsigned long long)d.d_blk_hardlimit,
		(unsigned long long)d.d_blk_softlimit, (unsigned long long)d.d_ino_hardlimit,
		(unsigned long long)d.d_ino_softlimit, (unsigned long long)d.d_bcount,
		(unsigned long long)d.d_icount);
	if (pcfg.verbose)
		tprintf(tcp, ", d_itimer=%d, d_btimer=%d, d_iwarns=%u, d_bwarns=%u, "
			"d_rtb_hardlimit=%llu, d_rtb_softlimit=%llu, d_rtbcount=%llu, "
			"d_rtbtimer=%d, d_rtbwarns=%u}",
			d.d_itimer, d.d_btimer, d.d_iwarns, d.d_bwarns,
			(unsigned long long)d.d_rtb_hardlimit, (unsigned long long)d.d_rtb_softlimit,
			(unsigned long long)d.d_rtbcount, d.d_rtbtimer, d.d_rtbwarns);
	else
		tprints(tcp, ", ...}");
}

#define print_qfilestat(tcp, name, f) \
	tprintf(tcp, ", %s={qfs_ino=%llu, qfs_nblks=%llu, qfs_nextents=%u}", name, \
		(unsigned long long)(f).qfs_ino, (unsigned long long)(f).qfs_nblks, \
		(unsigned)(f).qfs_nextents)

/* Q_XGETQSTAT and Q_XGETQSTATV: the two structures share their fields but
 * not their layout (statv adds qs_pquota and moves qs_incoredqs before the
 * per-type files).  The head prints the version and, unless -v is off, the
 * flags (false: nothing more to print). */
static bool print_quota_stat_head(struct tcb *tcp, int version, unsigned flags)
{
	tprintf(tcp, "{qs_version=%d", version);
	if (!pcfg.verbose) {
		tprints(tcp, ", ...}");
		return false;
	}
	tprints(tcp, ", qs_flags=");
	print_flags(tcp, &xlat_xfs_quota_flags, flags, "FS_QUOTA_???");
	return true;
}

#define print_quota_stat_tail(tcp, s)							\
	tprintf(tcp, ", qs_btimelimit=%d, qs_itimelimit=%d, qs_rtbtimelimit=%d, "	\
		"qs_bwarnlimit=%u, qs_iwarnlimit=%u}",					\
		(s).qs_btimelimit, (s).qs_itimelimit, (s).qs_rtbtimelimit,		\
		(s).qs_bwarnlimit, (s).qs_iwarnlimit)

static void print_xfs_quota_stat(struct tcb *tcp, unsigned long addr)
{
	struct fs_quota_stat s;

	if (!fetch_or_print_addr(tcp, addr, &s, sizeof(s)) ||
	    !print_quota_stat_head(tcp, s.qs_version, s.qs_flags))
		return;
	print_qfilestat(tcp, "qs_uquota", s.qs_uquota);
	print_qfilestat(tcp, "qs_gquota", s.qs_gquota);
	tprintf(tcp, ", qs_incoredqs=%u", s.qs_incoredqs);
	print_quota_stat_tail(tcp, s);
}

static void print_xfs_quota_statv(struct tcb *tcp, unsigned long addr)
{
	struct fs_quota_statv s;

	if (!fetch_or_print_addr(tcp, addr, &s, sizeof(s)) ||
	    !print_quota_stat_head(tcp, s.qs_version, s.qs_flags))
		return;
	tprintf(tcp, ", qs_incoredqs=%u", s.qs_incoredqs);
	print_qfilestat(tcp, "qs_uquota", s.qs_uquota);
	print_qfilestat(tcp, "qs_gquota", s.qs_gquota);
	print_qfilestat(tcp, "qs_pquota", s.qs_pquota);
	print_quota_stat_tail(tcp, s);
}

static void print_fmt(struct tcb *tcp, unsigned long addr)
{
	uint32_t fmt;

	if (!fetch_or_print_addr(tcp, addr, &fmt, sizeof(fmt)))
		return;
	tprints(tcp, "[");
	print_xval(tcp, &xlat_quota_formats, fmt, "QFMT_VFS_???");
	tprints(tcp, "]");
}

/* "[FLAGS]": the u32 of Q_XQUOTAON/OFF and Q_XQUOTARM */
static void print_flags_ref(struct tcb *tcp, unsigned long addr, const struct xlat *x,
			    const char *dflt)
{
	uint32_t flags;

	if (!fetch_or_print_addr(tcp, addr, &flags, sizeof(flags)))
		return;
	tprints(tcp, "[");
	print_flags(tcp, x, flags, dflt);
	tprints(tcp, "]");
}

/* An output structure at exit: its address when the call failed. */
static int print_at_exit(struct tcb *tcp, unsigned long addr,
			 void (*fn)(struct tcb *tcp, unsigned long addr))
{
	if (!tcp->exiting)
		return DEC_MORE;
	print_out_arg(tcp, addr, fn);
	return DEC_DONE;
}

/* What follows the command and its target (", id, data"), by command;
 * called at entry and, when that returns DEC_MORE, at exit. */
static int decode_quota_args(struct tcb *tcp, uint32_t cmd, uint32_t id, unsigned long data)
{
	bool entry = !tcp->exiting;

	switch (cmd) {
	case Q_QUOTAOFF:
	case Q_SYNC:
	case Q_XQUOTASYNC:
		return DEC_DONE;
	case Q_QUOTAON:
		tprint_arg_next(tcp);
		print_xval(tcp, &xlat_quota_formats, id, "QFMT_VFS_???");
		tprint_arg_next(tcp);
		print_path(tcp, data);
		return DEC_DONE;
	case Q_GETQUOTA:
	case Q_GETNEXTQUOTA:
	case Q_XGETQUOTA:
	case Q_XGETNEXTQUOTA:
		if (entry) {
			tprint_arg_next(tcp);
			print_id(tcp, id);
			tprint_arg_next(tcp);
		}
		return print_at_exit(tcp, data, cmd == Q_GETQUOTA ? print_dqblk :
				     cmd == Q_GETNEXTQUOTA ? print_nextdqblk : print_xfs_disk_quota);
	case Q_SETQUOTA:
	case Q_XSETQLIM:
		tprint_arg_next(tcp);
		print_id(tcp, id);
		tprint_arg_next(tcp);
		if (cmd == Q_SETQUOTA)
			print_dqblk(tcp, data);
		else
			print_xfs_disk_quota(tcp, data);
		return DEC_DONE;
	case Q_GETFMT:
	case Q_GETINFO:
	case Q_XGETQSTAT:
	case Q_XGETQSTATV:
		if (entry)
			tprint_arg_next(tcp);
		return print_at_exit(tcp, data, cmd == Q_GETFMT ? print_fmt :
				     cmd == Q_GETINFO ? print_dqinfo :
				     cmd == Q_XGETQSTAT ? print_xfs_quota_stat : print_xfs_quota_statv);
	case Q_SETINFO:
		tprint_arg_next(tcp);
		print_dqinfo(tcp, data);
		return DEC_DONE;
	case Q_XQUOTAON:
	case Q_XQUOTAOFF:
		tprint_arg_next(tcp);
		print_flags_ref(tcp, data, &xlat_xfs_quota_flags, "FS_QUOTA_???");
		return DEC_DONE;
	case Q_XQUOTARM:
		tprint_arg_next(tcp);
		print_flags_ref(tcp, data, &xlat_xfs_dqblk_flags, "FS_???_QUOTA");
		return DEC_DONE;
	default:
		tprint_arg_next(tcp);
		print_id(tcp, id);
		tprint_arg_next(tcp);
		print_addr(tcp, data);
		return DEC_DONE;
	}
}

/* quotactl(cmd, special, id, addr): the kernel takes the low 32 bits of
 * cmd and id. */
int dec_quotactl(struct tcb *tcp)
{
	uint32_t qcmd = (uint32_t)tcp->args[0];

	if (!tcp->exiting) {
		print_qcmd(tcp, qcmd);
		tprint_arg_next(tcp);
		print_path(tcp, tcp->args[1]);
	}
	return decode_quota_args(tcp, qcmd_cmd(qcmd), (uint32_t)tcp->args[2], tcp->args[3]);
}

/* quotactl_fd(fd, cmd, id, addr): the same on the filesystem of fd. */
int dec_quotactl_fd(struct tcb *tcp)
{
	uint32_t qcmd = (uint32_t)tcp->args[1];

	if (!tcp->exiting) {
		print_fd(tcp, (int)tcp->args[0]);
		tprint_arg_next(tcp);
		print_qcmd(tcp, qcmd);
	}
	return decode_quota_args(tcp, qcmd_cmd(qcmd), (uint32_t)tcp->args[2], tcp->args[3]);
}
