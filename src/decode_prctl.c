/* prctl(2) as strace 6.1 prints it.  The constant sets are xlat data
 * (syscalls/xlat/pr_*.in); this file says which argument of which option
 * takes which set, and the few composite formats (vector lengths, tagged
 * address control). */
#include "config.h"
#include "decode_prctl.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>

#include "decode.h"
#include "decode_ptrace.h"
#include "gen/decoders.h"
#include "mem.h"
#include "pids.h"
#include "sink.h"
#include "strbuf.h"

/* Options of newer kernels than the build headers may know. */
enum {
	OPT_SET_SYSCALL_USER_DISPATCH = 59,
	OPT_PAC_SET_ENABLED_KEYS = 60,
	OPT_PAC_GET_ENABLED_KEYS = 61,
	OPT_SCHED_CORE = 62,
	OPT_SME_SET_VL = 63,
	OPT_SME_GET_VL = 64,
	OPT_SET_VMA = 0x53564d41,
	OPT_SET_PTRACER = 0x59616d61,
	OPT_SVE_SET_VL = 50,
	OPT_SVE_GET_VL = 51,
	OPT_PAC_RESET_KEYS = 54,
	OPT_SET_TAGGED_ADDR_CTRL = 55,
	OPT_GET_TAGGED_ADDR_CTRL = 56,
};

#define TASK_COMM_LEN 16
#define VL_LEN_MASK 0xffffUL
#define PAC_ENABLED_MASK 0xfUL
#define TAGGED_ADDR_ENABLE 1UL
#define MTE_TCF_MASK 6UL
#define MTE_TAG_SHIFT 3
#define MTE_TAG_MASK (0xffffUL << MTE_TAG_SHIFT)
#define SECBITS_MASK 0xffUL
#define SECCOMP_STRICT 1
#define SECCOMP_FILTER 2
#define SCHED_CORE_GET 0
#define SYS_DISPATCH_ON 1
#define SET_VMA_ANON_NAME 0
#define MCE_KILL_SET 1
#define CAP_AMBIENT_CLEAR_ALL 4
#define SIG_MAX 128

/* The result notes (auxstr) of the exit half are formatted into the
 * tracee's tcp->auxbuf. */

/* The arguments from index `from` to the last as %#lx. */
static void print_rest(struct tcb *tcp, unsigned from)
{
	for (unsigned i = from; i < 5; i++) {
		tprint_arg_next(tcp);
		tprintf(tcp, "%#lx", tcp->args[i]);
	}
}

/* "PR_SVE_SET_VL_ONEXEC|PR_SVE_VL_INHERIT|0xfac80000|0xfeed": the flag
 * bits above the length, then the length.  Empty when there are none. */
static size_t format_vl(char *buf, size_t size, const struct xlat *flags, uint64_t v)
{
	char names[160];

	if (v <= VL_LEN_MASK) {
		buf[0] = '\0';
		return 0;
	}
	format_flags(names, sizeof(names), flags, v & ~(uint64_t)VL_LEN_MASK, NULL);
	return (size_t)snprintf(buf, size, "%s|%#llx", names,
				(unsigned long long)(v & VL_LEN_MASK));
}

/* "!PR_TAGGED_ADDR_ENABLE|PR_MTE_TCF_ASYNC|0xcafe<<PR_MTE_TAG_SHIFT|0x57a80000" */
static size_t format_tagged_addr(char *buf, size_t size, uint64_t v)
{
	uint64_t tags = (v & MTE_TAG_MASK) >> MTE_TAG_SHIFT;
	uint64_t rest = v & ~(TAGGED_ADDR_ENABLE | MTE_TCF_MASK | MTE_TAG_MASK);
	struct strbuf sb;

	sb_init(&sb, buf, size);
	sb_printf(&sb, "%sPR_TAGGED_ADDR_ENABLE|%s", v & TAGGED_ADDR_ENABLE ? "" : "!",
		  xlat_lookup(&xlat_pr_mte_tcf, v & MTE_TCF_MASK));
	if (tags)
		sb_printf(&sb, "|%#llx<<PR_MTE_TAG_SHIFT", (unsigned long long)tags);
	if (rest)
		sb_printf(&sb, "|%#llx", (unsigned long long)rest);
	return sb_len(&sb);
}

/* A composite value: the number, the names in a comment (verbose), or the
 * names alone (abbrev); plain when there are no names. */
static void print_composite(struct tcb *tcp, uint64_t v, const char *names)
{
	char raw[32], buf[320];

	snprintf(raw, sizeof(raw), v ? "%#llx" : "0", (unsigned long long)v);
	format_xlat_styled(buf, sizeof(buf), raw, names[0] ? names : NULL);
	tprints(tcp, buf);
}

/* Exit: "[VALUE]" of the int the kernel stored, or the address on error. */
static void print_int_result(struct tcb *tcp, const struct xlat *x, bool flags)
{
	int32_t v;

	tprint_arg_next(tcp);
	if (tcp->err) {
		print_addr(tcp, tcp->args[1]);
		return;
	}
	if (!fetch_or_print_addr(tcp, tcp->args[1], &v, sizeof(v)))
		return;
	tprints(tcp, "[");
	if (!x)
		tprintf(tcp, "%d", v);
	else if (flags)
		print_flags(tcp, x, (uint32_t)v, NULL);
	else
		print_xval(tcp, x, (uint32_t)v, NULL);
	tprints(tcp, "]");
}

/* The result as hex with a note unless -X raw. */
static void note_result(struct tcb *tcp, bool hex)
{
	tcp->rval_hex = hex;
	if (pcfg.xlat_style != XLAT_RAW && tcp->auxbuf[0])
		tcp->auxstr = tcp->auxbuf;
}

static int prctl_exit(struct tcb *tcp, unsigned option)
{
	uint64_t rv = (uint64_t)tcp->rval;

	tcp->auxbuf[0] = '\0';
	switch (option) {
	case PR_GET_NAME:
		tprint_arg_next(tcp);
		if (tcp->err)
			print_addr(tcp, tcp->args[1]);
		else
			print_str_n(tcp, tcp->args[1], TASK_COMM_LEN);
		break;
	case PR_GET_PDEATHSIG: {
		int32_t v;

		tprint_arg_next(tcp);
		if (tcp->err) {
			print_addr(tcp, tcp->args[1]);
		} else if (fetch_or_print_addr(tcp, tcp->args[1], &v, sizeof(v))) {
			tprints(tcp, "[");
			if (v)
				print_signo(tcp, v);
			else
				tprints(tcp, "0");
			tprints(tcp, "]");
		}
		break;
	}
	case PR_GET_TID_ADDRESS: {
		uint64_t p;

		tprint_arg_next(tcp);
		if (tcp->err) {
			print_addr(tcp, tcp->args[1]);
		} else if (fetch_or_print_addr(tcp, tcp->args[1], &p, sizeof(p))) {
			tprints(tcp, "[");
			print_addr(tcp, p);
			tprints(tcp, "]");
		}
		break;
	}
	case PR_GET_CHILD_SUBREAPER:
	case PR_GET_ENDIAN:
	case PR_GET_FPEXC:
		print_int_result(tcp, option == PR_GET_ENDIAN ? &xlat_pr_endian : NULL, false);
		break;
	case PR_GET_FPEMU:
		print_int_result(tcp, &xlat_pr_fpemu, true);
		break;
	case PR_GET_TSC:
		print_int_result(tcp, &xlat_pr_tsc, false);
		break;
	case PR_GET_UNALIGN:
		print_int_result(tcp, &xlat_pr_unalign_flags, true);
		break;
	case OPT_SCHED_CORE:
		if ((unsigned)tcp->args[1] != SCHED_CORE_GET)
			break;
		tprint_arg_next(tcp);
		if (tcp->err) {
			print_addr(tcp, tcp->args[4]);
		} else {
			uint64_t cookie;

			if (fetch_or_print_addr(tcp, tcp->args[4], &cookie, sizeof(cookie)))
				tprintf(tcp, "[%#llx]", (unsigned long long)cookie);
		}
		break;
	default:
		if (tcp->err)
			break;
		switch (option) {
		case PR_GET_DUMPABLE:
			tcp->auxstr = xlat_lookup(&xlat_pr_dumpable, rv);
			break;
		case PR_MCE_KILL_GET:
			tcp->auxstr = xlat_lookup(&xlat_pr_mce_kill_policy, rv);
			break;
		case PR_GET_SECUREBITS:
			if (rv & SECBITS_MASK)
				format_flags(tcp->auxbuf, sizeof(tcp->auxbuf), &xlat_secbits, rv, NULL);
			note_result(tcp, rv != 0);
			break;
		case PR_GET_FP_MODE:
			if (flags_known(&xlat_pr_fp_mode, rv))
				format_flags(tcp->auxbuf, sizeof(tcp->auxbuf), &xlat_pr_fp_mode, rv, NULL);
			note_result(tcp, true);
			break;
		case PR_GET_SPECULATION_CTRL:
			/* no note for a value of unknown bits only */
			/* an unknown misfeature: a plain number */
			if (!xlat_lookup(&xlat_pr_spec_cmds, tcp->args[1]))
				break;
			if (!rv || flags_known(&xlat_pr_spec_get, rv))
				format_flags(tcp->auxbuf, sizeof(tcp->auxbuf), &xlat_pr_spec_get, rv, NULL);
			note_result(tcp, true);
			break;
		case OPT_SVE_SET_VL:
			format_vl(tcp->auxbuf, sizeof(tcp->auxbuf), &xlat_pr_sve_vl_flags, rv);
			note_result(tcp, true);
			break;
		case OPT_SME_SET_VL:
			format_vl(tcp->auxbuf, sizeof(tcp->auxbuf), &xlat_pr_sme_vl_flags, rv);
			note_result(tcp, true);
			break;
		case OPT_SVE_GET_VL:
			format_vl(tcp->auxbuf, sizeof(tcp->auxbuf), &xlat_pr_sve_vl_flags, rv);
			note_result(tcp, true);
			break;
		case OPT_SME_GET_VL:
			format_vl(tcp->auxbuf, sizeof(tcp->auxbuf), &xlat_pr_sme_vl_flags, rv);
			note_result(tcp, true);
			break;
		case OPT_GET_TAGGED_ADDR_CTRL:
			format_tagged_addr(tcp->auxbuf, sizeof(tcp->auxbuf), rv);
			note_result(tcp, true);
			break;
		case OPT_PAC_GET_ENABLED_KEYS:
			if (rv & PAC_ENABLED_MASK)
				format_flags(tcp->auxbuf, sizeof(tcp->auxbuf),
					     &xlat_pr_pac_enabled_keys, rv, NULL);
			note_result(tcp, true);
			break;
		default:
			break;
		}
		break;
	}
	return DEC_DONE;
}

int dec_prctl(struct tcb *tcp)
{
	unsigned option = (unsigned)tcp->args[0];
	unsigned long a2 = tcp->args[1];
	char buf[320];

	if (tcp->exiting)
		return prctl_exit(tcp, option);

	print_xval(tcp, &xlat_prctl_options, option, "PR_???");
	switch (option) {
	/* the result is all there is */
	case PR_GET_DUMPABLE:
	case PR_GET_KEEPCAPS:
	case PR_GET_SECCOMP:
	case PR_GET_TIMERSLACK:
	case PR_GET_TIMING:
	case PR_GET_SECUREBITS:
	case PR_GET_FP_MODE:
	case OPT_SVE_GET_VL:
	case OPT_SME_GET_VL:
		return DEC_MORE;
	case PR_GET_IO_FLUSHER:
	case PR_TASK_PERF_EVENTS_DISABLE:
	case PR_TASK_PERF_EVENTS_ENABLE:
		return DEC_DONE;
	/* a pointer the kernel fills */
	case PR_GET_NAME:
	case PR_GET_PDEATHSIG:
	case PR_GET_CHILD_SUBREAPER:
	case PR_GET_TID_ADDRESS:
	case PR_GET_ENDIAN:
	case PR_GET_FPEMU:
	case PR_GET_FPEXC:
	case PR_GET_TSC:
	case PR_GET_UNALIGN:
		return DEC_MORE;
	/* the other arguments, unused, as numbers; a result to note */
	case PR_GET_NO_NEW_PRIVS:
	case PR_GET_THP_DISABLE:
	case PR_MCE_KILL_GET:
	case OPT_GET_TAGGED_ADDR_CTRL:
	case OPT_PAC_GET_ENABLED_KEYS:
		print_rest(tcp, 1);
		return DEC_MORE;
	}

	tprint_arg_next(tcp);
	switch (option) {
	case PR_SET_NAME:
		print_str_n(tcp, a2, TASK_COMM_LEN - 1);
		return DEC_DONE;
	case PR_SET_PDEATHSIG:
		if (a2 > SIG_MAX)
			tprintf(tcp, "%lu", a2);
		else if (a2)
			print_signo(tcp, (int)a2);
		else
			tprints(tcp, "0");
		return DEC_DONE;
	case PR_SET_DUMPABLE:
		print_xval(tcp, &xlat_pr_dumpable, a2, "SUID_DUMP_???");
		return DEC_DONE;
	case PR_CAPBSET_READ:
	case PR_CAPBSET_DROP:
		print_xval(tcp, &xlat_capabilities, a2, "CAP_???");
		return DEC_DONE;
	case PR_SET_SECUREBITS:
		print_flags(tcp, &xlat_secbits, a2, "SECBIT_???");
		return DEC_DONE;
	case PR_SET_TSC:
		print_xval(tcp, &xlat_pr_tsc, (unsigned)a2, "PR_TSC_???");
		return DEC_DONE;
	case PR_SET_UNALIGN:
		print_flags(tcp, &xlat_pr_unalign_flags, (unsigned)a2, "PR_UNALIGN_???");
		return DEC_DONE;
	case PR_SET_ENDIAN:
		print_xval(tcp, &xlat_pr_endian, (unsigned)a2, "PR_ENDIAN_???");
		return DEC_DONE;
	case PR_SET_FPEMU:
		print_flags(tcp, &xlat_pr_fpemu, (unsigned)a2, "PR_FPEMU_???");
		return DEC_DONE;
	case PR_SET_FP_MODE:
		print_flags(tcp, &xlat_pr_fp_mode, (unsigned)a2, "PR_FP_MODE_???");
		return DEC_DONE;
	case PR_SET_KEEPCAPS:
	case PR_SET_CHILD_SUBREAPER:
	case PR_SET_TIMERSLACK:
		tprintf(tcp, "%lu", a2);
		return DEC_DONE;
	case PR_SET_NO_NEW_PRIVS:
	case PR_SET_THP_DISABLE:
	case PR_SET_IO_FLUSHER:
		tprintf(tcp, "%lu", a2);
		print_rest(tcp, 2);
		return DEC_DONE;
	case PR_SET_SECCOMP:
		print_xval(tcp, &xlat_seccomp_modes, a2, "SECCOMP_MODE_???");
		if (a2 == SECCOMP_FILTER) {
			tprint_arg_next(tcp);
			print_seccomp_fprog(tcp, tcp->args[2]);
		} else if (a2 != SECCOMP_STRICT) {
			print_rest(tcp, 2);
		}
		return DEC_DONE;
	case OPT_SET_PTRACER:
		if ((int)a2 == -1) {
			format_xlat_styled(buf, sizeof(buf), "-1", "PR_SET_PTRACER_ANY");
			tprints(tcp, buf);
		} else {
			print_pid(tcp, (int)a2, PT_TGID);
		}
		return DEC_DONE;
	case PR_MCE_KILL:
		print_xval(tcp, &xlat_pr_mce_kill, a2, "PR_MCE_KILL_???");
		tprint_arg_next(tcp);
		if (a2 == MCE_KILL_SET)
			print_xval(tcp, &xlat_pr_mce_kill_policy, tcp->args[2], "PR_MCE_KILL_???");
		else
			tprintf(tcp, "%#lx", tcp->args[2]);
		print_rest(tcp, 3);
		return DEC_DONE;
	case PR_CAP_AMBIENT:
		print_xval(tcp, &xlat_pr_cap_ambient, a2, "PR_CAP_AMBIENT_???");
		tprint_arg_next(tcp);
		if (a2 && a2 < CAP_AMBIENT_CLEAR_ALL)
			print_xval(tcp, &xlat_capabilities, tcp->args[2], "CAP_???");
		else
			tprintf(tcp, "%#lx", tcp->args[2]);
		print_rest(tcp, 3);
		return DEC_DONE;
	case PR_GET_SPECULATION_CTRL:
		print_xval(tcp, &xlat_pr_spec_cmds, a2, "PR_SPEC_???");
		return DEC_MORE;
	case PR_SET_SPECULATION_CTRL:
		print_xval(tcp, &xlat_pr_spec_cmds, a2, "PR_SPEC_???");
		tprint_arg_next(tcp);
		if (xlat_lookup(&xlat_pr_spec_cmds, a2))
			print_xval(tcp, &xlat_pr_spec_set, tcp->args[2], "PR_SPEC_???");
		else
			tprintf(tcp, "%#lx", tcp->args[2]);
		return DEC_DONE;
	case OPT_SVE_SET_VL:
	case OPT_SME_SET_VL:
		format_vl(buf, sizeof(buf),
			  option == OPT_SVE_SET_VL ? &xlat_pr_sve_vl_flags : &xlat_pr_sme_vl_flags, a2);
		print_composite(tcp, a2, buf);
		return DEC_MORE;
	case OPT_PAC_RESET_KEYS:
		print_flags(tcp, &xlat_pr_pac_keys, a2, "PR_PAC_???");
		print_rest(tcp, 2);
		return DEC_DONE;
	case OPT_PAC_SET_ENABLED_KEYS:
		print_flags(tcp, &xlat_pr_pac_enabled_keys, a2, "PR_PAC_???");
		tprint_arg_next(tcp);
		print_flags(tcp, &xlat_pr_pac_enabled_keys, tcp->args[2], "PR_PAC_???");
		print_rest(tcp, 3);
		return DEC_DONE;
	case OPT_SET_TAGGED_ADDR_CTRL:
		format_tagged_addr(buf, sizeof(buf), a2);
		print_composite(tcp, a2, buf);
		print_rest(tcp, 2);
		return DEC_DONE;
	case OPT_SET_SYSCALL_USER_DISPATCH:
		print_xval(tcp, &xlat_pr_sys_dispatch, a2, "PR_SYS_DISPATCH_???");
		if (a2 != SYS_DISPATCH_ON) {
			print_rest(tcp, 2);
			return DEC_DONE;
		}
		tprint_arg_next(tcp);
		tprintf(tcp, "%#lx", tcp->args[2]);
		tprint_arg_next(tcp);
		tprintf(tcp, "%lu", tcp->args[3]);
		tprint_arg_next(tcp);
		print_addr(tcp, tcp->args[4]);
		return DEC_DONE;
	case OPT_SCHED_CORE:
		print_xval(tcp, &xlat_pr_sched_core, (unsigned)a2, "PR_SCHED_CORE_???");
		tprint_arg_next(tcp);
		/* PIDTYPE_PID 0, _TGID 1, _PGID 2, _SID 3 */
		if ((unsigned)tcp->args[3] <= 3)
			print_pid(tcp, (int)tcp->args[2], (enum pid_type)(PT_TID + (unsigned)tcp->args[3]));
		else
			tprintf(tcp, "%d", (int)tcp->args[2]);
		tprint_arg_next(tcp);
		print_xval_num(tcp, &xlat_pidtypes, (unsigned)tcp->args[3], "PIDTYPE_???");
		if ((unsigned)a2 == SCHED_CORE_GET)
			return DEC_MORE;
		tprint_arg_next(tcp);
		print_addr(tcp, tcp->args[4]);
		return DEC_DONE;
	case OPT_SET_VMA:
		print_xval(tcp, &xlat_pr_set_vma, a2, "PR_SET_VMA_???");
		if (a2 != SET_VMA_ANON_NAME) {
			print_rest(tcp, 2);
			return DEC_DONE;
		}
		tprint_arg_next(tcp);
		print_addr(tcp, tcp->args[2]);
		tprint_arg_next(tcp);
		tprintf(tcp, "%lu", tcp->args[3]);
		tprint_arg_next(tcp);
		print_str(tcp, tcp->args[4]);
		return DEC_DONE;
	default:
		tprintf(tcp, "%#lx", a2);
		print_rest(tcp, 2);
		return DEC_DONE;
	}
}
