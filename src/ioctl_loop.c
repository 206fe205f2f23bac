/* Loop device requests (linux/loop.h, type 0x4c): struct loop_info,
 * loop_info64 and loop_config; the encryption fields only when a type
 * is set (or -v), the device numbers and lo_init only with -v. */
#include "config.h"

#include <string.h>
#include <linux/loop.h>

#include "decode.h"
#include "decode_file.h"
#include "decode_ioctl.h"
#include "ioctl_common.h"
#include "sink.h"
#include "quote.h"

/* lo_encrypt_key: lo_encrypt_key_size bytes of it, at most all */
static void print_key(struct tcb *tcp, const unsigned char *key, unsigned size)
{
	char out[QUOTE_SIZE(LO_KEY_SIZE)];

	quote_string((const char *)key, size < LO_KEY_SIZE ? size : LO_KEY_SIZE, 0, out);
	tprints(tcp, ", lo_encrypt_key=");
	tprints(tcp, out);
}

static void print_devno(struct tcb *tcp, const char *name, unsigned long long dev)
{
	char buf[64];

	format_dev(buf, sizeof(buf), dev);
	tprintf(tcp, "%s%s", name, buf);
}

static void print_crypt(struct tcb *tcp, int type, unsigned key_size)
{
	tprints(tcp, ", lo_encrypt_type=");
	print_xval(tcp, &xlat_loop_crypt_types, (unsigned)type, "LO_CRYPT_???");
	tprintf(tcp, ", lo_encrypt_key_size=%u", key_size);
}

static void print_lo_flags(struct tcb *tcp, unsigned flags)
{
	tprints(tcp, ", lo_flags=");
	print_flags(tcp, &xlat_loop_flags_options, flags, "LO_FLAGS_???");
}

static void print_loop_info(struct tcb *tcp, unsigned long addr)
{
	struct loop_info li;
	bool crypt;

	if (!fetch_or_print_addr(tcp, addr, &li, sizeof(li)))
		return;
	crypt = pcfg.verbose || li.lo_encrypt_type != LO_CRYPT_NONE;
	tprintf(tcp, "{lo_number=%d", li.lo_number);
	if (pcfg.verbose) {
		print_devno(tcp, ", lo_device=", li.lo_device);
		tprintf(tcp, ", lo_inode=%lu", (unsigned long)li.lo_inode);
		print_devno(tcp, ", lo_rdevice=", li.lo_rdevice);
	}
	tprintf(tcp, ", lo_offset=%#x", (unsigned)li.lo_offset);
	if (crypt)
		print_crypt(tcp, li.lo_encrypt_type, (unsigned)li.lo_encrypt_key_size);
	print_lo_flags(tcp, (unsigned)li.lo_flags);
	tprints(tcp, ", lo_name=");
	print_cstring_field(tcp, li.lo_name, sizeof(li.lo_name));
	if (crypt)
		print_key(tcp, li.lo_encrypt_key, (unsigned)li.lo_encrypt_key_size);
	if (pcfg.verbose)
		tprintf(tcp, ", lo_init=[%#lx, %#lx], reserved=[%#x, %#x, %#x, %#x]}",
			(unsigned long)li.lo_init[0], (unsigned long)li.lo_init[1],
			(unsigned char)li.reserved[0], (unsigned char)li.reserved[1],
			(unsigned char)li.reserved[2], (unsigned char)li.reserved[3]);
	else
		tprints(tcp, ", ...}");
}

static void print_info64(struct tcb *tcp, const struct loop_info64 *li)
{
	bool crypt = pcfg.verbose || li->lo_encrypt_type != LO_CRYPT_NONE;

	if (pcfg.verbose) {
		print_devno(tcp, "{lo_device=", li->lo_device);
		tprintf(tcp, ", lo_inode=%llu", (unsigned long long)li->lo_inode);
		print_devno(tcp, ", lo_rdevice=", li->lo_rdevice);
		tprintf(tcp, ", lo_offset=%#llx, lo_sizelimit=%llu, lo_number=%u",
			(unsigned long long)li->lo_offset, (unsigned long long)li->lo_sizelimit,
			li->lo_number);
	} else {
		tprintf(tcp, "{lo_offset=%#llx, lo_number=%u", (unsigned long long)li->lo_offset,
			li->lo_number);
	}
	if (crypt)
		print_crypt(tcp, (int)li->lo_encrypt_type, li->lo_encrypt_key_size);
	print_lo_flags(tcp, li->lo_flags);
	tprints(tcp, ", lo_file_name=");
	print_cstring_field(tcp, (const char *)li->lo_file_name, sizeof(li->lo_file_name));
	if (crypt) {
		tprints(tcp, ", lo_crypt_name=");
		print_cstring_field(tcp, (const char *)li->lo_crypt_name, sizeof(li->lo_crypt_name));
		print_key(tcp, li->lo_encrypt_key, li->lo_encrypt_key_size);
	}
	if (pcfg.verbose)
		tprintf(tcp, ", lo_init=[%#llx, %#llx]}", (unsigned long long)li->lo_init[0],
			(unsigned long long)li->lo_init[1]);
	else
		tprints(tcp, ", ...}");
}

static void print_loop_info64(struct tcb *tcp, unsigned long addr)
{
	struct loop_info64 li;

	if (fetch_or_print_addr(tcp, addr, &li, sizeof(li)))
		print_info64(tcp, &li);
}

static void print_loop_config(struct tcb *tcp, unsigned long addr)
{
	struct loop_config c;
	bool reserved = false;

	if (!fetch_or_print_addr(tcp, addr, &c, sizeof(c)))
		return;
	tprintf(tcp, "{fd=%d, block_size=%u, info=", (int)c.fd, c.block_size);
	print_info64(tcp, &c.info);
	for (size_t i = 0; i < sizeof(c.__reserved) / sizeof(c.__reserved[0]); i++)
		reserved |= c.__reserved[i] != 0;
	if (reserved) {
		for (size_t i = 0; i < sizeof(c.__reserved) / sizeof(c.__reserved[0]); i++)
			tprintf(tcp, "%s%#llx", i ? ", " : ", __reserved=[",
				(unsigned long long)c.__reserved[i]);
		tprints(tcp, "]");
	}
	tprints(tcp, "}");
}

static int loop_decode(struct tcb *tcp, unsigned cmd, unsigned long arg)
{
	if (tcp->exiting) {
		if (cmd == LOOP_GET_STATUS)
			print_loop_info(tcp, arg);
		else if (cmd == LOOP_GET_STATUS64)
			print_loop_info64(tcp, arg);
		else
			return IOCTL_UNHANDLED;
		return DEC_DONE;
	}
	switch (cmd) {
	case LOOP_CLR_FD: case LOOP_SET_CAPACITY: case LOOP_CTL_GET_FREE:
		return DEC_DONE;   /* no argument */
	case LOOP_SET_FD: case LOOP_CHANGE_FD:
		tprint_arg_next(tcp);
		print_fd(tcp, (int)arg);
		return DEC_DONE;
	case LOOP_CTL_ADD: case LOOP_CTL_REMOVE:
		tprint_arg_next(tcp);
		tprintf(tcp, "%d", (int)arg);
		return DEC_DONE;
	case LOOP_SET_DIRECT_IO: case LOOP_SET_BLOCK_SIZE:
		tprint_arg_next(tcp);
		print_udec(tcp, arg);
		return DEC_DONE;
	case LOOP_SET_STATUS:
		tprint_arg_next(tcp);
		print_loop_info(tcp, arg);
		return DEC_DONE;
	case LOOP_SET_STATUS64:
		tprint_arg_next(tcp);
		print_loop_info64(tcp, arg);
		return DEC_DONE;
	case LOOP_CONFIGURE:
		tprint_arg_next(tcp);
		print_loop_config(tcp, arg);
		return DEC_DONE;
	case LOOP_GET_STATUS: case LOOP_GET_STATUS64:
		tprint_arg_next(tcp);
		return DEC_MORE;
	default:
		return IOCTL_UNHANDLED;
	}
}

const struct ioctl_family ioctl_family_loop = {
	.name = "loop",
	.types = { 0x4c },
	.cmds = &xlat_loop_cmds,
	.decode = loop_decode,
};
