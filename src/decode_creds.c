/* Credentials and scheduling decoders. */
#include "config.h"
#include "decode_creds.h"

#include <linux/capability.h>
#include <stdio.h>

#include "decode.h"
#include "decode_time.h"
#include "gen/decoders.h"
#include "mem.h"
#include "pids.h"
#include "print.h"
#include "util.h"

#define APPEND(...) do { \
		int n_ = snprintf(buf + len, len < size ? size - len : 0, __VA_ARGS__); \
		if (n_ > 0) len += (size_t)n_; \
	} while (0)
#define FINISH() return len < size ? len : (size ? size - 1 : 0)

/* -X raw / verbose: strace prints the two 32-bit halves separately,
 * "0xfeffffff /+ 1<<CAP_CHOWN|... +/|0x1ff /+ ... +/". */
static size_t format_capset_styled(char *buf, size_t size, uint64_t caps)
{
	size_t len = 0;
	bool first = true;

	if (size)
		buf[0] = '\0';
	if (!caps) {
		APPEND("0");
		FINISH();
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
		APPEND("%s%s", first ? "" : "|", el);
		first = false;
	}
	FINISH();
}

size_t format_capset(char *buf, size_t size, uint64_t caps)
{
	size_t len = 0;

	if (pcfg.xlat_style != XLAT_ABBREV)
		return format_capset_styled(buf, size, caps);
	if (size)
		buf[0] = '\0';
	if (!caps) {
		APPEND("0");
		FINISH();
	}
	for (unsigned i = 0; i < 64; i++) {
		const char *name;

		if (!(caps >> i & 1))
			continue;
		name = xlat_lookup(&xlat_capabilities, i);
		if (name)
			APPEND("%s1<<%s", len ? "|" : "", name);
		else
			APPEND("%s1<<%u", len ? "|" : "", i);
	}
	FINISH();
}

size_t format_personality(char *buf, size_t size, uint32_t pers)
{
	const char *dom = xlat_lookup(&xlat_personality, pers & 0xff);
	uint32_t flags = pers & ~0xffu;
	size_t len = 0;

	if (size)
		buf[0] = '\0';
	if (pers == 0xffffffffu) {
		APPEND("%#x", pers);
		FINISH();
	}
	if (pcfg.xlat_style != XLAT_ABBREV) {
		/* each part styled: "0 /+ PER_LINUX +/|0x40000 /+ ADDR_NO_RANDOMIZE +/" */
		char names[512], raw[16], part[600];

		snprintf(raw, sizeof(raw), (pers & 0xff) ? "%#x" : "0", pers & 0xff);
		format_xlat_styled(part, sizeof(part), raw, dom);
		APPEND("%s", part);
		if (flags) {
			format_flags(names, sizeof(names), &xlat_personality_flags, flags, NULL);
			snprintf(raw, sizeof(raw), "%#x", flags);
			format_xlat_styled(part, sizeof(part), raw, names);
			APPEND("|%s", part);
		}
		FINISH();
	}
	if (dom)
		APPEND("%s", dom);
	else
		APPEND("%#x /* PER_??? */", pers & 0xff);
	if (flags) {
		char tmp[512];

		format_flags(tmp, sizeof(tmp), &xlat_personality_flags, flags, NULL);
		APPEND("|%s", tmp);
	}
	FINISH();
}

size_t format_cpuset(char *buf, size_t size, const unsigned char *set, size_t setlen)
{
	size_t len = 0;
	bool first = true;

	if (size)
		buf[0] = '\0';
	APPEND("[");
	for (size_t i = 0; i < setlen * 8; i++) {
		if (!(set[i / 8] >> (i % 8) & 1))
			continue;
		APPEND("%s%zu", first ? "" : " ", i);
		first = false;
	}
	APPEND("]");
	FINISH();
}

/* ---- capabilities ---- */

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

	if (hdr && mem_read(tcp->pid, hdr, &version, sizeof(version)) == 0 &&
	    version != _LINUX_CAPABILITY_VERSION_1)
		n = 2;
	if (!addr || mem_read(tcp->pid, addr, d, n * sizeof(d[0])) < 0) {
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

	if (!addr || tcp->err || mem_read(tcp->pid, addr, &id, sizeof(id)) < 0) {
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
	if (n && mem_read(tcp->pid, addr, &g, sizeof(g)) < 0) {
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

/* ---- scheduling ---- */

static void print_cpuset(struct tcb *tcp, unsigned long addr, unsigned long n)
{
	_cleanup_free_ unsigned char *set = NULL;
	_cleanup_free_ char *buf = NULL;
	size_t bufsize;

	if (addr && n == 0) {
		tprints(tcp, "[]");
		return;
	}
	if (!addr || n > 1 << 16) {
		print_addr(tcp, addr);
		return;
	}
	set = xmalloc(n);
	if (mem_read(tcp->pid, addr, set, n) < 0) {
		print_addr(tcp, addr);
		return;
	}
	bufsize = n * 8 * 7 + 3;
	buf = xmalloc(bufsize);
	format_cpuset(buf, bufsize, set, n);
	tprints(tcp, buf);
}

int dec_sched_getaffinity(struct tcb *tcp)
{
	if (!tcp->exiting) {
		print_pid(tcp, (int)tcp->args[0], PT_TGID);
		tprint_arg_next(tcp);
		tprintf(tcp, "%u", (unsigned)tcp->args[1]);
		tprint_arg_next(tcp);
		return DEC_MORE;
	}
	if (tcp->err || tcp->rval <= 0)
		print_addr(tcp, tcp->args[2]);
	else
		print_cpuset(tcp, tcp->args[2], (unsigned long)tcp->rval);
	return DEC_DONE;
}

int dec_sched_setaffinity(struct tcb *tcp)
{
	print_pid(tcp, (int)tcp->args[0], PT_TGID);
	tprint_arg_next(tcp);
	tprintf(tcp, "%u", (unsigned)tcp->args[1]);
	tprint_arg_next(tcp);
	print_cpuset(tcp, tcp->args[2], (unsigned)tcp->args[1]);
	return DEC_DONE;
}

int dec_sched_getscheduler(struct tcb *tcp)
{
	if (!tcp->exiting) {
		print_pid(tcp, (int)tcp->args[0], PT_TGID);
		return DEC_MORE;
	}
	if (!tcp->err)
		tcp->auxstr = xlat_lookup(&xlat_sched_policies, (uint64_t)tcp->rval & ~0x40000000ULL);
	return DEC_DONE;
}

static void print_sched_param(struct tcb *tcp, unsigned long addr)
{
	int32_t prio;

	if (!addr || mem_read(tcp->pid, addr, &prio, sizeof(prio)) < 0)
		print_addr(tcp, addr);
	else
		tprintf(tcp, "[%d]", prio);
}

int dec_sched_getparam(struct tcb *tcp)
{
	if (!tcp->exiting) {
		print_pid(tcp, (int)tcp->args[0], PT_TGID);
		tprint_arg_next(tcp);
		return DEC_MORE;
	}
	if (tcp->err)
		print_addr(tcp, tcp->args[1]);
	else
		print_sched_param(tcp, tcp->args[1]);
	return DEC_DONE;
}

int dec_sched_setparam(struct tcb *tcp)
{
	print_pid(tcp, (int)tcp->args[0], PT_TGID);
	tprint_arg_next(tcp);
	print_sched_param(tcp, tcp->args[1]);
	return DEC_DONE;
}

int dec_sched_setscheduler(struct tcb *tcp)
{
	print_pid(tcp, (int)tcp->args[0], PT_TGID);
	tprint_arg_next(tcp);
	print_xval(tcp, &xlat_sched_policies, (uint32_t)tcp->args[1], "SCHED_???");
	tprint_arg_next(tcp);
	print_sched_param(tcp, tcp->args[2]);
	return DEC_DONE;
}

/* sched_rr_get_interval(pid, &ts): the interval at exit */
int dec_sched_rr_get_interval(struct tcb *tcp)
{
	if (!tcp->exiting) {
		print_pid(tcp, (int)tcp->args[0], PT_TGID);
		tprint_arg_next(tcp);
		return DEC_MORE;
	}
	if (tcp->err)
		print_addr(tcp, tcp->args[1]);
	else
		print_timespec(tcp, tcp->args[1]);
	return DEC_DONE;
}

/* ---- sched_setattr, sched_getattr ---- */

struct k_sched_attr {
	uint32_t size;
	uint32_t sched_policy;
	uint64_t sched_flags;
	int32_t sched_nice;
	uint32_t sched_priority;
	uint64_t sched_runtime;
	uint64_t sched_deadline;
	uint64_t sched_period;
	uint32_t sched_util_min;
	uint32_t sched_util_max;
};

#define SCHED_ATTR_SIZE_VER0 48
#define SCHED_FLAG_KEEP_POLICY 0x08
#define SCHED_FLAG_KEEP_PARAMS 0x10

/* The struct at addr; size is how much of it the caller says is there
 * (0: the first version).  What the kept policy or parameters make
 * meaningless is left out, as strace does. */
static void print_sched_attr(struct tcb *tcp, unsigned long addr, uint32_t size)
{
	struct k_sched_attr a;
	size_t n;

	if (!size)
		size = SCHED_ATTR_SIZE_VER0;
	if (size < SCHED_ATTR_SIZE_VER0) {
		if (fetch_or_print_addr(tcp, addr, &a.size, sizeof(a.size)))
			tprintf(tcp, "{size=%u}", a.size);
		return;
	}
	n = size < sizeof(a) ? size : sizeof(a);
	memset(&a, 0, sizeof(a));
	if (!fetch_or_print_addr(tcp, addr, &a, n))
		return;
	tprintf(tcp, "{size=%u", a.size);
	if (!(a.sched_flags & (SCHED_FLAG_KEEP_POLICY | SCHED_FLAG_KEEP_PARAMS))) {
		tprints(tcp, ", sched_policy=");
		print_xval(tcp, &xlat_sched_policies, a.sched_policy, "SCHED_???");
	}
	tprints(tcp, ", sched_flags=");
	print_flags(tcp, &xlat_sched_attr_flags, a.sched_flags, "SCHED_FLAG_???");
	if (!(a.sched_flags & SCHED_FLAG_KEEP_PARAMS))
		tprintf(tcp, ", sched_nice=%d, sched_priority=%u, sched_runtime=%llu"
			", sched_deadline=%llu, sched_period=%llu", a.sched_nice,
			a.sched_priority, (unsigned long long)a.sched_runtime,
			(unsigned long long)a.sched_deadline, (unsigned long long)a.sched_period);
	if (n >= sizeof(a))
		tprintf(tcp, ", sched_util_min=%u, sched_util_max=%u", a.sched_util_min,
			a.sched_util_max);
	tprints(tcp, size > sizeof(a) ? ", ...}" : "}");
}

int dec_sched_setattr(struct tcb *tcp)
{
	uint32_t size;

	if (!tcp->exiting) {
		print_pid(tcp, (int)tcp->args[0], PT_TGID);
		tprint_arg_next(tcp);
		if (fetch_or_print_addr(tcp, tcp->args[1], &size, sizeof(size))) {
			print_sched_attr(tcp, tcp->args[1], size);
			return DEC_MORE;
		}
		tprint_arg_next(tcp);
		tprintf(tcp, "%u", (unsigned)tcp->args[2]);
		return DEC_DONE;
	}
	/* E2BIG: the kernel wrote back the size it supports */
	if (tcp->err == E2BIG && mem_read(tcp->pid, tcp->args[1], &size, sizeof(size)) == 0)
		tprintf(tcp, " => {size=%u}", size);
	tprint_arg_next(tcp);
	tprintf(tcp, "%u", (unsigned)tcp->args[2]);
	return DEC_DONE;
}

int dec_sched_getattr(struct tcb *tcp)
{
	uint32_t size;

	if (!tcp->exiting) {
		print_pid(tcp, (int)tcp->args[0], PT_TGID);
		tprint_arg_next(tcp);
		return DEC_MORE;
	}
	if (tcp->err || !fetch_or_print_addr(tcp, tcp->args[1], &size, sizeof(size))) {
		if (tcp->err)
			print_addr(tcp, tcp->args[1]);
	} else {
		print_sched_attr(tcp, tcp->args[1],
				 size < (uint32_t)tcp->args[2] ? size : (uint32_t)tcp->args[2]);
	}
	tprint_arg_next(tcp);
	tprintf(tcp, "%u", (unsigned)tcp->args[2]);
	tprint_arg_next(tcp);
	tprintf(tcp, "%u", (unsigned)tcp->args[3]);
	return DEC_DONE;
}
