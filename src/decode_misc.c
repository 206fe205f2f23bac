/* Decoders of small calls with one detail each: keys (add_key,
 * request_key), syslog, ustat, sethostname, getcpu, mincore, signalfd4. */
#include "config.h"
#include "decode_misc.h"

#include <stdint.h>
#include <stdio.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "decode.h"
#include "decode_signal.h"
#include "gen/decoders.h"
#include "mem.h"
#include "print.h"

/* A key serial: KEY_SPEC_* by name (-X aware), else decimal. */
void print_key_serial(struct tcb *tcp, int32_t id)
{
	print_xval_d(tcp, &xlat_key_spec, (uint64_t)(int64_t)id);
}

/* add_key(type, description, payload, plen, keyring) */
int dec_add_key(struct tcb *tcp)
{
	print_str(tcp, tcp->args[0]);
	tprint_arg_next(tcp);
	print_str(tcp, tcp->args[1]);
	tprint_arg_next(tcp);
	print_buf(tcp, tcp->args[2], tcp->args[3]);
	tprint_arg_next(tcp);
	print_udec(tcp, tcp->args[3]);
	tprint_arg_next(tcp);
	print_key_serial(tcp, (int32_t)tcp->args[4]);
	return DEC_DONE;
}

/* request_key(type, description, callout_info, dest_keyring) */
int dec_request_key(struct tcb *tcp)
{
	for (unsigned i = 0; i < 3; i++) {
		print_str(tcp, tcp->args[i]);
		tprint_arg_next(tcp);
	}
	print_key_serial(tcp, (int32_t)tcp->args[3]);
	return DEC_DONE;
}

/* "N /+ NAME +/" whatever -X says (strace's syslog style), "N" alone
 * with -X raw; dflt for a value without a name. */
static void print_num_named(struct tcb *tcp, int32_t v, const char *name, const char *dflt)
{
	tprintf(tcp, "%d", v);
	if (pcfg.xlat_style != XLAT_RAW)
		tprintf(tcp, " /* %s */", name ? name : dflt);
}

enum { SYSLOG_READ = 2, SYSLOG_READ_CLEAR = 4, SYSLOG_CONSOLE_LEVEL = 8, SYSLOG_LAST = 10 };

/* syslog(type, buf, len): the buffer and length only for the calls that
 * use them (read: the text read, at exit; console level: the level). */
int dec_syslog(struct tcb *tcp)
{
	int32_t type = (int32_t)tcp->args[0], len = (int32_t)tcp->args[2];

	if (!tcp->exiting) {
		print_num_named(tcp, type, type >= 0 ? xlat_lookup(&xlat_syslog_actions, (uint64_t)type) : NULL,
				"SYSLOG_ACTION_???");
		switch (type) {
		case 0: case 1: case 5: case 6: case 7: case 9: case 10:
			return DEC_DONE;
		case SYSLOG_CONSOLE_LEVEL:
			tprint_arg_next(tcp);
			print_addr(tcp, tcp->args[1]);
			tprint_arg_next(tcp);
			print_num_named(tcp, len,
					len == 8 ? "LOGLEVEL_DEBUG+1"
					: len >= 0 ? xlat_lookup(&xlat_loglevels, (uint64_t)len) : NULL,
					"LOGLEVEL_???");
			return DEC_DONE;
		}
		tprint_arg_next(tcp);
		if (type >= SYSLOG_READ && type <= SYSLOG_READ_CLEAR)
			return DEC_MORE;
		print_addr(tcp, tcp->args[1]);
		tprint_arg_next(tcp);
		tprintf(tcp, "%d", len);
		return DEC_DONE;
	}
	if (tcp->err || tcp->rval < 0)
		print_addr(tcp, tcp->args[1]);
	else
		print_buf(tcp, tcp->args[1], (unsigned long)tcp->rval);
	tprint_arg_next(tcp);
	tprintf(tcp, "%d", len);
	return DEC_DONE;
}

/* ustat(dev, ubuf): dev is a 32-bit (new encoding) device number. */
int dec_ustat(struct tcb *tcp)
{
	uint32_t dev = (uint32_t)tcp->args[0];

	if (tcp->exiting)
		return DEC_DONE;
	tprintf(tcp, "makedev(%#x, %#x)", major(dev), minor(dev));
	tprint_arg_next(tcp);
	print_addr(tcp, tcp->args[1]);
	return DEC_DONE;
}

#define NEW_UTS_LEN 64

/* sethostname(name, len): the name only when len is one the kernel takes. */
int dec_sethostname(struct tcb *tcp)
{
	unsigned long len = tcp->args[1];

	if (len > NEW_UTS_LEN)
		print_addr(tcp, tcp->args[0]);
	else
		print_buf(tcp, tcp->args[0], len);
	tprint_arg_next(tcp);
	tprintf(tcp, "%d", (int)len);
	return DEC_DONE;
}

static void print_uint_ref(struct tcb *tcp, unsigned long addr)
{
	uint32_t v;

	if (fetch_or_print_addr(tcp, addr, &v, sizeof(v)))
		tprintf(tcp, "[%u]", v);
}

/* getcpu(cpu, node, tcache) */
int dec_getcpu(struct tcb *tcp)
{
	if (!tcp->exiting)
		return DEC_MORE;
	for (unsigned i = 0; i < 2; i++) {
		if (tcp->err)
			print_addr(tcp, tcp->args[i]);
		else
			print_uint_ref(tcp, tcp->args[i]);
		tprint_arg_next(tcp);
	}
	print_addr(tcp, tcp->args[2]);
	return DEC_DONE;
}

static void print_u8_elem(struct tcb *tcp, void *elem, unsigned long addr, void *data)
{
	(void)addr;
	(void)data;
	tprintf(tcp, "%u", *(uint8_t *)elem);
}

/* mincore(addr, length, vec): one byte per page of the range, at exit. */
int dec_mincore(struct tcb *tcp)
{
	uint8_t b;
	long psz = sysconf(_SC_PAGESIZE);
	unsigned long len = tcp->args[1];

	if (!tcp->exiting) {
		print_addr(tcp, tcp->args[0]);
		tprint_arg_next(tcp);
		print_udec(tcp, len);
		tprint_arg_next(tcp);
		return DEC_MORE;
	}
	if (tcp->err || psz <= 0)
		print_addr(tcp, tcp->args[2]);
	else
		print_array(tcp, tcp->args[2], len / (unsigned long)psz + !!(len % (unsigned long)psz),
			    &b, 1, print_u8_elem, NULL, PA_FAULT_ADDR);
	return DEC_DONE;
}

/* signalfd4(fd, mask, sizemask, flags) */
int dec_signalfd4(struct tcb *tcp)
{
	print_fd(tcp, (int)tcp->args[0]);
	tprint_arg_next(tcp);
	print_sigset(tcp, tcp->args[1], tcp->args[2]);
	tprint_arg_next(tcp);
	print_udec(tcp, tcp->args[2]);
	tprint_arg_next(tcp);
	print_flags_arg(tcp, &xlat_signalfd_flags, (uint32_t)tcp->args[3]);
	return DEC_DONE;
}

#define REBOOT_CMD_RESTART2 0xA1B2C3D4U
#define REBOOT_ARG_MAX 255 /* the kernel copies 256 bytes, the last for the NUL */

/* reboot(magic, magic2, cmd, arg): arg only with LINUX_REBOOT_CMD_RESTART2 */
int dec_reboot(struct tcb *tcp)
{
	print_xval(tcp, &xlat_reboot_magic, (uint32_t)tcp->args[0], "LINUX_REBOOT_MAGIC_???");
	tprint_arg_next(tcp);
	print_xval(tcp, &xlat_reboot_magic, (uint32_t)tcp->args[1], "LINUX_REBOOT_MAGIC_???");
	tprint_arg_next(tcp);
	print_xval(tcp, &xlat_reboot_cmds, (uint32_t)tcp->args[2], "LINUX_REBOOT_CMD_???");
	if ((uint32_t)tcp->args[2] == REBOOT_CMD_RESTART2) {
		tprint_arg_next(tcp);
		print_str_n(tcp, tcp->args[3], REBOOT_ARG_MAX);
	}
	return DEC_DONE;
}

#define SWAP_PRIO_MASK 0x7fffU

/* swapon(path, flags): the flags, then the priority in decimal */
int dec_swapon(struct tcb *tcp)
{
	uint32_t flags = (uint32_t)tcp->args[1], rest = flags & ~SWAP_PRIO_MASK;

	print_path(tcp, tcp->args[0]);
	tprint_arg_next(tcp);
	if (rest) {
		print_flags(tcp, &xlat_swap_flags, rest, NULL);
		tprints(tcp, "|");
	}
	tprintf(tcp, "%u", flags & SWAP_PRIO_MASK);
	return DEC_DONE;
}
