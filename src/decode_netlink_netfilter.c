/* NETLINK_NETFILTER: nlmsg_type as subsystem << 8 | message type, the
 * request flags of each message type, and the nfgenmsg body; the two
 * NETLINK_SELINUX messages with a body. */
#include "config.h"
#include "decode_netlink.h"

#include <arpa/inet.h>
#include <linux/netfilter/ipset/ip_set.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netfilter/nf_tables_compat.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nfnetlink_acct.h>
#include <linux/netfilter/nfnetlink_conntrack.h>
#include <linux/netfilter/nfnetlink_cthelper.h>
#include <linux/netfilter/nfnetlink_cttimeout.h>
#include <linux/netfilter/nfnetlink_hook.h>
#include <linux/netfilter/nfnetlink_log.h>
#include <linux/netfilter/nfnetlink_queue.h>
#include <linux/netlink.h>
#include <linux/selinux_netlink.h>

#include "sink.h"


/* message type names of each subsystem */
static const struct {
	const struct xlat *types;
	const char *dflt;
} subsys_types[] = {
	[NFNL_SUBSYS_CTNETLINK] = { &xlat_nf_ctnetlink_msg_types, "IPCTNL_MSG_CT_???" },
	[NFNL_SUBSYS_CTNETLINK_EXP] = { &xlat_nf_ctnetlink_exp_msg_types, "IPCTNL_MSG_EXP_???" },
	[NFNL_SUBSYS_QUEUE] = { &xlat_nf_queue_msg_types, "NFQNL_MSG_???" },
	[NFNL_SUBSYS_ULOG] = { &xlat_nf_ulog_msg_types, "NFULNL_MSG_???" },
	[NFNL_SUBSYS_OSF] = { &xlat_nf_osf_msg_types, "OSF_MSG_???" },
	[NFNL_SUBSYS_IPSET] = { &xlat_nf_ipset_msg_types, "IPSET_CMD_???" },
	[NFNL_SUBSYS_ACCT] = { &xlat_nf_acct_msg_types, "NFNL_MSG_ACCT_???" },
	[NFNL_SUBSYS_CTNETLINK_TIMEOUT] = { &xlat_nf_cttimeout_msg_types, "IPCTNL_MSG_TIMEOUT_???" },
	[NFNL_SUBSYS_CTHELPER] = { &xlat_nf_cthelper_msg_types, "NFNL_MSG_CTHELPER_???" },
	[NFNL_SUBSYS_NFTABLES] = { &xlat_nf_nftables_msg_types, "NFT_MSG_???" },
	[NFNL_SUBSYS_NFT_COMPAT] = { &xlat_nf_nft_compat_msg_types, "NFNL_MSG_COMPAT_???" },
	[NFNL_SUBSYS_HOOK] = { &xlat_nf_hook_msg_types, "NFT_MSG_HOOK_???" },
};

void netlink_netfilter_print_type(struct tcb *tcp, uint16_t type)
{
	unsigned subsys = type >> 8, msg = type & 0xff;

	if (xlat_lookup(&xlat_nl_netfilter_msg_types, type)) {
		print_xval(tcp, &xlat_nl_netfilter_msg_types, type, NULL);
		return;
	}
	print_xval(tcp, &xlat_nl_netfilter_subsys_ids, subsys, "NFNL_SUBSYS_???");
	tprints(tcp, "<<8|");
	if (subsys < ARRAY_SIZE(subsys_types) && subsys_types[subsys].types)
		print_xval(tcp, subsys_types[subsys].types, msg, subsys_types[subsys].dflt);
	else
		tprintf(tcp, "%#x", msg);
}

/* which request flags each message type takes */
static const struct {
	uint8_t subsys, msg, kind;
} flag_kinds[] = {
	{ NFNL_SUBSYS_CTNETLINK, IPCTNL_MSG_CT_NEW, NLF_NEW },
	{ NFNL_SUBSYS_CTNETLINK, IPCTNL_MSG_CT_GET, NLF_GET },
	{ NFNL_SUBSYS_CTNETLINK, IPCTNL_MSG_CT_GET_CTRZERO, NLF_GET },
	{ NFNL_SUBSYS_CTNETLINK, IPCTNL_MSG_CT_GET_STATS_CPU, NLF_GET },
	{ NFNL_SUBSYS_CTNETLINK, IPCTNL_MSG_CT_GET_STATS, NLF_GET },
	{ NFNL_SUBSYS_CTNETLINK, IPCTNL_MSG_CT_GET_DYING, NLF_GET },
	{ NFNL_SUBSYS_CTNETLINK, IPCTNL_MSG_CT_GET_UNCONFIRMED, NLF_GET },
	{ NFNL_SUBSYS_CTNETLINK, IPCTNL_MSG_CT_DELETE, NLF_DEL },
	{ NFNL_SUBSYS_CTNETLINK_EXP, IPCTNL_MSG_EXP_NEW, NLF_NEW },
	{ NFNL_SUBSYS_CTNETLINK_EXP, IPCTNL_MSG_EXP_GET, NLF_GET },
	{ NFNL_SUBSYS_CTNETLINK_EXP, IPCTNL_MSG_EXP_GET_STATS_CPU, NLF_GET },
	{ NFNL_SUBSYS_CTNETLINK_EXP, IPCTNL_MSG_EXP_DELETE, NLF_DEL },
	{ NFNL_SUBSYS_ACCT, NFNL_MSG_ACCT_NEW, NLF_NEW },
	{ NFNL_SUBSYS_ACCT, NFNL_MSG_ACCT_GET, NLF_GET },
	{ NFNL_SUBSYS_ACCT, NFNL_MSG_ACCT_GET_CTRZERO, NLF_GET },
	{ NFNL_SUBSYS_ACCT, NFNL_MSG_ACCT_DEL, NLF_DEL },
	{ NFNL_SUBSYS_CTNETLINK_TIMEOUT, IPCTNL_MSG_TIMEOUT_NEW, NLF_NEW },
	{ NFNL_SUBSYS_CTNETLINK_TIMEOUT, IPCTNL_MSG_TIMEOUT_GET, NLF_GET },
	{ NFNL_SUBSYS_CTNETLINK_TIMEOUT, IPCTNL_MSG_TIMEOUT_DELETE, NLF_DEL },
	{ NFNL_SUBSYS_CTHELPER, NFNL_MSG_CTHELPER_NEW, NLF_NEW },
	{ NFNL_SUBSYS_CTHELPER, NFNL_MSG_CTHELPER_GET, NLF_GET },
	{ NFNL_SUBSYS_CTHELPER, NFNL_MSG_CTHELPER_DEL, NLF_DEL },
	{ NFNL_SUBSYS_NFTABLES, NFT_MSG_NEWTABLE, NLF_NEW },
	{ NFNL_SUBSYS_NFTABLES, NFT_MSG_NEWCHAIN, NLF_NEW },
	{ NFNL_SUBSYS_NFTABLES, NFT_MSG_NEWRULE, NLF_NEW },
	{ NFNL_SUBSYS_NFTABLES, NFT_MSG_NEWSET, NLF_NEW },
	{ NFNL_SUBSYS_NFTABLES, NFT_MSG_NEWSETELEM, NLF_NEW },
	{ NFNL_SUBSYS_NFTABLES, NFT_MSG_NEWGEN, NLF_NEW },
	{ NFNL_SUBSYS_NFTABLES, NFT_MSG_NEWOBJ, NLF_NEW },
	{ NFNL_SUBSYS_NFTABLES, NFT_MSG_NEWFLOWTABLE, NLF_NEW },
	{ NFNL_SUBSYS_NFTABLES, NFT_MSG_GETTABLE, NLF_GET },
	{ NFNL_SUBSYS_NFTABLES, NFT_MSG_GETCHAIN, NLF_GET },
	{ NFNL_SUBSYS_NFTABLES, NFT_MSG_GETRULE, NLF_GET },
	{ NFNL_SUBSYS_NFTABLES, NFT_MSG_GETSET, NLF_GET },
	{ NFNL_SUBSYS_NFTABLES, NFT_MSG_GETSETELEM, NLF_GET },
	{ NFNL_SUBSYS_NFTABLES, NFT_MSG_GETGEN, NLF_GET },
	{ NFNL_SUBSYS_NFTABLES, NFT_MSG_GETOBJ, NLF_GET },
	{ NFNL_SUBSYS_NFTABLES, NFT_MSG_GETOBJ_RESET, NLF_GET },
	{ NFNL_SUBSYS_NFTABLES, NFT_MSG_GETFLOWTABLE, NLF_GET },
	{ NFNL_SUBSYS_NFTABLES, NFT_MSG_DELTABLE, NLF_DEL },
	{ NFNL_SUBSYS_NFTABLES, NFT_MSG_DELCHAIN, NLF_DEL },
	{ NFNL_SUBSYS_NFTABLES, NFT_MSG_DELRULE, NLF_DEL },
	{ NFNL_SUBSYS_NFTABLES, NFT_MSG_DELSET, NLF_DEL },
	{ NFNL_SUBSYS_NFTABLES, NFT_MSG_DELSETELEM, NLF_DEL },
	{ NFNL_SUBSYS_NFTABLES, NFT_MSG_DELOBJ, NLF_DEL },
	{ NFNL_SUBSYS_NFTABLES, NFT_MSG_DELFLOWTABLE, NLF_DEL },
	{ NFNL_SUBSYS_NFT_COMPAT, NFNL_MSG_COMPAT_GET, NLF_GET },
	{ NFNL_SUBSYS_HOOK, NFNL_MSG_HOOK_GET, NLF_GET },
};

unsigned netlink_netfilter_flag_kind(uint16_t type)
{
	for (size_t i = 0; i < ARRAY_SIZE(flag_kinds); i++)
		if (flag_kinds[i].subsys == type >> 8 && flag_kinds[i].msg == (type & 0xff))
			return flag_kinds[i].kind;
	return NLF_COMMON;
}

static void print_res_id(struct tcb *tcp, uint16_t raw, const char *name)
{
	if (pcfg.xlat_style == XLAT_ABBREV)
		tprints(tcp, name);
	else if (pcfg.xlat_style == XLAT_RAW)
		tprintf(tcp, "%#x", raw);
	else
		tprintf(tcp, "%#x /* %s */", raw, name);
}

bool decode_netlink_netfilter(struct tcb *tcp, uint16_t type, uint16_t flags, unsigned long addr,
			      unsigned long len)
{
	struct nfgenmsg nf;
	uint16_t res_id;
	size_t off = NLMSG_ALIGN(sizeof(nf));

	(void)flags;
	if (type == NLMSG_DONE)
		return false;
	if (len < sizeof(nf)) {
		nl_print_hexstr(tcp, addr, len);
		return true;
	}
	if (!fetch_or_print_addr(tcp, addr, &nf, sizeof(nf)))
		return true;
	res_id = ntohs(nf.res_id);
	tprints(tcp, "{nfgen_family=");
	print_xval(tcp, &xlat_socket_families, nf.nfgen_family, "AF_???");
	tprints(tcp, ", version=");
	print_xval(tcp, &xlat_netfilter_versions, nf.version, "NFNETLINK_???");
	tprints(tcp, ", res_id=");
	/* nftables messages carried res_id in host order for a while */
	if (type >> 8 == NFNL_SUBSYS_NFTABLES && res_id == NFNL_SUBSYS_NFTABLES)
		print_res_id(tcp, nf.res_id, "htons(NFNL_SUBSYS_NFTABLES)");
	else if (type >> 8 == NFNL_SUBSYS_NFTABLES && nf.res_id == NFNL_SUBSYS_NFTABLES)
		print_res_id(tcp, nf.res_id, "NFNL_SUBSYS_NFTABLES");
	else
		tprintf(tcp, "htons(%u)", res_id);
	tprints(tcp, "}");
	if (len > off) {
		tprints(tcp, ", ");
		if ((type >= NFNL_MSG_BATCH_BEGIN && type <= NFNL_MSG_BATCH_END) ||
		    type < NLMSG_MIN_TYPE)
			nl_print_hexstr(tcp, addr + off, len - off);
		else
			nl_print_attrs(tcp, addr + off, len - off, NULL, NULL, NULL, 0, -1);
	}
	return true;
}

/* NETLINK_SELINUX: the two messages with a body */
static const struct nl_field setenforce_fields[] = {
	{ "val", 0, 4, NLK_D, NULL, NULL, NULL, 0 },
};
static const struct nl_layout setenforce_layout = NL_LAYOUT(4, setenforce_fields);
static const struct nl_field policyload_fields[] = {
	{ "seqno", 0, 4, NLK_U, NULL, NULL, NULL, 0 },
};
static const struct nl_layout policyload_layout = NL_LAYOUT(4, policyload_fields);

bool decode_netlink_selinux(struct tcb *tcp, uint16_t type, uint16_t flags, unsigned long addr,
			    unsigned long len)
{
	const struct nl_layout *l = type == SELNL_MSG_SETENFORCE ? &setenforce_layout :
				    type == SELNL_MSG_POLICYLOAD ? &policyload_layout : NULL;
	unsigned char buf[4];

	(void)flags;
	if (!l || len < l->size)
		return false;
	if (fetch_or_print_addr(tcp, addr, buf, sizeof(buf)))
		nl_print_struct(tcp, l, buf, sizeof(buf), -1);
	return true;
}
