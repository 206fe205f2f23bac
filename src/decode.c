#include "config.h"
#include "decode.h"

#include <stdio.h>
#include <string.h>

#include "dump.h"
#include "filter.h"
#include "inject.h"
#include "pids.h"
#include "sink.h"
#include "stage.h"
#include "stacktrace.h"
#include "util.h"

static bool is_exit_kind(uint8_t kind)
{
	return kind == AK_OUTBUF || kind == AK_OUTPTR;
}

/* strace's name for bits of a flag set that match no item: the items'
 * common prefix and "???" ("AT_???", "MFD_???"); NULL when the items
 * share no prefix.  renameat2's is "RENAME_??" in strace; open_flags has
 * FASYNC among the O_ names. */
static const char *flags_unknown_name(const struct xlat *x, char *buf, size_t size)
{
	size_t len = 0;

	if (!x || !x->n)
		return NULL;
	if (x->name && !strcmp(x->name, "renameat2_flags"))
		return "RENAME_??";
	if (x->name && !strcmp(x->name, "open_flags"))
		return "O_???";             /* FASYNC breaks the prefix */
	if (x->name && !strcmp(x->name, "setns_types"))
		return "CLONE_NEW???";
	if (x->name && !strcmp(x->name, "pkey_access_rights"))
		return "PKEY_???";
	len = strlen(xlat_str(x, 0));
	for (unsigned i = 1; i < x->n; i++) {
		size_t k = 0;

		while (k < len && xlat_str(x, i)[k] == xlat_str(x, 0)[k])
			k++;
		len = k;
	}
	while (len && xlat_str(x, 0)[len - 1] != '_')
		len--;
	if (!len)
		return NULL;
	snprintf(buf, size, "%.*s???", (int)len, xlat_str(x, 0));
	return buf;
}

/* A flags argument: as print_flags, but a value none of whose bits has a
 * name gets strace's comment: "0x4000 /+ AT_??? +/". */
void print_flags_arg(struct tcb *tcp, const struct xlat *x, uint64_t v)
{
	char buf[64];
	const char *unknown;

	if (v && pcfg.xlat_style != XLAT_RAW && x) {
		for (unsigned i = 0; i < x->n; i++) {
			if (x->items[i].val && (v & x->items[i].val) == x->items[i].val) {
				print_flags(tcp, x, v, NULL);
				return;
			}
		}
		if ((unknown = flags_unknown_name(x, buf, sizeof(buf)))) {
			tprintf(tcp, "%#llx /* %s */", (unsigned long long)v, unknown);
			return;
		}
	}
	print_flags(tcp, x, v, NULL);
}

/* An enumeration: its name, else hex with strace's "X_???" comment. */
void print_xenum(struct tcb *tcp, const struct xlat *x, uint64_t v)
{
	char buf[64];

	print_xval(tcp, x, v, flags_unknown_name(x, buf, sizeof(buf)));
}

/* print_arg(), inline in the generic decoder's loops (no call per
 * argument there) */
static inline __attribute__((always_inline)) void print_arg_inline(struct tcb *tcp, unsigned i)
{
	const struct argspec *as = &tcp->ent->args[i];
	unsigned long v = tcp->args[i];

	switch (as->kind) {
	case AK_INT: print_dec(tcp, (int)v); break;
	case AK_UINT: print_udec(tcp, (unsigned)v); break;
	case AK_LONG:
		/* a 32-bit personality: longs are 32 bits */
		print_dec(tcp, tcp->arch && tcp->arch->wordsize == 4 ? (long)(int32_t)v : (long)v);
		break;
	case AK_ULONG: print_udec(tcp, v); break;
	case AK_HEX: print_hex(tcp, v); break;
	case AK_MODE: print_mode(tcp, (uint16_t)v); break;
	case AK_FD: print_fd(tcp, (int)v); break;
	case AK_DIRFD: print_dirfd(tcp, (int)v); break;
	case AK_PATH: print_path(tcp, v); break;
	case AK_STR: print_str(tcp, v); break;
	case AK_PTR: print_addr(tcp, v); break;
	case AK_INBUF: print_buf(tcp, v, tcp->args[as->aux]); break;
	case AK_OUTBUF:
		if (tcp->err || tcp->rval < 0)
			print_addr(tcp, v);
		else
			print_buf(tcp, v, (unsigned long)tcp->rval);
		break;
	case AK_OUTPTR: print_addr(tcp, v); break;
	case AK_FLAGS: print_flags_arg(tcp, argspec_xlat(as), (uint32_t)v); break;
	case AK_LFLAGS: print_flags_arg(tcp, argspec_xlat(as), v); break;
	case AK_ENUM: print_xval_d(tcp, argspec_xlat(as), v); break;
	case AK_XENUM: print_xenum(tcp, argspec_xlat(as), (uint32_t)v); break;
	case AK_SIGNO: print_signo(tcp, (int)v); break;
	case AK_PID: print_pid_tgid_pgid(tcp, (int)v); break;
	case AK_ID: print_id(tcp, v); break;
	case AK_OFF: print_dec(tcp, (long)v); break;
	case AK_TID: print_pid(tcp, (int)v, PT_TID); break;
	case AK_PGID: print_pid(tcp, (int)v, PT_PGID); break;
	default: print_hex(tcp, v); break;
	}
}

void print_arg(struct tcb *tcp, unsigned i)
{
	print_arg_inline(tcp, i);
}

void print_args(struct tcb *tcp, unsigned from, unsigned to)
{
	for (unsigned i = from; i < to; i++) {
		if (i)
			tprint_arg_next(tcp);
		print_arg(tcp, i);
	}
}

bool print_fd_at_entry(struct tcb *tcp)
{
	if (tcp->exiting)
		return false;
	print_fd(tcp, (int)tcp->args[0]);
	tprint_arg_next(tcp);
	return true;
}

int decode_generic(struct tcb *tcp)
{
	const struct syscall_ent *e = tcp->ent;

	if (!tcp->exiting) {
		for (unsigned i = 0; i < e->nargs; i++) {
			if (is_exit_kind(e->args[i].kind)) {
				tcp->argpos = i;
				return DEC_MORE;
			}
			if (i)
				tprint_arg_next(tcp);
			print_arg_inline(tcp, i);
		}
		return DEC_DONE;
	}
	for (unsigned i = tcp->argpos; i < e->nargs; i++) {
		if (i)
			tprint_arg_next(tcp);
		print_arg_inline(tcp, i);
	}
	return DEC_DONE;
}

/* -e raw= and unknown numbers: every argument as a number. */
static void print_raw_args(struct tcb *tcp)
{
	unsigned n = tcp->ent ? tcp->ent->nargs : 6;

	for (unsigned i = 0; i < n; i++) {
		if (i)
			tprint_arg_next(tcp);
		print_hex(tcp, tcp->args[i]);
	}
}

static inline decoder_fn pick_decoder(struct tcb *tcp)
{
	/* (without an abbrev= set, -v's included, every call is
	 * abbreviated: no call) */
	pcfg.verbose = filter_abbrev_set ? !filter_abbrev(tcp) : false;
	/* -e verbose=: structures are not read; their addresses are printed
	 * (fetch_or_print_addr), scalars, flags and strings are as ever */
	pcfg.deref = filter_verbose(tcp);
	return syscall_decoder(tcp->ent) ?: decode_generic;
}

/* syscall_decode_args(), inline in the text printers of entry and exit */
static inline __attribute__((always_inline)) void decode_args_inline(struct tcb *tcp)
{
	if (!tcp->exiting) {
		tcp->argpos = 0;
		tcp->auxstr = NULL;
		tcp->rval_hex = false;
		tcp->rval_fd = false;
		tcp->rval_pid = 0;
		tcp->rval_int_err = false;
	}
	if (!tcp->ent) {
		if (!tcp->exiting && !(tcp->flags & TCB_UNKNOWN_SC))
			print_raw_args(tcp);
		tcp->decode_state = DEC_DONE;
		return;
	}
	if (tcp->exiting && tcp->decode_state == DEC_DONE)
		return;
	if (!tcp->exiting && filter_raw(tcp)) {
		print_raw_args(tcp);
		tcp->decode_state = DEC_DONE;
		return;
	}
	tcp->decode_state = pick_decoder(tcp)(tcp);
}

void syscall_decode_args(struct tcb *tcp)
{
	decode_args_inline(tcp);
}

const char *syscall_name(const struct tcb *tcp, char *buf, size_t size)
{
	if (tcp->ent)
		return tcp->ent->name;
	if (tcp->flags & TCB_UNKNOWN_SC)
		return "???"; /* as strace: the number could not be read */
	/* the number as the tracee gave it (x32's with its bit) */
	snprintf(buf, size, "syscall_%#lx",
		 (unsigned long)(tcp->arch ? arch_raw_nr(tcp->arch, tcp->scno) : tcp->scno));
	return buf;
}

void syscall_print_entry(struct tcb *tcp)
{
	char name[32];

	stage_begin(tcp);
	line_begin(tcp);
	tprints(tcp, syscall_name(tcp, name, sizeof(name)));
	tprints(tcp, "(");
	decode_args_inline(tcp);
}

const char *errno_text(int err, bool *restart)
{
	*restart = true;
	switch (err) {
	case ERESTARTSYS: return "ERESTARTSYS (To be restarted if SA_RESTART is set)";
	case ERESTARTNOINTR: return "ERESTARTNOINTR (To be restarted)";
	case ERESTARTNOHAND: return "ERESTARTNOHAND (To be restarted if no handler)";
	case ERESTART_RESTARTBLOCK: return "ERESTART_RESTARTBLOCK (Interrupted by signal)";
	default: break;
	}
	*restart = false;
	return NULL;
}

static void print_retval(struct tcb *tcp);

void syscall_print_retval(struct tcb *tcp)
{
	const char *note;

	print_retval(tcp);
	note = (tcp->flags & TCB_INJECTED) ? inject_note(tcp) : NULL;
	if (note)
		tprints(tcp, note);
}

static void print_retval(struct tcb *tcp)
{
	const struct syscall_ent *e = tcp->ent;
	unsigned rk = e && !tcp->rval_hex ? e->rval : RV_HEX;

	if (tcp->rval_fd && !tcp->rval_hex)
		rk = RV_FD;
	if (tcp->rval_pid && !tcp->rval_hex)
		rk = tcp->rval_pid;

	tabto(tcp);
	if (tcp->err) {
		bool restart;
		const char *text = errno_text(tcp->err, &restart);
		const char *name;

		if (restart) {
			tprintf(tcp, " = ? %s", text);
		} else if ((name = errno_name(tcp->err))) {
			tprints(tcp, " = -1 ");
			tprints(tcp, name);
			tprints(tcp, " (");
			tprints(tcp, strerror(tcp->err));
			tprints(tcp, ")");
		} else {
			tprintf(tcp, " = -1 %d (%s)", tcp->err, strerror(tcp->err));
		}
		return;
	}
	if (rk != RV_NONE && tcp->ent && filter_raw(tcp))
		rk = RV_HEX;
	switch (rk) {
	case RV_NONE:
		tprints(tcp, " = ?");
		break;
	case RV_HEX:
		tprints(tcp, " = ");
		print_hex(tcp, (unsigned long)tcp->rval);
		break;
	case RV_OCT:
		tprintf(tcp, " = %#03lo", (unsigned long)tcp->rval);
		break;
	case RV_UDEC:
		tprints(tcp, " = ");
		print_udec(tcp, (unsigned long)tcp->rval);
		break;
	case RV_FD:
		tprints(tcp, " = ");
		if (tcp->rval != (int)tcp->rval) /* not a descriptor (an injected value) */
			tprintf(tcp, "%lld", (long long)tcp->rval);
		else
			print_fd(tcp, (int)tcp->rval);
		break;
	case RV_TID:
	case RV_TGID:
	case RV_PGID:
	case RV_SID:
		tprints(tcp, " = ");
		print_pid(tcp, (int)tcp->rval, (enum pid_type)(PT_TID + (rk - RV_TID)));
		break;
	default:
		tprints(tcp, " = ");
		print_dec(tcp, tcp->rval);
		break;
	}
	if (tcp->rval_int_err && (int32_t)tcp->rval < 0 && (int32_t)tcp->rval >= -4095) {
		int err = -(int32_t)tcp->rval;
		const char *name = errno_name(err);

		if (name)
			tprintf(tcp, " %s (%s)", name, strerror(err));
		else
			tprintf(tcp, " %d (%s)", err, strerror(err));
	}
	if (tcp->auxstr) {
		tprints(tcp, " (");
		tprints(tcp, tcp->auxstr);
		tprints(tcp, ")");
	}
}

static void print_duration(struct tcb *tcp)
{
	struct timespec now;
	long sec, nsec;

	if (pcfg.T_prec < 0)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	sec = now.tv_sec - tcp->stime.tv_sec;
	nsec = now.tv_nsec - tcp->stime.tv_nsec;
	if (nsec < 0) {
		sec--;
		nsec += 1000000000L;
	}
	tprints(tcp, " <");
	print_seconds(tcp, sec, nsec, pcfg.T_prec, 0);
	tprints(tcp, ">");
}

void syscall_print_exit(struct tcb *tcp)
{
	char name[32];

	/* (line_resume()'s own test first: the line is usually still open) */
	if ((tcp->out->curline != tcp || (tcp->flags & TCB_REPRINT)) && line_resume(tcp))
		tprintf(tcp, "<... %s resumed>", syscall_name(tcp, name, sizeof(name)));
	decode_args_inline(tcp);
	tprints(tcp, ")");
	syscall_print_retval(tcp);
	print_duration(tcp);
	line_end(tcp);
	if (dump_active && !pcfg.json)
		dump_io(tcp);
	if (pcfg.stack)
		stacktrace_print(tcp, true);
	stage_end(tcp, tcp->err ? FS_FAILED : FS_SUCCESSFUL);
}

void syscall_print_unfinished_exit(struct tcb *tcp)
{
	char name[32];
	bool noreturn = tcp->ent && tcp->ent->rval == RV_NONE;

	if (line_resume(tcp))
		tprintf(tcp, "<... %s resumed>", syscall_name(tcp, name, sizeof(name)));
	/* as strace: the marker says that the decoder had more to print at
	 * the exit that never came (clock_nanosleep's remaining time), not
	 * that the line was interrupted: "kill(1, SIGKILL) = ?" */
	if (!noreturn && tcp->decode_state != DEC_DONE)
		tprints(tcp, " <unfinished ...>");
	tprints(tcp, ")");
	tabto(tcp);
	tprints(tcp, " = ?");
	line_end(tcp);
	if (pcfg.stack)
		stacktrace_print(tcp, false);
	stage_end(tcp, FS_UNFINISHED);
}
