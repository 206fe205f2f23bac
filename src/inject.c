#include "config.h"
#include "inject.h"

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "filter.h"
#include "mem.h"
#include "options.h"
#include "sink.h"
#include "signals.h"
#include "syscallent.h"
#include "util.h"

#define POKE_MAX 8	/* pokes of one kind in a rule */
#define POKE_DATA_MAX 256

struct poke {
	unsigned arg;			/* 1..6 */
	size_t len;
	unsigned char data[POKE_DATA_MAX];
};

struct inject_rule {
	bool *set;			/* by syscall number of the native arch */
	bool has_error, has_retval;
	int error;
	long retval;
	long scno;			/* syscall=: -1 none */
	int signo;
	long delay_enter_us, delay_exit_us;	/* -1 none */
	unsigned first, last, step;	/* when= */
	struct poke poke_enter[POKE_MAX], poke_exit[POKE_MAX];
	unsigned npoke_enter, npoke_exit;
};

static struct inject_rule *rules;
size_t inject_nrules;
#define nrules inject_nrules
static const struct arch_def *rule_arch; /* whose selections the rules' sets are */

bool inject_active(void)
{
	return nrules > 0;
}

static int parse_errno(const char *s)
{
	char *end;
	long v;

	for (int e = 1; e < 4096; e++) {
		const char *n = errno_name(e);

		if (n && strcasecmp(n, s) == 0) /* strace: any case */
			return e;
	}
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < 1 || v > 4095)
		return -1;
	return (int)v;
}

static int parse_signo(const char *s)
{
	char *end;
	long v;

	for (int sig = 1; sig < 65; sig++) {
		const char *n = signal_name(sig);

		if (n && (strcasecmp(n, s) == 0 || strcasecmp(n + 3, s) == 0))
			return sig;
	}
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < 1 || v > 64)
		return -1;
	return (int)v;
}

static int parse_ulong(const char *s, const char **end, unsigned long max, unsigned long *out)
{
	char *e;
	unsigned long v;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtoul(s, &e, 10);
	if (errno || v > max)
		return -1;
	*end = e;
	*out = v;
	return 0;
}

/* "10" (microseconds), "10s", "10ms", "10us", "10ns", "1.5e3ms", ".16E7":
 * strace's time syntax (that of -O) -> microseconds */
static long parse_delay(const char *s)
{
	long long ns;

	if (parse_overhead(s, &ns) < 0 || ns / 1000 > LONG_MAX / 2)
		return -1;
	return (long)(ns / 1000);
}

/* when=FIRST[..LAST][+[STEP]], as strace 6.1 reads it:
 *   F == the F-th call only        F+ == F..INF+1      F+S == F..INF+S
 *   F..L == F..L+1                 F..L+ == F..L+1     F..L+S
 * F and S are 1..65535, L is F..65534 (65535 stands for "no end"). */
#define WHEN_MAX 65535

static int parse_when(const char *s, struct inject_rule *r)
{
	const char *p;
	unsigned long v;
	bool range = false;

	if (parse_ulong(s, &p, WHEN_MAX, &v) < 0 || v == 0)
		return -1;
	r->first = (unsigned)v;
	r->last = UINT_MAX;
	if (strncmp(p, "..", 2) == 0) {
		if (parse_ulong(p + 2, &p, WHEN_MAX - 1, &v) < 0 || v < r->first)
			return -1;
		r->last = (unsigned)v;
		range = true;
	}
	if (*p == '+') {
		p++;
		r->step = 1;
		if (*p) {
			if (parse_ulong(p, &p, WHEN_MAX, &v) < 0 || v == 0)
				return -1;
			r->step = (unsigned)v;
		}
	} else if (range) {
		r->step = 1;
	} else {
		r->last = r->first;
		r->step = 0;
	}
	return *p ? -1 : 0;
}

/* @argN=HEX[,@argM=HEX...] */
static int parse_pokes(const char *s, struct poke *pk, unsigned *n)
{
	_cleanup_free_ char *copy = xstrdup(s);
	char *save = NULL;

	/* empty, or poke_enter= given twice: invalid, as in strace */
	if (!*s || *n)
		return -1;
	for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		struct poke *p;
		const char *hex;
		size_t len;

		if (*n >= POKE_MAX || strncmp(tok, "@arg", 4) != 0 || tok[4] < '1' ||
		    tok[4] > '6' || tok[5] != '=')
			return -1;
		for (unsigned i = 0; i < *n; i++)
			if (pk[i].arg == (unsigned)(tok[4] - '0'))
				return -1;	/* @argN twice */
		p = &pk[(*n)++];
		p->arg = (unsigned)(tok[4] - '0');
		hex = tok + 6;
		len = strlen(hex);
		if (len == 0 || len % 2 || len / 2 > POKE_DATA_MAX)
			return -1;
		for (size_t i = 0; i < len / 2; i++) {
			unsigned b;

			if (sscanf(hex + 2 * i, "%2x", &b) != 1 ||
			    !strchr("0123456789abcdefABCDEF", hex[2 * i]) ||
			    !strchr("0123456789abcdefABCDEF", hex[2 * i + 1]))
				return -1;
			p->data[i] = (unsigned char)b;
		}
		p->len = len / 2;
	}
	return 0;
}

int inject_parse(const struct arch_def *a, const char *value, bool fault,
		 char *err, size_t errsize)
{
	_cleanup_free_ char *copy = xstrdup(value);
	struct inject_rule r = {
		.scno = -1, .delay_enter_us = -1, .delay_exit_us = -1,
		.first = 1, .last = UINT_MAX, .step = 1,
	};
	char *save = NULL;
	char *set = strtok_r(copy, ":", &save);
	const char *what = fault ? "fault" : "inject";
	bool any = false, has_signal = false;

	if (!*value || *value == ':') {
		snprintf(err, errsize, "invalid system call ''");
		return -EINVAL;
	}
	/* the actions first, then the set (strace's order: a bad action
	 * is an "invalid inject argument" whatever the set) */
	for (char *tok = strtok_r(NULL, ":", &save); tok; tok = strtok_r(NULL, ":", &save)) {
		char *eq = strchr(tok, '=');
		const char *v = eq ? eq + 1 : "";

		if (eq)
			*eq = '\0';
		if (strcmp(tok, "error") == 0 && !r.has_retval && !r.has_error) {
			r.error = parse_errno(v);
			if (r.error < 0)
				goto fail;
			r.has_error = true;
		} else if (strcmp(tok, "retval") == 0 && !fault && !r.has_error && !r.has_retval) {
			char *end;
			unsigned long long u;

			errno = 0;
			u = strtoull(v, &end, 0);
			if (errno || end == v || *end || u != (unsigned long)u)
				goto fail;
			r.retval = (long)u;
			r.has_retval = true;
			/* a value the tracee reads as -errno */
			if (r.retval < 0 && r.retval >= -4095)
				ct_error("Inadvertent injection of error %ld is possible for retval=%llu",
					 -r.retval, u);
		} else if (strcmp(tok, "signal") == 0 && !fault && !has_signal) {
			r.signo = parse_signo(v);
			if (r.signo < 0)
				goto fail;
			has_signal = true;
		} else if (strcmp(tok, "syscall") == 0 && r.scno < 0) {
			/* only pure calls, without side effects, stand in */
			r.scno = arch_syscall_number(a, v);
			if (r.scno < 0 || !(a->table[r.scno].classes & TC_PURE))
				goto fail;
			continue; /* not an action by itself */
		} else if ((strcmp(tok, "delay_enter") == 0 || strcmp(tok, "delay_exit") == 0) && !fault) {
			long d = parse_delay(v);
			long *slot = tok[6] == 'e' && tok[7] == 'n' ? &r.delay_enter_us : &r.delay_exit_us;

			if (d < 0 || *slot >= 0)
				goto fail;
			*slot = d;
		} else if (strcmp(tok, "poke_enter") == 0 && !fault) {
			if (parse_pokes(v, r.poke_enter, &r.npoke_enter) < 0)
				goto fail;
		} else if (strcmp(tok, "poke_exit") == 0 && !fault) {
			if (parse_pokes(v, r.poke_exit, &r.npoke_exit) < 0)
				goto fail;
		} else if (strcmp(tok, "when") == 0) {
			if (parse_when(v, &r) < 0)
				goto fail;
			continue;
		} else {
			goto fail;
		}
		any = true;
	}
	r.set = xcalloc(filter_set_size(a), sizeof(bool));
	if (filter_parse_trace(a, set, r.set, err, errsize) < 0)
		goto fail_quiet;
	/* (after the set, as strace: "-e inject=!" is an invalid set) */
	if (!any && !fault) {
		snprintf(err, errsize, "invalid %s argument '%s': nothing to inject "
			 "(error=, retval=, signal=, delay_enter=, delay_exit=, poke_enter= or poke_exit=)",
			 what, value);
		goto fail_quiet;
	}
	if (fault && !r.has_error) {
		r.has_error = true;
		r.error = ENOSYS;
	}
	/* syscall= only matters with error= or retval=: without, the call
	 * runs as it is */
	if (!r.has_error && !r.has_retval)
		r.scno = -1;
	rules = xrealloc(rules, (nrules + 1) * sizeof(*rules));
	rules[nrules++] = r;
	rule_arch = a;
	return 0;
fail:
	snprintf(err, errsize, "invalid %s argument '%s'", what, value);
fail_quiet:
	free(r.set);
	return -EINVAL;
}

/* Write the pokes into the buffers the arguments point to.  An argument
 * past the call's own ones is refused, with strace's words.  A buffer
 * not writable at all is said as strace says it ("couldn't poke"); one
 * written in part (it ends in an unmapped page), with the byte counts
 * and strace's words, and the part written stays. */
static bool do_pokes(const struct tcb *tcp, const struct poke *pk, unsigned n)
{
	bool done = false;

	for (unsigned i = 0; i < n; i++) {
		unsigned long addr = tcp->args[pk[i].arg - 1];
		size_t off = 0;
		int err = 0;

		/* as strace: an argument the call does not have is left
		 * alone (its register holds whatever was there before) */
		if (tcp->ent && pk[i].arg > tcp->ent->nargs) {
			ct_warn("Failed to tamper with process %d: requested to tamper with "
				"argument #%u, but system call '%s' has only %u arguments",
				(int)tcp->pid, pk[i].arg, tcp->ent->name, tcp->ent->nargs);
			continue;
		}
		while (off < pk[i].len) {
			unsigned long a = (addr + off) & ~(sizeof(long) - 1);
			size_t skip = (addr + off) - a;
			size_t take = sizeof(long) - skip;
			unsigned long word;

			if (take > pk[i].len - off)
				take = pk[i].len - off;
			err = mem_read(tcp->pid, a, &word, sizeof(word));
			if (err < 0)
				break;
			memcpy((unsigned char *)&word + skip, pk[i].data + off, take);
			err = mem_write_word(tcp->pid, a, word);
			if (err < 0)
				break;
			off += take;
			done = true;
		}
		if (off == 0 && err < 0) {
			ct_warn("Failed to tamper with process %d: couldn't poke", (int)tcp->pid);
		} else if (off < pk[i].len && err < 0) {
			ct_warn("pid:%d short write (%zu < %zu) @0x%lx: %s", (int)tcp->pid,
				off, pk[i].len, addr, strerror(-err));
			ct_warn("short read (%zu < %zu) @0x%lx: %s", off, pk[i].len,
				addr, strerror(-err));
		}
	}
	return done;
}

static const struct inject_rule *rule_for(long nr)
{
	for (size_t r = nrules; r-- > 0;)
		if (rules[r].set[nr])
			return &rules[r];
	return NULL;
}

/* syscall=NAME stands in for the call in the tracee's own personality:
 * the number of the same name in its table, as the kernel takes it (x32's
 * with its bit; -1, no call: ENOSYS, when that personality has no such
 * call) */
static long stand_in(const struct tcb *tcp, long native_scno)
{
	if (native_scno < 0 || tcp->arch == arch_native)
		return native_scno;
	return arch_raw_nr(tcp->arch, arch_syscall_number(tcp->arch, arch_native->table[native_scno].name));
}

int inject_entry(struct tcb *tcp)
{
	const struct inject_rule *r;
	unsigned n;
	long nr;

	tcp->flags &= ~TCB_INJECTED;
	tcp->inj_rule = NULL;
	tcp->inj_what = 0;
	if (!nrules || tcp->scno < 0 || !tcp->arch)
		return 0;
	/* as -e trace=: each personality by its own table (filter.h); a
	 * number no table names is never tampered with */
	if (!tcp->ent)
		return 0;
	nr = (long)filter_slot(rule_arch, tcp->arch, tcp->scno);
	if (!(r = rule_for(nr)))
		return 0;
	if (!tcp->inj_count)
		tcp->inj_count = xcalloc(filter_set_size(rule_arch), sizeof(*tcp->inj_count));
	n = ++tcp->inj_count[nr];
	if (n < r->first || n > r->last || (r->step ? (n - r->first) % r->step : n != r->first))
		return 0;
	tcp->flags |= TCB_INJECTED;
	tcp->inj_rule = r;
	if (r->npoke_enter && do_pokes(tcp, r->poke_enter, r->npoke_enter))
		tcp->inj_what |= INJ_ARGS;
	if (r->has_error || r->has_retval) {
		/* the kernel runs nothing (-1: ENOSYS), or syscall= */
		if (arch_native_regs.set_scno(tcp->pid, stand_in(tcp, r->scno)) == 0)
			tcp->inj_what |= INJ_RETVAL;
	}
	if (r->delay_enter_us >= 0) {
		tcp->inj_delay_us = r->delay_enter_us;
		tcp->inj_what |= INJ_DELAYED;
	}
	return r->signo;
}

void inject_exit(struct tcb *tcp)
{
	const struct inject_rule *r = tcp->inj_rule;

	if (!(tcp->flags & TCB_INJECTED) || !r)
		return;
	if ((tcp->inj_what & INJ_RETVAL) && (r->has_error || r->has_retval)) {
		long v = r->has_error ? -(long)r->error : r->retval;

		if (arch_native_regs.set_retval(tcp->pid, v) == 0) {
			tcp->rval = v;
			tcp->err = r->has_error ? r->error : 0;
		}
	}
	if (r->npoke_exit && do_pokes(tcp, r->poke_exit, r->npoke_exit))
		tcp->inj_what |= INJ_ARGS;
	if (r->delay_exit_us >= 0) {
		tcp->inj_delay_us = r->delay_exit_us;
		tcp->inj_what |= INJ_DELAYED;
	}
}

const char *inject_note(const struct tcb *tcp)
{
	static const char *const notes[] = {
		[INJ_RETVAL] = " (INJECTED)",
		[INJ_ARGS] = " (INJECTED: args)",
		[INJ_ARGS | INJ_RETVAL] = " (INJECTED: args, retval)",
		[INJ_DELAYED] = " (DELAYED)",
		[INJ_DELAYED | INJ_RETVAL] = " (INJECTED) (DELAYED)",
		[INJ_DELAYED | INJ_ARGS] = " (INJECTED: args) (DELAYED)",
		[INJ_DELAYED | INJ_ARGS | INJ_RETVAL] = " (INJECTED: args, retval) (DELAYED)",
	};

	if (!(tcp->flags & TCB_INJECTED))
		return NULL;
	return notes[tcp->inj_what & (INJ_ARGS | INJ_RETVAL | INJ_DELAYED)];
}
