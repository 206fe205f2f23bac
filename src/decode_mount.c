/* The new mount API (<linux/mount.h>) as strace 6.1 prints it. */
#include "config.h"
#include "decode_mount.h"

#include <linux/mount.h>
#include <stdint.h>
#include <stdlib.h>

#include "decode.h"
#include "gen/decoders.h"
#include "mem.h"
#include "sink.h"
#include "quote.h"
#include "util.h"

/* open_tree(dirfd, path, flags) */
int dec_open_tree(struct tcb *tcp)
{
	print_dirfd(tcp, (int)tcp->args[0]);
	tprint_arg_next(tcp);
	print_path(tcp, tcp->args[1]);
	tprint_arg_next(tcp);
	print_flags_arg(tcp, &xlat_open_tree_flags, (unsigned)tcp->args[2]);
	return DEC_DONE;
}

/* move_mount(from_dirfd, from_path, to_dirfd, to_path, flags) */
int dec_move_mount(struct tcb *tcp)
{
	print_dirfd(tcp, (int)tcp->args[0]);
	tprint_arg_next(tcp);
	print_path(tcp, tcp->args[1]);
	tprint_arg_next(tcp);
	print_dirfd(tcp, (int)tcp->args[2]);
	tprint_arg_next(tcp);
	print_path(tcp, tcp->args[3]);
	tprint_arg_next(tcp);
	print_flags_arg(tcp, &xlat_move_mount_flags, (unsigned)tcp->args[4]);
	return DEC_DONE;
}

/* fsopen(fsname, flags) */
int dec_fsopen(struct tcb *tcp)
{
	print_str(tcp, tcp->args[0]);
	tprint_arg_next(tcp);
	print_flags_arg(tcp, &xlat_fsopen_flags, (unsigned)tcp->args[1]);
	return DEC_DONE;
}

/* fsmount(fs_fd, flags, attr_flags) */
int dec_fsmount(struct tcb *tcp)
{
	print_fd(tcp, (int)tcp->args[0]);
	tprint_arg_next(tcp);
	print_flags_arg(tcp, &xlat_fsmount_flags, (unsigned)tcp->args[1]);
	tprint_arg_next(tcp);
	print_flags_arg(tcp, &xlat_mount_attr_flags, (unsigned)tcp->args[2]);
	return DEC_DONE;
}

/* fspick(dirfd, path, flags) */
int dec_fspick(struct tcb *tcp)
{
	print_dirfd(tcp, (int)tcp->args[0]);
	tprint_arg_next(tcp);
	print_path(tcp, tcp->args[1]);
	tprint_arg_next(tcp);
	print_flags_arg(tcp, &xlat_fspick_flags, (unsigned)tcp->args[2]);
	return DEC_DONE;
}

/* The largest binary value fsconfig takes (the kernel's limit). */
#define FSCONFIG_BLOB_MAX (1024 * 1024)

/* fsconfig's FSCONFIG_SET_BINARY value: len bytes, all in hex, -s long */
static void print_blob(struct tcb *tcp, unsigned long addr, int len)
{
	size_t n = (size_t)len < pcfg.max_strlen ? (size_t)len : pcfg.max_strlen;
	_cleanup_free_ char *buf = NULL, *q = NULL;

	if (len < 0 || len > FSCONFIG_BLOB_MAX || !addr) {
		print_addr(tcp, addr);
		return;
	}
	buf = xmalloc(n + 1);
	if (n && mem_read_struct(tcp, addr, buf, n) < 0) {
		print_addr(tcp, addr);
		return;
	}
	q = xmalloc(QUOTE_SIZE(n));
	quote_string(buf, n, QUOTE_HEX_ALL, q);
	tprints(tcp, q);
	if (n < (size_t)len)
		tprints(tcp, "...");
}

/* fsconfig(fd, cmd, key, value, aux): what key, value and aux are
 * depends on cmd */
int dec_fsconfig(struct tcb *tcp)
{
	unsigned cmd = (unsigned)tcp->args[1];
	unsigned long key = tcp->args[2], value = tcp->args[3];
	int aux = (int)tcp->args[4];

	print_fd(tcp, (int)tcp->args[0]);
	tprint_arg_next(tcp);
	print_xval(tcp, &xlat_fsconfig_cmds, cmd, "FSCONFIG_???");
	tprint_arg_next(tcp);
	if (cmd <= FSCONFIG_SET_FD)
		print_str_n(tcp, key, 256);
	else
		print_addr(tcp, key);
	tprint_arg_next(tcp);
	switch (cmd) {
	case FSCONFIG_SET_STRING:
		print_str_n(tcp, value, 256);
		break;
	case FSCONFIG_SET_BINARY:
		print_blob(tcp, value, aux);
		break;
	case FSCONFIG_SET_PATH:
	case FSCONFIG_SET_PATH_EMPTY:
		print_path(tcp, value);
		break;
	default:
		print_addr(tcp, value);
		break;
	}
	tprint_arg_next(tcp);
	switch (cmd) {
	case FSCONFIG_SET_PATH:
	case FSCONFIG_SET_PATH_EMPTY:
		print_dirfd(tcp, aux);
		break;
	case FSCONFIG_SET_FD:
		print_fd(tcp, aux);
		break;
	default:
		print_dec(tcp, aux);
		break;
	}
	return DEC_DONE;
}

/* mount_setattr(dirfd, path, flags, attr, size): struct mount_attr, its
 * nonzero tail when bigger */
int dec_mount_setattr(struct tcb *tcp)
{
	unsigned long addr = tcp->args[3], size = tcp->args[4];
	struct mount_attr ma;

	print_dirfd(tcp, (int)tcp->args[0]);
	tprint_arg_next(tcp);
	print_path(tcp, tcp->args[1]);
	tprint_arg_next(tcp);
	print_flags_arg(tcp, &xlat_mount_setattr_flags, (unsigned)tcp->args[2]);
	tprint_arg_next(tcp);
	if (size < sizeof(ma))
		print_addr(tcp, addr);
	else if (fetch_or_print_addr(tcp, addr, &ma, sizeof(ma))) {
		tprints(tcp, "{attr_set=");
		print_flags_arg(tcp, &xlat_mount_setattr_attrs, ma.attr_set);
		tprints(tcp, ", attr_clr=");
		print_flags_arg(tcp, &xlat_mount_setattr_attrs, ma.attr_clr);
		tprints(tcp, ", propagation=");
		print_xval(tcp, &xlat_mount_propagation, ma.propagation, "MS_???");
		tprints(tcp, ", userns_fd=");
		if (ma.attr_set & MOUNT_ATTR_IDMAP)
			print_fd(tcp, (int)ma.userns_fd);
		else
			print_udec(tcp, ma.userns_fd);
		if (size > sizeof(ma) && check_nonzero_tail(tcp, addr, sizeof(ma), size)) {
			tprints(tcp, ", ");
			print_nonzero_tail(tcp, addr, sizeof(ma), size);
		}
		tprints(tcp, "}");
	}
	tprint_arg_next(tcp);
	print_udec(tcp, size);
	return DEC_DONE;
}
