/* ioctl(2): the request's name, then the argument through the family
 * that owns the request (struct ioctl_family, decode_ioctl.h).  The
 * terminal requests are the built-in "tty" family. */
#include "config.h"
#include "decode_ioctl.h"

#include <stdio.h>
#include <sys/ioctl.h>
#include <termios.h>

#include "decode.h"
#include "decode_file.h"
#include "gen/decoders.h"
#include "ioctl_common.h"
#include "ioctl_families.h"
#include "mem.h"
#include "sink.h"
#include "util.h"

#define FICLONE_CMD 0x40049409u /* _IOW(0x94, 9, int): the argument is a fd */

size_t format_ioctl_cmd(char *buf, size_t size, unsigned cmd)
{
	static const char *const dirs[] = {
		"_IOC_NONE", "_IOC_WRITE", "_IOC_READ", "_IOC_READ|_IOC_WRITE"
	};
	const char *name = xlat_lookup(&xlat_ioctl_cmds, cmd);
	const char *alt = xlat_lookup(&xlat_ioctl_cmds_alt, cmd);
	int n;

	if (name && alt)
		n = snprintf(buf, size, "%s or %s", alt, name);
	else if (name || alt)
		n = snprintf(buf, size, "%s", name ? name : alt);
	else
		n = snprintf(buf, size, "_IOC(%s, %#x, %#x, %#x)", dirs[(cmd >> 30) & 3],
			     (cmd >> 8) & 0xff, cmd & 0xff, (cmd >> 16) & 0x3fff);
	if (n < 0)
		return 0;
	return (size_t)n < size ? (size_t)n : size - 1;
}


/* ---- the tty family ---------------------------------------------------- */

static void print_winsize(struct tcb *tcp, unsigned long addr)
{
	struct winsize ws;

	if (mem_read_struct(tcp, addr, &ws, sizeof(ws)) < 0) {
		print_addr(tcp, addr);
		return;
	}
	tprintf(tcp, "{ws_row=%u, ws_col=%u, ws_xpixel=%u, ws_ypixel=%u}",
		ws.ws_row, ws.ws_col, ws.ws_xpixel, ws.ws_ypixel);
}

/* The kernel's struct termios (TCGETS/TCSETS): 4 flag words, c_line,
 * c_cc[19]; glibc's struct termios is larger.  struct termios2
 * (TCGETS2/TCSETS2) adds the speeds; the old struct termio
 * (TCGETA/TCSETA) has 16-bit flags and c_cc[8]. */
struct kernel_termios {
	uint32_t c_iflag, c_oflag, c_cflag, c_lflag;
	uint8_t c_line;
	uint8_t c_cc[19];
};

struct kernel_termios2 {
	uint32_t c_iflag, c_oflag, c_cflag, c_lflag;
	uint8_t c_line;
	uint8_t c_cc[19];
	uint32_t c_ispeed, c_ospeed;
};

struct kernel_termio {
	uint16_t c_iflag, c_oflag, c_cflag, c_lflag;
	uint8_t c_line;
	uint8_t c_cc[8];
};

#define TCGETS2_CMD 0x802c542au   /* _IOR('T', 0x2a, struct termios2) */
#define TCSETS2_CMD 0x402c542bu   /* _IOW('T', 0x2b, struct termios2) */
#define TCSETSW2_CMD 0x402c542cu
#define TCSETSF2_CMD 0x402c542du
#define TERMIOS_XTABS 0x1800u     /* TAB3, printed as XTABS */

static void print_termios_oflag(struct tcb *tcp, uint32_t v)
{
	tprintf(tcp, "NL%u|CR%u|", (v & NLDLY) ? 1u : 0u, (v & CRDLY) >> 9);
	if ((v & TABDLY) == TERMIOS_XTABS)
		tprints(tcp, "XTABS");
	else
		tprintf(tcp, "TAB%u", (v & TABDLY) >> 11);
	tprintf(tcp, "|BS%u|VT%u|FF%u", (v & BSDLY) ? 1u : 0u, (v & VTDLY) ? 1u : 0u,
		(v & FFDLY) ? 1u : 0u);
	v &= ~(uint32_t)(NLDLY | CRDLY | TABDLY | BSDLY | VTDLY | FFDLY);
	if (v) {
		tprints(tcp, "|");
		print_flags(tcp, &xlat_termios_oflags, v, NULL);
	}
}

static void print_termios_cflag(struct tcb *tcp, uint32_t v)
{
	uint32_t ibaud = (v & CIBAUD) >> 16; /* IBSHIFT */
	uint32_t rest = v & ~(uint32_t)(CBAUD | CSIZE | CIBAUD);

	print_xval(tcp, &xlat_termios_bauds, v & CBAUD, NULL);
	if (ibaud) {
		tprints(tcp, "|");
		print_xval(tcp, &xlat_termios_bauds, ibaud, NULL);
		tprints(tcp, "<<IBSHIFT");
	}
	tprints(tcp, "|");
	print_xval(tcp, &xlat_termios_csize, v & CSIZE, NULL);
	if (rest) {
		tprints(tcp, "|");
		print_flags(tcp, &xlat_termios_cflags, rest, NULL);
	}
}

/* c_iflag, c_lflag: as strace, nothing at all when 0. */
static void print_termios_flags(struct tcb *tcp, const struct xlat *x, uint32_t v)
{
	if (v)
		print_flags(tcp, x, v, NULL);
}

/* The fields every variant has; with -v also c_line and c_cc. */
static void print_termios_fields(struct tcb *tcp, uint32_t i, uint32_t o, uint32_t c, uint32_t l,
				 uint8_t line, const uint8_t *cc, unsigned ncc)
{
	tprints(tcp, "{c_iflag=");
	print_termios_flags(tcp, &xlat_termios_iflags, i);
	tprints(tcp, ", c_oflag=");
	print_termios_oflag(tcp, o);
	tprints(tcp, ", c_cflag=");
	print_termios_cflag(tcp, c);
	tprints(tcp, ", c_lflag=");
	print_termios_flags(tcp, &xlat_termios_lflags, l);
	if (!pcfg.verbose) {
		tprints(tcp, ", ...");
		return;
	}
	tprints(tcp, ", c_line=");
	print_xval(tcp, &xlat_termios_ldiscs, line, "N_???");
	tprints(tcp, ", c_cc=[");
	for (unsigned n = 0; n < ncc; n++) {
		const char *name = xlat_lookup(&xlat_termios_cc, n);

		if (n)
			tprints(tcp, ", ");
		if (name)
			tprintf(tcp, "[%s]=%#x", name, cc[n]);
		else
			tprintf(tcp, "[%u]=%#x", n, cc[n]);
	}
	tprints(tcp, "]");
}

/* struct termios, or with speeds struct termios2 (the same followed by
 * c_ispeed and c_ospeed) */
static void print_termios_at(struct tcb *tcp, unsigned long addr, bool speeds)
{
	struct kernel_termios2 t;

	_Static_assert(offsetof(struct kernel_termios2, c_ispeed) == sizeof(struct kernel_termios),
		       "termios2 starts with termios");
	if (!fetch_or_print_addr(tcp, addr, &t,
				 speeds ? sizeof(t) : sizeof(struct kernel_termios)))
		return;
	print_termios_fields(tcp, t.c_iflag, t.c_oflag, t.c_cflag, t.c_lflag, t.c_line, t.c_cc,
			     sizeof(t.c_cc));
	if (speeds && pcfg.verbose)
		tprintf(tcp, ", c_ispeed=%u, c_ospeed=%u", t.c_ispeed, t.c_ospeed);
	tprints(tcp, "}");
}

static void print_termios(struct tcb *tcp, unsigned long addr)
{
	print_termios_at(tcp, addr, false);
}

static void print_termios2(struct tcb *tcp, unsigned long addr)
{
	print_termios_at(tcp, addr, true);
}

static void print_termio(struct tcb *tcp, unsigned long addr)
{
	struct kernel_termio t;

	if (!fetch_or_print_addr(tcp, addr, &t, sizeof(t)))
		return;
	print_termios_fields(tcp, t.c_iflag, t.c_oflag, t.c_cflag, t.c_lflag, t.c_line, t.c_cc,
			     sizeof(t.c_cc));
	tprints(tcp, "}");
}

static void print_tcflsh(struct tcb *tcp, unsigned long arg)
{
	print_xval_d(tcp, &xlat_tcflsh_args, arg);
}

static void print_tcxonc(struct tcb *tcp, unsigned long arg)
{
	print_xval_d(tcp, &xlat_tcxonc_args, arg);
}

static void print_long(struct tcb *tcp, unsigned long arg)
{
	tprintf(tcp, "%ld", (long)arg);
}

static const struct ioctl_req tty_reqs[] = {
	{ TCGETS, IOCTL_AT_EXIT, print_termios },
	{ TIOCGLCKTRMIOS, IOCTL_AT_EXIT, print_termios },
	{ TCGETS2_CMD, IOCTL_AT_EXIT, print_termios2 },
	{ TCGETA, IOCTL_AT_EXIT, print_termio },
	{ TIOCGWINSZ, IOCTL_AT_EXIT, print_winsize },
	{ FIONREAD, IOCTL_AT_EXIT, print_int_ref },
	{ TIOCGPGRP, IOCTL_AT_EXIT, print_int_ref },
	{ TIOCOUTQ, IOCTL_AT_EXIT, print_int_ref },
	{ TIOCGPTN, IOCTL_AT_EXIT, print_int_ref },
	{ TIOCGSID, IOCTL_AT_EXIT, print_int_ref },
	{ TIOCSWINSZ, IOCTL_AT_ENTRY, print_winsize },
	{ TCSETS, IOCTL_AT_ENTRY, print_termios },
	{ TCSETSW, IOCTL_AT_ENTRY, print_termios },
	{ TCSETSF, IOCTL_AT_ENTRY, print_termios },
	{ TIOCSLCKTRMIOS, IOCTL_AT_ENTRY, print_termios },
	{ TCSETS2_CMD, IOCTL_AT_ENTRY, print_termios2 },
	{ TCSETSW2_CMD, IOCTL_AT_ENTRY, print_termios2 },
	{ TCSETSF2_CMD, IOCTL_AT_ENTRY, print_termios2 },
	{ TCSETA, IOCTL_AT_ENTRY, print_termio },
	{ TCSETAW, IOCTL_AT_ENTRY, print_termio },
	{ TCSETAF, IOCTL_AT_ENTRY, print_termio },
	{ TIOCSPGRP, IOCTL_AT_ENTRY, print_int_ref },
	{ FIONBIO, IOCTL_AT_ENTRY, print_int_ref },
	{ TIOCSPTLCK, IOCTL_AT_ENTRY, print_int_ref },
	{ FIOASYNC, IOCTL_AT_ENTRY, print_int_ref },
	{ TCFLSH, IOCTL_AT_ENTRY, print_tcflsh },
	{ TCXONC, IOCTL_AT_ENTRY, print_tcxonc },
	{ TIOCSCTTY, IOCTL_AT_ENTRY, print_long },
	{ TCSBRK, IOCTL_AT_ENTRY, print_long },
	{ FICLONE_CMD, IOCTL_AT_ENTRY, print_long },
};

static int tty_decode(struct tcb *tcp, unsigned cmd, unsigned long arg)
{
	switch (cmd) {
	case FIOCLEX: case FIONCLEX: case TIOCNOTTY: case TIOCEXCL:
	case TIOCNXCL: case TIOCCONS: case TIOCSBRK: case TIOCCBRK:
	case TIOCVHANGUP:
		return DEC_DONE;   /* no argument */
	default:
		return ioctl_decode_reqs(tcp, tty_reqs, ARRAY_SIZE(tty_reqs), cmd, arg);
	}
}

static const struct ioctl_family ioctl_family_tty = {
	.name = "tty",
	.types = { 'T', 0x94 },
	.decode = tty_decode,
};

/* ---- dispatch ----------------------------------------------------------- */

extern const struct ioctl_family ioctl_family_fs;
extern const struct ioctl_family ioctl_family_fiemap;
extern const struct ioctl_family ioctl_family_block;
extern const struct ioctl_family ioctl_family_scsi;
extern const struct ioctl_family ioctl_family_loop;
extern const struct ioctl_family ioctl_family_sock;
extern const struct ioctl_family ioctl_family_nbd;
extern const struct ioctl_family ioctl_family_seccomp;

/* Every family, in the order they are tried.  Add a family here. */
static const struct ioctl_family *const ioctl_families[] = {
	&ioctl_family_tty,
	&ioctl_family_evdev,
	&ioctl_family_hdio,
	&ioctl_family_gpio,
	&ioctl_family_counter,
	&ioctl_family_watchdog,
	&ioctl_family_random,
	&ioctl_family_inotify,
	&ioctl_family_tiocm,
	&ioctl_family_ptp,
	&ioctl_family_rtc,
	&ioctl_family_lirc,
	&ioctl_family_nsfs,
	&ioctl_family_kd,
	&ioctl_family_tee,
	&ioctl_family_uffd,
	&ioctl_family_ubi,
	&ioctl_family_mtd,
	&ioctl_family_hid,
	&ioctl_family_dm,
	&ioctl_family_v4l2,
	&ioctl_family_fs,
	&ioctl_family_fiemap,
	&ioctl_family_seccomp,
	&ioctl_family_nbd,
	&ioctl_family_block,
	&ioctl_family_scsi,
	&ioctl_family_loop,
	&ioctl_family_perf,
	&ioctl_family_sock,
};

static bool family_owns(const struct ioctl_family *f, unsigned cmd)
{
	unsigned type = (cmd >> 8) & 0xff;

	for (size_t i = 0; i < sizeof(f->types) && f->types[i]; i++)
		if (f->types[i] == type)
			return true;
	return false;
}

static void print_ioctl_cmd(struct tcb *tcp, unsigned cmd)
{
	char buf[160], raw[16];

	for (size_t i = 0; i < ARRAY_SIZE(ioctl_families); i++) {
		const struct ioctl_family *f = ioctl_families[i];

		if (!family_owns(f, cmd))
			continue;
		if (f->print_cmd && f->print_cmd(tcp, cmd))
			return;
		if (f->cmds && xlat_lookup(f->cmds, cmd)) {
			print_xval(tcp, f->cmds, cmd, NULL);
			return;
		}
	}
	format_ioctl_cmd(buf, sizeof(buf), cmd);
	snprintf(raw, sizeof(raw), "%#x", cmd);
	print_styled_text(tcp, raw, buf);
}

/* The first family that handles the request.  The exit asks the families
 * again: the request alone picks the same one. */
static int ioctl_dispatch(struct tcb *tcp, unsigned cmd, unsigned long arg)
{
	for (size_t i = 0; i < ARRAY_SIZE(ioctl_families); i++) {
		const struct ioctl_family *f = ioctl_families[i];
		int rc;

		if (!family_owns(f, cmd))
			continue;
		rc = f->decode(tcp, cmd, arg);
		if (rc != IOCTL_UNHANDLED)
			return rc;
	}
	return IOCTL_UNHANDLED;
}

/* A family wants the exit of this failed call (exit_on_error). */
static bool exit_on_error(unsigned cmd)
{
	for (size_t i = 0; i < ARRAY_SIZE(ioctl_families); i++) {
		const struct ioctl_family *f = ioctl_families[i];

		if (family_owns(f, cmd) && f->exit_on_error && f->exit_on_error(cmd))
			return true;
	}
	return false;
}

int dec_ioctl(struct tcb *tcp)
{
	unsigned cmd = (unsigned)tcp->args[1];
	unsigned long arg = tcp->args[2];
	int rc;

	if (!tcp->exiting) {
		print_fd(tcp, (int)tcp->args[0]);
		tprint_arg_next(tcp);
		print_ioctl_cmd(tcp, cmd);
		rc = ioctl_dispatch(tcp, cmd, arg);
		/* argpos (the generic decoder's, 0 at entry) marks an exit
		 * the family sees whatever the call returned */
		if (rc == IOCTL_MORE_ALWAYS) {
			tcp->argpos = 1;
			return DEC_MORE;
		}
		if (rc != IOCTL_UNHANDLED)
			return rc;
		tprint_arg_next(tcp);
		print_hex(tcp, arg);
		return DEC_DONE;
	}
	if (tcp->argpos != 1 && (syscall_failed(tcp) || !arg) && !exit_on_error(cmd)) {
		print_addr(tcp, arg);
		return DEC_DONE;
	}
	rc = ioctl_dispatch(tcp, cmd, arg);
	if (rc == IOCTL_UNHANDLED)
		print_addr(tcp, arg);
	return DEC_DONE;
}
