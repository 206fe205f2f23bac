/* NETLINK_KOBJECT_UEVENT: what udev sends its listeners is a struct
 * udev_monitor_netlink_header followed by the properties; anything else
 * (the kernel's "ACTION@DEVPATH\0..." messages) is a plain string, as in
 * strace 6.1. */
#include "config.h"
#include "decode_netlink.h"

#include <arpa/inet.h>
#include <stdint.h>
#include <string.h>

#include "mem.h"
#include "sink.h"
#include "quote.h"

/* libudev's header (libudev-monitor.c; no system header has it) */
struct udev_monitor_netlink_header {
	char prefix[8];                 /* "libudev" */
	uint32_t magic;                 /* htonl(0xfeedcafe) */
	uint32_t header_size;
	uint32_t properties_off;
	uint32_t properties_len;
	uint32_t filter_subsystem_hash; /* network order */
	uint32_t filter_devtype_hash;
	uint32_t filter_tag_bloom_hi;
	uint32_t filter_tag_bloom_lo;
};

#define UDEV_MONITOR_MAGIC 0xfeedcafeU

void decode_netlink_kobject_uevent(struct tcb *tcp, unsigned long addr, unsigned long len)
{
	struct udev_monitor_netlink_header h;
	char q[QUOTE_SIZE(sizeof(h.prefix))];

	if (len < sizeof(h) || mem_read(tcp->pid, addr, &h, sizeof(h)) < 0 ||
	    memcmp(h.prefix, "libudev", sizeof("libudev")) != 0 ||
	    ntohl(h.magic) != UDEV_MONITOR_MAGIC) {
		print_buf(tcp, addr, len);
		return;
	}
	if (len > sizeof(h))
		tprints(tcp, "[");
	quote_string(h.prefix, strnlen(h.prefix, sizeof(h.prefix)), 0, q);
	tprintf(tcp, "{prefix=%s, magic=htonl(%#x), header_size=%u, properties_off=%u, "
		"properties_len=%u, filter_subsystem_hash=htonl(%#x), "
		"filter_devtype_hash=htonl(%#x), filter_tag_bloom_hi=htonl(%#x), "
		"filter_tag_bloom_lo=htonl(%#x)}",
		q, ntohl(h.magic), h.header_size, h.properties_off, h.properties_len,
		ntohl(h.filter_subsystem_hash), ntohl(h.filter_devtype_hash),
		ntohl(h.filter_tag_bloom_hi), ntohl(h.filter_tag_bloom_lo));
	if (len > sizeof(h)) {
		tprints(tcp, ", ");
		print_buf(tcp, addr + sizeof(h), len - sizeof(h));
		tprints(tcp, "]");
	}
}
