/* Netlink messages in the buffers of socket calls, as strace prints them:
 * [{nlmsg_len=.., nlmsg_type=RTM_GETLINK, nlmsg_flags=..., nlmsg_seq=..,
 * nlmsg_pid=..}, {ifi_family=AF_PACKET, ...}, [{nla_len=8,
 * nla_type=IFLA_EXT_MASK}, RTEXT_FILTER_VF]].
 *
 * The family bodies (rtnetlink's ifinfomsg, sock_diag's requests, ...)
 * are described as data: a struct layout (struct nl_layout: fields with
 * their printers) and a table of attribute decoders per attribute type
 * (struct nla_dec), walked by the generic printers here. */
#ifndef CTRACE_DECODE_NETLINK_H
#define CTRACE_DECODE_NETLINK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tcb.h"
#include "util.h"
#include "xlat.h"

/* The netlink protocol (NETLINK_ROUTE, ...) of tracee fd, or -1 when fd
 * is not a bound netlink socket (from /proc/PID/net/netlink, as strace
 * learns it from sock_diag: an unbound socket is not listed). */
int netlink_fd_protocol(struct tcb *tcp, int fd);

/* The data buffer of a socket call on fd (sendto, recvfrom, the iovecs
 * of sendmsg/recvmsg): netlink messages when fd is a netlink socket and
 * -e verbose= allows it, else the quoted string. */
void print_sockbuf(struct tcb *tcp, int fd, unsigned long addr, unsigned long len);

/* The messages of protocol proto (-1: unknown) in len bytes at addr. */
void decode_netlink(struct tcb *tcp, int proto, unsigned long addr, unsigned long len);

/* ---- the toolkit the family decoders use ---- */

/* len bytes at addr quoted with every byte as \xHH (strace's forced hex),
 * cut at -s with "..."; the address when unreadable. */
void nl_print_hexstr(struct tcb *tcp, unsigned long addr, unsigned long len);

/* How a field or an attribute value is printed. */
enum nl_kind {
	NLK_NONE = 0,  /* attribute: no decoder (hex string) */
	NLK_U,         /* unsigned decimal of the field's size */
	NLK_D,         /* signed decimal */
	NLK_X,         /* hex */
	NLK_XVAL,      /* enum: xlat name, else hex with dflt comment */
	NLK_FLAGS,     /* flags: xlat names */
	NLK_FLAGS_V,   /* flags, always with the number: 0x3 /+ A|B +/ (names outside the UAPI) */
	NLK_IFINDEX,   /* if_nametoindex("lo") */
	NLK_FAMILY,    /* AF_* */
	NLK_RTNL_FAMILY, /* RTNL_FAMILY_* or AF_* */
	NLK_STR,       /* attribute: string with its NUL */
	NLK_INADDR,    /* attribute: address of the message's family */
	NLK_INADDR_FIXED, /* attribute: an IPv4 (size 4) or IPv6 (size 16) address */
	NLK_HWADDR,    /* attribute: 00:11:22:33:44:55 */
	NLK_FD,        /* attribute: a descriptor */
	NLK_STRUCT,    /* attribute: a struct layout (sub), then attributes when nest is set */
	NLK_ERRNO,     /* negative errno: -EACCES */
	NLK_UARRAY,    /* attribute: array of unsigned of the dec's size: [1, 2, 3] */
	NLK_XARRAY,    /* the same in hex: [0xff, 0x1] */
	NLK_NESTED,    /* attribute: an attribute array (nest) */
	NLK_BE16,      /* network order: htons(80) */
	NLK_BE64,      /* network order: htobe64(1) */
	NLK_BPF,       /* attribute: classic BPF instructions of a socket filter */
	NLK_COOKIE,    /* field: u32[2] as [1, 2] */
	NLK_BITS,      /* flags whose bit N is named by enum value N: 1<<TCP_LISTEN */
	NLK_BITS1,     /* the same, bit N named by value N+1: 1<<(INET_DIAG_TOS-1) */
	NLK_DEV,       /* field: a device number, makedev(0x1, 0x3) */
	NLK_X_NZ,      /* field: hex, left out when zero (padding) */
	NLK_CLOCK_T,   /* clock ticks: 5700500 /+ 57005.00 s +/ */
	NLK_IFINDEX_NEST, /* attribute: an interface index, then attributes (nest) */
	NLK_HEXSTR,    /* field: its bytes as "\x61\x62" */
	NLK_HEXSTR_PREV, /* field: as many of its bytes as the field before it says */
	NLK_HEXSTR_NZ, /* field: its bytes, left out when all zero (padding) */
	NLK_SARRAY,    /* attribute: an array of structures (sub): [{...}, {...}] */
	NLK_RTNH,      /* attribute: struct rtnexthop records (RTA_MULTIPATH), each with its attributes (nest) */
	NLK_RTVIA,     /* attribute: struct rtvia, an address of its own family */
	NLK_IARRAY,    /* attribute: unsigned of the dec's size indexed by the names of x: [[A]=1, [B]=2] */
	NLK_IARRAY_D,  /* the same, signed */
	NLK_AF_NESTED, /* attribute: attributes whose set depends on the message's family (by_af) */
	NLK_BYTES,     /* field: its bytes as decimals: [1, 2] */
	NLK_IARRAY1_D, /* attribute: signed of the dec's size, element N named by value N+1 of x: [A-1]=1 */
	NLK_BE16_XVAL, /* network order enum: htons(ETH_P_IP) (-X aware, hex when unnamed) */
	NLK_XVAL_V,    /* enum, always with the number: 0x3020000 /+ NAME +/ (names outside the UAPI) */
	NLK_CSTR,      /* field: a NUL-terminated string in its bytes: "abc" */
	NLK_FSARRAY,   /* field: an array of structures (sub) filling it: [{...}] */
	NLK_UID,       /* unsigned, -1 when all ones (uid_t, gid_t) */
	NLK_FUNC,      /* attribute: printed by the dec's fn */
	NLK_KIND_STR,  /* attribute: a string naming the kind (slot: size) of its siblings after it */
	NLK_BY_KIND,   /* attribute: decoded by the dec that by_kind gives the kind of slot size */
	NLK_STRUCT_TAIL, /* attribute: a struct layout (sub), then the bytes after it as "\x.." */
	/* NLK_IARRAY as a field: unsigned of elsize bytes indexed by the names of x */
};

struct nl_layout;
struct nl_attrset;
struct nl_af_sets;
struct nl_kind_dec;

struct nl_field {
	const char *name;
	uint16_t off;
	uint8_t size;          /* 1, 2, 4, 8; bytes of an address or a struct */
	uint8_t kind;          /* enum nl_kind */
	const struct xlat *x;
	const char *dflt;
	const struct nl_layout *sub; /* NLK_STRUCT */
	uint8_t family;        /* NLK_STRUCT: of its addresses (0: the parent's) */
	uint8_t elsize;        /* NLK_IARRAY: the size of an element */
};

/* Decoder of one attribute type. size: the value's size for integer
 * kinds (a shorter value is printed as hex bytes). */
struct nla_dec {
	uint8_t kind;
	uint8_t size;
	const struct xlat *x;
	const char *dflt;
	const struct nl_layout *sub;
	const struct nl_attrset *nest;
	const struct nl_af_sets *by_af; /* NLK_AF_NESTED */
	/* NLK_FUNC: prints the value of len bytes at addr, false when it
	 * cannot (the caller prints the bytes) */
	bool (*fn)(struct tcb *tcp, unsigned long addr, unsigned long len, int family);
	const struct nl_kind_dec *by_kind; /* NLK_BY_KIND, ended by a NULL kind */
};

/* The decoder of an attribute for one kind named by a sibling (IFLA_INFO_DATA
 * of IFLA_INFO_KIND "bridge"). */
struct nl_kind_dec {
	const char *kind;
	struct nla_dec dec;
};

/* The attribute sets of an NLK_AF_NESTED attribute, indexed by the
 * message's family. */
struct nl_af_sets {
	const struct nl_attrset *const *sets;
	unsigned nsets;
	const struct nl_attrset *other; /* the families without a set (NULL: not decoded) */
};

/* The attributes of a nest: their type names and decoders. */
struct nl_attrset {
	const struct xlat *types;
	const char *dflt;
	const struct nla_dec *decs;
	unsigned ndecs;
};

/* A message body or an attribute structure. */
struct nl_layout {
	size_t size;
	/* attribute structures that grew: the smallest size accepted (0:
	 * size); a value shorter than size must end at a field's end, and
	 * the fields it holds are printed */
	size_t min_size;
	const struct nl_field *fields;
	unsigned nfields;
	/* attributes after the body (message bodies only) */
	const struct xlat *attrs;
	const char *attrs_dflt;
	const struct nla_dec *decs;
	unsigned ndecs;
};

/* A struct nl_layout written as data (decode_netlink*.c): a structure of
 * size bytes whose fields are the array fields, then any other member by
 * its designator: .min_size (a structure that grew), NL_ATTRS() (a message
 * body's attributes).
 *   static const struct nl_layout l = NL_LAYOUT(sizeof(struct s), s_fields);
 *   NL_LAYOUT(sizeof(struct ifinfomsg), ifinfomsg_fields,
 *             NL_ATTRS(&xlat_rtnl_link_attrs, "IFLA_???", ifla_decs)) */
#define NL_LAYOUT(size_, fields_, ...) \
	{ .size = (size_), .fields = (fields_), .nfields = ARRAY_SIZE(fields_), __VA_ARGS__ }
/* The attributes after a message body: named from the set attrs_ (dflt_
 * for a type it lacks), decoded by the array decs_ (indexed by type). */
#define NL_ATTRS(attrs_, dflt_, decs_) \
	.attrs = (attrs_), .attrs_dflt = (dflt_), .decs = (decs_), .ndecs = ARRAY_SIZE(decs_)

/* A message body: its first field (the family byte) always, the others
 * when len covers the struct ("..." when not), then its attributes as
 * a sibling array: ", [{nla_len=..}, ...]". */
void nl_print_body(struct tcb *tcp, const struct nl_layout *l, unsigned long addr,
		   unsigned long len);
/* The fields of l within the first have bytes of buf (a fetched copy)
 * as "{a=1, b=2}". */
void nl_print_struct(struct tcb *tcp, const struct nl_layout *l, const void *buf, size_t have,
		     int family);
/* The same without the braces: "a=1, b=2". */
void nl_print_fields(struct tcb *tcp, const struct nl_layout *l, const void *buf, size_t have,
		     int family);
/* An interface index: if_nametoindex("lo") (-X aware). */
void nl_print_ifindex(struct tcb *tcp, unsigned idx);
/* A hardware address of len bytes: 00:11:22:33:44:55 (-X aware). */
void nl_print_hwaddr(struct tcb *tcp, const unsigned char *a, size_t len);
/* An attribute array; family: of the message (NLK_INADDR). */
void nl_print_attrs(struct tcb *tcp, unsigned long addr, unsigned long len, const struct xlat *types,
		    const char *dflt, const struct nla_dec *decs, unsigned ndecs, int family);
/* {family=AF_INET, data="\x.."}: a body ctrace has no layout for. */
void nl_print_family_body(struct tcb *tcp, unsigned long addr, unsigned long len);

/* Which request flags (NLM_F_*) a message type takes besides the
 * common ones. */
enum nl_flag_kind { NLF_COMMON, NLF_GET, NLF_NEW, NLF_DEL, NLF_ACK, NLF_N };

/* NETLINK_NETFILTER: NFNL_SUBSYS_X<<8|TYPE, and the flags of a type. */
void netlink_netfilter_print_type(struct tcb *tcp, uint16_t type);
unsigned netlink_netfilter_flag_kind(uint16_t type);

/* NETLINK_KOBJECT_UEVENT data: udev's header and properties, else a string. */
void decode_netlink_kobject_uevent(struct tcb *tcp, unsigned long addr, unsigned long len);

/* Family decoders: true when they printed the payload. */
bool decode_netlink_route(struct tcb *tcp, uint16_t type, uint16_t flags, unsigned long addr,
			  unsigned long len);
bool decode_netlink_sock_diag(struct tcb *tcp, uint16_t type, uint16_t flags,
			      unsigned long addr, unsigned long len);
bool decode_netlink_netfilter(struct tcb *tcp, uint16_t type, uint16_t flags, unsigned long addr,
			      unsigned long len);
bool decode_netlink_selinux(struct tcb *tcp, uint16_t type, uint16_t flags, unsigned long addr,
			    unsigned long len);

#endif
