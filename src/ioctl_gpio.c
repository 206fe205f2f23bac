/* GPIO character device ioctls (type 0xb4, <linux/gpio.h>): the v1
 * line handle/event requests and the v2 line requests and configs. */
#include "config.h"

#include <linux/gpio.h>

#include "decode_ioctl.h"
#include "ioctl_families.h"
#include "mem.h"
#include "sink.h"
#include "syscallent.h"
#include "util.h"

#define MIN(a, b) ((a) < (b) ? (a) : (b))

static void print_padding(struct tcb *tcp, const uint32_t *pad, size_t n)
{
	if (ioctl_all_zero(pad, n * sizeof(*pad)))
		return;
	tprints(tcp, ", padding=");
	ioctl_print_uints(tcp, pad, sizeof(*pad), n, true);
}

/* The content of an attribute: flags=, values=, debounce_period_us=,
 * or its raw id and data (unknown id, nonzero padding). */
static void print_v2_attr_body(struct tcb *tcp, const struct gpio_v2_line_attribute *a)
{
	if (a->padding) {
		tprintf(tcp, "id=%u, padding=%#x, data=%#llx", a->id, a->padding,
			(unsigned long long)a->values);
		return;
	}
	switch (a->id) {
	case GPIO_V2_LINE_ATTR_ID_FLAGS:
		tprints(tcp, "flags=");
		print_flags(tcp, &xlat_gpio_v2_line_flags, a->flags, "GPIO_V2_LINE_FLAG_???");
		break;
	case GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES:
		tprintf(tcp, "values=%#llx", (unsigned long long)a->values);
		break;
	case GPIO_V2_LINE_ATTR_ID_DEBOUNCE:
		tprintf(tcp, "debounce_period_us=%u", a->debounce_period_us);
		break;
	default:
		tprintf(tcp, "id=%u, data=%#llx", a->id, (unsigned long long)a->values);
		break;
	}
}

static void print_v2_config(struct tcb *tcp, const struct gpio_v2_line_config *c)
{
	unsigned n = MIN(c->num_attrs, GPIO_V2_LINE_NUM_ATTRS_MAX);

	tprints(tcp, "{flags=");
	print_flags(tcp, &xlat_gpio_v2_line_flags, c->flags, "GPIO_V2_LINE_FLAG_???");
	tprintf(tcp, ", num_attrs=%u", c->num_attrs);
	if (n) {
		tprints(tcp, ", attrs=[");
		for (unsigned i = 0; i < n; i++) {
			const struct gpio_v2_line_config_attribute *a = &c->attrs[i];

			tprints(tcp, i ? ", {" : "{");
			if (a->attr.padding) {
				tprints(tcp, "attr={");
				print_v2_attr_body(tcp, &a->attr);
				tprints(tcp, "}");
			} else {
				print_v2_attr_body(tcp, &a->attr);
			}
			tprintf(tcp, ", mask=%#llx}", (unsigned long long)a->mask);
		}
		tprints(tcp, "]");
	}
	print_padding(tcp, c->padding, ARRAY_SIZE(c->padding));
	tprints(tcp, "}");
}

/* Read a structure: false when the address was printed instead. */
#define FETCH(tcp, arg, obj) fetch_or_print_addr(tcp, arg, &(obj), sizeof(obj))

/* At entry: requests the kernel reads (and writes back at exit). */
static int gpio_entry(struct tcb *tcp, unsigned cmd, unsigned long arg)
{
	union {
		struct gpioline_info li;
		struct gpiohandle_request hr;
		struct gpioevent_request er;
		struct gpiohandle_data hd;
		struct gpiohandle_config hc;
		struct gpio_v2_line_info li2;
		struct gpio_v2_line_request lr;
		struct gpio_v2_line_values lv;
		struct gpio_v2_line_config lc;
		uint32_t u32;
	} u;

	tprint_arg_next(tcp);
	switch (cmd) {
	case GPIO_GET_CHIPINFO_IOCTL: case GPIOHANDLE_GET_LINE_VALUES_IOCTL:
		return DEC_MORE;
	case GPIO_GET_LINEINFO_IOCTL: case GPIO_GET_LINEINFO_WATCH_IOCTL:
		if (!FETCH(tcp, arg, u.li))
			return DEC_DONE;
		tprintf(tcp, "{line_offset=%u}", u.li.line_offset);
		return DEC_MORE;
	case GPIO_GET_LINEINFO_UNWATCH_IOCTL:
		if (FETCH(tcp, arg, u.u32))
			tprintf(tcp, "{offset=%u}", u.u32);
		return DEC_DONE;
	case GPIO_GET_LINEHANDLE_IOCTL: {
		unsigned n;

		if (!FETCH(tcp, arg, u.hr))
			return DEC_DONE;
		n = MIN(u.hr.lines, GPIOHANDLES_MAX);
		tprintf(tcp, "{lines=%u, lineoffsets=", u.hr.lines);
		ioctl_print_uints(tcp, u.hr.lineoffsets, 4, n, false);
		tprints(tcp, ", flags=");
		print_flags(tcp, &xlat_gpio_handle_flags, u.hr.flags, "GPIOHANDLE_REQUEST_???");
		tprints(tcp, ", default_values=");
		ioctl_print_uints(tcp, u.hr.default_values, 1, n, false);
		tprints(tcp, ", consumer_label=");
		ioctl_print_cstr(tcp, u.hr.consumer_label, sizeof(u.hr.consumer_label));
		tprints(tcp, "}");
		return DEC_MORE;
	}
	case GPIO_GET_LINEEVENT_IOCTL:
		if (!FETCH(tcp, arg, u.er))
			return DEC_DONE;
		tprintf(tcp, "{lineoffset=%u, handleflags=", u.er.lineoffset);
		print_flags(tcp, &xlat_gpio_handle_flags, u.er.handleflags, "GPIOHANDLE_REQUEST_???");
		tprints(tcp, ", eventflags=");
		print_flags(tcp, &xlat_gpio_event_flags, u.er.eventflags, "GPIOEVENT_REQUEST_???");
		tprints(tcp, ", consumer_label=");
		ioctl_print_cstr(tcp, u.er.consumer_label, sizeof(u.er.consumer_label));
		tprints(tcp, "}");
		return DEC_MORE;
	case GPIOHANDLE_SET_LINE_VALUES_IOCTL:
		if (FETCH(tcp, arg, u.hd)) {
			tprints(tcp, "{values=");
			ioctl_print_uints(tcp, u.hd.values, 1, GPIOHANDLES_MAX, false);
			tprints(tcp, "}");
		}
		return DEC_DONE;
	case GPIOHANDLE_SET_CONFIG_IOCTL:
		if (FETCH(tcp, arg, u.hc)) {
			tprints(tcp, "{flags=");
			print_flags(tcp, &xlat_gpio_handle_flags, u.hc.flags, "GPIOHANDLE_REQUEST_???");
			tprints(tcp, ", default_values=");
			ioctl_print_uints(tcp, u.hc.default_values, 1, GPIOHANDLES_MAX, false);
			tprints(tcp, "}");
		}
		return DEC_DONE;
	case GPIO_V2_GET_LINEINFO_IOCTL: case GPIO_V2_GET_LINEINFO_WATCH_IOCTL:
		if (!FETCH(tcp, arg, u.li2))
			return DEC_DONE;
		tprintf(tcp, "{offset=%u}", u.li2.offset);
		return DEC_MORE;
	case GPIO_V2_GET_LINE_IOCTL:
		if (!FETCH(tcp, arg, u.lr))
			return DEC_DONE;
		tprintf(tcp, "{num_lines=%u, offsets=", u.lr.num_lines);
		ioctl_print_uints(tcp, u.lr.offsets, 4, MIN(u.lr.num_lines, GPIO_V2_LINES_MAX), false);
		tprints(tcp, ", consumer=");
		ioctl_print_cstr(tcp, u.lr.consumer, sizeof(u.lr.consumer));
		tprints(tcp, ", config=");
		print_v2_config(tcp, &u.lr.config);
		if (u.lr.event_buffer_size)
			tprintf(tcp, ", event_buffer_size=%u", u.lr.event_buffer_size);
		print_padding(tcp, u.lr.padding, ARRAY_SIZE(u.lr.padding));
		tprints(tcp, "}");
		return DEC_MORE;
	case GPIO_V2_LINE_GET_VALUES_IOCTL:
		if (!FETCH(tcp, arg, u.lv))
			return DEC_DONE;
		tprintf(tcp, "{mask=%#llx}", (unsigned long long)u.lv.mask);
		return DEC_MORE;
	case GPIO_V2_LINE_SET_VALUES_IOCTL:
		if (FETCH(tcp, arg, u.lv))
			tprintf(tcp, "{bits=%#llx, mask=%#llx}", (unsigned long long)u.lv.bits,
				(unsigned long long)u.lv.mask);
		return DEC_DONE;
	case GPIO_V2_LINE_SET_CONFIG_IOCTL:
		if (FETCH(tcp, arg, u.lc))
			print_v2_config(tcp, &u.lc);
		return DEC_DONE;
	default:
		return DEC_DONE; /* not reached: gpio_decode checks the request */
	}
}

/* At exit: what the kernel wrote back ("=> {...}" after the request). */
static int gpio_exit(struct tcb *tcp, unsigned cmd, unsigned long arg)
{
	union {
		struct gpiochip_info ci;
		struct gpioline_info li;
		struct gpiohandle_request hr;
		struct gpioevent_request er;
		struct gpiohandle_data hd;
		struct gpio_v2_line_info li2;
		struct gpio_v2_line_request lr;
		struct gpio_v2_line_values lv;
	} u;
	bool ok = !tcp->err && tcp->rval >= 0;

	switch (cmd) {
	case GPIO_GET_CHIPINFO_IOCTL:
		if (FETCH(tcp, arg, u.ci)) {
			tprints(tcp, "{name=");
			ioctl_print_cstr(tcp, u.ci.name, sizeof(u.ci.name));
			tprints(tcp, ", label=");
			ioctl_print_cstr(tcp, u.ci.label, sizeof(u.ci.label));
			tprintf(tcp, ", lines=%u}", u.ci.lines);
		}
		break;
	case GPIOHANDLE_GET_LINE_VALUES_IOCTL:
		if (FETCH(tcp, arg, u.hd)) {
			tprints(tcp, "{values=");
			ioctl_print_uints(tcp, u.hd.values, 1, GPIOHANDLES_MAX, false);
			tprints(tcp, "}");
		}
		break;
	case GPIO_GET_LINEINFO_IOCTL: case GPIO_GET_LINEINFO_WATCH_IOCTL:
		if (ok && mem_read(tcp->pid, arg, &u.li, sizeof(u.li)) == 0) {
			tprints(tcp, " => {flags=");
			print_flags(tcp, &xlat_gpio_line_flags, u.li.flags, "GPIOLINE_FLAG_???");
			tprints(tcp, ", name=");
			ioctl_print_cstr(tcp, u.li.name, sizeof(u.li.name));
			tprints(tcp, ", consumer=");
			ioctl_print_cstr(tcp, u.li.consumer, sizeof(u.li.consumer));
			tprints(tcp, "}");
		}
		break;
	case GPIO_GET_LINEHANDLE_IOCTL:
		if (ok && mem_read(tcp->pid, arg, &u.hr, sizeof(u.hr)) == 0)
			tprintf(tcp, " => {fd=%d}", u.hr.fd);
		break;
	case GPIO_GET_LINEEVENT_IOCTL:
		if (ok && mem_read(tcp->pid, arg, &u.er, sizeof(u.er)) == 0)
			tprintf(tcp, " => {fd=%d}", u.er.fd);
		break;
	case GPIO_V2_GET_LINE_IOCTL:
		if (ok && mem_read(tcp->pid, arg, &u.lr, sizeof(u.lr)) == 0)
			tprintf(tcp, " => {fd=%d}", u.lr.fd);
		break;
	case GPIO_V2_LINE_GET_VALUES_IOCTL:
		if (ok && mem_read(tcp->pid, arg, &u.lv, sizeof(u.lv)) == 0)
			tprintf(tcp, " => {bits=%#llx}", (unsigned long long)u.lv.bits);
		break;
	case GPIO_V2_GET_LINEINFO_IOCTL: case GPIO_V2_GET_LINEINFO_WATCH_IOCTL: {
		unsigned n;

		if (!ok || mem_read(tcp->pid, arg, &u.li2, sizeof(u.li2)) < 0)
			break;
		n = MIN(u.li2.num_attrs, GPIO_V2_LINE_NUM_ATTRS_MAX);
		tprints(tcp, " => {name=");
		ioctl_print_cstr(tcp, u.li2.name, sizeof(u.li2.name));
		tprints(tcp, ", consumer=");
		ioctl_print_cstr(tcp, u.li2.consumer, sizeof(u.li2.consumer));
		tprints(tcp, ", flags=");
		print_flags(tcp, &xlat_gpio_v2_line_flags, u.li2.flags, "GPIO_V2_LINE_FLAG_???");
		tprintf(tcp, ", num_attrs=%u", u.li2.num_attrs);
		if (n) {
			tprints(tcp, ", attrs=[");
			for (unsigned i = 0; i < n; i++) {
				tprints(tcp, i ? ", {" : "{");
				print_v2_attr_body(tcp, &u.li2.attrs[i]);
				tprints(tcp, "}");
			}
			tprints(tcp, "]");
		}
		print_padding(tcp, u.li2.padding, ARRAY_SIZE(u.li2.padding));
		tprints(tcp, "}");
		break;
	}
	default:
		print_addr(tcp, arg);
		break;
	}
	return DEC_DONE;
}

static bool gpio_known(unsigned cmd)
{
	return xlat_lookup(&xlat_gpio_cmds, cmd) != NULL;
}

static int gpio_decode(struct tcb *tcp, unsigned cmd, unsigned long arg)
{
	if (!gpio_known(cmd))
		return IOCTL_UNHANDLED;
	return tcp->exiting ? gpio_exit(tcp, cmd, arg) : gpio_entry(tcp, cmd, arg);
}

/* Requests whose argument was printed at entry: their exit adds the
 * answer, or nothing when the call failed. */
static bool gpio_exit_on_error(unsigned cmd)
{
	switch (cmd) {
	case GPIO_GET_LINEINFO_IOCTL: case GPIO_GET_LINEINFO_WATCH_IOCTL:
	case GPIO_GET_LINEHANDLE_IOCTL: case GPIO_GET_LINEEVENT_IOCTL:
	case GPIO_V2_GET_LINEINFO_IOCTL: case GPIO_V2_GET_LINEINFO_WATCH_IOCTL:
	case GPIO_V2_GET_LINE_IOCTL: case GPIO_V2_LINE_GET_VALUES_IOCTL:
		return true;
	default:
		return false;
	}
}

const struct ioctl_family ioctl_family_gpio = {
	.name = "gpio",
	.types = { 0xb4 },
	.cmds = &xlat_gpio_cmds,
	.decode = gpio_decode,
	.exit_on_error = gpio_exit_on_error,
};
