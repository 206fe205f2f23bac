/* -k: the tracee's stack at every shown syscall, unwound with elfutils'
 * libdwfl and printed after the syscall line as strace does:
 *
 *     > /usr/lib/x86_64-linux-gnu/libc.so.6(__write+0x10) [0xf8350]
 *
 * module path, symbol+offset (empty parentheses when the module has no
 * symbol there), and the address relative to the module's load bias.
 *
 * One Dwfl per process (thread group), kept between syscalls: the module
 * map is re-read from /proc/PID/maps only after a syscall that changed the
 * executable mappings (mmap, munmap, mremap, mprotect with PROT_EXEC, ...)
 * succeeded, and the whole Dwfl is rebuilt after execve.  Registers come
 * from the arch layer (arch_native_regs.dwarf_regs), memory through
 * src/mem.c, so unwinding works when process_vm_readv is blocked
 * (PTRACE_PEEKDATA fallback). */
#ifndef CTRACE_STACKTRACE_H
#define CTRACE_STACKTRACE_H

#include <stdbool.h>
#include <stddef.h>

#include "tcb.h"

/* Per-tracee state, hung on tcp->stack (opaque to the tracer). */
struct stack_tcb;

/* Load libdw (src/dwapi.h): 0, or -1 with *why.  Needed before the
 * functions below unwind anything (tracer_init() with -k). */
int stacktrace_load(const char **why);
/* At the entry of a syscall whose line is shown: unwind now and keep the
 * formatted frames until stacktrace_print(). */
void stacktrace_capture(struct tcb *tcp);
/* At every syscall exit (shown or not, before the filters): a successful
 * mapping change makes the process's module map stale. */
void stacktrace_syscall_exit(struct tcb *tcp);
/* After the syscall's line was ended: print the frames captured at entry
 * (or, when none were captured, unwind now if the tracee is alive). */
void stacktrace_print(struct tcb *tcp, bool alive);
/* PTRACE_EVENT_EXEC: a new program, new modules. */
void stacktrace_exec(struct tcb *tcp);
/* The tracee is going away (drop_tcb). */
void stacktrace_tcb_free(struct tcb *tcp);
/* Re-read the module map at every capture, for when syscall exits are not
 * all seen (the seccomp fast path lets unselected mmaps run unstopped). */
void stacktrace_set_always_rescan(bool on);

/* Built with libiberty: C++ symbols are shown demangled (-V lists it). */
extern const bool stacktrace_demangles;

/* Does a successful call of this syscall change the executable mappings?
 * (its row's maps / maps_exec properties; args: the syscall's arguments,
 * for mprotect's PROT_EXEC).  false for NULL. */
bool stacktrace_maps_change(const struct syscall_ent *e, const unsigned long *args);

/* --- Pure formatting (unit-tested) --- */
struct stack_frame_info {
	const char *module;       /* path of the module, NULL when unknown */
	const char *symbol;       /* NULL or "" when no symbol covers the pc */
	unsigned long sym_off;    /* pc - symbol start */
	unsigned long addr;       /* module-relative (or absolute when no module) */
};
/* SYMBOL as strace shows it: a C++ name demangled (malloc'ed), NULL when
 * it is not one, is not demangled, or ctrace is built without libiberty.
 * The frame cache keeps the result: one call per cached frame. */
char *stack_demangle(const char *sym);
/* " > MODULE(SYMBOL+0xOFF) [0xADDR]\n" (SYMBOL printed as it is); without a symbol "MODULE() [0xADDR]",
 * or "MODULE(+0x0) [0xADDR]" with plus_zero (strace's form for the
 * syscalls it unwinds at entry: execve, execveat, exit, exit_group);
 * without a module " > ?() [0xADDR]".  Returns the length snprintf would
 * have written. */
int stack_format_frame(char *buf, size_t size, const struct stack_frame_info *f,
		       bool plus_zero);

#endif
