/* Decoders of small calls with one detail each: keys (add_key,
 * request_key), syslog, ustat, sethostname, getcpu, mincore, signalfd4. */
#include "config.h"
#include "decode_misc.h"

#include <stdint.h>
#include <stdio.h>
#include <sys/sysmacros.h>
#include <linux/sysctl.h>
#include <unistd.h>

#include "decode.h"
#include "decode_desc.h"
#include "decode_signal.h"
#include "gen/decoders.h"
#include "mem.h"
#include "sink.h"
#include "util.h"

/* A signed value with a name: abbrev "NAME", raw "-6", verbose
 * "-6 /+ NAME +/"; a value without a name is "-6", or with dflt
 * "-6 /+ DFLT +/" but raw. */
static void print_int_named(struct tcb *tcp, const struct xlat *x, int32_t v, const char *dflt)
{
	const char *s = xlat_lookup(x, (uint64_t)(int64_t)v);
	char raw[16], buf[128];

	snprintf(raw, sizeof(raw), "%d", v);
	if (!s && dflt && pcfg.xlat_style != XLAT_RAW) {
		tprintf(tcp, "%s /* %s */", raw, dflt);
		return;
	}
	format_xlat_styled(buf, sizeof(buf), raw, s);
	tprints(tcp, buf);
}

/* A key serial: KEY_SPEC_* by name (-X aware), else decimal. */
void print_key_serial(struct tcb *tcp, int32_t id)
{
	print_int_named(tcp, &xlat_key_spec, id, NULL);
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

/* _sysctl(args): struct __sysctl_args; the name vector as its address. */
int dec_sysctl(struct tcb *tcp)
{
	struct __sysctl_args a;

	if (!fetch_or_print_addr(tcp, tcp->args[0], &a, sizeof(a)))
		return DEC_DONE;
	tprints(tcp, "{name=");
	print_addr(tcp, (unsigned long)a.name);
	tprintf(tcp, ", nlen=%d, oldval=", a.nlen);
	print_addr(tcp, (unsigned long)a.oldval);
	tprints(tcp, ", oldlenp=");
	print_addr(tcp, (unsigned long)a.oldlenp);
	tprints(tcp, ", newval=");
	print_addr(tcp, (unsigned long)a.newval);
	tprintf(tcp, ", newlen=%llu}", (unsigned long long)a.newlen);
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

/* ---- keyctl ------------------------------------------------------------- */

enum keyctl_cmd {
	KC_GET_KEYRING_ID, KC_JOIN_SESSION_KEYRING, KC_UPDATE, KC_REVOKE, KC_CHOWN,
	KC_SETPERM, KC_DESCRIBE, KC_CLEAR, KC_LINK, KC_UNLINK, KC_SEARCH, KC_READ,
	KC_INSTANTIATE, KC_NEGATE, KC_SET_REQKEY_KEYRING, KC_SET_TIMEOUT,
	KC_ASSUME_AUTHORITY, KC_GET_SECURITY, KC_SESSION_TO_PARENT, KC_REJECT,
	KC_INSTANTIATE_IOV, KC_INVALIDATE, KC_GET_PERSISTENT, KC_DH_COMPUTE,
	KC_PKEY_QUERY, KC_PKEY_ENCRYPT, KC_PKEY_DECRYPT, KC_PKEY_SIGN, KC_PKEY_VERIFY,
	KC_RESTRICT_KEYRING, KC_MOVE, KC_CAPABILITIES,
};

/* struct keyctl_kdf_params (64-bit pointers) */
struct k_kdf_params {
	uint64_t hashname, otherinfo;
	uint32_t otherinfolen;
	uint32_t spare[8];
};

/* struct keyctl_pkey_params */
struct k_pkey_params {
	int32_t key_id;
	uint32_t in_len;
	uint32_t out_len;       /* in2_len for KEYCTL_PKEY_VERIFY */
	uint32_t spare[7];
};

static void key_arg(struct tcb *tcp, unsigned i)
{
	tprint_arg_next(tcp);
	print_key_serial(tcp, (int32_t)tcp->args[i]);
}

static void ulong_arg(struct tcb *tcp, unsigned i)
{
	tprint_arg_next(tcp);
	tprintf(tcp, "%lu", tcp->args[i]);
}

static void uint_arg(struct tcb *tcp, unsigned i)
{
	tprint_arg_next(tcp);
	tprintf(tcp, "%u", (uint32_t)tcp->args[i]);
}

/* __spare=[...] when a reserved word is not zero */
static void print_spare(struct tcb *tcp, const uint32_t *spare, unsigned n)
{
	unsigned i;

	for (i = 0; i < n && !spare[i]; i++)
		;
	if (i == n)
		return;
	tprints(tcp, ", __spare=[");
	for (i = 0; i < n; i++)
		tprintf(tcp, i ? ", %#x" : "%#x", spare[i]);
	tprints(tcp, "]");
}

/* A buffer the kernel filled: its address when the call failed, else
 * min(return, len) bytes; omit_nul drops a trailing NUL (descriptions) */
static void print_kbuf_out(struct tcb *tcp, unsigned long addr, unsigned long len, bool omit_nul)
{
	unsigned long n;

	if (syscall_failed(tcp)) {
		print_addr(tcp, addr);
		return;
	}
	n = (unsigned long)tcp->rval < len ? (unsigned long)tcp->rval : len;
	if (omit_nul)
		print_buf_z(tcp, addr, n);
	else
		print_buf(tcp, addr, n);
}

static void print_dh_params(struct tcb *tcp, unsigned long addr)
{
	int32_t p[3];

	if (!fetch_or_print_addr(tcp, addr, p, sizeof(p)))
		return;
	tprints(tcp, "{private=");
	print_key_serial(tcp, p[0]);
	tprints(tcp, ", prime=");
	print_key_serial(tcp, p[1]);
	tprints(tcp, ", base=");
	print_key_serial(tcp, p[2]);
	tprints(tcp, "}");
}

static void print_kdf_params(struct tcb *tcp, unsigned long addr)
{
	struct k_kdf_params k;

	if (!fetch_or_print_addr(tcp, addr, &k, sizeof(k)))
		return;
	tprints(tcp, "{hashname=");
	print_str(tcp, k.hashname);
	tprints(tcp, ", otherinfo=");
	if (k.otherinfolen)
		print_buf(tcp, k.otherinfo, k.otherinfolen);
	else
		print_addr(tcp, k.otherinfo);
	tprintf(tcp, ", otherinfolen=%u", k.otherinfolen);
	print_spare(tcp, k.spare, 8);
	tprints(tcp, "}");
}

/* KEYCTL_PKEY_{ENCRYPT,DECRYPT,SIGN,VERIFY}(params, info, in, out/in2):
 * the lengths come from params */
static int keyctl_pkey_op(struct tcb *tcp, bool verify)
{
	struct k_pkey_params p;
	bool have = tcp->args[1] && mem_read(tcp->pid, tcp->args[1], &p, sizeof(p)) == 0;

	if (!tcp->exiting) {
		tprint_arg_next(tcp);
		if (!have) {
			print_addr(tcp, tcp->args[1]);
		} else {
			tprints(tcp, "{key_id=");
			print_key_serial(tcp, p.key_id);
			tprintf(tcp, ", in_len=%u, %s=%u", p.in_len, verify ? "in2_len" : "out_len",
				p.out_len);
			print_spare(tcp, p.spare, 7);
			tprints(tcp, "}");
		}
		tprint_arg_next(tcp);
		print_str(tcp, tcp->args[2]);
		tprint_arg_next(tcp);
		if (have)
			print_buf(tcp, tcp->args[3], p.in_len);
		else
			print_addr(tcp, tcp->args[3]);
		tprint_arg_next(tcp);
		if (!verify)
			return DEC_MORE;
		if (have)
			print_buf(tcp, tcp->args[4], p.out_len);
		else
			print_addr(tcp, tcp->args[4]);
		return DEC_DONE;
	}
	if (have)
		print_kbuf_out(tcp, tcp->args[4], p.out_len, false);
	else
		print_addr(tcp, tcp->args[4]);
	return DEC_DONE;
}

/* The bytes KEYCTL_CAPABILITIES wrote: two flag bytes, then hex */
static void print_key_caps(struct tcb *tcp, unsigned long addr, unsigned long len)
{
	unsigned long n = (unsigned long)tcp->rval < len ? (unsigned long)tcp->rval : len;
	uint8_t b;

	if (syscall_failed(tcp)) {
		print_addr(tcp, addr);
		return;
	}
	tprints(tcp, "[");
	for (unsigned long i = 0; i < n && i < pcfg.max_strlen; i++) {
		if (mem_read(tcp->pid, addr + i, &b, 1) < 0)
			break;
		if (i)
			tprints(tcp, ", ");
		if (i < 2)
			print_flags(tcp, i ? &xlat_keyctl_caps1 : &xlat_keyctl_caps0, b,
				    i ? "KEYCTL_CAPS1_???" : "KEYCTL_CAPS0_???");
		else
			tprintf(tcp, "%x", b);
	}
	tprints(tcp, "]");
}

/* keyctl(cmd, ...): the arguments each command takes */
int dec_keyctl(struct tcb *tcp)
{
	uint32_t cmd = (uint32_t)tcp->args[0];

	if (!tcp->exiting) {
		print_xval(tcp, &xlat_keyctl_commands, cmd, "KEYCTL_???");
		if (tcp->args[0] > KC_CAPABILITIES) {
			for (unsigned i = 1; i < 5; i++) {
				tprint_arg_next(tcp);
				print_hex(tcp, tcp->args[i]);
			}
			return DEC_DONE;
		}
	}
	switch (cmd) {
	case KC_GET_KEYRING_ID:
		key_arg(tcp, 1);
		tprint_arg_next(tcp);
		tprintf(tcp, "%d", (int32_t)tcp->args[2]);
		break;
	case KC_JOIN_SESSION_KEYRING:
		tprint_arg_next(tcp);
		print_str(tcp, tcp->args[1]);
		break;
	case KC_UPDATE:
		key_arg(tcp, 1);
		tprint_arg_next(tcp);
		print_buf(tcp, tcp->args[2], tcp->args[3]);
		ulong_arg(tcp, 3);
		break;
	case KC_REVOKE: case KC_CLEAR: case KC_ASSUME_AUTHORITY: case KC_INVALIDATE:
		key_arg(tcp, 1);
		break;
	case KC_CHOWN:
		key_arg(tcp, 1);
		tprint_arg_next(tcp);
		print_id(tcp, tcp->args[2]);
		tprint_arg_next(tcp);
		print_id(tcp, tcp->args[3]);
		break;
	case KC_SETPERM:
		key_arg(tcp, 1);
		tprint_arg_next(tcp);
		print_flags(tcp, &xlat_key_perms, (uint32_t)tcp->args[2], "KEY_???");
		break;
	case KC_DESCRIBE: case KC_READ: case KC_GET_SECURITY:
		if (!tcp->exiting) {
			key_arg(tcp, 1);
			tprint_arg_next(tcp);
			return DEC_MORE;
		}
		print_kbuf_out(tcp, tcp->args[2], tcp->args[3], cmd != KC_READ);
		ulong_arg(tcp, 3);
		break;
	case KC_LINK: case KC_UNLINK:
		key_arg(tcp, 1);
		key_arg(tcp, 2);
		break;
	case KC_SEARCH: case KC_RESTRICT_KEYRING:
		key_arg(tcp, 1);
		tprint_arg_next(tcp);
		print_str(tcp, tcp->args[2]);
		tprint_arg_next(tcp);
		print_str(tcp, tcp->args[3]);
		if (cmd == KC_SEARCH)
			key_arg(tcp, 4);
		break;
	case KC_INSTANTIATE:
		key_arg(tcp, 1);
		tprint_arg_next(tcp);
		print_buf(tcp, tcp->args[2], tcp->args[3]);
		ulong_arg(tcp, 3);
		key_arg(tcp, 4);
		break;
	case KC_NEGATE:
		key_arg(tcp, 1);
		uint_arg(tcp, 2);
		key_arg(tcp, 3);
		break;
	case KC_SET_REQKEY_KEYRING:
		tprint_arg_next(tcp);
		print_int_named(tcp, &xlat_key_reqkeys, (int32_t)tcp->args[1], "KEY_REQKEY_DEFL_???");
		break;
	case KC_SET_TIMEOUT:
		key_arg(tcp, 1);
		uint_arg(tcp, 2);
		break;
	case KC_SESSION_TO_PARENT:
		break;
	case KC_REJECT: {
		uint32_t err = (uint32_t)tcp->args[3];
		const char *name = err < 4096 ? errno_name((int)err) : NULL;
		char raw[16], buf[64];

		key_arg(tcp, 1);
		uint_arg(tcp, 2);
		tprint_arg_next(tcp);
		snprintf(raw, sizeof(raw), "%u", err);
		format_xlat_styled(buf, sizeof(buf), raw, name);
		tprints(tcp, buf);
		key_arg(tcp, 4);
		break;
	}
	case KC_INSTANTIATE_IOV:
		key_arg(tcp, 1);
		tprint_arg_next(tcp);
		print_iovec(tcp, tcp->args[2], tcp->args[3], -1);
		ulong_arg(tcp, 3);
		key_arg(tcp, 4);
		break;
	case KC_GET_PERSISTENT:
		tprint_arg_next(tcp);
		print_id(tcp, tcp->args[1]);
		key_arg(tcp, 2);
		break;
	case KC_DH_COMPUTE:
		if (!tcp->exiting) {
			tprint_arg_next(tcp);
			print_dh_params(tcp, tcp->args[1]);
			tprint_arg_next(tcp);
			return DEC_MORE;
		}
		print_kbuf_out(tcp, tcp->args[2], tcp->args[3], false);
		ulong_arg(tcp, 3);
		tprint_arg_next(tcp);
		print_kdf_params(tcp, tcp->args[4]);
		break;
	case KC_PKEY_QUERY:
		if (!tcp->exiting) {
			key_arg(tcp, 1);
			tprint_arg_next(tcp);
			print_hex(tcp, tcp->args[2]);
			tprint_arg_next(tcp);
			print_str(tcp, tcp->args[3]);
			tprint_arg_next(tcp);
			return DEC_MORE;
		}
		/* struct keyctl_pkey_query: its address */
		print_addr(tcp, tcp->args[4]);
		break;
	case KC_PKEY_ENCRYPT: case KC_PKEY_DECRYPT: case KC_PKEY_SIGN: case KC_PKEY_VERIFY:
		return keyctl_pkey_op(tcp, cmd == KC_PKEY_VERIFY);
	case KC_MOVE:
		key_arg(tcp, 1);
		key_arg(tcp, 2);
		key_arg(tcp, 3);
		tprint_arg_next(tcp);
		print_flags(tcp, &xlat_keyctl_move_flags, (uint32_t)tcp->args[4], "KEYCTL_MOVE_???");
		break;
	case KC_CAPABILITIES:
		if (!tcp->exiting) {
			tprint_arg_next(tcp);
			return DEC_MORE;
		}
		print_key_caps(tcp, tcp->args[1], tcp->args[2]);
		ulong_arg(tcp, 2);
		break;
	}
	return DEC_DONE;
}
