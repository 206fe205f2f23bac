#include "config.h"
#include "fdcache.h"

#include <fcntl.h>
#include <linux/sched.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "syscallent.h"
#include "util.h"

/* fds above this are looked up every time */
#define FDC_MAX_FD 4096

struct slot {
	uint64_t gen;    /* valid while equal to the global generation */
	uint64_t fdgen;  /* and this to its number's */
	char *text;
	size_t len, cap;
};

struct fd_cache {
	struct slot cwd;
	struct slot *fds;
	size_t nfds;
};

bool fdcache_is_on;
#define on fdcache_is_on
static bool follow;
static uint64_t gen = 1;
static unsigned inflight;       /* tracees inside a changing call */
static uint64_t fdgen[FDC_MAX_FD];      /* by descriptor number */
static unsigned fdbusy[FDC_MAX_FD];     /* close/dup2 of it in flight */
static uint8_t *kinds;          /* by native number */
static unsigned nkinds;
static const struct arch_def *native;

enum fdc_kind fdcache_kind(const struct syscall_ent *e)
{
	static const struct {
		uint32_t prop;
		enum fdc_kind kind;
	} by_prop[] = {
		{ SP_FD_CLOSE, FDC_CLOSE }, { SP_FD_DUP2, FDC_DUP2 },
		{ SP_FD_FCNTL, FDC_FCNTL }, { SP_FORK, FDC_FORK },
		{ SP_CLONE, FDC_CLONE }, { SP_CLONE3, FDC_CLONE3 },
		{ SP_FD_IO_URING, FDC_IO_URING }, { SP_FD_NEUTRAL, FDC_NEUTRAL },
	};

	if (!e || !e->name[0])
		return FDC_CHANGES;
	for (size_t i = 0; i < ARRAY_SIZE(by_prop); i++)
		if (e->props & by_prop[i].prop)
			return by_prop[i].kind;
	return e->rval == RV_FD ? FDC_NEWFD : FDC_CHANGES;
}

bool fdcache_call_changes(enum fdc_kind kind, const unsigned long *args)
{
	switch (kind) {
	case FDC_NEUTRAL:
	case FDC_FORK:
	case FDC_CLOSE:
	case FDC_DUP2:
	case FDC_NEWFD:
	case FDC_FCNTL:
		return false;
	case FDC_CLONE:
		return (args[0] & CLONE_PIDFD) != 0;
	default:
		return true;
	}
}

bool fdcache_returns_new_fd(enum fdc_kind kind, const unsigned long *args)
{
	return kind == FDC_NEWFD ||
	       (kind == FDC_FCNTL && ((int)args[1] == F_DUPFD || (int)args[1] == F_DUPFD_CLOEXEC));
}

bool fdcache_child_blinds(unsigned long long flags, bool following)
{
	/* a child ctrace does not follow may close its parent's fds
	 * (CLONE_FILES) or rename and remove their files */
	return !following || (flags & CLONE_UNTRACED);
}

void fdcache_enable(const struct arch_def *a, bool following)
{
	native = a;
	follow = following;
	nkinds = a->nsyscalls;
	free(kinds);
	kinds = xcalloc(nkinds, 1);
	for (unsigned i = 0; i < nkinds; i++)
		kinds[i] = (uint8_t)fdcache_kind(&a->table[i]);
	on = true;
}

void fdcache_disable(void)
{
	on = false;
}

bool fdcache_on(void)
{
	return on;
}

static void begin_change(struct tcb *tcp)
{
	gen++;
	if (!tcp->fdc_inflight) {
		tcp->fdc_inflight = true;
		inflight++;
	}
}

static enum fdc_kind kind_of(const struct tcb *tcp)
{
	if (tcp->arch == native && tcp->scno >= 0 && (unsigned long)tcp->scno < nkinds)
		return (enum fdc_kind)kinds[tcp->scno];
	return FDC_CHANGES;
}

/* close(fd) / dup2(_, fd) entering: fd is not served until its exit */
static void begin_fd_change(struct tcb *tcp, unsigned long fd)
{
	if (fd >= FDC_MAX_FD)
		return; /* never cached */
	fdgen[fd]++;
	fdbusy[fd]++;
	tcp->fdc_busy_fd = (int)fd + 1;
}

static void end_fd_change(struct tcb *tcp)
{
	if (tcp->fdc_busy_fd) {
		unsigned fd = (unsigned)tcp->fdc_busy_fd - 1;

		fdgen[fd]++;
		fdbusy[fd]--;
		tcp->fdc_busy_fd = 0;
	}
}

void fdcache_syscall_entry_slow(struct tcb *tcp)
{
	enum fdc_kind kind;
	uint64_t flags;

	if (!on)
		return;
	kind = kind_of(tcp);
	switch (kind) {
	case FDC_NEUTRAL:
	case FDC_NEWFD:
	case FDC_FCNTL:
		return;
	case FDC_CLOSE:
		begin_fd_change(tcp, (unsigned)tcp->args[0]);
		return;
	case FDC_DUP2:
		begin_fd_change(tcp, (unsigned)tcp->args[1]);
		return;
	case FDC_FORK:
		flags = 0;
		break;
	case FDC_CLONE:
		flags = tcp->args[0];
		break;
	case FDC_CLONE3:
		/* struct clone_args starts with the u64 flags */
		if (mem_read(tcp->pid, tcp->args[0], &flags, sizeof(flags)) < 0)
			flags = ~0ULL; /* unknown: assume the worst */
		break;
	case FDC_IO_URING:
		fdcache_disable();
		return;
	default:
		if (!fdcache_call_changes(kind, tcp->args))
			return;
		begin_change(tcp);
		return;
	}
	if (fdcache_child_blinds(flags, follow)) {
		fdcache_disable();
		return;
	}
	if (flags & CLONE_PIDFD)
		begin_change(tcp);
}

static void end_change(struct tcb *tcp)
{
	if (tcp->fdc_inflight) {
		tcp->fdc_inflight = false;
		inflight--;
		gen++;
	}
}

void fdcache_syscall_exit_slow(struct tcb *tcp)
{
	end_change(tcp);
	end_fd_change(tcp);
	if (on && !tcp->err && tcp->rval >= 0 && tcp->rval < FDC_MAX_FD &&
	    fdcache_returns_new_fd(kind_of(tcp), tcp->args))
		fdgen[tcp->rval]++;
}

static void slot_free(struct slot *s)
{
	free(s->text);
}

void fdcache_forget(struct tcb *tcp)
{
	struct fd_cache *c = tcp->fdc;

	end_change(tcp);
	end_fd_change(tcp);
	if (!c)
		return;
	slot_free(&c->cwd);
	for (size_t i = 0; i < c->nfds; i++)
		slot_free(&c->fds[i]);
	free(c->fds);
	free(c);
	tcp->fdc = NULL;
}

static struct slot *slot_of(struct tcb *tcp, int fd, bool grow)
{
	struct fd_cache *c = tcp->fdc;

	if (fd < -1 || fd >= FDC_MAX_FD)
		return NULL;
	if (!c) {
		if (!grow)
			return NULL;
		c = tcp->fdc = xcalloc(1, sizeof(*c));
	}
	if (fd == -1)
		return &c->cwd;
	if ((size_t)fd >= c->nfds) {
		size_t n = c->nfds ? c->nfds : 16;

		if (!grow)
			return NULL;
		while (n <= (size_t)fd)
			n *= 2;
		c->fds = xrealloc(c->fds, n * sizeof(*c->fds));
		memset(c->fds + c->nfds, 0, (n - c->nfds) * sizeof(*c->fds));
		c->nfds = n;
	}
	return &c->fds[fd];
}

const char *fdcache_get(struct tcb *tcp, int fd, size_t *len)
{
	struct slot *s;

	if (!on || inflight)
		return NULL;
	s = slot_of(tcp, fd, false);
	if (!s || s->gen != gen || (fd >= 0 && (fdbusy[fd] || s->fdgen != fdgen[fd])))
		return NULL;
	*len = s->len;
	return s->text;
}

void fdcache_put(struct tcb *tcp, int fd, const char *text, size_t len)
{
	struct slot *s;

	if (!on || inflight || (fd >= 0 && fd < FDC_MAX_FD && fdbusy[fd]) ||
	    !(s = slot_of(tcp, fd, true)))
		return;
	if (len + 1 > s->cap) {
		s->cap = len + 1;
		s->text = xrealloc(s->text, s->cap);
	}
	memcpy(s->text, text, len);
	s->text[len] = '\0';
	s->len = len;
	s->gen = gen;
	s->fdgen = fd >= 0 ? fdgen[fd] : 0;
}
