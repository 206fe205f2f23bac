/* evdev ioctls ('E', <linux/input.h>): EVIOCGID, EVIOCGABS(abs),
 * EVIOCGBIT(ev, len), EVIOCSFF... */
#include "config.h"

#include <stdio.h>
#include <linux/input.h>

#include "decode_file.h"
#include "decode_ioctl.h"
#include "ioctl_families.h"
#include "syscallent.h"
#include "mem.h"
#include "sink.h"
#include "util.h"

#define IOC_DIR(c) (((c) >> 30) & 3u)
#define IOC_NR(c) ((c) & 0xffu)
#define IOC_SIZE(c) (((c) >> 16) & 0x3fffu)

/* The bits of an EVIOCGBIT(ev) answer, and the largest bit number. */
static const struct xlat *bit_names(unsigned ev, unsigned *max)
{
	switch (ev) {
	case 0: *max = EV_MAX; return &xlat_evdev_ev;
	case EV_KEY: *max = KEY_MAX; return &xlat_evdev_keycodes;
	case EV_REL: *max = REL_MAX; return &xlat_evdev_rel;
	case EV_ABS: *max = ABS_MAX; return &xlat_evdev_abs;
	case EV_MSC: *max = MSC_MAX; return &xlat_evdev_msc;
	case EV_SW: *max = SW_MAX; return &xlat_evdev_sw;
	case EV_LED: *max = LED_MAX; return &xlat_evdev_leds;
	case EV_SND: *max = SND_MAX; return &xlat_evdev_snd;
	case EV_FF: *max = FF_MAX; return &xlat_evdev_ff_types;
	default: return NULL;
	}
}

static bool evdev_print_cmd(struct tcb *tcp, unsigned cmd)
{
	static const struct { unsigned nr; const char *name; } sized[] = {
		{ 0x06, "EVIOCGNAME" }, { 0x07, "EVIOCGPHYS" }, { 0x08, "EVIOCGUNIQ" },
		{ 0x09, "EVIOCGPROP" }, { 0x0a, "EVIOCGMTSLOTS" }, { 0x18, "EVIOCGKEY" },
		{ 0x19, "EVIOCGLED" }, { 0x1a, "EVIOCGSND" }, { 0x1b, "EVIOCGSW" },
	};
	unsigned nr = IOC_NR(cmd), size = IOC_SIZE(cmd);
	char names[128], idx[64];

	if (IOC_DIR(cmd) == _IOC_READ) {
		for (size_t i = 0; i < ARRAY_SIZE(sized); i++) {
			if (sized[i].nr == nr) {
				snprintf(names, sizeof(names), "%s(%u)", sized[i].name, size);
				ioctl_print_cmd_text(tcp, cmd, names);
				return true;
			}
		}
		if (nr >= 0x20 && nr < 0x20 + EV_CNT) {
			if (nr == 0x20)
				snprintf(idx, sizeof(idx), "0");
			else
				ioctl_format_index(idx, sizeof(idx), &xlat_evdev_ev, nr - 0x20, "EV_???");
			snprintf(names, sizeof(names), "EVIOCGBIT(%s, %u)", idx, size);
			ioctl_print_cmd_text(tcp, cmd, names);
			return true;
		}
		if (nr >= 0x40 && nr < 0x40 + ABS_CNT) {
			ioctl_format_index(idx, sizeof(idx), &xlat_evdev_abs, nr - 0x40, "ABS_???");
			snprintf(names, sizeof(names), "EVIOCGABS(%s)", idx);
			ioctl_print_cmd_text(tcp, cmd, names);
			return true;
		}
	}
	if (IOC_DIR(cmd) == _IOC_WRITE && nr >= 0xc0 && nr < 0xc0 + ABS_CNT) {
		ioctl_format_index(idx, sizeof(idx), &xlat_evdev_abs, nr - 0xc0, "ABS_???");
		snprintf(names, sizeof(names), "EVIOCSABS(%s)", idx);
		ioctl_print_cmd_text(tcp, cmd, names);
		return true;
	}
	return false;
}

/* {value=, minimum=, ...}: the kernel writes min(size, 24) bytes. */
static void print_absinfo(struct tcb *tcp, unsigned long addr, unsigned size)
{
	struct input_absinfo a;

	if (size < offsetof(struct input_absinfo, resolution) ||
	    !fetch_or_print_addr(tcp, addr, &a, size < sizeof(a) ? size : sizeof(a))) {
		if (size < offsetof(struct input_absinfo, resolution))
			print_addr(tcp, addr);
		return;
	}
	tprintf(tcp, "{value=%u, minimum=%u", (unsigned)a.value, (unsigned)a.minimum);
	if (!pcfg.verbose) {
		tprints(tcp, ", ...}");
		return;
	}
	tprintf(tcp, ", maximum=%u, fuzz=%u, flat=%u", (unsigned)a.maximum, (unsigned)a.fuzz,
		(unsigned)a.flat);
	if (size >= sizeof(a))
		tprintf(tcp, ", resolution=%u", (unsigned)a.resolution);
	if (size > offsetof(struct input_absinfo, resolution) && size != sizeof(a))
		tprints(tcp, ", ...");
	tprints(tcp, "}");
}

/* A bit set the kernel wrote: its first min(rval, (max + 8) / 8) bytes,
 * as whole longs.  Names "[EV_ABS EV_MSC]" (at most 4 without -v), the
 * longs with -X raw, both with -X verbose. */
static void print_bitset(struct tcb *tcp, unsigned long addr, const struct xlat *x, unsigned max)
{
	unsigned long words[(KEY_MAX + 1) / (8 * sizeof(long))];
	unsigned long bytes = (unsigned long)tcp->rval, nw;
	unsigned shown = 0;

	if (bytes > (max + 8) / 8)
		bytes = (max + 8) / 8;
	nw = (bytes + sizeof(long) - 1) / sizeof(long);
	if (tcp->rval <= 0 || nw > ARRAY_SIZE(words) ||
	    !fetch_or_print_addr(tcp, addr, words, nw * sizeof(long))) {
		if (tcp->rval <= 0 || nw > ARRAY_SIZE(words))
			print_addr(tcp, addr);
		return;
	}
	if (pcfg.xlat_style != XLAT_RAW) {
		tprints(tcp, "[");
		for (unsigned long bit = 0; bit < bytes * 8; bit++) {
			if (!(words[bit / (8 * sizeof(long))] >> (bit % (8 * sizeof(long))) & 1))
				continue;
			if (!pcfg.verbose && shown >= 4) {
				tprints(tcp, " ...");
				break;
			}
			if (shown++)
				tprints(tcp, " ");
			print_xval(tcp, x, bit, NULL);
		}
		tprints(tcp, "]");
	}
	if (pcfg.xlat_style == XLAT_ABBREV)
		return;
	tprints(tcp, pcfg.xlat_style == XLAT_VERBOSE ? " /* [" : "[");
	for (unsigned long i = 0; i < nw; i++)
		tprintf(tcp, "%s%#lx", i ? ", " : "", words[i]);
	tprints(tcp, pcfg.xlat_style == XLAT_VERBOSE ? "] */" : "]");
}

/* {code=ABS_MT_SLOT, values=[1, 3]}: size / 4 - 1 values. */
static void print_mtslots(struct tcb *tcp, unsigned long addr, unsigned size)
{
	int32_t v[64];
	unsigned n = size / sizeof(v[0]);

	if (n > ARRAY_SIZE(v))
		n = ARRAY_SIZE(v);
	if (n == 0 || !fetch_or_print_addr(tcp, addr, v, n * sizeof(v[0]))) {
		if (n == 0)
			print_addr(tcp, addr);
		return;
	}
	tprints(tcp, "{code=");
	print_xval(tcp, &xlat_evdev_mtslots, (uint32_t)v[0], "ABS_MT_???");
	tprints(tcp, ", values=[");
	for (unsigned i = 1; i < n; i++)
		tprintf(tcp, "%s%d", i > 1 ? ", " : "", v[i]);
	tprints(tcp, "]}");
}

static void print_input_id(struct tcb *tcp, unsigned long addr)
{
	struct input_id id;

	if (fetch_or_print_addr(tcp, addr, &id, sizeof(id)))
		tprintf(tcp, "{bustype=%u, vendor=%u, product=%u, version=%u}", id.bustype,
			id.vendor, id.product, id.version);
}

/* [scancode, keycode] (EVIOCGKEYCODE/EVIOCSKEYCODE) or [delay, period]
 * (EVIOCGREP/EVIOCSREP). */
static void print_uint_pair(struct tcb *tcp, unsigned long addr, bool keycode)
{
	unsigned v[2];

	if (!fetch_or_print_addr(tcp, addr, v, sizeof(v)))
		return;
	tprintf(tcp, "[%u, ", v[0]);
	if (keycode)
		print_xval(tcp, &xlat_evdev_keycodes, v[1], "KEY_???");
	else
		tprintf(tcp, "%u", v[1]);
	tprints(tcp, "]");
}

static void print_keymap_entry(struct tcb *tcp, unsigned long addr)
{
	struct input_keymap_entry ke;

	if (!fetch_or_print_addr(tcp, addr, &ke, sizeof(ke)))
		return;
	tprintf(tcp, "{flags=%u, len=%u, ", ke.flags, ke.len);
	if (!pcfg.verbose) {
		tprints(tcp, "...}");
		return;
	}
	tprintf(tcp, "index=%u, keycode=", ke.index);
	print_xval(tcp, &xlat_evdev_keycodes, ke.keycode, "KEY_???");
	tprints(tcp, ", scancode=[");
	for (size_t i = 0; i < sizeof(ke.scancode); i++)
		tprintf(tcp, "%s%#x", i ? ", " : "", ke.scancode[i]);
	tprints(tcp, "]}");
}

static void print_envelope(struct tcb *tcp, const struct ff_envelope *e)
{
	tprintf(tcp, ", envelope={attack_length=%u, attack_level=%u, fade_length=%u, fade_level=%#x}",
		e->attack_length, e->attack_level, e->fade_length, e->fade_level);
}

static void print_ff_effect(struct tcb *tcp, unsigned long addr)
{
	struct ff_effect e;

	if (!fetch_or_print_addr(tcp, addr, &e, sizeof(e)))
		return;
	tprints(tcp, "{type=");
	print_xval(tcp, &xlat_evdev_ff_types, e.type, "FF_???");
	tprintf(tcp, ", id=%d, direction=%u, ", e.id, e.direction);
	if (!pcfg.verbose) {
		tprints(tcp, "...}");
		return;
	}
	tprintf(tcp, "trigger={button=%u, interval=%u}, replay={length=%u, delay=%u}",
		e.trigger.button, e.trigger.interval, e.replay.length, e.replay.delay);
	switch (e.type) {
	case FF_CONSTANT:
		tprintf(tcp, ", constant={level=%d", e.u.constant.level);
		print_envelope(tcp, &e.u.constant.envelope);
		tprints(tcp, "}");
		break;
	case FF_RAMP:
		tprintf(tcp, ", ramp={start_level=%d, end_level=%d", e.u.ramp.start_level,
			e.u.ramp.end_level);
		print_envelope(tcp, &e.u.ramp.envelope);
		tprints(tcp, "}");
		break;
	case FF_PERIODIC:
		tprintf(tcp, ", periodic={waveform=%u, period=%u, magnitude=%d, offset=%d, phase=%u",
			e.u.periodic.waveform, e.u.periodic.period, e.u.periodic.magnitude,
			e.u.periodic.offset, e.u.periodic.phase);
		print_envelope(tcp, &e.u.periodic.envelope);
		tprintf(tcp, ", custom_len=%u, custom_data=", e.u.periodic.custom_len);
		print_addr(tcp, (unsigned long)e.u.periodic.custom_data);
		tprints(tcp, "}");
		break;
	case FF_RUMBLE:
		tprintf(tcp, ", rumble={strong_magnitude=%u, weak_magnitude=%u}",
			e.u.rumble.strong_magnitude, e.u.rumble.weak_magnitude);
		break;
	default:
		break;
	}
	tprints(tcp, "}");
}

/* At exit: what the kernel wrote. */
static int evdev_exit(struct tcb *tcp, unsigned cmd, unsigned long arg)
{
	unsigned nr = IOC_NR(cmd), size = IOC_SIZE(cmd), max;
	const struct xlat *x;

	switch (cmd) {
	case EVIOCGVERSION: case EVIOCGEFFECTS:
		print_int_ref(tcp, arg);
		return DEC_DONE;
	case EVIOCGID:
		print_input_id(tcp, arg);
		return DEC_DONE;
	case EVIOCGKEYCODE:
		print_uint_pair(tcp, arg, true);
		return DEC_DONE;
	case EVIOCGREP:
		print_uint_pair(tcp, arg, false);
		return DEC_DONE;
	case EVIOCGKEYCODE_V2:
		print_keymap_entry(tcp, arg);
		return DEC_DONE;
	default:
		break;
	}
	if (nr >= 0x40 && nr < 0x40 + ABS_CNT)
		print_absinfo(tcp, arg, size);
	else if (nr >= 0x20 && nr < 0x20 + EV_CNT && (x = bit_names(nr - 0x20, &max)))
		print_bitset(tcp, arg, x, max);
	else if (nr == 0x18)
		print_bitset(tcp, arg, &xlat_evdev_keycodes, KEY_MAX);
	else if (nr == 0x19)
		print_bitset(tcp, arg, &xlat_evdev_leds, LED_MAX);
	else if (nr == 0x1a)
		print_bitset(tcp, arg, &xlat_evdev_snd, SND_MAX);
	else if (nr == 0x1b)
		print_bitset(tcp, arg, &xlat_evdev_sw, SW_MAX);
	else if (nr == 0x09)
		print_bitset(tcp, arg, &xlat_evdev_prop, INPUT_PROP_MAX);
	else if (nr == 0x0a)
		print_mtslots(tcp, arg, size);
	else if (nr >= 0x06 && nr <= 0x08 && tcp->rval > 0)
		print_buf_z(tcp, arg, (unsigned long)tcp->rval);
	else
		print_addr(tcp, arg);
	return DEC_DONE;
}

static int evdev_decode(struct tcb *tcp, unsigned cmd, unsigned long arg)
{
	unsigned nr = IOC_NR(cmd);

	if (tcp->exiting)
		return evdev_exit(tcp, cmd, arg);
	switch (cmd) {
	case EVIOCGVERSION: case EVIOCGEFFECTS: case EVIOCGID: case EVIOCGKEYCODE:
	case EVIOCGREP: case EVIOCGKEYCODE_V2:
		tprint_arg_next(tcp);
		return DEC_MORE;
	case EVIOCSCLOCKID: {
		unsigned v;

		tprint_arg_next(tcp);
		if (fetch_or_print_addr(tcp, arg, &v, sizeof(v)))
			tprintf(tcp, "[%u]", v);
		return DEC_DONE;
	}
	case EVIOCSREP:
		tprint_arg_next(tcp);
		print_uint_pair(tcp, arg, false);
		return DEC_DONE;
	case EVIOCSKEYCODE:
		tprint_arg_next(tcp);
		print_uint_pair(tcp, arg, true);
		return DEC_DONE;
	case EVIOCSKEYCODE_V2:
		tprint_arg_next(tcp);
		print_keymap_entry(tcp, arg);
		return DEC_DONE;
	case EVIOCSFF:
		tprint_arg_next(tcp);
		print_ff_effect(tcp, arg);
		return DEC_DONE;
	case EVIOCRMFF:
		tprint_arg_next(tcp);
		tprintf(tcp, "%d", (int)arg);
		return DEC_DONE;
	case EVIOCGRAB: case EVIOCREVOKE:
		tprint_arg_next(tcp);
		tprintf(tcp, "%lu", arg);
		return DEC_DONE;
	default:
		break;
	}
	if (IOC_DIR(cmd) == _IOC_READ &&
	    ((nr >= 0x06 && nr <= 0x0a) || (nr >= 0x18 && nr <= 0x1b) ||
	     (nr >= 0x20 && nr < 0x40 + ABS_CNT))) {
		tprint_arg_next(tcp);
		return DEC_MORE;
	}
	if (IOC_DIR(cmd) == _IOC_WRITE && nr >= 0xc0 && nr < 0xc0 + ABS_CNT) {
		struct input_absinfo a;

		tprint_arg_next(tcp);
		if (fetch_or_print_addr(tcp, arg, &a, sizeof(a))) {
			tprintf(tcp, "{value=%u, minimum=%u", (unsigned)a.value, (unsigned)a.minimum);
			if (pcfg.verbose)
				tprintf(tcp, ", maximum=%u, fuzz=%u, flat=%u, resolution=%u}",
					(unsigned)a.maximum, (unsigned)a.fuzz, (unsigned)a.flat,
					(unsigned)a.resolution);
			else
				tprints(tcp, ", ...}");
		}
		return DEC_DONE;
	}
	return IOCTL_UNHANDLED;
}

const struct ioctl_family ioctl_family_evdev = {
	.name = "evdev",
	.types = { 'E' },
	.cmds = &xlat_evdev_cmds,
	.print_cmd = evdev_print_cmd,
	.decode = evdev_decode,
};
