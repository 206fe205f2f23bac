/* File family decoders: open/openat/openat2, the stat family, statx,
 * statfs, getdents, getcwd, utimensat/utimes, mknod, access... */
#include "config.h"
#include "decode_file.h"

#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sysmacros.h>

#include "decode.h"
#include "fmt.h"
#include "gen/decoders.h"
#include "mem.h"
#include "sink.h"
#include "strbuf.h"
#include "util.h"

#define O_TMPFILE_BIT 020000000 /* the bit of O_TMPFILE beyond O_DIRECTORY */
#define UTIME_NOW_VAL ((1l << 30) - 1l)
#define UTIME_OMIT_VAL ((1l << 30) - 2l)

/* "dirfd, path" of an *at call: args[i] and args[i + 1]. */
static void print_dirfd_path(struct tcb *tcp, unsigned i)
{
	print_dirfd(tcp, (int)tcp->args[i]);
	tprint_arg_next(tcp);
	print_path(tcp, tcp->args[i + 1]);
}

/* A structure the kernel fills: only there when the call succeeded. */
static bool fetch_out(struct tcb *tcp, unsigned long addr, void *buf, size_t len)
{
	if (syscall_failed(tcp)) {
		print_addr(tcp, addr);
		return false;
	}
	return fetch_or_print_addr(tcp, addr, buf, len);
}

/* ---- pure formatting ---------------------------------------------------- */

size_t format_open_flags(char *buf, size_t size, uint64_t flags)
{
	const char *acc = xlat_lookup(&xlat_open_access, flags & O_ACCMODE);
	uint64_t rest = flags & ~(uint64_t)O_ACCMODE;
	size_t len;

	if (acc && strlen(acc) < size) {
		len = strlen(acc);
		memcpy(buf, acc, len + 1);
	} else if (acc) {
		len = (size_t)snprintf(buf, size, "%s", acc);
	} else if ((flags & O_ACCMODE) == O_ACCMODE) {
		len = (size_t)snprintf(buf, size, "O_ACCMODE");
	} else {
		len = (size_t)snprintf(buf, size, "%#" PRIx64, flags & O_ACCMODE);
	}
	if (len >= size)
		return size ? size - 1 : 0;
	if (rest) {
		buf[len++] = '|';
		len += format_flags(buf + len, size - len, &xlat_open_flags, rest, NULL);
	}
	return len < size ? len : size - 1;
}

size_t format_styled(char *buf, size_t size, const char *raw, const char *names)
{
	int n;

	if (pcfg.xlat_style == XLAT_RAW)
		n = snprintf(buf, size, "%s", raw);
	else if (pcfg.xlat_style == XLAT_VERBOSE && strcmp(raw, names) != 0)
		n = snprintf(buf, size, "%s /* %s */", raw, names);
	else if (pcfg.xlat_style == XLAT_VERBOSE)
		n = snprintf(buf, size, "%s", raw);
	else
		n = snprintf(buf, size, "%s", names);
	if (n < 0 || size == 0)
		return 0;
	return (size_t)n < size ? (size_t)n : size - 1;
}

void print_styled_text(struct tcb *tcp, const char *raw, const char *names)
{
	char buf[1200];

	if (pcfg.xlat_style == XLAT_ABBREV) {
		tprints(tcp, names);
		return;
	}
	format_styled(buf, sizeof(buf), raw, names);
	tprints(tcp, buf);
}

/* raw as hex, or octal when octal is true ("0100644") */
static void print_styled_num(struct tcb *tcp, bool octal, unsigned long long v,
			     const char *names)
{
	char raw[FMT_INT_SIZE];

	if (pcfg.xlat_style == XLAT_ABBREV) {
		tprints(tcp, names);
		return;
	}
	if (octal)
		fmt_oct(raw, v);
	else
		fmt_hex(raw, v);
	print_styled_text(tcp, raw, names);
}

void print_open_flags(struct tcb *tcp, uint64_t flags)
{
	char buf[512];

	format_open_flags(buf, sizeof(buf), flags);
	print_styled_num(tcp, false, flags, buf);
}

size_t format_mode_type(char *buf, size_t size, unsigned mode)
{
	const char *type = xlat_lookup(&xlat_stat_modes, mode & S_IFMT);
	unsigned special = mode & (S_ISUID | S_ISGID | S_ISVTX);
	char oct[FMT_INT_SIZE];
	struct strbuf sb;

	sb_init(&sb, buf, size);
	if (type) {
		sb_puts(&sb, type);
		sb_putc(&sb, '|');
	} else if (mode & S_IFMT) {
		sb_printf(&sb, "%#o|", mode & S_IFMT);
	}
	if (special) {
		sb_flags(&sb, &xlat_stat_mode_bits, special, NULL);
		sb_putc(&sb, '|');
	}
	sb_append(&sb, oct, fmt_oct_width(oct, mode & 0777, 3));
	return sb_len(&sb);
}

size_t format_dev(char *buf, size_t size, unsigned long long dev)
{
	int n = snprintf(buf, size, "makedev(%#x, %#x)", major(dev), minor(dev));

	if (n < 0)
		return 0;
	return (size_t)n < size ? (size_t)n : size - 1;
}

size_t format_time_comment(char *buf, size_t size, long long sec, long frac, int digits)
{
	struct tm tm;
	time_t t = (time_t)sec;
	char date[64], zone[16];
	int n;

	if (!localtime_r(&t, &tm)) {
		n = snprintf(buf, size, " /* invalid */");
	} else {
		strftime(date, sizeof(date), "%Y-%m-%dT%H:%M:%S", &tm);
		strftime(zone, sizeof(zone), "%z", &tm);
		if (digits > 0 && frac)
			n = snprintf(buf, size, " /* %s.%0*ld%s */", date, digits, frac, zone);
		else
			n = snprintf(buf, size, " /* %s%s */", date, zone);
	}
	if (n < 0)
		return 0;
	return (size_t)n < size ? (size_t)n : size - 1;
}

/* ---- structure printers ------------------------------------------------- */

static void print_mode_type(struct tcb *tcp, unsigned mode)
{
	char buf[128];

	format_mode_type(buf, sizeof(buf), mode);
	print_styled_num(tcp, true, mode, buf);
}

static void print_dev(struct tcb *tcp, unsigned long long dev)
{
	char buf[64];

	format_dev(buf, sizeof(buf), dev);
	print_styled_num(tcp, false, dev, buf);
}

static void print_time_comment(struct tcb *tcp, long long sec, long frac, int digits)
{
	char buf[96];

	format_time_comment(buf, sizeof(buf), sec, frac, digits);
	tprints(tcp, buf);
}

void print_timespec_val(struct tcb *tcp, long long sec, long nsec)
{
	tprintf(tcp, "{tv_sec=%lld, tv_nsec=%llu}", sec, (unsigned long long)nsec);
}

static void print_stat_time(struct tcb *tcp, const char *name, long long sec, long nsec)
{
	tprintf(tcp, ", st_%s=%lld", name, sec);
	print_time_comment(tcp, sec, nsec, 9);
	tprintf(tcp, ", st_%s_nsec=%ld", name, nsec);
}

void print_struct_stat(struct tcb *tcp, const struct stat *st, int verbose)
{
	bool dev = S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode);

	if (!verbose) {
		tprints(tcp, "{st_mode=");
		print_mode_type(tcp, st->st_mode);
		if (dev) {
			tprints(tcp, ", st_rdev=");
			print_dev(tcp, st->st_rdev);
		} else {
			tprints(tcp, ", st_size=");
			print_dec(tcp, (long)st->st_size);
		}
		tprints(tcp, ", ...}");
		return;
	}
	tprints(tcp, "{st_dev=");
	print_dev(tcp, st->st_dev);
	tprintf(tcp, ", st_ino=%llu, st_mode=", (unsigned long long)st->st_ino);
	print_mode_type(tcp, st->st_mode);
	tprintf(tcp, ", st_nlink=%llu, st_uid=%u, st_gid=%u, st_blksize=%lld, st_blocks=%lld",
		(unsigned long long)st->st_nlink, (unsigned)st->st_uid, (unsigned)st->st_gid,
		(long long)st->st_blksize, (long long)st->st_blocks);
	if (dev) {
		tprints(tcp, ", st_rdev=");
		print_dev(tcp, st->st_rdev);
	} else {
		tprintf(tcp, ", st_size=%lld", (long long)st->st_size);
	}
	print_stat_time(tcp, "atime", st->st_atim.tv_sec, st->st_atim.tv_nsec);
	print_stat_time(tcp, "mtime", st->st_mtim.tv_sec, st->st_mtim.tv_nsec);
	print_stat_time(tcp, "ctime", st->st_ctim.tv_sec, st->st_ctim.tv_nsec);
	tprints(tcp, "}");
}

static void print_statx_ts(struct tcb *tcp, const char *name, const struct statx_timestamp *ts)
{
	tprintf(tcp, ", %s=", name);
	print_timespec_val(tcp, ts->tv_sec, ts->tv_nsec);
	print_time_comment(tcp, ts->tv_sec, ts->tv_nsec, 9);
}

/* The fields the kernel filled in, by stx_mask (as strace 6.1) */
void print_struct_statx(struct tcb *tcp, const struct statx *stx, int verbose)
{
	uint32_t m = stx->stx_mask;

	tprints(tcp, "{stx_mask=");
	print_flags(tcp, &xlat_statx_mask, m, NULL);
	if (verbose)
		tprintf(tcp, ", stx_blksize=%u", stx->stx_blksize);
	tprints(tcp, ", stx_attributes=");
	print_flags(tcp, &xlat_statx_attrs, stx->stx_attributes, NULL);
	if (verbose && (m & STATX_NLINK))
		tprintf(tcp, ", stx_nlink=%u", stx->stx_nlink);
	if (verbose && (m & STATX_UID))
		tprintf(tcp, ", stx_uid=%u", stx->stx_uid);
	if (verbose && (m & STATX_GID))
		tprintf(tcp, ", stx_gid=%u", stx->stx_gid);
	if (m & (STATX_TYPE | STATX_MODE)) {
		tprints(tcp, ", stx_mode=");
		print_mode_type(tcp, stx->stx_mode);
	}
	if (verbose && (m & STATX_INO))
		tprintf(tcp, ", stx_ino=%llu", (unsigned long long)stx->stx_ino);
	if (m & STATX_SIZE)
		tprintf(tcp, ", stx_size=%llu", (unsigned long long)stx->stx_size);
	if (!verbose) {
		tprints(tcp, ", ...}");
		return;
	}
	if (m & STATX_BLOCKS)
		tprintf(tcp, ", stx_blocks=%llu", (unsigned long long)stx->stx_blocks);
	tprints(tcp, ", stx_attributes_mask=");
	print_flags(tcp, &xlat_statx_attrs, stx->stx_attributes_mask, NULL);
	if (m & STATX_ATIME)
		print_statx_ts(tcp, "stx_atime", &stx->stx_atime);
	if (m & STATX_BTIME)
		print_statx_ts(tcp, "stx_btime", &stx->stx_btime);
	if (m & STATX_CTIME)
		print_statx_ts(tcp, "stx_ctime", &stx->stx_ctime);
	if (m & STATX_MTIME)
		print_statx_ts(tcp, "stx_mtime", &stx->stx_mtime);
	tprintf(tcp, ", stx_rdev_major=%u, stx_rdev_minor=%u, stx_dev_major=%u, stx_dev_minor=%u",
		stx->stx_rdev_major, stx->stx_rdev_minor, stx->stx_dev_major, stx->stx_dev_minor);
	if (m & STATX_MNT_ID)
		tprintf(tcp, ", stx_mnt_id=%#llx", (unsigned long long)stx->stx_mnt_id);
	tprints(tcp, "}");
}

void print_struct_statfs(struct tcb *tcp, const struct statfs *sf)
{
	unsigned fsid[2];

	memcpy(fsid, &sf->f_fsid, sizeof(fsid));
	tprints(tcp, "{f_type=");
	print_xval(tcp, &xlat_fs_magic, (unsigned long)sf->f_type, NULL);
	tprintf(tcp, ", f_bsize=%lld, f_blocks=%llu, f_bfree=%llu, f_bavail=%llu, f_files=%llu, f_ffree=%llu",
		(long long)sf->f_bsize, (unsigned long long)sf->f_blocks,
		(unsigned long long)sf->f_bfree, (unsigned long long)sf->f_bavail,
		(unsigned long long)sf->f_files, (unsigned long long)sf->f_ffree);
	tprintf(tcp, ", f_fsid={val=[%#x, %#x]}, f_namelen=%lld, f_frsize=%lld, f_flags=",
		fsid[0], fsid[1], (long long)sf->f_namelen, (long long)sf->f_frsize);
	print_flags(tcp, &xlat_statfs_flags, (unsigned long)sf->f_flags, NULL);
	tprints(tcp, "}");
}

void print_stat_at(struct tcb *tcp, unsigned long addr)
{
	struct stat st;

	if (!fetch_out(tcp, addr, &st, sizeof(st)))
		return;
	print_struct_stat(tcp, &st, pcfg.verbose);
}

void print_statx_at(struct tcb *tcp, unsigned long addr)
{
	struct statx stx;

	if (!fetch_out(tcp, addr, &stx, sizeof(stx)))
		return;
	print_struct_statx(tcp, &stx, pcfg.verbose);
}

void print_statfs_at(struct tcb *tcp, unsigned long addr)
{
	struct statfs sf;

	if (!fetch_out(tcp, addr, &sf, sizeof(sf)))
		return;
	print_struct_statfs(tcp, &sf);
}

/* Entries of a getdents buffer.  linux_dirent64: u64 ino, s64 off,
 * u16 reclen, u8 type, name; linux_dirent: ulong ino, ulong off,
 * u16 reclen, name, ..., type in the last byte of the record. */
void print_dirents(struct tcb *tcp, unsigned long addr, const unsigned char *buf,
		   size_t len, int d64, int verbose)
{
	/* both need 19 bytes: linux_dirent64 has its type at 18, and the old
	 * linux_dirent its type byte after the name at 18 (reclen - 19 is the
	 * name's room and must not wrap) */
	size_t hdr = 19;
	size_t pos = 0;
	unsigned long count = 0;

	if (verbose)
		tprints(tcp, "[");
	while (pos + hdr <= len) {
		uint64_t ino, off;
		uint16_t reclen;
		unsigned char type;
		size_t namemax, namelen;
		const char *name;

		memcpy(&ino, buf + pos, 8);
		memcpy(&off, buf + pos + 8, 8);
		memcpy(&reclen, buf + pos + 16, 2);
		if (reclen < hdr || pos + reclen > len)
			break;
		if (d64) {
			type = buf[pos + 18];
			name = (const char *)buf + pos + 19;
			namemax = reclen - 19;
		} else {
			type = buf[pos + reclen - 1];
			name = (const char *)buf + pos + 18;
			namemax = reclen - 19;
		}
		namelen = strnlen(name, namemax);
		if (verbose) {
			char *q = xmalloc(4 * namelen + 3);

			quote_string(name, namelen, pcfg.xflag >= 2 ? QUOTE_HEX_ALL :
				     pcfg.xflag ? QUOTE_HEX_NONPRINT :
				     pcfg.hex_escapes ? QUOTE_HEX_ESCAPES : 0, q);
			if (count)
				tprints(tcp, ", ");
			if (d64)
				tprintf(tcp, "{d_ino=%" PRIu64 ", d_off=%" PRId64 ", d_reclen=%u, d_type=",
					ino, (int64_t)off, reclen);
			else
				tprintf(tcp, "{d_ino=%" PRIu64 ", d_off=%" PRIu64 ", d_reclen=%u, d_name=%s, d_type=",
					ino, off, reclen, q);
			print_xval(tcp, &xlat_dirent_types, type, NULL);
			if (d64)
				tprintf(tcp, ", d_name=%s}", q);
			else
				tprints(tcp, "}");
			free(q);
		}
		count++;
		pos += reclen;
	}
	if (verbose) {
		tprints(tcp, "]");
		return;
	}
	print_addr(tcp, addr);
	tprints(tcp, " /* ");
	print_udec(tcp, count);
	tprints(tcp, " entries */");
}

/* ---- decoders ----------------------------------------------------------- */

static void print_open_mode_rest(struct tcb *tcp, unsigned long flags, unsigned long mode)
{
	print_open_flags(tcp, flags);
	if (flags & (O_CREAT | O_TMPFILE_BIT)) {
		tprint_arg_next(tcp);
		print_mode(tcp, mode);
	}
}

int dec_open(struct tcb *tcp)
{
	print_path(tcp, tcp->args[0]);
	tprint_arg_next(tcp);
	print_open_mode_rest(tcp, tcp->args[1], tcp->args[2]);
	return DEC_DONE;
}

int dec_openat(struct tcb *tcp)
{
	print_dirfd_path(tcp, 0);
	tprint_arg_next(tcp);
	print_open_mode_rest(tcp, tcp->args[2], tcp->args[3]);
	return DEC_DONE;
}

/* struct open_how { u64 flags, mode, resolve; } */
int dec_openat2(struct tcb *tcp)
{
	uint64_t how[3];
	unsigned long size = tcp->args[3];

	print_dirfd_path(tcp, 0);
	tprint_arg_next(tcp);
	if (size < sizeof(how) || !tcp->args[2] ||
	    mem_read_struct(tcp, tcp->args[2], how, sizeof(how)) < 0) {
		print_addr(tcp, tcp->args[2]);
	} else {
		tprints(tcp, "{flags=");
		print_open_flags(tcp, how[0]);
		if ((how[0] & (O_CREAT | O_TMPFILE_BIT)) || how[1]) {
			tprints(tcp, ", mode=");
			print_mode(tcp, how[1]);
		}
		tprints(tcp, ", resolve=");
		print_flags_arg(tcp, &xlat_openat2_resolve, how[2]);
		/* a bigger struct: its unknown tail, when not zero */
		if (size > sizeof(how) &&
		    check_nonzero_tail(tcp, tcp->args[2], sizeof(how), size)) {
			tprints(tcp, ", ");
			print_nonzero_tail(tcp, tcp->args[2], sizeof(how), size);
		}
		tprints(tcp, "}");
	}
	tprint_arg_next(tcp);
	tprintf(tcp, "%lu", size);
	return DEC_DONE;
}

/* stat(path, buf), lstat, fstat(fd, buf) */
int dec_stat(struct tcb *tcp)
{
	if (!tcp->exiting) {
		print_arg(tcp, 0);
		tprint_arg_next(tcp);
		return DEC_MORE;
	}
	print_stat_at(tcp, tcp->args[1]);
	return DEC_DONE;
}

int dec_newfstatat(struct tcb *tcp)
{
	if (!tcp->exiting) {
		print_dirfd(tcp, (int)tcp->args[0]);
		tprint_arg_next(tcp);
		print_path(tcp, tcp->args[1]);
		tprint_arg_next(tcp);
		return DEC_MORE;
	}
	print_stat_at(tcp, tcp->args[2]);
	tprint_arg_next(tcp);
	print_flags_arg(tcp, &xlat_at_flags, tcp->args[3]);
	return DEC_DONE;
}

static void print_statx_flags(struct tcb *tcp, unsigned long flags)
{
	unsigned long sync = flags & AT_STATX_SYNC_TYPE;
	unsigned long rest = flags & ~(unsigned long)AT_STATX_SYNC_TYPE;

	/* both sync bits (no name as a value): flags, all of them */
	if (pcfg.xlat_style != XLAT_RAW && !xlat_lookup(&xlat_statx_flags, sync)) {
		print_flags(tcp, &xlat_statx_flags, flags, NULL);
		return;
	}
	/* strace -X raw prints nothing for a zero sync type (then "|rest") */
	if (!(pcfg.xlat_style == XLAT_RAW && sync == 0))
		print_xval(tcp, &xlat_statx_flags, sync, NULL);
	if (rest) {
		tprints(tcp, "|");
		print_flags(tcp, &xlat_statx_flags, rest, NULL);
	}
}

int dec_statx(struct tcb *tcp)
{
	if (!tcp->exiting) {
		print_dirfd(tcp, (int)tcp->args[0]);
		tprint_arg_next(tcp);
		print_path(tcp, tcp->args[1]);
		tprint_arg_next(tcp);
		print_statx_flags(tcp, tcp->args[2]);
		tprint_arg_next(tcp);
		print_flags_arg(tcp, &xlat_statx_mask, (unsigned)tcp->args[3]);
		tprint_arg_next(tcp);
		return DEC_MORE;
	}
	print_statx_at(tcp, tcp->args[4]);
	return DEC_DONE;
}

/* statfs(path, buf), fstatfs(fd, buf) */
int dec_statfs(struct tcb *tcp)
{
	if (!tcp->exiting) {
		print_arg(tcp, 0);
		tprint_arg_next(tcp);
		return DEC_MORE;
	}
	print_statfs_at(tcp, tcp->args[1]);
	return DEC_DONE;
}

static int getdents_common(struct tcb *tcp, int d64)
{
	_cleanup_free_ unsigned char *buf = NULL;
	size_t len;

	if (print_fd_at_entry(tcp))
		return DEC_MORE;
	len = (size_t)tcp->rval;
	if (syscall_failed(tcp) || !tcp->args[1] || !pcfg.deref || len > tcp->args[2] || len > (64u << 20)) {
		print_addr(tcp, tcp->args[1]);
	} else {
		/* one read into ctrace's copy: another thread of the tracee
		 * may rewrite its buffer, every length is checked on the copy */
		buf = xmalloc(len ? len : 1);
		if (len && mem_read_struct(tcp, tcp->args[1], buf, len) < 0)
			print_addr(tcp, tcp->args[1]);
		else
			print_dirents(tcp, tcp->args[1], buf, len, d64, pcfg.verbose);
	}
	tprint_arg_next(tcp);
	print_udec(tcp, (unsigned)tcp->args[2]);
	return DEC_DONE;
}

int dec_getdents64(struct tcb *tcp)
{
	return getdents_common(tcp, 1);
}

int dec_getdents(struct tcb *tcp)
{
	return getdents_common(tcp, 0);
}

int dec_getcwd(struct tcb *tcp)
{
	if (!tcp->exiting)
		return DEC_MORE;
	print_out_arg(tcp, tcp->args[0], print_path);
	tprint_arg_next(tcp);
	tprintf(tcp, "%lu", tcp->args[1]);
	return DEC_DONE;
}

/* [{tv_sec=1, tv_nsec=2} /+ date +/, UTIME_NOW] */
static void print_utimens(struct tcb *tcp, unsigned long addr)
{
	struct { int64_t sec; int64_t nsec; } ts[2];

	if (!fetch_or_print_addr(tcp, addr, ts, sizeof(ts)))
		return;
	tprints(tcp, "[");
	for (int i = 0; i < 2; i++) {
		if (i)
			tprints(tcp, ", ");
		if (ts[i].nsec == UTIME_NOW_VAL || ts[i].nsec == UTIME_OMIT_VAL) {
			char raw[80];

			snprintf(raw, sizeof(raw), "{tv_sec=%lld, tv_nsec=%lld}",
				 (long long)ts[i].sec, (long long)ts[i].nsec);
			print_styled_text(tcp, raw, ts[i].nsec == UTIME_NOW_VAL ?
					  "UTIME_NOW" : "UTIME_OMIT");
		} else {
			time_t t = (time_t)ts[i].sec;
			struct tm tm;

			/* as strace: tv_nsec unsigned; no date for the epoch
			 * itself nor for what is not a date */
			tprintf(tcp, "{tv_sec=%lld, tv_nsec=%llu}", (long long)ts[i].sec,
				(unsigned long long)ts[i].nsec);
			if ((ts[i].sec || ts[i].nsec) && ts[i].nsec >= 0 && ts[i].nsec < 1000000000 &&
			    localtime_r(&t, &tm))
				print_time_comment(tcp, ts[i].sec, (long)ts[i].nsec, 9);
		}
	}
	tprints(tcp, "]");
}

int dec_utimensat(struct tcb *tcp)
{
	print_dirfd_path(tcp, 0);
	tprint_arg_next(tcp);
	print_utimens(tcp, tcp->args[2]);
	tprint_arg_next(tcp);
	print_flags_arg(tcp, &xlat_at_flags, (uint32_t)tcp->args[3]);
	return DEC_DONE;
}

/* [{tv_sec=1, tv_usec=2} /+ date +/, {...}] */
static void print_timevals(struct tcb *tcp, unsigned long addr)
{
	struct { int64_t sec; int64_t usec; } tv[2];

	if (!fetch_or_print_addr(tcp, addr, tv, sizeof(tv)))
		return;
	tprints(tcp, "[");
	for (int i = 0; i < 2; i++) {
		if (i)
			tprints(tcp, ", ");
		tprintf(tcp, "{tv_sec=%lld, tv_usec=%llu}", (long long)tv[i].sec,
			(unsigned long long)tv[i].usec);
		if (tv[i].usec >= 0 && tv[i].usec < 1000000)
			print_time_comment(tcp, tv[i].sec, (long)tv[i].usec, 6);
	}
	tprints(tcp, "]");
}

/* utime(path, {actime, modtime}) */
int dec_utime(struct tcb *tcp)
{
	int64_t t[2];

	print_path(tcp, tcp->args[0]);
	tprint_arg_next(tcp);
	if (!tcp->args[1] || mem_read_struct(tcp, tcp->args[1], t, sizeof(t)) < 0) {
		print_addr(tcp, tcp->args[1]);
		return DEC_DONE;
	}
	tprintf(tcp, "{actime=%lld", (long long)t[0]);
	print_time_comment(tcp, t[0], 0, 0);
	tprintf(tcp, ", modtime=%lld", (long long)t[1]);
	print_time_comment(tcp, t[1], 0, 0);
	tprints(tcp, "}");
	return DEC_DONE;
}

int dec_utimes(struct tcb *tcp)
{
	print_path(tcp, tcp->args[0]);
	tprint_arg_next(tcp);
	print_timevals(tcp, tcp->args[1]);
	return DEC_DONE;
}

int dec_futimesat(struct tcb *tcp)
{
	print_dirfd_path(tcp, 0);
	tprint_arg_next(tcp);
	print_timevals(tcp, tcp->args[2]);
	return DEC_DONE;
}

static void print_mknod_rest(struct tcb *tcp, unsigned long mode, unsigned long dev)
{
	/* a file type with no name: the whole umode_t in octal, as strace */
	if ((mode & S_IFMT) && !xlat_lookup(&xlat_stat_modes, mode & S_IFMT))
		tprintf(tcp, "%#03o", (unsigned)(uint16_t)mode);
	else
		print_mode_type(tcp, (unsigned)mode);
	if (S_ISCHR(mode) || S_ISBLK(mode)) {
		tprint_arg_next(tcp);
		print_dev(tcp, (unsigned)dev);
	}
}

int dec_mknod(struct tcb *tcp)
{
	print_path(tcp, tcp->args[0]);
	tprint_arg_next(tcp);
	print_mknod_rest(tcp, tcp->args[1], tcp->args[2]);
	return DEC_DONE;
}

int dec_mknodat(struct tcb *tcp)
{
	print_dirfd_path(tcp, 0);
	tprint_arg_next(tcp);
	print_mknod_rest(tcp, tcp->args[2], tcp->args[3]);
	return DEC_DONE;
}

/* access(2) modes: "R_OK|W_OK", "F_OK" for 0, and unknown bits alone as
 * "0x10 /+ ?_OK +/" (comment markers) as strace does. */
static void print_access_mode(struct tcb *tcp, unsigned long mode)
{
	if (pcfg.xlat_style != XLAT_RAW &&
	    mode & ~(unsigned long)(R_OK | W_OK | X_OK) && !(mode & (R_OK | W_OK | X_OK)))
		tprintf(tcp, "%#lx /* ?_OK */", mode);
	else
		print_flags(tcp, &xlat_access_modes, mode, NULL);
}

int dec_access(struct tcb *tcp)
{
	print_path(tcp, tcp->args[0]);
	tprint_arg_next(tcp);
	print_access_mode(tcp, (unsigned)tcp->args[1]);
	return DEC_DONE;
}

/* faccessat(dirfd, path, mode), faccessat2(dirfd, path, mode, flags) */
int dec_faccessat(struct tcb *tcp)
{
	print_dirfd_path(tcp, 0);
	tprint_arg_next(tcp);
	print_access_mode(tcp, (unsigned)tcp->args[2]);
	if (tcp->ent && tcp->ent->nargs > 3) {
		tprint_arg_next(tcp);
		print_flags_arg(tcp, &xlat_faccessat_flags, (unsigned)tcp->args[3]);
	}
	return DEC_DONE;
}

/* getxattr(path|fd, name, value, size): the value at exit; the address
 * when the call failed or size is 0 (nothing was read). */
int dec_getxattr(struct tcb *tcp)
{
	if (!tcp->exiting) {
		print_arg(tcp, 0);
		tprint_arg_next(tcp);
		print_str(tcp, tcp->args[1]);
		tprint_arg_next(tcp);
		return DEC_MORE;
	}
	if (syscall_failed(tcp) || !tcp->args[3])
		print_addr(tcp, tcp->args[2]);
	else
		print_buf(tcp, tcp->args[2], (unsigned long)tcp->rval);
	tprint_arg_next(tcp);
	tprintf(tcp, "%lu", tcp->args[3]);
	return DEC_DONE;
}

#define XATTR_SIZE_MAX 65536

/* setxattr(path|fd, name, value, size, flags): a value bigger than the
 * kernel takes is not read. */
int dec_setxattr(struct tcb *tcp)
{
	print_arg(tcp, 0);
	tprint_arg_next(tcp);
	print_str(tcp, tcp->args[1]);
	tprint_arg_next(tcp);
	if (tcp->args[3] > XATTR_SIZE_MAX)
		print_addr(tcp, tcp->args[2]);
	else
		print_buf_z(tcp, tcp->args[2], tcp->args[3]);
	tprint_arg_next(tcp);
	tprintf(tcp, "%lu", tcp->args[3]);
	tprint_arg_next(tcp);
	print_arg(tcp, 4);
	return DEC_DONE;
}

/* listxattr(path|fd, list, size) */
int dec_listxattr(struct tcb *tcp)
{
	if (!tcp->exiting) {
		print_arg(tcp, 0);
		tprint_arg_next(tcp);
		return DEC_MORE;
	}
	if (syscall_failed(tcp) || !tcp->args[2])
		print_addr(tcp, tcp->args[1]);
	else
		print_buf(tcp, tcp->args[1], (unsigned long)tcp->rval);
	tprint_arg_next(tcp);
	tprintf(tcp, "%lu", tcp->args[2]);
	return DEC_DONE;
}

/* fadvise64(fd, offset, len, advice) */
int dec_fadvise64(struct tcb *tcp)
{
	print_fd(tcp, (int)tcp->args[0]);
	tprint_arg_next(tcp);
	tprintf(tcp, "%ld", (long)tcp->args[1]);
	tprint_arg_next(tcp);
	tprintf(tcp, "%lu", tcp->args[2]);
	tprint_arg_next(tcp);
	print_xval(tcp, &xlat_fadvise_advice, (unsigned)tcp->args[3], "POSIX_FADV_???");
	return DEC_DONE;
}

/* ---- mount ---- */

#define MS_MGC_MASK_ 0xffff0000UL
#define MS_MGC_VAL_ 0xc0ed0000UL
#define MS_REMOUNT_ 32UL
#define MS_BIND_ 4096UL
#define MS_MOVE_ 8192UL
#define MS_PROPAGATION_ ((1UL << 17) | (1UL << 18) | (1UL << 19) | (1UL << 20))

/* "MS_MGC_VAL|MS_RDONLY": the old magic in the high half, then the flags. */
static void print_mount_flags(struct tcb *tcp, unsigned long flags)
{
	if ((flags & MS_MGC_MASK_) == MS_MGC_VAL_) {
		char buf[64];

		format_xlat_styled(buf, sizeof(buf), "0xc0ed0000", "MS_MGC_VAL");
		tprints(tcp, buf);
		flags &= ~MS_MGC_MASK_;
		if (!flags)
			return;
		tprints(tcp, "|");
	}
	print_flags(tcp, &xlat_mount_flags, flags, "MS_???");
}

/* mount(source, target, fstype, flags, data): the type and the data are
 * strings only where the kernel reads them as such. */
int dec_mount(struct tcb *tcp)
{
	unsigned long flags = (tcp->args[3] & MS_MGC_MASK_) == MS_MGC_VAL_ ?
			      tcp->args[3] & ~MS_MGC_MASK_ : tcp->args[3];
	bool no_type = flags & (MS_REMOUNT_ | MS_BIND_ | MS_MOVE_ | MS_PROPAGATION_);
	bool no_data = flags & (MS_BIND_ | MS_MOVE_ | MS_PROPAGATION_);

	print_path(tcp, tcp->args[0]);
	tprint_arg_next(tcp);
	print_path(tcp, tcp->args[1]);
	tprint_arg_next(tcp);
	if (no_type)
		print_addr(tcp, tcp->args[2]);
	else
		print_str(tcp, tcp->args[2]);
	tprint_arg_next(tcp);
	print_mount_flags(tcp, tcp->args[3]);
	tprint_arg_next(tcp);
	if (no_data)
		print_addr(tcp, tcp->args[4]);
	else
		print_str(tcp, tcp->args[4]);
	return DEC_DONE;
}
