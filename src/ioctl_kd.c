/* Console and keyboard ioctls (type 'K', <linux/kd.h>, <linux/keyboard.h>):
 * tones, LEDs, keyboard modes and maps, screen maps, fonts. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/kd.h>
#include <linux/keyboard.h>

#include "decode.h"
#include "decode_file.h"
#include "decode_ioctl.h"
#include "ioctl_common.h"
#include "ioctl_families.h"
#include "mem.h"
#include "sink.h"
#include "quote.h"
#include "signals.h"
#include "strbuf.h"
#include "util.h"

#define KD_TICK_RATE 1193182ul /* PIT_TICK_RATE: KIOCSOUND and KDMKTONE divide it */
#define KD_GPFIRST 0x3b4ul     /* the I/O ports KDADDIO/KDDELIO accept */
#define KD_GPLAST 0x3dful
#define KD_E_TABSZ 256u        /* GIO_SCRNMAP, GIO_UNISCRNMAP entries */
#define KD_FONT_SIZE 8192u     /* GIO_FONT: 256 chars of 32 rows */
#define KD_CMAP_SIZE 48u       /* GIO_CMAP: 16 colours of 3 bytes */
#define KD_FONT_NAME_MAX 32u   /* KD_FONT_OP_SET_DEFAULT's name, with its NUL */
#define KD_DIACR_MAX 256u      /* entries of struct kbdiacrs and kbdiacrsuc */
#define KD_UNI_DIRECT_BASE 0xf000u
#define KD_UNI_DIRECT_MASK 0x1ffu
#define KSTAT_IOC_CHAIN_ID 0x4b01u /* s390 kstat requests of the same type */
#define KSTAT_IOC_READ 0x4b02u
#define KSTAT_IOC_WRITE 0x4b03u

/* A name in the -X style: "NAME", raw "RAW", verbose "RAW /+ NAME +/";
 * no name: "RAW /+ DFLT +/" (abbrev, verbose) or "RAW". */
static void kd_print_named(struct tcb *tcp, const char *raw, const char *name, const char *dflt)
{
	if (name)
		print_styled_text(tcp, raw, name);
	else if (dflt && pcfg.xlat_style != XLAT_RAW)
		tprintf(tcp, "%s /* %s */", raw, dflt);
	else
		tprints(tcp, raw);
}

/* A C character literal, as strace: 'a', '\n', '\'', '\x7f'. */
static void sb_char_literal(struct strbuf *sb, unsigned char c)
{
	static const char esc[] = { ['\f'] = 'f', ['\n'] = 'n', ['\r'] = 'r', ['\t'] = 't',
				    ['\v'] = 'v', ['\''] = '\'', ['\\'] = '\\' };

	sb_putc(sb, '\'');
	if (c < sizeof(esc) && esc[c])
		sb_printf(sb, "\\%c", esc[c]);
	else if (c >= ' ' && c < 0x7f)
		sb_putc(sb, (char)c);
	else
		sb_printf(sb, "\\x%02x", c);
	sb_putc(sb, '\'');
}

/* "K_F1", "K(KT_LATIN, 'a')", "K(KT_CONS, 0x40)", "K(0xf, 0)". */
size_t kd_format_keysym(char *buf, size_t size, unsigned v)
{
	const char *name = xlat_lookup(&xlat_kd_keys, v);
	unsigned type = v >> 8, val = v & 0xff;
	const char *tname = xlat_lookup(&xlat_kd_key_types, type);
	struct strbuf sb;

	sb_init(&sb, buf, size);
	if (name) {
		sb_puts(&sb, name);
		return sb_len(&sb);
	}
	sb_puts(&sb, "K(");
	if (tname)
		sb_puts(&sb, tname);
	else
		sb_printf(&sb, "%#x", type);
	sb_puts(&sb, ", ");
	switch (type) {
	case KT_LATIN: case KT_META: case KT_LETTER: case KT_DEAD2:
		sb_char_literal(&sb, (unsigned char)val);
		break;
	default:
		sb_printf(&sb, "%#x", val);
		break;
	}
	sb_putc(&sb, ')');
	return sb_len(&sb);
}

/* "0x100 /+ K_F1 +/"; raw "0x100". */
static void print_keysym(struct tcb *tcp, unsigned v)
{
	char buf[64];

	tprintf(tcp, "%#x", v);
	if (pcfg.xlat_style == XLAT_RAW)
		return;
	kd_format_keysym(buf, sizeof(buf), v);
	tprintf(tcp, " /* %s */", buf);
}

/* LEDs: "LED_SCR|LED_NUM", with kb "LED_CAP<<4" for the default-state
 * nibble (KDGKBLED); unknown bits in hex. */
size_t kd_format_leds(char *buf, size_t size, unsigned v, bool kb)
{
	struct strbuf sb;
	unsigned left = v;

	sb_init(&sb, buf, size);
	for (unsigned shift = 0; shift <= (kb ? 4u : 0u); shift += 4) {
		for (unsigned i = 0; i < xlat_kd_leds.n; i++) {
			unsigned bit = (unsigned)xlat_kd_leds.items[i].val << shift;

			if (!(left & bit))
				continue;
			sb_printf(&sb, "%s%s%s", sb_len(&sb) ? "|" : "", xlat_str(&xlat_kd_leds, i),
				  shift ? "<<4" : "");
			left &= ~bit;
		}
	}
	if (left == v)
		return 0;
	if (left)
		sb_printf(&sb, "|%#x", left);
	return sb_len(&sb);
}

static void print_leds(struct tcb *tcp, unsigned v, bool kb)
{
	char raw[16], names[256];

	if (!v) {
		tprints(tcp, "0");
		return;
	}
	snprintf(raw, sizeof(raw), "%#x", v);
	kd_print_named(tcp, raw, kd_format_leds(names, sizeof(names), v, kb) ? names : NULL,
		       "LED_???");
}

/* Keyboard modes are printed as signed decimals: "K_RAW", "-1 /+ K_??? +/". */
static void print_kbmode(struct tcb *tcp, int v)
{
	char raw[16];

	snprintf(raw, sizeof(raw), "%d", v);
	kd_print_named(tcp, raw, xlat_lookup(&xlat_kd_kbd_modes, (unsigned)v), "K_???");
}

/* kb_table: a whole table (K_NORMTAB) or the modifiers (1<<KG_CTRL). */
static void print_kb_table(struct tcb *tcp, unsigned v)
{
	char raw[16];
	const char *name = xlat_lookup(&xlat_kd_kbd_tables, v);

	if (name) {
		snprintf(raw, sizeof(raw), "%#x", v);
		kd_print_named(tcp, raw, name, NULL);
		return;
	}
	ioctl_print_bit_flags(tcp, &xlat_kd_shift_bits, v, "1<<", NULL);
}

/* kb_func: "KVAL(K_F1)". */
static void print_kb_func(struct tcb *tcp, unsigned v)
{
	char raw[16], names[64];
	const char *name = xlat_lookup(&xlat_kd_keys, K(KT_FN, v));

	snprintf(raw, sizeof(raw), "%#x", v);
	if (name)
		snprintf(names, sizeof(names), "KVAL(%s)", name);
	kd_print_named(tcp, raw, name ? names : NULL, NULL);
}

/* A buffer of len bytes, every byte in hex ("\x00\x01"), cut at -s
 * with "...": strace reads one byte past -s to tell a longer buffer,
 * so a buffer that ends right at -s bytes before a hole shows its
 * address. */
static void print_hex_buf(struct tcb *tcp, unsigned long addr, uint64_t len)
{
	uint64_t want = len > pcfg.max_strlen ? (uint64_t)pcfg.max_strlen + 1 : len;
	size_t shown = len > pcfg.max_strlen ? pcfg.max_strlen : (size_t)len;
	_cleanup_free_ char *buf = NULL, *out = NULL;

	if (!addr) {
		print_addr(tcp, addr);
		return;
	}
	if (!len) {
		tprints(tcp, "\"\"");
		return;
	}
	buf = xmalloc((size_t)want);
	if (mem_read_struct(tcp, addr, buf, (size_t)want) < 0) {
		print_addr(tcp, addr);
		return;
	}
	out = xmalloc(QUOTE_SIZE(shown));
	tprintn(tcp, out, quote_string(buf, shown, QUOTE_HEX_ALL, out));
	if (len > shown)
		tprints(tcp, "...");
}

/* A NUL-terminated string in a field of size bytes, read as strace
 * reads it: up to its NUL within min(size, -s) bytes, "..." when there is
 * none; shown cut to shown bytes.  False when unreadable. */
static bool print_kd_str(struct tcb *tcp, unsigned long addr, size_t size, size_t shown)
{
	size_t n = size < pcfg.max_strlen ? size : pcfg.max_strlen;
	_cleanup_free_ char *buf = xmalloc(n + 1), *out = NULL;
	bool truncated;
	ssize_t len = mem_read_str(tcp->pid, addr, buf, n + 1, &truncated);

	if (len < 0)
		return false;
	if ((size_t)len > shown)
		len = (ssize_t)shown;
	out = xmalloc(QUOTE_SIZE((size_t)len));
	tprintn(tcp, out, quote_string(buf, (size_t)len, ioctl_quote_flags(), out));
	if (truncated)
		tprints(tcp, "...");
	return true;
}

/* "[VALUE]" of an integer of size bytes the kernel wrote. */
static bool fetch_uint(struct tcb *tcp, unsigned long addr, size_t size, unsigned *v)
{
	uint8_t u8;
	uint32_t u32;

	if (size == 1) {
		if (!fetch_or_print_addr(tcp, addr, &u8, 1))
			return false;
		*v = u8;
	} else {
		if (!fetch_or_print_addr(tcp, addr, &u32, 4))
			return false;
		*v = u32;
	}
	return true;
}

/* ---- struct printers ---------------------------------------------------- */

struct kd_array_ctx {
	unsigned long cnt; /* the count the structure claims */
	unsigned long n;   /* elements printed: min(cnt, KD_DIACR_MAX) */
	unsigned long i;
};

/* After the last element of a full table whose count claims more, "...". */
static void kd_array_more(struct tcb *tcp, struct kd_array_ctx *c)
{
	if (++c->i == c->n && c->cnt > c->n)
		tprints(tcp, ", ...");
}

static void print_diacr(struct tcb *tcp, void *elem, unsigned long addr, void *data)
{
	const struct kbdiacr *d = elem;
	char buf[64];
	struct strbuf sb;

	(void)addr;
	sb_init(&sb, buf, sizeof(buf));
	sb_puts(&sb, "{diacr=");
	sb_char_literal(&sb, d->diacr);
	sb_puts(&sb, ", base=");
	sb_char_literal(&sb, d->base);
	sb_puts(&sb, ", result=");
	sb_char_literal(&sb, d->result);
	sb_putc(&sb, '}');
	tprints(tcp, sb_str(&sb));
	kd_array_more(tcp, data);
}

static void print_diacruc(struct tcb *tcp, void *elem, unsigned long addr, void *data)
{
	const struct kbdiacruc *d = elem;

	(void)addr;
	tprintf(tcp, "{diacr=%#x, base=%#x, result=%#x}", d->diacr, d->base, d->result);
	kd_array_more(tcp, data);
}

/* struct kbdiacrs / kbdiacrsuc: {kb_cnt=N, kbdiacr=[...]}. */
static void print_diacrs(struct tcb *tcp, unsigned long addr, bool uc)
{
	unsigned cnt;
	struct kbdiacruc elem;
	struct kd_array_ctx c;

	if (!fetch_or_print_addr(tcp, addr, &cnt, sizeof(cnt)))
		return;
	c = (struct kd_array_ctx){ .cnt = cnt, .n = cnt < KD_DIACR_MAX ? cnt : KD_DIACR_MAX };
	tprintf(tcp, "{kb_cnt=%u, %s=", cnt, uc ? "kbdiacruc" : "kbdiacr");
	if (uc)
		print_struct_array(tcp, addr + offsetof(struct kbdiacrsuc, kbdiacruc), c.n, &elem,
				   sizeof(struct kbdiacruc), print_diacruc, &c, PA_FAULT_ADDR);
	else
		print_struct_array(tcp, addr + offsetof(struct kbdiacrs, kbdiacr), c.n, &elem,
				   sizeof(struct kbdiacr), print_diacr, &c, PA_FAULT_ADDR);
	tprints(tcp, "}");
}

static void print_unipair(struct tcb *tcp, void *elem, unsigned long addr, void *data)
{
	const struct unipair *u = elem;

	(void)addr;
	(void)data;
	tprintf(tcp, "{unicode=%#x, fontpos=%#x}", u->unicode, u->fontpos);
}

static void print_uniscrn(struct tcb *tcp, void *elem, unsigned long addr, void *data)
{
	uint16_t v = *(const uint16_t *)elem;
	char raw[16], names[48];

	(void)addr;
	(void)data;
	snprintf(raw, sizeof(raw), "%#x", v);
	if ((v & ~KD_UNI_DIRECT_MASK) != KD_UNI_DIRECT_BASE) {
		tprints(tcp, raw);
		return;
	}
	snprintf(names, sizeof(names), "UNI_DIRECT_BASE+%#x", v - KD_UNI_DIRECT_BASE);
	print_styled_text(tcp, raw, names);
}

/* KDFONTOP's font: charcount glyphs of 32 rows of (width + 7) / 8 bytes. */
static uint64_t font_size(const struct console_font_op *f)
{
	uint64_t len = ((uint64_t)f->width + 7) / 8 * 32;

	if (f->charcount && len > UINT64_MAX / f->charcount)
		return UINT64_MAX;
	return len * f->charcount;
}

static void print_font_data(struct tcb *tcp, const struct console_font_op *f, bool get)
{
	if (f->op == KD_FONT_OP_SET || (get && f->op == KD_FONT_OP_GET))
		print_hex_buf(tcp, (unsigned long)f->data, font_size(f));
	else
		print_addr(tcp, (unsigned long)f->data);
}

/* At entry; DEC_DONE or IOCTL_MORE_ALWAYS. */
static int print_fontop_entry(struct tcb *tcp, unsigned long addr)
{
	struct console_font_op f;

	if (!fetch_or_print_addr(tcp, addr, &f, sizeof(f)))
		return DEC_DONE;
	tprints(tcp, "{op=");
	print_xval(tcp, &xlat_kd_font_ops, f.op, "KD_FONT_OP_???");
	switch (f.op) {
	case KD_FONT_OP_SET_DEFAULT:
		tprintf(tcp, ", width=%u, height=%u, data=", f.width, f.height);
		if (!f.data || !print_kd_str(tcp, (unsigned long)f.data, KD_FONT_NAME_MAX,
						  KD_FONT_NAME_MAX - 1))
			print_addr(tcp, (unsigned long)f.data);
		tprints(tcp, "}");
		return IOCTL_MORE_ALWAYS;
	case KD_FONT_OP_COPY:
		tprintf(tcp, ", height=%u}", f.height);
		return DEC_DONE;
	default:
		tprints(tcp, ", flags=");
		print_flags(tcp, &xlat_kd_font_flags, f.flags, "KD_FONT_FLAG_???");
		tprintf(tcp, ", width=%u, height=%u, charcount=%u, data=", f.width, f.height,
			f.charcount);
		print_font_data(tcp, &f, false);
		tprints(tcp, "}");
		return f.op == KD_FONT_OP_SET ? DEC_DONE : IOCTL_MORE_ALWAYS;
	}
}

static void print_fontop_exit(struct tcb *tcp, unsigned long addr)
{
	struct console_font_op f;

	if (ioctl_failed(tcp))
		return;
	tprints(tcp, " => ");
	if (!fetch_or_print_addr(tcp, addr, &f, sizeof(f)))
		return;
	if (f.op == KD_FONT_OP_SET_DEFAULT) {
		tprintf(tcp, "{width=%u, height=%u}", f.width, f.height);
		return;
	}
	tprintf(tcp, "{width=%u, height=%u, charcount=%u, data=", f.width, f.height, f.charcount);
	print_font_data(tcp, &f, true);
	tprints(tcp, "}");
}

/* struct consolefontdesc; the glyphs are shown when set (PIO_FONTX) or
 * got (GIO_FONTX at exit). */
static bool print_fontdesc(struct tcb *tcp, unsigned long addr, bool data)
{
	struct consolefontdesc d;

	if (!fetch_or_print_addr(tcp, addr, &d, sizeof(d)))
		return false;
	tprintf(tcp, "{charcount=%u, charheight=%u, chardata=", d.charcount, d.charheight);
	if (data)
		print_hex_buf(tcp, (unsigned long)d.chardata, (uint64_t)d.charcount * 32);
	else
		print_addr(tcp, (unsigned long)d.chardata);
	tprints(tcp, "}");
	return true;
}

static void print_unimap_entries(struct tcb *tcp, const struct unimapdesc *u)
{
	struct unipair elem;

	tprints(tcp, ", entries=");
	print_struct_array(tcp, (unsigned long)u->entries, u->entry_ct, &elem, sizeof(elem),
			   print_unipair, NULL, PA_FAULT_ADDR);
	tprints(tcp, "}");
}

/* "kb_value=0x100 /+ K_F1 +/" or "kb_value=???". */
static void print_kb_value(struct tcb *tcp, unsigned long addr)
{
	uint16_t v;

	tprints(tcp, ", kb_value=");
	if (mem_read(tcp->pid, addr + offsetof(struct kbentry, kb_value), &v, sizeof(v)) < 0)
		tprints(tcp, "???");
	else
		print_keysym(tcp, v);
}

static void print_kb_string(struct tcb *tcp, unsigned long addr)
{
	tprints(tcp, ", kb_string=");
	if (!print_kd_str(tcp, addr + offsetof(struct kbsentry, kb_string),
			  sizeof(((struct kbsentry *)0)->kb_string), SIZE_MAX))
		tprints(tcp, "???");
}

/* ---- the family ---------------------------------------------------------- */

static void print_tone(struct tcb *tcp, unsigned long arg)
{
	unsigned v = (unsigned)arg, ms = v >> 16, count = v & 0xffff;

	if (ms)
		tprintf(tcp, "%u<<16|%u", ms, count);
	else
		tprintf(tcp, "%u", count);
	if (pcfg.xlat_style == XLAT_RAW)
		return;
	if (ms && count)
		tprintf(tcp, " /* %lu Hz, %u ms */", KD_TICK_RATE / count, ms);
	else
		tprints(tcp, " /* off */");
}

static void print_sound(struct tcb *tcp, unsigned long arg)
{
	tprintf(tcp, "%lu", arg);
	if (pcfg.xlat_style == XLAT_RAW)
		return;
	if (arg && arg <= KD_TICK_RATE)
		tprintf(tcp, " /* %lu Hz */", KD_TICK_RATE / arg);
	else
		tprints(tcp, " /* off */");
}

/* The value a KDS* request passes as its argument, or a KDG* request
 * writes. */
static void print_kd_value(struct tcb *tcp, unsigned cmd, unsigned v)
{
	switch (cmd) {
	case KDGETLED: case KDSETLED:
	case KDGKBLED: case KDSKBLED:
		print_leds(tcp, v & 0xff, cmd == KDGKBLED || cmd == KDSKBLED);
		break;
	case KDGKBTYPE:
		print_xval(tcp, &xlat_kd_kbd_types, v, "KB_???");
		break;
	case KDGETMODE: case KDSETMODE:
		print_xval(tcp, &xlat_kd_modes, v, "KD_???");
		break;
	case KDGKBMODE: case KDSKBMODE:
		print_kbmode(tcp, (int)v);
		break;
	default: /* KDGKBMETA, KDSKBMETA */
		print_xval(tcp, &xlat_kd_meta, v, "K_???");
		break;
	}
}

/* A KDG* request's value: "[VALUE]" (a byte for the LEDs and the
 * keyboard type, an int for the others). */
static void print_kd_value_ref(struct tcb *tcp, unsigned cmd, unsigned long arg)
{
	size_t size = cmd == KDGETLED || cmd == KDGKBLED || cmd == KDGKBTYPE ? 1 : 4;
	unsigned v;

	if (!fetch_uint(tcp, arg, size, &v))
		return;
	tprints(tcp, "[");
	print_kd_value(tcp, cmd, v);
	tprints(tcp, "]");
}

static int kd_exit(struct tcb *tcp, unsigned cmd, unsigned long arg)
{
	struct unimapdesc u;
	struct kbkeycode k;
	struct kbd_repeat r;
	uint16_t e;

	switch (cmd) {
	case KDGETLED: case KDGKBLED: case KDGKBTYPE:
	case KDGETMODE: case KDGKBMODE: case KDGKBMETA:
		print_kd_value_ref(tcp, cmd, arg);
		break;
	case GIO_SCRNMAP:
		print_hex_buf(tcp, arg, KD_E_TABSZ);
		break;
	case GIO_FONT:
		print_hex_buf(tcp, arg, KD_FONT_SIZE);
		break;
	case GIO_CMAP:
		print_hex_buf(tcp, arg, KD_CMAP_SIZE);
		break;
	case GIO_UNISCRNMAP:
		print_struct_array(tcp, arg, KD_E_TABSZ, &e, sizeof(e), print_uniscrn, NULL,
				   PA_FAULT_ADDR);
		break;
	case KDGKBDIACR: case KDGKBDIACRUC:
		print_diacrs(tcp, arg, cmd == KDGKBDIACRUC);
		break;
	case KDGKBENT:
		if (!ioctl_failed(tcp))
			print_kb_value(tcp, arg);
		tprints(tcp, "}");
		break;
	case KDGKBSENT:
		if (!ioctl_failed(tcp))
			print_kb_string(tcp, arg);
		tprints(tcp, "}");
		break;
	case KDGETKEYCODE:
		if (!ioctl_failed(tcp)) {
			if (mem_read(tcp->pid, arg, &k, sizeof(k)) < 0)
				tprints(tcp, " => ???");
			else
				tprintf(tcp, " => %#x", k.keycode);
		}
		tprints(tcp, "}");
		break;
	case KDKBDREP:
		if (ioctl_failed(tcp))
			break;
		tprints(tcp, " => ");
		if (fetch_or_print_addr(tcp, arg, &r, sizeof(r)))
			tprintf(tcp, "{delay=%d, period=%d}", r.delay, r.period);
		break;
	case GIO_UNIMAP:
		if (mem_read(tcp->pid, arg, &u, sizeof(u)) < 0) {
			tprints(tcp, " => ???}");
			break;
		}
		tprintf(tcp, " => %u", u.entry_ct);
		if (ioctl_failed(tcp)) {
			tprints(tcp, ", entries=");
			print_addr(tcp, (unsigned long)u.entries);
			tprints(tcp, "}");
		} else {
			print_unimap_entries(tcp, &u);
		}
		break;
	case GIO_FONTX:
		if (ioctl_failed(tcp))
			break;
		tprints(tcp, " => ");
		print_fontdesc(tcp, arg, true);
		break;
	case KDFONTOP:
		print_fontop_exit(tcp, arg);
		break;
	default:
		return IOCTL_UNHANDLED;
	}
	return DEC_DONE;
}

static int kd_decode(struct tcb *tcp, unsigned cmd, unsigned long arg)
{
	struct unimapdesc u;
	struct unimapinit ui;
	struct kbkeycode k;
	struct kbd_repeat r;
	struct kbentry kbe;
	uint8_t func;
	uint16_t e;

	if (tcp->exiting)
		return kd_exit(tcp, cmd, arg);
	switch (cmd) {
	case KDENABIO: case KDDISABIO: case KDMAPDISP: case KDUNMAPDISP: case PIO_FONTRESET:
		return DEC_DONE; /* no argument */
	case KSTAT_IOC_CHAIN_ID: case KSTAT_IOC_READ: case KSTAT_IOC_WRITE:
		return IOCTL_UNHANDLED; /* named only */
	default:
		break;
	}
	if (!xlat_lookup(&xlat_kd_ioctl_cmds, cmd))
		return IOCTL_UNHANDLED;
	tprint_arg_next(tcp);
	switch (cmd) {
	case KIOCSOUND:
		print_sound(tcp, arg);
		return DEC_DONE;
	case KDMKTONE:
		print_tone(tcp, arg);
		return DEC_DONE;
	case KDSETLED: case KDSKBLED: case KDSETMODE: case KDSKBMODE: case KDSKBMETA:
		print_kd_value(tcp, cmd, (unsigned)arg);
		return DEC_DONE;
	case KDADDIO: case KDDELIO:
		print_hex(tcp, arg);
		if (arg >= KD_GPFIRST && arg <= KD_GPLAST && pcfg.xlat_style != XLAT_RAW)
			tprintf(tcp, " /* GPFIRST + %lu */", arg - KD_GPFIRST);
		return DEC_DONE;
	case KDSIGACCEPT:
		if (arg && arg < 65 && signal_name((int)arg))
			print_signo(tcp, (int)arg);
		else
			print_udec(tcp, arg);
		return DEC_DONE;
	case PIO_SCRNMAP:
		print_hex_buf(tcp, arg, KD_E_TABSZ);
		return DEC_DONE;
	case PIO_FONT:
		print_hex_buf(tcp, arg, KD_FONT_SIZE);
		return DEC_DONE;
	case PIO_CMAP:
		print_hex_buf(tcp, arg, KD_CMAP_SIZE);
		return DEC_DONE;
	case PIO_UNISCRNMAP:
		print_struct_array(tcp, arg, KD_E_TABSZ, &e, sizeof(e), print_uniscrn, NULL,
				   PA_FAULT_ADDR);
		return DEC_DONE;
	case KDSKBDIACR: case KDSKBDIACRUC:
		print_diacrs(tcp, arg, cmd == KDSKBDIACRUC);
		return DEC_DONE;
	case KDGKBENT: case KDSKBENT:
		/* the index alone may be readable */
		if (!fetch_or_print_addr(tcp, arg, &kbe, offsetof(struct kbentry, kb_value)))
			return DEC_DONE;
		tprints(tcp, "{kb_table=");
		print_kb_table(tcp, kbe.kb_table);
		tprintf(tcp, ", kb_index=%u", kbe.kb_index);
		if (cmd == KDGKBENT)
			return IOCTL_MORE_ALWAYS;
		print_kb_value(tcp, arg);
		tprints(tcp, "}");
		return DEC_DONE;
	case KDGKBSENT: case KDSKBSENT:
		if (!fetch_or_print_addr(tcp, arg, &func, sizeof(func)))
			return DEC_DONE;
		tprints(tcp, "{kb_func=");
		print_kb_func(tcp, func);
		if (cmd == KDGKBSENT)
			return IOCTL_MORE_ALWAYS;
		print_kb_string(tcp, arg);
		tprints(tcp, "}");
		return DEC_DONE;
	case KDGETKEYCODE: case KDSETKEYCODE:
		if (!fetch_or_print_addr(tcp, arg, &k, sizeof(k)))
			return DEC_DONE;
		tprintf(tcp, "{scancode=%#x, keycode=%#x", k.scancode, k.keycode);
		if (cmd == KDGETKEYCODE)
			return IOCTL_MORE_ALWAYS;
		tprints(tcp, "}");
		return DEC_DONE;
	case KDKBDREP:
		if (!fetch_or_print_addr(tcp, arg, &r, sizeof(r)))
			return DEC_DONE;
		tprintf(tcp, "{delay=%d, period=%d}", r.delay, r.period);
		return IOCTL_MORE_ALWAYS;
	case GIO_UNIMAP: case PIO_UNIMAP:
		if (!fetch_or_print_addr(tcp, arg, &u, sizeof(u)))
			return DEC_DONE;
		tprintf(tcp, "{entry_ct=%u", u.entry_ct);
		if (cmd == GIO_UNIMAP)
			return IOCTL_MORE_ALWAYS;
		print_unimap_entries(tcp, &u);
		return DEC_DONE;
	case PIO_UNIMAPCLR:
		if (fetch_or_print_addr(tcp, arg, &ui, sizeof(ui)))
			tprintf(tcp, "{advised_hashsize=%u, advised_hashstep=%u, advised_hashlevel=%u}",
				ui.advised_hashsize, ui.advised_hashstep, ui.advised_hashlevel);
		return DEC_DONE;
	case GIO_FONTX: case PIO_FONTX:
		if (!print_fontdesc(tcp, arg, cmd == PIO_FONTX))
			return DEC_DONE;
		return cmd == GIO_FONTX ? IOCTL_MORE_ALWAYS : DEC_DONE;
	case KDFONTOP:
		return print_fontop_entry(tcp, arg);
	default:
		/* KDGETLED, KDGKBTYPE, KDGETMODE, KDGKBMODE, KDGKBMETA,
		 * KDGKBLED, GIO_SCRNMAP, GIO_FONT, GIO_CMAP, GIO_UNISCRNMAP,
		 * KDGKBDIACR, KDGKBDIACRUC: written by the kernel */
		return DEC_MORE;
	}
}

const struct ioctl_family ioctl_family_kd = {
	.name = "kd",
	.types = { 'K' },
	.cmds = &xlat_kd_ioctl_cmds,
	.decode = kd_decode,
};
