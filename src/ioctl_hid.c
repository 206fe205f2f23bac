/* HID device requests (type 'H', <linux/hiddev.h>, <linux/hidraw.h>):
 * named only, the argument is printed as an address.  The requests whose
 * size is the length of a buffer are named with it, "HIDIOCGPHYS(8)",
 * with the numbers strace 6.1 gives those names. */
#include "config.h"

#include <stdio.h>
#include <sys/ioctl.h>

#include "decode_ioctl.h"
#include "ioctl_families.h"
#include "syscallent.h"
#include "util.h"

#define HIDIOCGVERSION_CMD 0x80044801u /* also hidraw's HIDIOCGRDESCSIZE */

static bool hid_print_cmd(struct tcb *tcp, unsigned cmd)
{
	static const struct { unsigned dir, nr; const char *name; } sized[] = {
		{ _IOC_READ, 0x04, "HIDIOCGRAWNAME" },
		{ _IOC_READ, 0x05, "HIDIOCGRAWPHYS" },
		/* strace 6.1 names a read of 0x06 (hiddev's HIDIOCGNAME) so */
		{ _IOC_READ, 0x06, "HIDIOCSFEATURE" },
		{ _IOC_READ, 0x08, "HIDIOCGRAWUNIQ" },
		{ _IOC_READ, 0x12, "HIDIOCGPHYS" },
		{ _IOC_READ | _IOC_WRITE, 0x06, "HIDIOCSFEATURE" },
		{ _IOC_READ | _IOC_WRITE, 0x07, "HIDIOCGFEATURE" },
	};
	unsigned dir = (cmd >> 30) & 3u, nr = cmd & 0xffu, size = (cmd >> 16) & 0x3fffu;
	char names[64];

	if (cmd == HIDIOCGVERSION_CMD) {
		ioctl_print_cmd_text(tcp, cmd, "HIDIOCGRDESCSIZE or HIDIOCGVERSION");
		return true;
	}
	for (size_t i = 0; i < ARRAY_SIZE(sized); i++) {
		if (sized[i].dir == dir && sized[i].nr == nr) {
			snprintf(names, sizeof(names), "%s(%u)", sized[i].name, size);
			ioctl_print_cmd_text(tcp, cmd, names);
			return true;
		}
	}
	return false;
}

static int hid_decode(struct tcb *tcp, unsigned cmd, unsigned long arg)
{
	(void)tcp;
	(void)cmd;
	(void)arg;
	return IOCTL_UNHANDLED;
}

const struct ioctl_family ioctl_family_hid = {
	.name = "hid",
	.types = { 'H' },
	.cmds = &xlat_hid_ioctl_cmds,
	.print_cmd = hid_print_cmd,
	.decode = hid_decode,
};
