/* TEE (trusted execution environment) ioctls (type 0xa4, <linux/tee.h>).
 * OPEN_SESSION, INVOKE, SUPPL_RECV and SUPPL_SEND pass a struct
 * tee_ioctl_buf_data that points to the request's structure and its
 * parameters; the others pass their structure directly. */
#include "config.h"

#include <stddef.h>
#include <string.h>
#include <linux/tee.h>

#include "decode.h"
#include "decode_ioctl.h"
#include "ioctl_families.h"
#include "mem.h"
#include "sink.h"
#include "syscallent.h"

/* TEE_IOC_SHM_REGISTER_FD: in vendor trees, not in the UAPI header (its
 * name is not printed). */
struct tee_shm_register_fd {
	int64_t fd;
	uint64_t size;
	uint32_t flags;
	uint8_t pad1[4];
	int32_t id;
	uint8_t pad2[4];
};
#define TEE_SHM_REGISTER_FD_CMD 0xc020a408u /* _IOWR(0xa4, 8, 32 bytes) */

#define FETCH(tcp, arg, obj) fetch_or_print_addr(tcp, arg, &(obj), sizeof(obj))

/* The structures behind tee_ioctl_buf_data, as large as the largest. */
union tee_buf_arg {
	struct tee_ioctl_open_session_arg open;
	struct tee_ioctl_invoke_arg invoke;
	struct tee_iocl_supp_recv_arg recv;
	struct tee_iocl_supp_send_arg send;
};

static void print_param(struct tcb *tcp, void *elem, unsigned long addr, void *data)
{
	const struct tee_ioctl_param *p = elem;

	(void)addr;
	(void)data;
	tprints(tcp, "{attr=");
	print_xval(tcp, &xlat_tee_param_attr_types, p->attr & ~(uint64_t)TEE_IOCTL_PARAM_ATTR_META,
		   "TEE_IOCTL_PARAM_ATTR_");
	if (p->attr & TEE_IOCTL_PARAM_ATTR_META)
		tprints(tcp, "|TEE_IOCTL_PARAM_ATTR_META");
	switch (p->attr) {
	case TEE_IOCTL_PARAM_ATTR_TYPE_NONE:
		break;
	case TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INPUT:
	case TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_OUTPUT:
	case TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INOUT:
		tprintf(tcp, ", shm_offs=%#llx, size=%#llx, shm_id=%llu", (unsigned long long)p->a,
			(unsigned long long)p->b, (unsigned long long)p->c);
		break;
	default:
		tprintf(tcp, ", a=%#llx, b=%#llx, c=%#llx", (unsigned long long)p->a,
			(unsigned long long)p->b, (unsigned long long)p->c);
		break;
	}
	tprints(tcp, "}");
}

static void print_params(struct tcb *tcp, uint64_t addr, unsigned n)
{
	struct tee_ioctl_param p;

	tprints(tcp, ", params=");
	if (!n) {
		tprints(tcp, "[]");
		return;
	}
	if (!fetch_or_print_addr(tcp, (unsigned long)addr, &p, sizeof(p)))
		return;
	print_array(tcp, (unsigned long)addr, n, &p, sizeof(p), print_param, NULL, 0);
}

static void print_buf_data(struct tcb *tcp, const struct tee_ioctl_buf_data *b)
{
	tprintf(tcp, "{buf_len=%llu, buf_ptr=", (unsigned long long)b->buf_len);
	print_addr(tcp, (unsigned long)b->buf_ptr);
	tprints(tcp, "}");
}

/* The size of the structure behind the buffer, and where in it the
 * number of parameters is. */
static size_t buf_arg_size(unsigned cmd, size_t *num_off)
{
	switch (cmd) {
	case TEE_IOC_OPEN_SESSION:
		*num_off = offsetof(struct tee_ioctl_open_session_arg, num_params);
		return sizeof(struct tee_ioctl_open_session_arg);
	case TEE_IOC_INVOKE:
		*num_off = offsetof(struct tee_ioctl_invoke_arg, num_params);
		return sizeof(struct tee_ioctl_invoke_arg);
	case TEE_IOC_SUPPL_RECV:
		*num_off = offsetof(struct tee_iocl_supp_recv_arg, num_params);
		return sizeof(struct tee_iocl_supp_recv_arg);
	default:
		*num_off = offsetof(struct tee_iocl_supp_send_arg, num_params);
		return sizeof(struct tee_iocl_supp_send_arg);
	}
}

/* The buffer descriptor, the structure it points to, where its
 * parameters are and how many. */
struct buf_arg {
	struct tee_ioctl_buf_data b;
	union tee_buf_arg u;
	uint64_t params;
	uint32_t num;
};

/* Reads the buffer descriptor and the structure it points to: false
 * when it printed the descriptor alone (or the address) instead.  At
 * entry the buffer must hold exactly the structure and its parameters
 * (the kernel refuses anything else); at exit the kernel may have
 * changed the number of parameters. */
static bool fetch_buf_arg(struct tcb *tcp, unsigned cmd, unsigned long arg, struct buf_arg *a)
{
	size_t num_off, size = buf_arg_size(cmd, &num_off);

	if (!FETCH(tcp, arg, a->b))
		return false;
	if (a->b.buf_len > TEE_MAX_ARG_SIZE || a->b.buf_len < size ||
	    mem_read(tcp->pid, (unsigned long)a->b.buf_ptr, &a->u, size) < 0) {
		print_buf_data(tcp, &a->b);
		return false;
	}
	memcpy(&a->num, (const char *)&a->u + num_off, sizeof(a->num));
	if (!tcp->exiting &&
	    size + (uint64_t)a->num * sizeof(struct tee_ioctl_param) != a->b.buf_len) {
		print_buf_data(tcp, &a->b);
		return false;
	}
	a->params = a->b.buf_ptr + size;
	return true;
}

static void print_uuid(struct tcb *tcp, const uint8_t *u)
{
	for (unsigned i = 0; i < 16; i++)
		tprintf(tcp, "%s%02x", i == 4 || i == 6 || i == 8 || i == 10 ? "-" : "", u[i]);
}

static void print_open_session_in(struct tcb *tcp, const struct tee_ioctl_open_session_arg *o)
{
	uint32_t gid;

	tprints(tcp, "{uuid=");
	print_uuid(tcp, o->uuid);
	tprints(tcp, ", clnt_login=");
	print_xval(tcp, &xlat_tee_login_types, o->clnt_login, "TEE_IOCTL_LOGIN_???");
	switch (o->clnt_login) {
	case TEE_IOCTL_LOGIN_PUBLIC: case TEE_IOCTL_LOGIN_USER:
	case TEE_IOCTL_LOGIN_APPLICATION: case TEE_IOCTL_LOGIN_USER_APPLICATION:
		break;
	case TEE_IOCTL_LOGIN_GROUP: case TEE_IOCTL_LOGIN_GROUP_APPLICATION:
		/* the group to log in as, not a uuid */
		memcpy(&gid, o->clnt_uuid, sizeof(gid));
		tprints(tcp, ", clnt_uuid=");
		print_id(tcp, gid);
		break;
	default:
		tprints(tcp, ", clnt_uuid=");
		ioctl_print_uints(tcp, o->clnt_uuid, 1, sizeof(o->clnt_uuid), true);
		break;
	}
	tprintf(tcp, ", cancel_id=%u, num_params=%u", o->cancel_id, o->num_params);
}

/* What the call reads of the structure behind the buffer ("{func=..."
 * without the parameters and "}"). */
static void print_buf_in(struct tcb *tcp, unsigned cmd, const union tee_buf_arg *u)
{
	switch (cmd) {
	case TEE_IOC_OPEN_SESSION:
		print_open_session_in(tcp, &u->open);
		break;
	case TEE_IOC_INVOKE:
		tprintf(tcp, "{func=%u, session=%#x, cancel_id=%u, num_params=%u", u->invoke.func,
			u->invoke.session, u->invoke.cancel_id, u->invoke.num_params);
		break;
	case TEE_IOC_SUPPL_RECV:
		tprintf(tcp, "{func=%u, num_params=%u", u->recv.func, u->recv.num_params);
		break;
	default:
		tprintf(tcp, "{num_params=%u", u->send.num_params);
		break;
	}
}

/* What the kernel wrote there. */
static void print_buf_out(struct tcb *tcp, unsigned cmd, const union tee_buf_arg *u)
{
	switch (cmd) {
	case TEE_IOC_OPEN_SESSION:
		tprintf(tcp, "{session=%#x, ret=%u, ret_origin=", u->open.session, u->open.ret);
		print_xval(tcp, &xlat_tee_origins, u->open.ret_origin, "TEEC_ORIGIN_???");
		break;
	case TEE_IOC_INVOKE:
		tprintf(tcp, "{ret=%u, ret_origin=", u->invoke.ret);
		print_xval(tcp, &xlat_tee_origins, u->invoke.ret_origin, "TEEC_ORIGIN_???");
		break;
	case TEE_IOC_SUPPL_RECV:
		tprintf(tcp, "{num_params=%u", u->recv.num_params);
		break;
	default:
		tprintf(tcp, "{ret=%u", u->send.ret);
		break;
	}
}

/* "In => out" requests: false at an exit that prints nothing (the call
 * failed); at a successful exit " => " first. */
static bool tee_out_begin(struct tcb *tcp)
{
	if (!tcp->exiting)
		return true;
	if (ioctl_failed(tcp))
		return false;
	tprints(tcp, " => ");
	return true;
}

/* OPEN_SESSION, INVOKE, SUPPL_RECV, SUPPL_SEND.  At entry
 * "{buf_len=N, buf_ptr={...}" (the exit ends it), or "{buf_len=N,
 * buf_ptr=0x...}" and false (nothing at exit); at exit " => {...}}" after
 * a successful call, "}" after a failed one. */
static bool print_buf_arg(struct tcb *tcp, unsigned cmd, unsigned long arg)
{
	struct buf_arg a;

	if (!tee_out_begin(tcp)) {
		tprints(tcp, "}");
		return true;
	}
	if (!fetch_buf_arg(tcp, cmd, arg, &a))
		return false;
	if (tcp->exiting) {
		print_buf_out(tcp, cmd, &a.u);
	} else {
		tprintf(tcp, "{buf_len=%llu, buf_ptr=", (unsigned long long)a.b.buf_len);
		print_buf_in(tcp, cmd, &a.u);
	}
	print_params(tcp, a.params, a.num);
	tprints(tcp, tcp->exiting ? "}}" : "}");
	return true;
}

static void print_version(struct tcb *tcp, unsigned long arg)
{
	struct tee_ioctl_version_data v;

	if (!FETCH(tcp, arg, v))
		return;
	tprints(tcp, "{impl_id=");
	print_xval(tcp, &xlat_tee_impl_ids, v.impl_id, "TEE_IMPL_ID_???");
	tprints(tcp, ", gen_caps=");
	print_flags(tcp, &xlat_tee_gen_caps, v.gen_caps, "TEE_GEN_CAP_???");
	tprints(tcp, ", impl_caps=");
	if (v.impl_id == TEE_IMPL_ID_OPTEE)
		print_flags(tcp, &xlat_tee_optee_caps, v.impl_caps, "TEE_OPTEE_CAP_???");
	else
		tprintf(tcp, "%#x", v.impl_caps);
	tprints(tcp, "}");
}

/* The shared memory requests: their structures, _IOWR requests of
 * their size. */
union tee_shm_arg {
	struct tee_ioctl_shm_alloc_data alloc;
	struct tee_ioctl_shm_register_data reg;
	struct tee_shm_register_fd regfd;
};
_Static_assert(_IOC_SIZE(TEE_IOC_SHM_ALLOC) == sizeof(struct tee_ioctl_shm_alloc_data), "");
_Static_assert(_IOC_SIZE(TEE_IOC_SHM_REGISTER) == sizeof(struct tee_ioctl_shm_register_data),
	       "");
_Static_assert(_IOC_SIZE(TEE_SHM_REGISTER_FD_CMD) == sizeof(struct tee_shm_register_fd), "");

static void print_shm_flags(struct tcb *tcp, uint32_t flags)
{
	print_flags(tcp, &xlat_tee_shm_flags, flags, "TEE_IOCTL_SHM_???");
}

/* SHM_ALLOC, SHM_REGISTER, SHM_REGISTER_FD: at entry the request (false
 * when it could not be read: nothing at exit), at a successful exit
 * " => " the kernel's answer with the new id. */
static bool print_shm_arg(struct tcb *tcp, unsigned cmd, unsigned long arg)
{
	union tee_shm_arg u;

	if (!tee_out_begin(tcp))
		return true;
	if (!fetch_or_print_addr(tcp, arg, &u, _IOC_SIZE(cmd)))
		return false;
	switch (cmd) {
	case TEE_IOC_SHM_ALLOC:
		tprintf(tcp, "{size=%#llx, flags=", (unsigned long long)u.alloc.size);
		print_shm_flags(tcp, u.alloc.flags);
		if (tcp->exiting)
			tprintf(tcp, ", id=%d", u.alloc.id);
		break;
	case TEE_IOC_SHM_REGISTER:
		if (!tcp->exiting) {
			tprints(tcp, "{addr=");
			print_addr(tcp, (unsigned long)u.reg.addr);
			tprints(tcp, ", ");
		} else {
			tprints(tcp, "{");
		}
		tprintf(tcp, "length=%#llx, flags=", (unsigned long long)u.reg.length);
		print_shm_flags(tcp, u.reg.flags);
		if (tcp->exiting)
			tprintf(tcp, ", id=%d", u.reg.id);
		break;
	default:
		if (tcp->exiting) {
			tprintf(tcp, "{size=%#llx, id=%d", (unsigned long long)u.regfd.size,
				u.regfd.id);
			break;
		}
		tprints(tcp, "{fd=");
		print_fd(tcp, (int)u.regfd.fd);
		tprints(tcp, ", flags=");
		print_shm_flags(tcp, u.regfd.flags);
		break;
	}
	tprints(tcp, "}");
	return true;
}

/* An "in => out" request printed by print(): ", " and the request at
 * entry (call me again at exit unless it could not be read), the answer
 * at exit. */
static int tee_in_out(struct tcb *tcp, unsigned cmd, unsigned long arg,
		      bool (*print)(struct tcb *tcp, unsigned cmd, unsigned long arg))
{
	if (tcp->exiting) {
		print(tcp, cmd, arg);
		return DEC_DONE;
	}
	tprint_arg_next(tcp);
	return print(tcp, cmd, arg) ? IOCTL_MORE_ALWAYS : DEC_DONE;
}

static int tee_decode(struct tcb *tcp, unsigned cmd, unsigned long arg)
{
	union {
		struct tee_ioctl_cancel_arg cancel;
		struct tee_ioctl_close_session_arg close;
	} u;

	switch (cmd) {
	case TEE_IOC_VERSION:
		if (tcp->exiting) {
			print_version(tcp, arg);
			return DEC_DONE;
		}
		tprint_arg_next(tcp);
		return DEC_MORE;
	case TEE_IOC_OPEN_SESSION: case TEE_IOC_INVOKE:
	case TEE_IOC_SUPPL_RECV: case TEE_IOC_SUPPL_SEND:
		return tee_in_out(tcp, cmd, arg, print_buf_arg);
	case TEE_IOC_SHM_ALLOC: case TEE_IOC_SHM_REGISTER: case TEE_SHM_REGISTER_FD_CMD:
		return tee_in_out(tcp, cmd, arg, print_shm_arg);
	case TEE_IOC_CANCEL:
		tprint_arg_next(tcp);
		if (FETCH(tcp, arg, u.cancel))
			tprintf(tcp, "{cancel_id=%u, session=%#x}", u.cancel.cancel_id,
				u.cancel.session);
		return DEC_DONE;
	case TEE_IOC_CLOSE_SESSION:
		tprint_arg_next(tcp);
		if (FETCH(tcp, arg, u.close))
			tprintf(tcp, "{session=%#x}", u.close.session);
		return DEC_DONE;
	default:
		return IOCTL_UNHANDLED;
	}
}

const struct ioctl_family ioctl_family_tee = {
	.name = "tee",
	.types = { 0xa4 },
	.cmds = &xlat_tee_ioctl_cmds,
	.decode = tee_decode,
};
