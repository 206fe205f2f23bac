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
#include "print.h"
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

/* Reads the buffer descriptor and the structure it points to: false
 * when it printed the descriptor alone (or the address) instead.  At
 * entry the buffer must hold exactly the structure and its parameters
 * (the kernel refuses anything else); at exit the kernel may have
 * changed the number of parameters. */
static bool fetch_buf_arg(struct tcb *tcp, unsigned cmd, unsigned long arg,
			  struct tee_ioctl_buf_data *b, union tee_buf_arg *u, uint64_t *params)
{
	size_t num_off, size = buf_arg_size(cmd, &num_off);
	uint32_t num;

	if (!FETCH(tcp, arg, *b))
		return false;
	if (b->buf_len > TEE_MAX_ARG_SIZE || b->buf_len < size ||
	    mem_read(tcp->pid, (unsigned long)b->buf_ptr, u, size) < 0) {
		print_buf_data(tcp, b);
		return false;
	}
	memcpy(&num, (const char *)u + num_off, sizeof(num));
	if (!tcp->exiting && size + (uint64_t)num * sizeof(struct tee_ioctl_param) != b->buf_len) {
		print_buf_data(tcp, b);
		return false;
	}
	*params = b->buf_ptr + size;
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

/* "{buf_len=N, buf_ptr={...}" at entry (the exit ends it), or
 * "{buf_len=N, buf_ptr=0x...}": false then. */
static bool buf_arg_entry(struct tcb *tcp, unsigned cmd, unsigned long arg)
{
	struct tee_ioctl_buf_data b;
	union tee_buf_arg u;
	uint64_t params;
	unsigned num;

	if (!fetch_buf_arg(tcp, cmd, arg, &b, &u, &params))
		return false;
	tprintf(tcp, "{buf_len=%llu, buf_ptr=", (unsigned long long)b.buf_len);
	switch (cmd) {
	case TEE_IOC_OPEN_SESSION:
		print_open_session_in(tcp, &u.open);
		num = u.open.num_params;
		break;
	case TEE_IOC_INVOKE:
		tprintf(tcp, "{func=%u, session=%#x, cancel_id=%u, num_params=%u", u.invoke.func,
			u.invoke.session, u.invoke.cancel_id, u.invoke.num_params);
		num = u.invoke.num_params;
		break;
	case TEE_IOC_SUPPL_RECV:
		tprintf(tcp, "{func=%u, num_params=%u", u.recv.func, u.recv.num_params);
		num = u.recv.num_params;
		break;
	default:
		tprintf(tcp, "{num_params=%u", u.send.num_params);
		num = u.send.num_params;
		break;
	}
	print_params(tcp, params, num);
	tprints(tcp, "}");
	return true;
}

/* " => {...}}" after a successful call, "}" after a failed one. */
static void buf_arg_exit(struct tcb *tcp, unsigned cmd, unsigned long arg)
{
	struct tee_ioctl_buf_data b;
	union tee_buf_arg u;
	uint64_t params;
	unsigned num;

	if (ioctl_failed(tcp)) {
		tprints(tcp, "}");
		return;
	}
	tprints(tcp, " => ");
	if (!fetch_buf_arg(tcp, cmd, arg, &b, &u, &params))
		return;
	switch (cmd) {
	case TEE_IOC_OPEN_SESSION:
		tprintf(tcp, "{session=%#x, ret=%u, ret_origin=", u.open.session, u.open.ret);
		print_xval(tcp, &xlat_tee_origins, u.open.ret_origin, "TEEC_ORIGIN_???");
		num = u.open.num_params;
		break;
	case TEE_IOC_INVOKE:
		tprintf(tcp, "{ret=%u, ret_origin=", u.invoke.ret);
		print_xval(tcp, &xlat_tee_origins, u.invoke.ret_origin, "TEEC_ORIGIN_???");
		num = u.invoke.num_params;
		break;
	case TEE_IOC_SUPPL_RECV:
		tprintf(tcp, "{num_params=%u", u.recv.num_params);
		num = u.recv.num_params;
		break;
	default:
		tprintf(tcp, "{ret=%u", u.send.ret);
		num = u.send.num_params;
		break;
	}
	print_params(tcp, params, num);
	tprints(tcp, "}}");
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

static int tee_exit(struct tcb *tcp, unsigned cmd, unsigned long arg)
{
	union {
		struct tee_ioctl_shm_alloc_data alloc;
		struct tee_ioctl_shm_register_data reg;
		struct tee_shm_register_fd regfd;
	} u;

	/* the "in => out" structures end at a failed exit */
	if (ioctl_failed(tcp) && (cmd == TEE_IOC_SHM_ALLOC || cmd == TEE_IOC_SHM_REGISTER ||
				  cmd == TEE_SHM_REGISTER_FD_CMD))
		return DEC_DONE;
	switch (cmd) {
	case TEE_IOC_VERSION:
		print_version(tcp, arg);
		break;
	case TEE_IOC_OPEN_SESSION: case TEE_IOC_INVOKE:
	case TEE_IOC_SUPPL_RECV: case TEE_IOC_SUPPL_SEND:
		buf_arg_exit(tcp, cmd, arg);
		break;
	case TEE_IOC_SHM_ALLOC:
		tprints(tcp, " => ");
		if (!FETCH(tcp, arg, u.alloc))
			break;
		tprintf(tcp, "{size=%#llx, flags=", (unsigned long long)u.alloc.size);
		print_flags(tcp, &xlat_tee_shm_flags, u.alloc.flags, "TEE_IOCTL_SHM_???");
		tprintf(tcp, ", id=%d}", u.alloc.id);
		break;
	case TEE_IOC_SHM_REGISTER:
		tprints(tcp, " => ");
		if (!FETCH(tcp, arg, u.reg))
			break;
		tprintf(tcp, "{length=%#llx, flags=", (unsigned long long)u.reg.length);
		print_flags(tcp, &xlat_tee_shm_flags, u.reg.flags, "TEE_IOCTL_SHM_???");
		tprintf(tcp, ", id=%d}", u.reg.id);
		break;
	case TEE_SHM_REGISTER_FD_CMD:
		tprints(tcp, " => ");
		if (FETCH(tcp, arg, u.regfd))
			tprintf(tcp, "{size=%#llx, id=%d}", (unsigned long long)u.regfd.size,
				u.regfd.id);
		break;
	default:
		return IOCTL_UNHANDLED;
	}
	return DEC_DONE;
}

static int tee_decode(struct tcb *tcp, unsigned cmd, unsigned long arg)
{
	union {
		struct tee_ioctl_cancel_arg cancel;
		struct tee_ioctl_close_session_arg close;
		struct tee_ioctl_shm_alloc_data alloc;
		struct tee_ioctl_shm_register_data reg;
		struct tee_shm_register_fd regfd;
	} u;

	if (tcp->exiting)
		return tee_exit(tcp, cmd, arg);
	switch (cmd) {
	case TEE_IOC_VERSION:
		tprint_arg_next(tcp);
		return DEC_MORE;
	case TEE_IOC_OPEN_SESSION: case TEE_IOC_INVOKE:
	case TEE_IOC_SUPPL_RECV: case TEE_IOC_SUPPL_SEND:
		tprint_arg_next(tcp);
		return buf_arg_entry(tcp, cmd, arg) ? IOCTL_MORE_ALWAYS : DEC_DONE;
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
	case TEE_IOC_SHM_ALLOC:
		tprint_arg_next(tcp);
		if (!FETCH(tcp, arg, u.alloc))
			return DEC_DONE;
		tprintf(tcp, "{size=%#llx, flags=", (unsigned long long)u.alloc.size);
		print_flags(tcp, &xlat_tee_shm_flags, u.alloc.flags, "TEE_IOCTL_SHM_???");
		tprints(tcp, "}");
		return IOCTL_MORE_ALWAYS;
	case TEE_IOC_SHM_REGISTER:
		tprint_arg_next(tcp);
		if (!FETCH(tcp, arg, u.reg))
			return DEC_DONE;
		tprints(tcp, "{addr=");
		print_addr(tcp, (unsigned long)u.reg.addr);
		tprintf(tcp, ", length=%#llx, flags=", (unsigned long long)u.reg.length);
		print_flags(tcp, &xlat_tee_shm_flags, u.reg.flags, "TEE_IOCTL_SHM_???");
		tprints(tcp, "}");
		return IOCTL_MORE_ALWAYS;
	case TEE_SHM_REGISTER_FD_CMD:
		tprint_arg_next(tcp);
		if (!FETCH(tcp, arg, u.regfd))
			return DEC_DONE;
		tprints(tcp, "{fd=");
		print_fd(tcp, (int)u.regfd.fd);
		tprints(tcp, ", flags=");
		print_flags(tcp, &xlat_tee_shm_flags, u.regfd.flags, "TEE_IOCTL_SHM_???");
		tprints(tcp, "}");
		return IOCTL_MORE_ALWAYS;
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
