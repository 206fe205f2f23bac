/* Credentials decoders. */
#include "config.h"
#include "decode_creds.h"

#include <linux/capability.h>
#include <stdio.h>

#include "decode.h"
#include "decode_time.h"
#include "gen/decoders.h"
#include "mem.h"
#include "pids.h"
#include "sink.h"
#include "strbuf.h"
#include "util.h"

/* -X raw / verbose: strace prints the two 32-bit halves separately,
 * "0xfeffffff /+ 1<<CAP_CHOWN|... +/|0x1ff /+ ... +/". */
static size_t format_capset_styled(char *buf, size_t size, uint64_t caps)
{
	struct strbuf sb;
	bool first = true;

	sb_init(&sb, buf, size);
	if (!caps) {
		sb_puts(&sb, "0");
		return sb_len(&sb);
	}
	for (unsigned half = 0; half < 2; half++) {
		uint64_t part = caps & (0xffffffffULL << (32 * half));
		char names[2048], raw[32], el[2200];

		if (!part)
			continue;
		{
			int style = pcfg.xlat_style;

			pcfg.xlat_style = XLAT_ABBREV;
			format_capset(names, sizeof(names), part);
			pcfg.xlat_style = style;
		}
		snprintf(raw, sizeof(raw), "%#llx", (unsigned long long)(part >> (32 * half)));
		format_xlat_styled(el, sizeof(el), raw, names);
		sb_printf(&sb, "%s%s", first ? "" : "|", el);
		first = false;
	}
	return sb_len(&sb);
}

size_t format_capset(char *buf, size_t size, uint64_t caps)
{
	struct strbuf sb;

	if (pcfg.xlat_style != XLAT_ABBREV)
		return format_capset_styled(buf, size, caps);
	sb_init(&sb, buf, size);
	if (!caps) {
		sb_puts(&sb, "0");
		return sb_len(&sb);
	}
	for (unsigned i = 0; i < 64; i++) {
		const char *name;

		if (!(caps >> i & 1))
			continue;
		name = xlat_lookup(&xlat_capabilities, i);
		if (name)
			sb_printf(&sb, "%s1<<%s", sb_len(&sb) ? "|" : "", name);
		else
			sb_printf(&sb, "%s1<<%u", sb_len(&sb) ? "|" : "", i);
	}
	return sb_len(&sb);
}

size_t format_personality(char *buf, size_t size, uint32_t pers)
{
	const char *dom = xlat_lookup(&xlat_personality, pers & 0xff);
	uint32_t flags = pers & ~0xffu;
	struct strbuf sb;

	sb_init(&sb, buf, size);
	if (pers == 0xffffffffu) {
		sb_printf(&sb, "%#x", pers);
		return sb_len(&sb);
	}
	if (pcfg.xlat_style != XLAT_ABBREV) {
		/* each part styled: "0 /+ PER_LINUX +/|0x40000 /+ ADDR_NO_RANDOMIZE +/" */
		char names[512], raw[16], part[600];

		snprintf(raw, sizeof(raw), (pers & 0xff) ? "%#x" : "0", pers & 0xff);
		/* verbose comments an unknown domain too, as abbrev does */
		format_xlat_styled(part, sizeof(part), raw,
				   dom ? dom : pcfg.xlat_style == XLAT_VERBOSE ? "PER_???" : NULL);
		sb_puts(&sb, part);
		if (flags) {
			format_flags(names, sizeof(names), &xlat_personality_flags, flags, NULL);
			snprintf(raw, sizeof(raw), "%#x", flags);
			format_xlat_styled(part, sizeof(part), raw, names);
			sb_printf(&sb, "|%s", part);
		}
		return sb_len(&sb);
	}
	if (dom)
		sb_puts(&sb, dom);
	else
		sb_printf(&sb, "%#x /* PER_??? */", pers & 0xff);
	if (flags) {
		char tmp[512];

		format_flags(tmp, sizeof(tmp), &xlat_personality_flags, flags, NULL);
		sb_printf(&sb, "|%s", tmp);
	}
	return sb_len(&sb);
}

static void print_cap_header(struct tcb *tcp, unsigned long addr)
{
	struct { uint32_t version; int32_t pid; } h;
	const char *v;

	if (!fetch_or_print_addr(tcp, addr, &h, sizeof(h)))
		return;
	switch (h.version) {
	case _LINUX_CAPABILITY_VERSION_1: v = "_LINUX_CAPABILITY_VERSION_1"; break;
	case _LINUX_CAPABILITY_VERSION_2: v = "_LINUX_CAPABILITY_VERSION_2"; break;
	case _LINUX_CAPABILITY_VERSION_3: v = "_LINUX_CAPABILITY_VERSION_3"; break;
	default: v = NULL; break;
	}
	if (v) {
		char raw[16], buf[96];

		snprintf(raw, sizeof(raw), "%#x", h.version);
		format_xlat_styled(buf, sizeof(buf), raw, v);
		tprintf(tcp, "{version=%s, pid=%d}", buf, h.pid);
	} else {
		tprintf(tcp, "{version=%#x /* _LINUX_CAPABILITY_VERSION_??? */, pid=%d}", h.version, h.pid);
	}
}

static void print_cap_data(struct tcb *tcp, unsigned long hdr, unsigned long addr)
{
	struct { uint32_t eff, perm, inh; } d[2] = { { 0, 0, 0 }, { 0, 0, 0 } };
	uint32_t version = 0;
	unsigned n = 1;
	char a[2048], b[2048], c[2048];

	/* as strace: without a readable header the data's size is unknown,
	 * so the data is shown as its address */
	if (!hdr || mem_read(tcp->pid, hdr, &version, sizeof(version)) < 0) {
		print_addr(tcp, addr);
		return;
	}
	if (version != _LINUX_CAPABILITY_VERSION_1)
		n = 2;
	if (!addr || mem_read_struct(tcp, addr, d, n * sizeof(d[0])) < 0) {
		print_addr(tcp, addr);
		return;
	}
	format_capset(a, sizeof(a), d[0].eff | (uint64_t)d[1].eff << 32);
	format_capset(b, sizeof(b), d[0].perm | (uint64_t)d[1].perm << 32);
	format_capset(c, sizeof(c), d[0].inh | (uint64_t)d[1].inh << 32);
	tprintf(tcp, "{effective=%s, permitted=%s, inheritable=%s}", a, b, c);
}

int dec_capget(struct tcb *tcp)
{
	if (!tcp->exiting) {
		print_cap_header(tcp, tcp->args[0]);
		tprint_arg_next(tcp);
		return DEC_MORE;
	}
	if (tcp->err)
		print_addr(tcp, tcp->args[1]);
	else
		print_cap_data(tcp, tcp->args[0], tcp->args[1]);
	return DEC_DONE;
}

int dec_capset(struct tcb *tcp)
{
	print_cap_header(tcp, tcp->args[0]);
	tprint_arg_next(tcp);
	print_cap_data(tcp, tcp->args[0], tcp->args[1]);
	return DEC_DONE;
}

/* ---- ids ---- */

static void print_id_ref(struct tcb *tcp, unsigned long addr)
{
	uint32_t id;

	if (!addr || tcp->err || mem_read_struct(tcp, addr, &id, sizeof(id)) < 0) {
		print_addr(tcp, addr);
		return;
	}
	tprints(tcp, "[");
	print_id(tcp, id);
	tprints(tcp, "]");
}

static int getres_ids(struct tcb *tcp)
{
	if (!tcp->exiting)
		return DEC_MORE;
	for (unsigned i = 0; i < 3; i++) {
		if (i)
			tprint_arg_next(tcp);
		print_id_ref(tcp, tcp->args[i]);
	}
	return DEC_DONE;
}

int dec_getresuid(struct tcb *tcp) { return getres_ids(tcp); }
int dec_getresgid(struct tcb *tcp) { return getres_ids(tcp); }

static void print_gid_elem(struct tcb *tcp, void *elem, unsigned long addr, void *data)
{
	(void)addr;
	(void)data;
	print_id(tcp, *(const uint32_t *)elem);
}

static void print_gid_list(struct tcb *tcp, unsigned long addr, unsigned long n)
{
	uint32_t g;

	if (!addr || n > 65536) {
		print_addr(tcp, addr);
		return;
	}
	if (n && mem_read_struct(tcp, addr, &g, sizeof(g)) < 0) {
		print_addr(tcp, addr);
		return;
	}
	print_array(tcp, addr, n, &g, sizeof(g), print_gid_elem, NULL, PA_FAULT_ADDR);
}

int dec_getgroups(struct tcb *tcp)
{
	if (!tcp->exiting) {
		tprintf(tcp, "%d", (int)tcp->args[0]);
		tprint_arg_next(tcp);
		return DEC_MORE;
	}
	if (tcp->err)
		print_addr(tcp, tcp->args[1]);
	else	/* size 0 asks for the count: nothing was written ("[]") */
		print_gid_list(tcp, tcp->args[1], tcp->args[0] ? (unsigned long)tcp->rval : 0);
	return DEC_DONE;
}

int dec_setgroups(struct tcb *tcp)
{
	tprintf(tcp, "%d", (int)tcp->args[0]);
	tprint_arg_next(tcp);
	print_gid_list(tcp, tcp->args[1], (unsigned)tcp->args[0]);
	return DEC_DONE;
}

/* ---- personality ---- */

int dec_personality(struct tcb *tcp)
{
	char buf[512];

	if (!tcp->exiting) {
		format_personality(buf, sizeof(buf), (uint32_t)tcp->args[0]);
		tprints(tcp, buf);
		return DEC_MORE;
	}
	if (!tcp->err) {
		format_personality(tcp->auxbuf, sizeof(tcp->auxbuf), (uint32_t)tcp->rval);
		tcp->auxstr = tcp->auxbuf;
		tcp->rval_hex = true;
	}
	return DEC_DONE;
}
