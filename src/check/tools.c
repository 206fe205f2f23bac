/* Tools in containers: the table of what each action needs, and its
 * verdict from the facts (pure, called by check_assess()); see tools.h.
 *
 * Sources for the needs (the tools' own code and docs, measured in
 * containers by tests/containers/tools.sh):
 *  - gdb and gdbserver turn ASLR off for a program they start
 *    (set disable-randomization on, the default) and only warn when
 *    personality(ADDR_NO_RANDOMIZE) fails; lldb aborts the launch instead
 *    (ProcessLauncherPosixFork: "personality set failed");
 *  - rr record needs a hardware counter (retired conditional branches),
 *    ptrace and a seccomp filter of its own (syscall buffering);
 *  - perf stat / perf record fall back to software events without a PMU;
 *  - bpftrace refuses to run unless root, then loads programs with bpf()
 *    and attaches them with perf_event_open;
 *  - delve turns ASLR off only with --disable-aslr, and ignores a failure;
 *  - py-spy dump and austin read another process's memory with
 *    process_vm_readv (py-spy also pauses it with ptrace);
 *  - heaptrack starts a program with LD_PRELOAD, and attaches with gdb;
 *  - valgrind runs the program on its own CPU: no ptrace, no personality. */
#include "config.h"
#include "check/tools.h"
#include "strbuf.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define F LVL_FAILS
#define D LVL_DEGRADES

const struct tool_req check_tools[] = {
	{ "gdb", "run", "gdb -ex run PROG", { [NEED_SPAWN] = F, [NEED_NO_ASLR] = D },
	  "the program runs with ASLR on, and gdb warns \"Error disabling address space randomization\"" },
	{ "gdb", "attach", "gdb -p PID", { [NEED_ATTACH] = F }, NULL },
	{ "gdbserver", "run", "gdbserver - PROG", { [NEED_SPAWN] = F, [NEED_NO_ASLR] = D },
	  "the program runs with ASLR on, and gdbserver warns \"Error disabling address space randomization\"" },
	{ "gdbserver", "attach", "gdbserver --attach - PID", { [NEED_ATTACH] = F }, NULL },
	{ "lldb", "launch", "lldb -o run PROG", { [NEED_SPAWN] = F, [NEED_NO_ASLR] = F }, NULL },
	{ "lldb", "attach", "lldb -p PID", { [NEED_ATTACH] = F }, NULL },
	{ "strace", "run", "strace PROG", { [NEED_SPAWN] = F }, NULL },
	{ "strace", "attach", "strace -p PID", { [NEED_ATTACH] = F }, NULL },
	{ "ltrace", "run", "ltrace PROG", { [NEED_SPAWN] = F }, NULL },
	{ "rr", "record", "rr record PROG",
	  { [NEED_SPAWN] = F, [NEED_PERF_HW] = F, [NEED_SECCOMP] = F }, NULL },
	{ "perf", "stat", "perf stat PROG", { [NEED_PERF_SW] = F, [NEED_PERF_HW] = D },
	  "hardware events (cycles, instructions) show <not supported>; software events only" },
	{ "perf", "record", "perf record PROG", { [NEED_PERF_SW] = F, [NEED_PERF_HW] = D },
	  "perf samples with the cpu-clock software event instead of cycles" },
	{ "bpftrace", "run", "bpftrace -e 'BEGIN { exit(); }'", { [NEED_ROOT] = F, [NEED_BPF] = F }, NULL },
	{ "py-spy", "dump", "py-spy dump --pid PID", { [NEED_PEEK_OTHER] = F, [NEED_ATTACH] = F }, NULL },
	{ "austin", "attach", "austin -p PID", { [NEED_PEEK_OTHER] = F }, NULL },
	{ "dlv", "launch", "dlv exec --disable-aslr PROG", { [NEED_SPAWN] = F, [NEED_NO_ASLR] = D },
	  "the program runs with ASLR on, silently (delve ignores the failure)" },
	{ "dlv", "attach", "dlv attach PID", { [NEED_ATTACH] = F }, NULL },
	{ "valgrind", "run", "valgrind PROG", { 0 }, NULL },
	{ "heaptrack", "run", "heaptrack PROG", { 0 }, NULL },
	{ "heaptrack", "attach", "heaptrack -p PID", { [NEED_ATTACH] = F }, NULL },
};
const size_t check_tool_count = sizeof(check_tools) / sizeof(check_tools[0]);

_Static_assert(sizeof(check_tools) / sizeof(check_tools[0]) <= CHECK_TOOL_MAX,
	       "CHECK_TOOL_MAX too small for the tools table");

#undef F
#undef D

int check_tool_find(const char *spec, int start)
{
	const char *colon = strchr(spec, ':');
	size_t nlen = colon ? (size_t)(colon - spec) : strlen(spec);

	for (size_t i = start < 0 ? 0 : (size_t)start; i < check_tool_count; i++) {
		const struct tool_req *t = &check_tools[i];
		if (strlen(t->name) != nlen || strncmp(t->name, spec, nlen))
			continue;
		if (!colon || !strcmp(colon + 1, t->action))
			return (int)i;
	}
	return -1;
}

/* ---- one need ---- */

struct need_res {
	bool missing;
	char cause[400];
	char fix[400];
};

static void miss(struct need_res *r, const char *fix, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void miss(struct need_res *r, const char *fix, const char *fmt, ...)
{
	va_list ap;

	r->missing = true;
	va_start(ap, fmt);
	vsnprintf(r->cause, sizeof(r->cause), fmt, ap);
	va_end(ap);
	snprintf(r->fix, sizeof(r->fix), "%s", fix ? fix : "");
}

static void from_mode(struct need_res *r, const struct check_mode_result *m)
{
	if (m->verdict != VERDICT_FAILS)
		return;
	r->missing = true;
	snprintf(r->cause, sizeof(r->cause), "%s", m->cause);
	snprintf(r->fix, sizeof(r->fix), "%s", m->fix);
}

static bool cap(const struct check_facts *f, int c)
{
	return check_has_cap(f->cap_eff, c);
}

static const char *const BROAD =
	"--security-opt seccomp=unconfined (broader than needed: turns off all syscall filtering)";

/* perf_event_open: the filter, then perf_event_paranoid. */
static bool perf_blocked(const struct check_facts *f, enum probe_id real, struct need_res *r)
{
	const struct probe_outcome *o = &f->probes[real];
	char how[200], fix[400];

	if (check_filter_blocks(f, PROBE_PERF_EVENT_OPEN, how, sizeof(how)) ||
	    ((o->result == PROBE_KILLED || o->result == PROBE_HUNG) &&
	     check_filter_blocks(f, real, how, sizeof(how)))) {
		snprintf(fix, sizeof(fix),
			 "add perf_event_open to your seccomp profile's allow list (Docker's and "
			 "podman's default profiles allow it only with --cap-add PERFMON or SYS_ADMIN), "
			 "or %s", BROAD);
		miss(r, fix, "perf_event_open %s", how);
		return true;
	}
	if (o->result == PROBE_ERRNO && (o->err == EACCES || o->err == EPERM)) {
		char par[40] = "";
		if (f->perf_paranoid != CHECK_PARANOID_UNKNOWN)
			snprintf(par, sizeof(par), "=%d", f->perf_paranoid);
		miss(r, "--cap-add PERFMON, or sysctl kernel.perf_event_paranoid=2 (on the host; "
		     "affects the whole host)",
		     "the kernel refuses perf_event_open (%s): kernel.perf_event_paranoid%s "
		     "without CAP_PERFMON", check_err_name(o->err), par);
		return true;
	}
	return false;
}

static void judge(enum tool_need n, const struct check_facts *f, const struct check_report *rep,
		  const struct tool_req *t, struct need_res *r)
{
	char how[200], fix[400];
	const struct probe_outcome *o;

	memset(r, 0, sizeof(*r));
	switch (n) {
	case NEED_SPAWN:
		from_mode(r, &rep->modes[MODE_SPAWN]);
		break;
	case NEED_ATTACH:
		from_mode(r, &rep->modes[f->target.present ? MODE_ATTACH_PID : MODE_ATTACH]);
		break;
	case NEED_NO_ASLR:
		from_mode(r, &rep->modes[MODE_NO_ASLR]);
		break;
	case NEED_SECCOMP:
		if (rep->modes[MODE_SECCOMP_BPF].verdict == VERDICT_OK)
			break;
		if (check_filter_blocks(f, PROBE_SECCOMP, how, sizeof(how)) ||
		    check_filter_blocks(f, PROBE_SECCOMP_FILTER, how, sizeof(how)))
			miss(r, rep->modes[MODE_SECCOMP_BPF].fix,
			     "installing a seccomp filter is impossible: seccomp %s", how);
		else
			from_mode(r, &rep->modes[MODE_SECCOMP_BPF]);
		break;
	case NEED_PEEK_OTHER:
		if (check_filter_blocks(f, PROBE_VM_READV, how, sizeof(how))) {
			o = &f->probes[PROBE_VM_READV];
			if (o->result == PROBE_ERRNO && o->err == EPERM &&
			    !check_has_cap(f->cap_bnd, CHECK_CAP_SYS_PTRACE))
				snprintf(fix, sizeof(fix), "--cap-add SYS_PTRACE (Docker's default "
					 "profile then allows process_vm_readv), or add process_vm_readv "
					 "to your seccomp profile's allow list");
			else
				snprintf(fix, sizeof(fix), "add process_vm_readv to your seccomp "
					 "profile's allow list, or %s", BROAD);
			miss(r, fix, "process_vm_readv %s", how);
			break;
		}
		/* the kernel's check is ptrace's (PTRACE_MODE_ATTACH_REALCREDS):
		 * Yama, uid, capability, not seccomp's ptrace rules */
		if (!check_filter_blocks(f, PROBE_PTRACE, how, sizeof(how)))
			from_mode(r, &rep->modes[f->target.present ? MODE_ATTACH_PID : MODE_ATTACH]);
		break;
	case NEED_PERF_SW:
		perf_blocked(f, PROBE_PERF_SW, r);
		break;
	case NEED_PERF_HW:
		o = &f->probes[PROBE_PERF_HW];
		if (f->pmu_hw == 0 || (o->result == PROBE_ERRNO &&
				       (o->err == ENOENT || o->err == EOPNOTSUPP || o->err == ENODEV))) {
			struct need_res also;
			memset(&also, 0, sizeof(also));
			perf_blocked(f, PROBE_PERF_HW, &also);
			miss(r, "none in a container: run on bare metal or in a VM that exposes the "
			     "CPU's performance counters (e.g. QEMU/KVM -cpu host)",
			     "this machine has no hardware performance counters (%s)%s%s",
			     f->pmu_hw == 0 ? "no CPU PMU in /sys/bus/event_source/devices; a VM that "
					      "does not expose one" :
			     o->err == ENOENT ? "perf_event_open of a hardware counter: ENOENT" :
						"perf_event_open of a hardware counter is not supported",
			     also.missing ? "; besides, " : "", also.missing ? also.cause : "");
			break;
		}
		perf_blocked(f, PROBE_PERF_HW, r);
		break;
	case NEED_BPF:
		if (check_filter_blocks(f, PROBE_BPF, how, sizeof(how))) {
			o = &f->probes[PROBE_BPF];
			bool eperm = o->result == PROBE_ERRNO && o->err == EPERM;
			snprintf(fix, sizeof(fix), "%sadd bpf and perf_event_open to your seccomp "
				 "profile's allow list, or %s",
				 eperm && !check_has_cap(f->cap_bnd, CHECK_CAP_SYS_ADMIN)
				 ? "--cap-add SYS_ADMIN (Docker's and podman's default profiles "
				   "then allow bpf and perf_event_open), or " : "", BROAD);
			miss(r, fix, "bpf %s", how);
			break;
		}
		if (!cap(f, CHECK_CAP_SYS_ADMIN) && !(cap(f, CHECK_CAP_BPF) && cap(f, CHECK_CAP_PERFMON))) {
			miss(r, f->euid != 0 ? "--cap-add SYS_ADMIN and run as root (--user 0)" :
			     "--cap-add SYS_ADMIN (CAP_BPF and CAP_PERFMON suffice for the kernel, but "
			     "the default profiles allow bpf only with SYS_ADMIN)",
			     "loading and attaching tracing programs needs CAP_BPF and CAP_PERFMON, or "
			     "CAP_SYS_ADMIN, which %s lacks", t->name);
			break;
		}
		if (perf_blocked(f, PROBE_PERF_SW, r))
			break;
		o = &f->probes[PROBE_BPF];
		if (o->result == PROBE_ERRNO)
			miss(r, NULL, "the kernel refuses bpf() (%s)", check_err_name(o->err));
		break;
	case NEED_ROOT:
		if (f->euid != 0)
			miss(r, "run it as root (--user 0, docker exec -u 0)",
			     "%s refuses to run as a non-root user (euid %u)", t->name, (unsigned)f->euid);
		break;
	case NEED_COUNT:
		break;
	}
}

/* "a; b" without repeating a part already there. */
static void append(char *dst, size_t size, const char *part)
{
	struct strbuf sb;

	if (!part[0] || strstr(dst, part))
		return;
	sb_init_cat(&sb, dst, size);
	sb_printf(&sb, "%s%s", sb_len(&sb) ? "; " : "", part);
}

static void assess_tool(const struct tool_req *t, const struct check_facts *f,
			const struct check_report *rep, struct check_mode_result *out)
{
	struct need_res r;

	memset(out, 0, sizeof(*out));
	out->present = true;
	out->verdict = VERDICT_OK;
	for (int lvl = LVL_FAILS; lvl >= LVL_DEGRADES; lvl--) {
		for (int n = 0; n < NEED_COUNT; n++) {
			if (t->need[n] != lvl)
				continue;
			judge((enum tool_need)n, f, rep, t, &r);
			if (!r.missing)
				continue;
			if (out->verdict == VERDICT_OK)
				out->verdict = lvl == LVL_FAILS ? VERDICT_FAILS : VERDICT_DEGRADED;
			if (lvl == LVL_DEGRADES && t->degraded) {
				char c[sizeof(out->cause) + sizeof(r.cause)];
				snprintf(c, sizeof(c), "%s: %s", t->degraded, r.cause);
				append(out->cause, sizeof(out->cause), c);
			} else {
				append(out->cause, sizeof(out->cause), r.cause);
			}
			append(out->fix, sizeof(out->fix), r.fix);
		}
	}
}

void check_assess_tools(const struct check_facts *f, const struct check_report *modes,
			struct check_mode_result out[CHECK_TOOL_MAX])
{
	for (size_t i = 0; i < check_tool_count; i++)
		assess_tool(&check_tools[i], f, modes, &out[i]);
}
