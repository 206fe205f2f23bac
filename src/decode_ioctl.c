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
#include "ioctl_families.h"
#include "mem.h"
#include "print.h"
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

	if (mem_read(tcp->pid, addr, &ws, sizeof(ws)) < 0) {
		print_addr(tcp, addr);
		return;
	}
	tprintf(tcp, "{ws_row=%u, ws_col=%u, ws_xpixel=%u, ws_ypixel=%u}",
		ws.ws_row, ws.ws_col, ws.ws_xpixel, ws.ws_ypixel);
}

/* The kernel's struct termios (TCGETS/TCSETS): 4 flag words, c_line,
 * c_cc[19]; glibc's struct termios is larger. */
struct kernel_termios {
	uint32_t c_iflag, c_oflag, c_cflag, c_lflag;
	uint8_t c_line;
	uint8_t c_cc[19];
};

static void print_termios_oflag(struct tcb *tcp, uint32_t v)
{
	tprintf(tcp, "NL%u|CR%u|TAB%u|BS%u|VT%u|FF%u", (v & NLDLY) ? 1u : 0u,
		(v & CRDLY) >> 9, (v & TABDLY) >> 11, (v & BSDLY) ? 1u : 0u,
		(v & VTDLY) ? 1u : 0u, (v & FFDLY) ? 1u : 0u);
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

static void print_termios(struct tcb *tcp, unsigned long addr)
{
	struct kernel_termios t;

	if (!fetch_or_print_addr(tcp, addr, &t, sizeof(t)))
		return;
	tprints(tcp, "{c_iflag=");
	print_flags(tcp, &xlat_termios_iflags, t.c_iflag, NULL);
	tprints(tcp, ", c_oflag=");
	print_termios_oflag(tcp, t.c_oflag);
	tprints(tcp, ", c_cflag=");
	print_termios_cflag(tcp, t.c_cflag);
	tprints(tcp, ", c_lflag=");
	print_flags(tcp, &xlat_termios_lflags, t.c_lflag, NULL);
	if (!pcfg.verbose) {
		tprints(tcp, ", ...}");
		return;
	}
	tprints(tcp, ", c_line=");
	print_xval_d(tcp, &xlat_termios_ldiscs, t.c_line);
	tprints(tcp, ", c_cc=[");
	for (unsigned i = 0; i < sizeof(t.c_cc); i++) {
		const char *name = xlat_lookup(&xlat_termios_cc, i);

		if (i)
			tprints(tcp, ", ");
		if (name)
			tprintf(tcp, "[%s]=%#x", name, t.c_cc[i]);
		else
			tprintf(tcp, "[%u]=%#x", i, t.c_cc[i]);
	}
	tprints(tcp, "]}");
}

static int tty_decode(struct tcb *tcp, unsigned cmd, unsigned long arg)
{
	if (tcp->exiting) {
		switch (cmd) {
		case TCGETS:
			print_termios(tcp, arg);
			break;
		case TIOCGWINSZ:
			print_winsize(tcp, arg);
			break;
		case FIONREAD: case TIOCGPGRP: case TIOCOUTQ: case TIOCGPTN: case TIOCGSID:
			print_int_ref(tcp, arg);
			break;
		default:
			/* another family's request of a shared type byte */
			return IOCTL_UNHANDLED;
		}
		return DEC_DONE;
	}
	switch (cmd) {
	case TCGETS: case TIOCGWINSZ: case FIONREAD: case TIOCGPGRP:
	case TIOCOUTQ: case TIOCGPTN: case TIOCGSID:
		tprint_arg_next(tcp);
		return DEC_MORE;
	case TIOCSWINSZ:
		tprint_arg_next(tcp);
		print_winsize(tcp, arg);
		return DEC_DONE;
	case TCSETS: case TCSETSW: case TCSETSF:
		tprint_arg_next(tcp);
		print_termios(tcp, arg);
		return DEC_DONE;
	case TIOCSPGRP: case FIONBIO: case TIOCSPTLCK: case FIOASYNC:
		tprint_arg_next(tcp);
		print_int_ref(tcp, arg);
		return DEC_DONE;
	case FIOCLEX: case FIONCLEX: case TIOCNOTTY: case TIOCEXCL:
	case TIOCNXCL: case TIOCCONS: case TIOCSBRK: case TIOCCBRK:
	case TIOCVHANGUP:
		return DEC_DONE;   /* no argument */
	case TCFLSH:
		tprint_arg_next(tcp);
		print_xval_d(tcp, &xlat_tcflsh_args, arg);
		return DEC_DONE;
	case TCXONC:
		tprint_arg_next(tcp);
		print_xval_d(tcp, &xlat_tcxonc_args, arg);
		return DEC_DONE;
	case TIOCSCTTY: case TCSBRK: case FICLONE_CMD:
		tprint_arg_next(tcp);
		tprintf(tcp, "%ld", (long)arg);
		return DEC_DONE;
	default:
		return IOCTL_UNHANDLED;
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
	&ioctl_family_v4l2,
	&ioctl_family_fs,
	&ioctl_family_fiemap,
	&ioctl_family_seccomp,
	&ioctl_family_nbd,
	&ioctl_family_block,
	&ioctl_family_scsi,
	&ioctl_family_loop,
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
