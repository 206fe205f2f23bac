#include "config.h"
#include "stacktrace.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#if HAVE_LIBIBERTY_DEMANGLE_H
#include <libiberty/demangle.h>
#endif

#include "dwapi.h"
#include "mem.h"
#include "sink.h"
#include "quote.h"
#include "strbuf.h"
#include "syscallent.h"
#include "util.h"

/* Frames shown at most per syscall (a corrupted stack must not loop). */
#define STACK_MAX_FRAMES 256

/* Symbolized frames by pc: dwfl_module_addrinfo scans the whole symbol
 * table on every call, and a program makes its syscalls from few places. */
#define SYMCACHE_SIZE 8192u   /* slots, a power of two; cleared when 3/4 full */

struct symcache_ent {
	Dwarf_Addr pc;            /* 0: empty slot */
	bool activation;
	struct stack_frame_info f;   /* f.symbol: demangled, or the Dwfl's name */
	char *demangled;          /* owned: f.symbol when the name was demangled */
};

/* One traced process (thread group): its Dwfl and module map. */
struct stack_proc {
	pid_t tgid;
	Dwfl *dwfl;
	uint64_t modsig;      /* signature of the module list (symcache validity) */
	struct symcache_ent *symcache;
	unsigned nsym;
	bool attached;        /* dwfl_attach_state done */
	bool stale;           /* re-report the modules before the next unwind */
	bool rebuild;         /* execve: throw the Dwfl away */
	pid_t cur_tid;        /* the stopped thread being unwound */
	/* one block of the stack, valid during one unwind (process_vm_readv
	 * reads a block for the price of a word; PEEKDATA does not) */
	unsigned long mc_base;
	size_t mc_len;        /* 0: empty */
	unsigned char mc[512];
	unsigned refs;        /* threads pointing here */
	bool warned;
	struct stack_proc *next;
};

struct stack_tcb {
	struct stack_proc *proc;
	struct strbuf text;   /* formatted lines of the capture */
	bool captured;        /* text belongs to the current syscall */
};

static struct stack_proc *procs;
static bool always_rescan;

static char *debuginfo_path;
/* libdw's functions (stacktrace_load()) and its callbacks for a process */
static const struct dw_api *dw;
static Dwfl_Callbacks proc_callbacks = { .debuginfo_path = &debuginfo_path };

int stacktrace_load(const char **why)
{
	if (dw)
		return 0;
	dw = dw_api_load(why);
	if (!dw)
		return -1;
	proc_callbacks.find_elf = dw->dwfl_linux_proc_find_elf;
	proc_callbacks.find_debuginfo = dw->dwfl_standard_find_debuginfo;
	return 0;
}

void stacktrace_set_always_rescan(bool on)
{
	always_rescan = on;
}

/* ---- formatting ---- */

/* C++ names as strace shows them: demangled with libiberty's
 * cplus_demangle when ctrace is built with it (libiberty-dev; ctrace -V
 * lists stack-demangle), as they are otherwise.  NULL: print the name. */
#if HAVE_LIBIBERTY_DEMANGLE_H
const bool stacktrace_demangles = true;

char *stack_demangle(const char *sym)
{
	if (!sym || strncmp(sym, "_Z", 2) != 0)
		return NULL;
	return cplus_demangle(sym, DMGL_AUTO | DMGL_PARAMS);
}
#else
const bool stacktrace_demangles = false;

char *stack_demangle(const char *sym)
{
	(void)sym;
	return NULL;
}
#endif

int stack_format_frame(char *buf, size_t size, const struct stack_frame_info *f,
		       bool plus_zero)
{
	/* module and symbol names come from the tracee's files: escaped */
	char mod[QUOTE_SIZE(1024)], sym[QUOTE_SIZE(1024)];

	if (!f->module)
		return snprintf(buf, size, " > ?() [0x%lx]\n", f->addr);
	quote_bare_buf(f->module, mod, sizeof(mod));
	if (f->symbol && *f->symbol)
		return snprintf(buf, size, " > %s(%s+0x%lx) [0x%lx]\n", mod,
				quote_bare_buf(f->symbol, sym, sizeof(sym)), f->sym_off, f->addr);
	return snprintf(buf, size, " > %s(%s) [0x%lx]\n", mod,
			plus_zero ? "+0x0" : "", f->addr);
}

bool stacktrace_maps_change(const struct syscall_ent *e, const unsigned long *args)
{
	if (!e)
		return false;
	if (e->props & SP_MAPS_EXEC)
		return (args[2] & PROT_EXEC) != 0;
	return (e->props & SP_MAPS) != 0;
}

/* ---- libdwfl thread callbacks: our registers and memory ---- */

static pid_t cb_next_thread(Dwfl *dwfl, void *arg, void **thread_argp)
{
	struct stack_proc *p = arg;

	(void)dwfl;
	/* Only the thread we stopped can be unwound: report it once. */
	if (*thread_argp)
		return 0;
	*thread_argp = p;
	return p->cur_tid;
}

static bool cb_get_thread(Dwfl *dwfl, pid_t tid, void *arg, void **thread_argp)
{
	struct stack_proc *p = arg;

	(void)dwfl;
	*thread_argp = p;
	return tid == p->cur_tid;
}

static bool cb_memory_read(Dwfl *dwfl, Dwarf_Addr addr, Dwarf_Word *result, void *arg)
{
	struct stack_proc *p = arg;
	unsigned long base = (unsigned long)addr & ~(unsigned long)(sizeof(p->mc) - 1);

	(void)dwfl;
	if (mem_vm_readv_enabled() && addr + sizeof(*result) <= base + sizeof(p->mc)) {
		if (p->mc_len == 0 || p->mc_base != base) {
			ssize_t n = mem_read_partial(p->cur_tid, base, p->mc, sizeof(p->mc));

			p->mc_len = n > 0 ? (size_t)n : 0;
			p->mc_base = base;
		}
		if (addr + sizeof(*result) <= base + p->mc_len) {
			memcpy(result, p->mc + (addr - base), sizeof(*result));
			return true;
		}
	}
	return mem_read(p->cur_tid, (unsigned long)addr, result, sizeof(*result)) == 0;
}

static bool cb_set_initial_registers(Dwfl_Thread *thread, void *thread_arg)
{
	uint64_t regs[ARCH_DWARF_NREGS_MAX];
	unsigned nregs = 0;
	uint64_t pc = 0;

	(void)thread_arg;
	if (arch_native_regs.dwarf_regs(dw->dwfl_thread_tid(thread), regs, &nregs, &pc) < 0)
		return false;
	if (!dw->dwfl_thread_state_registers(thread, 0, nregs, regs))
		return false;
	dw->dwfl_thread_state_register_pc(thread, pc);
	return true;
}

static const Dwfl_Thread_Callbacks thread_callbacks = {
	.next_thread = cb_next_thread,
	.get_thread = cb_get_thread,
	.memory_read = cb_memory_read,
	.set_initial_registers = cb_set_initial_registers,
};

/* ---- per-process cache ---- */

static pid_t tgid_of(pid_t tid)
{
	long tgid;

	return proc_status_long(tid, "Tgid", &tgid) == 0 ? (pid_t)tgid : tid;
}

static struct stack_proc *proc_get(pid_t tgid)
{
	struct stack_proc *p;

	for (p = procs; p; p = p->next)
		if (p->tgid == tgid && !p->rebuild)
			break;
	if (!p) {
		p = xcalloc(1, sizeof(*p));
		p->tgid = tgid;
		p->next = procs;
		procs = p;
	}
	p->refs++;
	return p;
}

/* Empty every slot (and free the demangled names they own). */
static void symcache_clear(struct stack_proc *p)
{
	if (!p->symcache)
		return;
	for (unsigned i = 0; i < SYMCACHE_SIZE; i++)
		free(p->symcache[i].demangled);
	memset(p->symcache, 0, SYMCACHE_SIZE * sizeof(*p->symcache));
	p->nsym = 0;
}

static void proc_put(struct stack_proc *p)
{
	if (!p || --p->refs > 0)
		return;
	for (struct stack_proc **pp = &procs; *pp; pp = &(*pp)->next) {
		if (*pp == p) {
			*pp = p->next;
			break;
		}
	}
	if (p->dwfl)
		dw->dwfl_end(p->dwfl);
	symcache_clear(p);
	free(p->symcache);
	free(p);
}

static int modsig_cb(Dwfl_Module *mod, void **userdata, const char *name,
		     Dwarf_Addr start, void *arg)
{
	uint64_t *sig = arg;
	Dwarf_Addr end = 0;

	(void)userdata;
	dw->dwfl_module_info(mod, NULL, NULL, &end, NULL, NULL, NULL, NULL);
	/* FNV-1a over the module pointers, ranges and names */
	*sig = (*sig ^ (uint64_t)(uintptr_t)mod) * 0x100000001b3ULL;
	*sig = (*sig ^ start) * 0x100000001b3ULL;
	*sig = (*sig ^ end) * 0x100000001b3ULL;
	for (const char *c = name; c && *c; c++)
		*sig = (*sig ^ (unsigned char)*c) * 0x100000001b3ULL;
	return DWARF_CB_OK;
}

/* The symbol cache holds module and symbol names owned by the Dwfl: it is
 * valid while the module list is the same. */
static void symcache_check(struct stack_proc *p)
{
	uint64_t sig = 0xcbf29ce484222325ULL;

	dw->dwfl_getmodules(p->dwfl, modsig_cb, &sig, 0);
	if (sig != p->modsig)
		symcache_clear(p);
	p->modsig = sig;
}

static struct symcache_ent *symcache_slot(struct stack_proc *p, Dwarf_Addr pc, bool activation)
{
	unsigned i;

	if (!p->symcache)
		p->symcache = xcalloc(SYMCACHE_SIZE, sizeof(*p->symcache));
	if (p->nsym >= SYMCACHE_SIZE / 4 * 3)
		symcache_clear(p);
	i = (unsigned)((pc * 0x9e3779b97f4a7c15ULL) >> 40) & (SYMCACHE_SIZE - 1);
	for (;; i = (i + 1) & (SYMCACHE_SIZE - 1)) {
		struct symcache_ent *e = &p->symcache[i];

		if (e->pc == 0 || (e->pc == pc && e->activation == activation))
			return e;
	}
}

/* Make p->dwfl describe the current address space.  0 or -1 (dwfl_errmsg). */
static int proc_ready(struct stack_proc *p)
{
	if (p->dwfl && !p->stale && !always_rescan)
		return 0;
	if (!p->dwfl) {
		p->dwfl = dw->dwfl_begin(&proc_callbacks);
		if (!p->dwfl)
			return -1;
		p->attached = false;
	}
	dw->dwfl_report_begin(p->dwfl);
	if (dw->dwfl_linux_proc_report(p->dwfl, p->tgid) != 0) {
		dw->dwfl_report_end(p->dwfl, NULL, NULL);
		return -1;
	}
	if (dw->dwfl_report_end(p->dwfl, NULL, NULL) != 0)
		return -1;
	p->stale = false;
	symcache_check(p);
	if (!p->attached) {
		if (!dw->dwfl_attach_state(p->dwfl, NULL, p->tgid, &thread_callbacks, p))
			return -1;
		p->attached = true;
	}
	return 0;
}

static struct stack_tcb *stack_of(struct tcb *tcp)
{
	if (!tcp->stack) {
		tcp->stack = xcalloc(1, sizeof(*tcp->stack));
		sb_init_grow(&tcp->stack->text, NULL, 0);
	}
	if (!tcp->stack->proc || tcp->stack->proc->rebuild) {
		proc_put(tcp->stack->proc);
		tcp->stack->proc = proc_get(tgid_of(tcp->pid));
	}
	return tcp->stack;
}

/* ---- unwinding ---- */

struct walk {
	struct stack_tcb *st;
	struct stack_proc *proc;
	Dwfl *dwfl;
	bool plus_zero;
	unsigned nframes;
};

static void symbolize(Dwfl *dwfl, Dwarf_Addr pc, bool activation, struct stack_frame_info *f)
{
	/* A return address may be one past the end of the calling function:
	 * look the caller up at pc - 1, print pc itself. */
	Dwarf_Addr lookup = activation || pc == 0 ? pc : pc - 1;
	Dwfl_Module *mod = dw->dwfl_addrmodule(dwfl, lookup);

	*f = (struct stack_frame_info){ .addr = pc };
	if (mod) {
		Dwarf_Addr start = 0;
		GElf_Off off = 0;
		GElf_Sym sym;

		f->module = dw->dwfl_module_info(mod, NULL, &start, NULL, NULL, NULL, NULL, NULL);
		f->addr = pc - start;
		f->symbol = dw->dwfl_module_addrinfo(mod, lookup, &off, &sym, NULL, NULL, NULL);
		f->sym_off = off + (pc - lookup);
	}
}

static void add_frame(struct walk *w, Dwarf_Addr pc, bool activation)
{
	struct symcache_ent *e = pc ? symcache_slot(w->proc, pc, activation) : NULL;
	_cleanup_free_ char *uncached = NULL;
	struct stack_frame_info f;
	char line[4096];
	int n;

	if (e && e->pc == pc) {
		f = e->f;
	} else {
		/* demangled once, when the frame enters the cache */
		symbolize(w->dwfl, pc, activation, &f);
		char *plain = stack_demangle(f.symbol);

		if (plain)
			f.symbol = plain;
		if (e) {
			e->pc = pc;
			e->activation = activation;
			e->f = f;
			e->demangled = plain;
			w->proc->nsym++;
		} else {
			uncached = plain;
		}
	}
	n = stack_format_frame(line, sizeof(line), &f, w->plus_zero);
	if (n < 0)
		return;
	if ((size_t)n >= sizeof(line))
		n = sizeof(line) - 1;
	sb_append(&w->st->text, line, (size_t)n);
}

static int frame_cb(Dwfl_Frame *state, void *arg)
{
	struct walk *w = arg;
	Dwarf_Addr pc;
	bool activation;

	if (!dw->dwfl_frame_pc(state, &pc, &activation))
		return DWARF_CB_ABORT;
	add_frame(w, pc, activation);
	if (++w->nframes >= STACK_MAX_FRAMES)
		return DWARF_CB_ABORT;
	return DWARF_CB_OK;
}

static bool captured_at_entry_form(const struct tcb *tcp)
{
	/* strace prints "(+0x0)" for a symbol-less frame of the syscalls it
	 * unwinds at entry, "()" for all others. */
	return tcp->ent && (tcp->ent->props & SP_UNWIND_ENTRY);
}

static void unwind(struct tcb *tcp, struct stack_tcb *st, bool plus_zero)
{
	struct stack_proc *p = st->proc;
	struct walk w = { .st = st, .proc = p, .plus_zero = plus_zero };

	sb_reset(&st->text);
	if (!dw)
		return; /* not loaded: see stacktrace_load() */
	if (tcp->arch != arch_native)
		return; /* another personality: no unwinder registers for it */
	if (proc_ready(p) < 0) {
		if (!p->warned)
			ct_warn("-k: cannot read the modules of process %d: %s", p->tgid,
				dw->dwfl_errmsg(-1));
		p->warned = true;
		p->stale = true;
		return;
	}
	w.dwfl = p->dwfl;
	p->cur_tid = tcp->pid;
	p->mc_len = 0;
	/* The end of the stack is often reported as an error: the frames
	 * found until then are what there is. */
	dw->dwfl_getthread_frames(p->dwfl, tcp->pid, frame_cb, &w);
	if (w.nframes == 0) {
		unsigned long ip, sp;

		/* Not even the first frame: show where the thread is. */
		if (arch_native_regs.get_ip_sp(tcp->pid, &ip, &sp) == 0)
			add_frame(&w, ip, true);
	}
}

void stacktrace_capture(struct tcb *tcp)
{
	struct stack_tcb *st = stack_of(tcp);

	unwind(tcp, st, captured_at_entry_form(tcp));
	st->captured = true;
}

void stacktrace_syscall_exit(struct tcb *tcp)
{
	if (tcp->err || !tcp->ent || !stacktrace_maps_change(tcp->ent, tcp->args))
		return;
	stack_of(tcp)->proc->stale = true;
}

void stacktrace_print(struct tcb *tcp, bool alive)
{
	struct stack_tcb *st = tcp->stack;

	if ((!st || !st->captured) && alive) {
		st = stack_of(tcp);
		unwind(tcp, st, false);
		st->captured = true;
	}
	if (!st || !st->captured)
		return;
	if (sb_len(&st->text)) {
		sink_write(tcp->out, sb_str(&st->text), sb_len(&st->text));
		if (tcp->out->flush_lines)
			sink_flush(tcp->out);
	}
	st->captured = false;
	sb_reset(&st->text);
}

void stacktrace_exec(struct tcb *tcp)
{
	struct stack_tcb *st = tcp->stack;

	if (!st)
		return;
	/* The frames captured at execve's entry belong to the old program;
	 * like strace, show the new program's stack at the exit instead. */
	st->captured = false;
	sb_reset(&st->text);
	if (st->proc)
		st->proc->rebuild = true;
}

void stacktrace_tcb_free(struct tcb *tcp)
{
	struct stack_tcb *st = tcp->stack;

	if (!st)
		return;
	proc_put(st->proc);
	sb_free(&st->text);
	free(st);
	tcp->stack = NULL;
}
