/* NETLINK_ROUTE bodies as data: the layouts of ifinfomsg, ifaddrmsg,
 * rtmsg and ndmsg with the decoders of their attributes. */
#include "config.h"
#include "decode_netlink.h"

#include <linux/can/netlink.h>
#include <linux/dcbnl.h>
#include <linux/fib_rules.h>
#include <linux/gen_stats.h>
#include <linux/if_addr.h>
#include <linux/if_addrlabel.h>
#include <linux/if_bonding.h>
#include <linux/if_bridge.h>
#include <linux/if_link.h>
#include <linux/mroute.h>
#include <linux/mroute6.h>
#include <linux/mpls.h>
#include <linux/neighbour.h>
#include <linux/nexthop.h>
#include <linux/net_namespace.h>
#include <linux/netconf.h>
#include <linux/netlink.h>
#include <linux/pkt_cls.h>
#include <linux/pkt_sched.h>
#include <linux/rtnetlink.h>
#include <stddef.h>
#include <sys/socket.h>

#include "mem.h"
#include "sink.h"

#define FIELD(type, f, kind, x, dflt) \
	{ #f, offsetof(type, f), sizeof(((type *)0)->f), kind, x, dflt }
#define U32 { NLK_U, 4, NULL, NULL, NULL }
#define U16 { NLK_U, 2, NULL, NULL, NULL }
#define U8 { NLK_U, 1, NULL, NULL, NULL }
#define U64 { NLK_U, 8, NULL, NULL, NULL }
#define S32 { NLK_D, 4, NULL, NULL, NULL }
#define STR { NLK_STR, 0, NULL, NULL, NULL }
#define IFINDEX { NLK_IFINDEX, 4, NULL, NULL, NULL }
#define INADDR { NLK_INADDR, 0, NULL, NULL, NULL }
#define HWADDR { NLK_HWADDR, 0, NULL, NULL, NULL }
#define FD { NLK_FD, 4, NULL, NULL, NULL }
#define SUB(l) { NLK_STRUCT, 0, NULL, NULL, &(l), NULL }
#define SUB_TAIL(l) { NLK_STRUCT_TAIL, 0, NULL, NULL, &(l), NULL }
#define NEST(set) { NLK_NESTED, 0, NULL, NULL, NULL, &(set) }
#define X32 { NLK_X, 4, NULL, NULL, NULL }
#define X16 { NLK_X, 2, NULL, NULL, NULL }
#define CLOCK_T { NLK_CLOCK_T, 0, NULL, NULL, NULL, NULL } /* of any size up to 8 bytes */
#define ATTRSET(name, types, dflt, decs) \
	static const struct nl_attrset name = { &(types), dflt, decs, ARRAY_SIZE(decs) }

/* ---- ifinfomsg: RTM_{NEW,DEL,GET,SET}LINK ---- */

/* IFLA_STATS, IFLA_STATS64: counters (older kernels: up to tx_compressed) */
static const struct nl_field rtnl_link_stats_fields[] = {
	FIELD(struct rtnl_link_stats, rx_packets, NLK_U, NULL, NULL),
	FIELD(struct rtnl_link_stats, tx_packets, NLK_U, NULL, NULL),
	FIELD(struct rtnl_link_stats, rx_bytes, NLK_U, NULL, NULL),
	FIELD(struct rtnl_link_stats, tx_bytes, NLK_U, NULL, NULL),
	FIELD(struct rtnl_link_stats, rx_errors, NLK_U, NULL, NULL),
	FIELD(struct rtnl_link_stats, tx_errors, NLK_U, NULL, NULL),
	FIELD(struct rtnl_link_stats, rx_dropped, NLK_U, NULL, NULL),
	FIELD(struct rtnl_link_stats, tx_dropped, NLK_U, NULL, NULL),
	FIELD(struct rtnl_link_stats, multicast, NLK_U, NULL, NULL),
	FIELD(struct rtnl_link_stats, collisions, NLK_U, NULL, NULL),
	FIELD(struct rtnl_link_stats, rx_length_errors, NLK_U, NULL, NULL),
	FIELD(struct rtnl_link_stats, rx_over_errors, NLK_U, NULL, NULL),
	FIELD(struct rtnl_link_stats, rx_crc_errors, NLK_U, NULL, NULL),
	FIELD(struct rtnl_link_stats, rx_frame_errors, NLK_U, NULL, NULL),
	FIELD(struct rtnl_link_stats, rx_fifo_errors, NLK_U, NULL, NULL),
	FIELD(struct rtnl_link_stats, rx_missed_errors, NLK_U, NULL, NULL),
	FIELD(struct rtnl_link_stats, tx_aborted_errors, NLK_U, NULL, NULL),
	FIELD(struct rtnl_link_stats, tx_carrier_errors, NLK_U, NULL, NULL),
	FIELD(struct rtnl_link_stats, tx_fifo_errors, NLK_U, NULL, NULL),
	FIELD(struct rtnl_link_stats, tx_heartbeat_errors, NLK_U, NULL, NULL),
	FIELD(struct rtnl_link_stats, tx_window_errors, NLK_U, NULL, NULL),
	FIELD(struct rtnl_link_stats, rx_compressed, NLK_U, NULL, NULL),
	FIELD(struct rtnl_link_stats, tx_compressed, NLK_U, NULL, NULL),
	FIELD(struct rtnl_link_stats, rx_nohandler, NLK_U, NULL, NULL),
};
static const struct nl_layout link_stats_layout =
	NL_LAYOUT(offsetof(struct rtnl_link_stats, rx_nohandler) + sizeof(uint32_t),
	          rtnl_link_stats_fields,
	          .min_size = offsetof(struct rtnl_link_stats, tx_compressed) + sizeof(uint32_t));
static const struct nl_field rtnl_link_stats64_fields[] = {
	FIELD(struct rtnl_link_stats64, rx_packets, NLK_U, NULL, NULL),
	FIELD(struct rtnl_link_stats64, tx_packets, NLK_U, NULL, NULL),
	FIELD(struct rtnl_link_stats64, rx_bytes, NLK_U, NULL, NULL),
	FIELD(struct rtnl_link_stats64, tx_bytes, NLK_U, NULL, NULL),
	FIELD(struct rtnl_link_stats64, rx_errors, NLK_U, NULL, NULL),
	FIELD(struct rtnl_link_stats64, tx_errors, NLK_U, NULL, NULL),
	FIELD(struct rtnl_link_stats64, rx_dropped, NLK_U, NULL, NULL),
	FIELD(struct rtnl_link_stats64, tx_dropped, NLK_U, NULL, NULL),
	FIELD(struct rtnl_link_stats64, multicast, NLK_U, NULL, NULL),
	FIELD(struct rtnl_link_stats64, collisions, NLK_U, NULL, NULL),
	FIELD(struct rtnl_link_stats64, rx_length_errors, NLK_U, NULL, NULL),
	FIELD(struct rtnl_link_stats64, rx_over_errors, NLK_U, NULL, NULL),
	FIELD(struct rtnl_link_stats64, rx_crc_errors, NLK_U, NULL, NULL),
	FIELD(struct rtnl_link_stats64, rx_frame_errors, NLK_U, NULL, NULL),
	FIELD(struct rtnl_link_stats64, rx_fifo_errors, NLK_U, NULL, NULL),
	FIELD(struct rtnl_link_stats64, rx_missed_errors, NLK_U, NULL, NULL),
	FIELD(struct rtnl_link_stats64, tx_aborted_errors, NLK_U, NULL, NULL),
	FIELD(struct rtnl_link_stats64, tx_carrier_errors, NLK_U, NULL, NULL),
	FIELD(struct rtnl_link_stats64, tx_fifo_errors, NLK_U, NULL, NULL),
	FIELD(struct rtnl_link_stats64, tx_heartbeat_errors, NLK_U, NULL, NULL),
	FIELD(struct rtnl_link_stats64, tx_window_errors, NLK_U, NULL, NULL),
	FIELD(struct rtnl_link_stats64, rx_compressed, NLK_U, NULL, NULL),
	FIELD(struct rtnl_link_stats64, tx_compressed, NLK_U, NULL, NULL),
	FIELD(struct rtnl_link_stats64, rx_nohandler, NLK_U, NULL, NULL),
	FIELD(struct rtnl_link_stats64, rx_otherhost_dropped, NLK_U, NULL, NULL),
};
static const struct nl_layout link_stats64_layout =
	NL_LAYOUT(offsetof(struct rtnl_link_stats64, rx_otherhost_dropped) + sizeof(uint64_t),
	          rtnl_link_stats64_fields,
	          .min_size = offsetof(struct rtnl_link_stats64, tx_compressed) + sizeof(uint64_t));

/* IFLA_MAP */
static const struct nl_field ifmap_fields[] = {
	FIELD(struct rtnl_link_ifmap, mem_start, NLK_X, NULL, NULL),
	FIELD(struct rtnl_link_ifmap, mem_end, NLK_X, NULL, NULL),
	FIELD(struct rtnl_link_ifmap, base_addr, NLK_X, NULL, NULL),
	FIELD(struct rtnl_link_ifmap, irq, NLK_U, NULL, NULL),
	FIELD(struct rtnl_link_ifmap, dma, NLK_U, NULL, NULL),
	FIELD(struct rtnl_link_ifmap, port, NLK_U, NULL, NULL),
};
static const struct nl_layout ifmap_layout =
	NL_LAYOUT(offsetof(struct rtnl_link_ifmap, port) + 1, ifmap_fields);

/* IFLA_PROTO_DOWN_REASON */
static const struct nla_dec proto_down_reason_decs[] = {
	[IFLA_PROTO_DOWN_REASON_MASK] = X32,
	[IFLA_PROTO_DOWN_REASON_VALUE] = X32,
};
ATTRSET(proto_down_reason_set, xlat_ifla_proto_down_reason_attrs,
	"IFLA_PROTO_DOWN_REASON_???", proto_down_reason_decs);

/* IFLA_XDP */
static const struct nla_dec xdp_decs[] = {
	[IFLA_XDP_FD] = FD,
	[IFLA_XDP_ATTACHED] = { NLK_XVAL, 1, &xlat_xdp_attached_modes, "XDP_ATTACHED_???", NULL, NULL },
	[IFLA_XDP_FLAGS] = { NLK_FLAGS, 4, &xlat_xdp_flags, "XDP_FLAGS_???", NULL, NULL },
	[IFLA_XDP_PROG_ID] = U32,
	[IFLA_XDP_DRV_PROG_ID] = U32,
	[IFLA_XDP_SKB_PROG_ID] = U32,
	[IFLA_XDP_HW_PROG_ID] = U32,
	[IFLA_XDP_EXPECTED_FD] = FD,
};
ATTRSET(xdp_set, xlat_ifla_xdp_attrs, "IFLA_XDP_???", xdp_decs);

/* IFLA_PORT_SELF, and each IFLA_VF_PORT of IFLA_VF_PORTS */
static const struct nl_field port_vsi_fields[] = {
	FIELD(struct ifla_port_vsi, vsi_mgr_id, NLK_U, NULL, NULL),
	FIELD(struct ifla_port_vsi, vsi_type_id, NLK_HEXSTR, NULL, NULL),
	FIELD(struct ifla_port_vsi, vsi_type_version, NLK_U, NULL, NULL),
	FIELD(struct ifla_port_vsi, pad, NLK_HEXSTR_NZ, NULL, NULL),
};
static const struct nl_layout port_vsi_layout =
	NL_LAYOUT(sizeof(struct ifla_port_vsi), port_vsi_fields);
static const struct nla_dec port_decs[] = {
	[IFLA_PORT_VF] = U32,
	[IFLA_PORT_PROFILE] = STR,
	[IFLA_PORT_VSI_TYPE] = SUB(port_vsi_layout),
	[IFLA_PORT_REQUEST] = U8,
	[IFLA_PORT_RESPONSE] = U16,
};
ATTRSET(port_set, xlat_ifla_port_attrs, "IFLA_PORT_???", port_decs);

/* IFLA_VF_PORTS */
static const struct nla_dec vf_ports_decs[] = {
	[IFLA_VF_PORT] = NEST(port_set),
};
ATTRSET(vf_ports_set, xlat_ifla_vf_port_attrs, "IFLA_VF_PORT_???", vf_ports_decs);

/* IFLA_VFINFO_LIST: IFLA_VF_INFO nests of a virtual function's settings */
static const struct nl_field vf_mac_fields[] = {
	FIELD(struct ifla_vf_mac, vf, NLK_U, NULL, NULL),
	FIELD(struct ifla_vf_mac, mac, NLK_HWADDR, NULL, NULL),
};
static const struct nl_layout vf_mac_layout = NL_LAYOUT(sizeof(struct ifla_vf_mac), vf_mac_fields);
static const struct nl_field vf_vlan_fields[] = {
	FIELD(struct ifla_vf_vlan, vf, NLK_U, NULL, NULL),
	FIELD(struct ifla_vf_vlan, vlan, NLK_U, NULL, NULL),
	FIELD(struct ifla_vf_vlan, qos, NLK_U, NULL, NULL),
};
static const struct nl_layout vf_vlan_layout =
	NL_LAYOUT(sizeof(struct ifla_vf_vlan), vf_vlan_fields);
static const struct nl_field vf_tx_rate_fields[] = {
	FIELD(struct ifla_vf_tx_rate, vf, NLK_U, NULL, NULL),
	FIELD(struct ifla_vf_tx_rate, rate, NLK_U, NULL, NULL),
};
static const struct nl_layout vf_tx_rate_layout =
	NL_LAYOUT(sizeof(struct ifla_vf_tx_rate), vf_tx_rate_fields);
/* ifla_vf_spoofchk, ifla_vf_rss_query_en and ifla_vf_trust: vf, setting */
static const struct nl_field vf_setting_fields[] = {
	FIELD(struct ifla_vf_spoofchk, vf, NLK_U, NULL, NULL),
	FIELD(struct ifla_vf_spoofchk, setting, NLK_U, NULL, NULL),
};
static const struct nl_layout vf_setting_layout =
	NL_LAYOUT(sizeof(struct ifla_vf_spoofchk), vf_setting_fields);
static const struct nl_field vf_link_state_fields[] = {
	FIELD(struct ifla_vf_link_state, vf, NLK_U, NULL, NULL),
	FIELD(struct ifla_vf_link_state, link_state, NLK_XVAL, &xlat_rtnl_ifla_vf_link_states,
	      "IFLA_VF_LINK_STATE_???"),
};
static const struct nl_layout vf_link_state_layout =
	NL_LAYOUT(sizeof(struct ifla_vf_link_state), vf_link_state_fields);
static const struct nl_field vf_rate_fields[] = {
	FIELD(struct ifla_vf_rate, vf, NLK_U, NULL, NULL),
	FIELD(struct ifla_vf_rate, min_tx_rate, NLK_U, NULL, NULL),
	FIELD(struct ifla_vf_rate, max_tx_rate, NLK_U, NULL, NULL),
};
static const struct nl_layout vf_rate_layout =
	NL_LAYOUT(sizeof(struct ifla_vf_rate), vf_rate_fields);
static const struct nl_field vf_guid_fields[] = {
	FIELD(struct ifla_vf_guid, vf, NLK_U, NULL, NULL),
	FIELD(struct ifla_vf_guid, guid, NLK_X, NULL, NULL),
};
static const struct nl_layout vf_guid_layout =
	NL_LAYOUT(sizeof(struct ifla_vf_guid), vf_guid_fields);
static const struct nl_field vf_vlan_info_fields[] = {
	FIELD(struct ifla_vf_vlan_info, vf, NLK_U, NULL, NULL),
	FIELD(struct ifla_vf_vlan_info, vlan, NLK_U, NULL, NULL),
	FIELD(struct ifla_vf_vlan_info, qos, NLK_U, NULL, NULL),
	FIELD(struct ifla_vf_vlan_info, vlan_proto, NLK_BE16_XVAL, &xlat_ethernet_protocols,
	      "ETH_P_???"),
};
static const struct nl_layout vf_vlan_info_layout =
	NL_LAYOUT(sizeof(struct ifla_vf_vlan_info), vf_vlan_info_fields);
static const struct nl_field vf_broadcast_fields[] = {
	FIELD(struct ifla_vf_broadcast, broadcast, NLK_HWADDR, NULL, NULL),
};
static const struct nl_layout vf_broadcast_layout =
	NL_LAYOUT(sizeof(struct ifla_vf_broadcast), vf_broadcast_fields);
static const struct nla_dec vf_stats_decs[] = {
	[IFLA_VF_STATS_RX_PACKETS] = U64,
	[IFLA_VF_STATS_TX_PACKETS] = U64,
	[IFLA_VF_STATS_RX_BYTES] = U64,
	[IFLA_VF_STATS_TX_BYTES] = U64,
	[IFLA_VF_STATS_BROADCAST] = U64,
	[IFLA_VF_STATS_MULTICAST] = U64,
	[IFLA_VF_STATS_RX_DROPPED] = U64,
	[IFLA_VF_STATS_TX_DROPPED] = U64,
};
ATTRSET(vf_stats_set, xlat_rtnl_ifla_vf_stats_attrs, "IFLA_VF_STATS_???", vf_stats_decs);
static const struct nla_dec vf_vlan_list_decs[] = {
	[IFLA_VF_VLAN_INFO] = SUB(vf_vlan_info_layout),
};
ATTRSET(vf_vlan_list_set, xlat_rtnl_ifla_vf_vlan_list_attrs, "IFLA_VF_VLAN_INFO_???",
	vf_vlan_list_decs);
static const struct nla_dec vf_info_decs[] = {
	[IFLA_VF_MAC] = SUB(vf_mac_layout),
	[IFLA_VF_VLAN] = SUB(vf_vlan_layout),
	[IFLA_VF_TX_RATE] = SUB(vf_tx_rate_layout),
	[IFLA_VF_SPOOFCHK] = SUB(vf_setting_layout),
	[IFLA_VF_LINK_STATE] = SUB(vf_link_state_layout),
	[IFLA_VF_RATE] = SUB(vf_rate_layout),
	[IFLA_VF_RSS_QUERY_EN] = SUB(vf_setting_layout),
	[IFLA_VF_STATS] = NEST(vf_stats_set),
	[IFLA_VF_TRUST] = SUB(vf_setting_layout),
	[IFLA_VF_IB_NODE_GUID] = SUB(vf_guid_layout),
	[IFLA_VF_IB_PORT_GUID] = SUB(vf_guid_layout),
	[IFLA_VF_VLAN_LIST] = NEST(vf_vlan_list_set),
	[IFLA_VF_BROADCAST] = SUB(vf_broadcast_layout),
};
ATTRSET(vf_info_set, xlat_rtnl_ifla_vf_info_attrs, "IFLA_VF_???", vf_info_decs);
static const struct nla_dec vfinfo_list_decs[] = {
	[IFLA_VF_INFO] = NEST(vf_info_set),
};
ATTRSET(vfinfo_list_set, xlat_rtnl_ifla_vfinfo_list_attrs, "IFLA_VF_INFO_???",
	vfinfo_list_decs);

/* IFLA_PROP_LIST: IFLA_* attributes, of which only names so far */
static const struct nla_dec prop_list_decs[] = {
	[IFLA_ALT_IFNAME] = STR,
};
ATTRSET(prop_list_set, xlat_rtnl_link_attrs, "IFLA_???", prop_list_decs);

/* IFLA_PROTINFO of AF_BRIDGE: IFLA_BRPORT_* */
static const struct nl_field bridge_id_fields[] = {
	FIELD(struct ifla_bridge_id, prio, NLK_BYTES, NULL, NULL),
	FIELD(struct ifla_bridge_id, addr, NLK_HWADDR, NULL, NULL),
};
static const struct nl_layout bridge_id_layout =
	NL_LAYOUT(sizeof(struct ifla_bridge_id), bridge_id_fields);
static const struct nla_dec brport_decs[] = {
	[IFLA_BRPORT_STATE] = U8,
	[IFLA_BRPORT_PRIORITY] = U16,
	[IFLA_BRPORT_COST] = U32,
	[IFLA_BRPORT_MODE] = U8,
	[IFLA_BRPORT_GUARD] = U8,
	[IFLA_BRPORT_PROTECT] = U8,
	[IFLA_BRPORT_FAST_LEAVE] = U8,
	[IFLA_BRPORT_LEARNING] = U8,
	[IFLA_BRPORT_UNICAST_FLOOD] = U8,
	[IFLA_BRPORT_PROXYARP] = U8,
	[IFLA_BRPORT_LEARNING_SYNC] = U8,
	[IFLA_BRPORT_PROXYARP_WIFI] = U8,
	[IFLA_BRPORT_ROOT_ID] = SUB(bridge_id_layout),
	[IFLA_BRPORT_BRIDGE_ID] = SUB(bridge_id_layout),
	[IFLA_BRPORT_DESIGNATED_PORT] = U16,
	[IFLA_BRPORT_DESIGNATED_COST] = U16,
	[IFLA_BRPORT_ID] = U16,
	[IFLA_BRPORT_NO] = U16,
	[IFLA_BRPORT_TOPOLOGY_CHANGE_ACK] = U8,
	[IFLA_BRPORT_CONFIG_PENDING] = U8,
	[IFLA_BRPORT_MESSAGE_AGE_TIMER] = CLOCK_T,
	[IFLA_BRPORT_FORWARD_DELAY_TIMER] = CLOCK_T,
	[IFLA_BRPORT_HOLD_TIMER] = CLOCK_T,
	[IFLA_BRPORT_MULTICAST_ROUTER] = U8,
	[IFLA_BRPORT_MCAST_FLOOD] = U8,
	[IFLA_BRPORT_MCAST_TO_UCAST] = U8,
	[IFLA_BRPORT_VLAN_TUNNEL] = U8,
	[IFLA_BRPORT_BCAST_FLOOD] = U8,
	[IFLA_BRPORT_GROUP_FWD_MASK] = X16,
	[IFLA_BRPORT_NEIGH_SUPPRESS] = U8,
	[IFLA_BRPORT_ISOLATED] = U8,
	[IFLA_BRPORT_BACKUP_PORT] = IFINDEX,
	[IFLA_BRPORT_MRP_RING_OPEN] = U8,
	[IFLA_BRPORT_MRP_IN_OPEN] = U8,
	[IFLA_BRPORT_MCAST_EHT_HOSTS_LIMIT] = U32,
	[IFLA_BRPORT_MCAST_EHT_HOSTS_CNT] = U32,
	[IFLA_BRPORT_LOCKED] = U8,
};
ATTRSET(brport_set, xlat_rtnl_ifla_brport_attrs, "IFLA_BRPORT_???", brport_decs);

/* IFLA_LINKINFO: IFLA_INFO_DATA, IFLA_INFO_XSTATS and IFLA_INFO_SLAVE_DATA
 * depend on the kind named by IFLA_INFO_KIND (slot 0) or
 * IFLA_INFO_SLAVE_KIND (slot 1) before them */
static const struct nl_field br_boolopt_multi_fields[] = {
	FIELD(struct br_boolopt_multi, optval, NLK_BITS, &xlat_rtnl_ifla_br_boolopts,
	      "1<<BR_BOOLOPT_???"),
	FIELD(struct br_boolopt_multi, optmask, NLK_BITS, &xlat_rtnl_ifla_br_boolopts,
	      "1<<BR_BOOLOPT_???"),
};
static const struct nl_layout br_boolopt_multi_layout =
	NL_LAYOUT(sizeof(struct br_boolopt_multi), br_boolopt_multi_fields);
static const struct nla_dec br_querier_decs[] = {
	[BRIDGE_QUERIER_IP_ADDRESS] = { NLK_INADDR_FIXED, 4, NULL, NULL, NULL, NULL },
	[BRIDGE_QUERIER_IP_PORT] = IFINDEX,
	[BRIDGE_QUERIER_IP_OTHER_TIMER] = CLOCK_T,
	[BRIDGE_QUERIER_IPV6_ADDRESS] = { NLK_INADDR_FIXED, 16, NULL, NULL, NULL, NULL },
	[BRIDGE_QUERIER_IPV6_PORT] = IFINDEX,
	[BRIDGE_QUERIER_IPV6_OTHER_TIMER] = CLOCK_T,
};
ATTRSET(br_querier_set, xlat_rtnl_ifla_br_mcast_querier_attrs, "BRIDGE_QUERIER_???",
	br_querier_decs);
static const struct nla_dec br_data_decs[] = {
	[IFLA_BR_FORWARD_DELAY] = CLOCK_T,
	[IFLA_BR_HELLO_TIME] = CLOCK_T,
	[IFLA_BR_MAX_AGE] = CLOCK_T,
	[IFLA_BR_AGEING_TIME] = CLOCK_T,
	[IFLA_BR_STP_STATE] = U32,
	[IFLA_BR_PRIORITY] = U16,
	[IFLA_BR_VLAN_FILTERING] = U8,
	[IFLA_BR_VLAN_PROTOCOL] = { NLK_BE16_XVAL, 2, &xlat_ethernet_protocols, "ETH_P_???", NULL,
				    NULL },
	[IFLA_BR_GROUP_FWD_MASK] = X16,
	[IFLA_BR_ROOT_ID] = SUB(bridge_id_layout),
	[IFLA_BR_BRIDGE_ID] = SUB(bridge_id_layout),
	[IFLA_BR_ROOT_PORT] = U16,
	[IFLA_BR_ROOT_PATH_COST] = U32,
	[IFLA_BR_TOPOLOGY_CHANGE] = U8,
	[IFLA_BR_TOPOLOGY_CHANGE_DETECTED] = U8,
	[IFLA_BR_HELLO_TIMER] = CLOCK_T,
	[IFLA_BR_TCN_TIMER] = CLOCK_T,
	[IFLA_BR_TOPOLOGY_CHANGE_TIMER] = CLOCK_T,
	[IFLA_BR_GC_TIMER] = CLOCK_T,
	[IFLA_BR_GROUP_ADDR] = HWADDR,
	[IFLA_BR_MCAST_ROUTER] = U8,
	[IFLA_BR_MCAST_SNOOPING] = U8,
	[IFLA_BR_MCAST_QUERY_USE_IFADDR] = U8,
	[IFLA_BR_MCAST_QUERIER] = U8,
	[IFLA_BR_MCAST_HASH_ELASTICITY] = U32,
	[IFLA_BR_MCAST_HASH_MAX] = U32,
	[IFLA_BR_MCAST_LAST_MEMBER_CNT] = U32,
	[IFLA_BR_MCAST_STARTUP_QUERY_CNT] = U32,
	[IFLA_BR_MCAST_LAST_MEMBER_INTVL] = CLOCK_T,
	[IFLA_BR_MCAST_MEMBERSHIP_INTVL] = CLOCK_T,
	[IFLA_BR_MCAST_QUERIER_INTVL] = CLOCK_T,
	[IFLA_BR_MCAST_QUERY_INTVL] = CLOCK_T,
	[IFLA_BR_MCAST_QUERY_RESPONSE_INTVL] = CLOCK_T,
	[IFLA_BR_MCAST_STARTUP_QUERY_INTVL] = CLOCK_T,
	[IFLA_BR_NF_CALL_IPTABLES] = U8,
	[IFLA_BR_NF_CALL_IP6TABLES] = U8,
	[IFLA_BR_NF_CALL_ARPTABLES] = U8,
	[IFLA_BR_VLAN_DEFAULT_PVID] = U16,
	[IFLA_BR_VLAN_STATS_ENABLED] = U8,
	[IFLA_BR_MCAST_STATS_ENABLED] = U8,
	[IFLA_BR_MCAST_IGMP_VERSION] = U8,
	[IFLA_BR_MCAST_MLD_VERSION] = U8,
	[IFLA_BR_VLAN_STATS_PER_PORT] = U8,
	[IFLA_BR_MULTI_BOOLOPT] = SUB(br_boolopt_multi_layout),
	[IFLA_BR_MCAST_QUERIER_STATE] = NEST(br_querier_set),
};
ATTRSET(br_data_set, xlat_rtnl_ifla_info_data_bridge_attrs, "IFLA_BR_???", br_data_decs);
static const struct nla_dec tun_data_decs[] = {
	[IFLA_TUN_OWNER] = { NLK_UID, 4, NULL, NULL, NULL, NULL },
	[IFLA_TUN_GROUP] = { NLK_UID, 4, NULL, NULL, NULL, NULL },
	[IFLA_TUN_TYPE] = { NLK_XVAL, 1, &xlat_tun_device_types, "IFF_???", NULL, NULL },
	[IFLA_TUN_PI] = U8,
	[IFLA_TUN_VNET_HDR] = U8,
	[IFLA_TUN_PERSIST] = U8,
	[IFLA_TUN_MULTI_QUEUE] = U8,
	[IFLA_TUN_NUM_QUEUES] = U32,
	[IFLA_TUN_NUM_DISABLED_QUEUES] = U32,
};
ATTRSET(tun_data_set, xlat_rtnl_ifla_info_data_tun_attrs, "IFLA_TUN_???", tun_data_decs);
static const struct nl_field can_stats_fields[] = {
	FIELD(struct can_device_stats, bus_error, NLK_U, NULL, NULL),
	FIELD(struct can_device_stats, error_warning, NLK_U, NULL, NULL),
	FIELD(struct can_device_stats, error_passive, NLK_U, NULL, NULL),
	FIELD(struct can_device_stats, bus_off, NLK_U, NULL, NULL),
	FIELD(struct can_device_stats, arbitration_lost, NLK_U, NULL, NULL),
	FIELD(struct can_device_stats, restarts, NLK_U, NULL, NULL),
};
static const struct nl_layout can_stats_layout =
	NL_LAYOUT(sizeof(struct can_device_stats), can_stats_fields);
static const struct nl_kind_dec info_data_kinds[] = {
	{ "bridge", NEST(br_data_set) },
	{ "tun", NEST(tun_data_set) },
	{ NULL, { 0 } },
};
static const struct nl_kind_dec info_xstats_kinds[] = {
	{ "can", SUB(can_stats_layout) },
	{ NULL, { 0 } },
};
static const struct nl_kind_dec info_slave_data_kinds[] = {
	{ "bridge", NEST(brport_set) },
	{ NULL, { 0 } },
};
static const struct nla_dec linkinfo_decs[] = {
	[IFLA_INFO_KIND] = { .kind = NLK_KIND_STR, .size = 0 },
	[IFLA_INFO_DATA] = { .kind = NLK_BY_KIND, .size = 0, .by_kind = info_data_kinds },
	[IFLA_INFO_XSTATS] = { .kind = NLK_BY_KIND, .size = 0, .by_kind = info_xstats_kinds },
	[IFLA_INFO_SLAVE_KIND] = { .kind = NLK_KIND_STR, .size = 1 },
	[IFLA_INFO_SLAVE_DATA] = { .kind = NLK_BY_KIND, .size = 1, .by_kind = info_slave_data_kinds },
};
ATTRSET(linkinfo_set, xlat_ifla_info_attrs, "IFLA_INFO_???", linkinfo_decs);

/* IFLA_PROTINFO of AF_INET6 (and the AF_INET6 part of IFLA_AF_SPEC) */
static const struct nl_field ifla_cacheinfo_fields[] = {
	FIELD(struct ifla_cacheinfo, max_reasm_len, NLK_U, NULL, NULL),
	FIELD(struct ifla_cacheinfo, tstamp, NLK_U, NULL, NULL),
	FIELD(struct ifla_cacheinfo, reachable_time, NLK_U, NULL, NULL),
	FIELD(struct ifla_cacheinfo, retrans_time, NLK_U, NULL, NULL),
};
static const struct nl_layout ifla_cacheinfo_layout =
	NL_LAYOUT(sizeof(struct ifla_cacheinfo), ifla_cacheinfo_fields);
static const struct nla_dec inet6_decs[] = {
	[IFLA_INET6_FLAGS] = { NLK_FLAGS, 4, &xlat_inet6_if_flags, "IF_???", NULL, NULL },
	[IFLA_INET6_CONF] = { NLK_IARRAY_D, 4, &xlat_inet6_devconf_indices, NULL, NULL, NULL },
	[IFLA_INET6_STATS] = { NLK_IARRAY, 8, &xlat_snmp_ip_stats, NULL, NULL, NULL },
	[IFLA_INET6_CACHEINFO] = SUB(ifla_cacheinfo_layout),
	[IFLA_INET6_ICMP6STATS] = { NLK_IARRAY, 8, &xlat_snmp_icmp6_stats, "ICMP6_MIB_???", NULL,
				    NULL },
	[IFLA_INET6_TOKEN] = { NLK_INADDR_FIXED, 16, NULL, NULL, NULL, NULL },
	[IFLA_INET6_ADDR_GEN_MODE] = { NLK_XVAL, 1, &xlat_in6_addr_gen_mode, "IN6_ADDR_GEN_MODE_???",
				       NULL, NULL },
	[IFLA_INET6_RA_MTU] = U32,
};
ATTRSET(inet6_set, xlat_rtnl_ifla_af_spec_inet6_attrs, "IFLA_INET6_???", inet6_decs);

static const struct nl_attrset *const protinfo_sets[] = {
	[AF_INET6] = &inet6_set,
	[AF_BRIDGE] = &brport_set,
};
static const struct nl_af_sets protinfo_by_af = { protinfo_sets, ARRAY_SIZE(protinfo_sets) };

/* IFLA_AF_SPEC: of an AF_BRIDGE message IFLA_BRIDGE_* attributes, of the
 * others attributes named by family, each with the family's set */
static const struct nl_field bridge_vlan_info_fields[] = {
	FIELD(struct bridge_vlan_info, flags, NLK_FLAGS, &xlat_nl_bridge_vlan_flags,
	      "BRIDGE_VLAN_INFO_???"),
	FIELD(struct bridge_vlan_info, vid, NLK_U, NULL, NULL),
};
static const struct nl_layout bridge_vlan_info_layout =
	NL_LAYOUT(sizeof(struct bridge_vlan_info), bridge_vlan_info_fields);
static const struct nla_dec bridge_vlan_tunnel_decs[] = {
	[IFLA_BRIDGE_VLAN_TUNNEL_ID] = U32,
	[IFLA_BRIDGE_VLAN_TUNNEL_VID] = U16,
	[IFLA_BRIDGE_VLAN_TUNNEL_FLAGS] = { NLK_FLAGS, 2, &xlat_nl_bridge_vlan_flags,
					    "BRIDGE_VLAN_INFO_???", NULL, NULL },
};
ATTRSET(bridge_vlan_tunnel_set, xlat_rtnl_ifla_af_spec_bridge_vlan_tunnel_info_attrs,
	"IFLA_BRIDGE_VLAN_TUNNEL_???", bridge_vlan_tunnel_decs);
static const struct nla_dec af_spec_bridge_decs[] = {
	[IFLA_BRIDGE_FLAGS] = { NLK_FLAGS, 2, &xlat_rtnl_ifla_bridge_flags, "BRIDGE_FLAGS_???",
				NULL, NULL },
	[IFLA_BRIDGE_MODE] = { NLK_XVAL, 2, &xlat_rtnl_ifla_bridge_modes, "BRIDGE_MODE_???", NULL,
			       NULL },
	[IFLA_BRIDGE_VLAN_INFO] = SUB_TAIL(bridge_vlan_info_layout),
	[IFLA_BRIDGE_VLAN_TUNNEL_INFO] = NEST(bridge_vlan_tunnel_set),
};
ATTRSET(af_spec_bridge_set, xlat_rtnl_ifla_af_spec_bridge_attrs, "IFLA_BRIDGE_???",
	af_spec_bridge_decs);
static const struct nla_dec af_spec_inet_decs[] = {
	[IFLA_INET_CONF] = { NLK_IARRAY1_D, 4, &xlat_inet_devconf_indices, NULL, NULL, NULL },
};
ATTRSET(af_spec_inet_set, xlat_rtnl_ifla_af_spec_inet_attrs, "IFLA_INET_???",
	af_spec_inet_decs);
static const struct nla_dec af_spec_mctp_decs[] = {
	[IFLA_MCTP_NET] = U32,
};
ATTRSET(af_spec_mctp_set, xlat_rtnl_ifla_af_spec_mctp_attrs, "IFLA_MCTP_???",
	af_spec_mctp_decs);
static const struct nla_dec af_spec_by_family_decs[] = {
	[AF_INET] = NEST(af_spec_inet_set),
	[AF_INET6] = NEST(inet6_set),
	[AF_MCTP] = NEST(af_spec_mctp_set),
};
ATTRSET(af_spec_by_family_set, xlat_socket_families, "AF_???", af_spec_by_family_decs);
static const struct nl_attrset *const af_spec_sets[] = {
	[AF_BRIDGE] = &af_spec_bridge_set,
};
static const struct nl_af_sets af_spec_by_af = {
	af_spec_sets, ARRAY_SIZE(af_spec_sets), &af_spec_by_family_set,
};

static const struct nla_dec ifla_decs[] = {
	[IFLA_PROTINFO] = { NLK_AF_NESTED, 0, NULL, NULL, NULL, NULL, &protinfo_by_af },
	[IFLA_LINKINFO] = NEST(linkinfo_set),
	[IFLA_VF_PORTS] = NEST(vf_ports_set),
	[IFLA_VFINFO_LIST] = NEST(vfinfo_list_set),
	[IFLA_AF_SPEC] = { NLK_AF_NESTED, 0, NULL, NULL, NULL, NULL, &af_spec_by_af },
	[IFLA_PORT_SELF] = NEST(port_set),
	[IFLA_PROP_LIST] = NEST(prop_list_set),
	[IFLA_MAP] = SUB(ifmap_layout),
	[IFLA_PROTO_DOWN_REASON] = NEST(proto_down_reason_set),
	[IFLA_XDP] = NEST(xdp_set),
	[IFLA_EVENT] = { NLK_XVAL, 4, &xlat_ifla_events, "IFLA_EVENT_???", NULL, NULL },
	[IFLA_ADDRESS] = HWADDR,
	[IFLA_BROADCAST] = HWADDR,
	[IFLA_IFNAME] = STR,
	[IFLA_MTU] = U32,
	[IFLA_LINK] = U32,
	[IFLA_QDISC] = STR,
	[IFLA_STATS] = SUB(link_stats_layout),
	[IFLA_MASTER] = U32,
	[IFLA_TXQLEN] = U32,
	[IFLA_WEIGHT] = U32,
	[IFLA_OPERSTATE] = U8,
	[IFLA_LINKMODE] = U8,
	[IFLA_NET_NS_PID] = U32,
	[IFLA_IFALIAS] = STR,
	[IFLA_NUM_VF] = U32,
	[IFLA_STATS64] = SUB(link_stats64_layout),
	[IFLA_GROUP] = U32,
	[IFLA_NET_NS_FD] = FD,
	[IFLA_EXT_MASK] = { NLK_FLAGS, 4, &xlat_rtnl_ifla_ext_filter_flags, "RTEXT_FILTER_???", NULL },
	[IFLA_PROMISCUITY] = U32,
	[IFLA_NUM_TX_QUEUES] = U32,
	[IFLA_NUM_RX_QUEUES] = U32,
	[IFLA_CARRIER] = U8,
	[IFLA_CARRIER_CHANGES] = U32,
	[IFLA_LINK_NETNSID] = S32,
	[IFLA_PHYS_PORT_NAME] = STR,
	[IFLA_PROTO_DOWN] = U8,
	[IFLA_GSO_MAX_SEGS] = U32,
	[IFLA_GSO_MAX_SIZE] = U32,
	[IFLA_NEW_NETNSID] = S32,
	[IFLA_IF_NETNSID] = S32,
	[IFLA_CARRIER_UP_COUNT] = U32,
	[IFLA_CARRIER_DOWN_COUNT] = U32,
	[IFLA_NEW_IFINDEX] = IFINDEX,
	[IFLA_MIN_MTU] = U32,
	[IFLA_MAX_MTU] = U32,
	[IFLA_ALT_IFNAME] = STR,
	[IFLA_PERM_ADDRESS] = HWADDR,
	[IFLA_PARENT_DEV_NAME] = STR,
	[IFLA_PARENT_DEV_BUS_NAME] = STR,
	[IFLA_GRO_MAX_SIZE] = U32,
	[IFLA_TSO_MAX_SIZE] = U32,
	[IFLA_TSO_MAX_SEGS] = U32,
	[IFLA_ALLMULTI] = U32,
};

static const struct nl_field ifinfomsg_fields[] = {
	FIELD(struct ifinfomsg, ifi_family, NLK_FAMILY, NULL, NULL),
	FIELD(struct ifinfomsg, ifi_type, NLK_XVAL, &xlat_arp_hardware_types, "ARPHRD_???"),
	FIELD(struct ifinfomsg, ifi_index, NLK_IFINDEX, NULL, NULL),
	FIELD(struct ifinfomsg, ifi_flags, NLK_FLAGS, &xlat_iff_flags, "IFF_???"),
	FIELD(struct ifinfomsg, ifi_change, NLK_X, NULL, NULL),
};

static const struct nl_layout ifinfomsg_layout =
	NL_LAYOUT(sizeof(struct ifinfomsg), ifinfomsg_fields,
	          NL_ATTRS(&xlat_rtnl_link_attrs, "IFLA_???", ifla_decs));

/* ---- ifaddrmsg: RTM_{NEW,DEL,GET}ADDR, RTM_GETMULTICAST, RTM_GETANYCAST ---- */

static const struct nl_field ifa_cacheinfo_fields[] = {
	FIELD(struct ifa_cacheinfo, ifa_prefered, NLK_U, NULL, NULL),
	FIELD(struct ifa_cacheinfo, ifa_valid, NLK_U, NULL, NULL),
	FIELD(struct ifa_cacheinfo, cstamp, NLK_U, NULL, NULL),
	FIELD(struct ifa_cacheinfo, tstamp, NLK_U, NULL, NULL),
};
static const struct nl_layout ifa_cacheinfo_layout =
	NL_LAYOUT(sizeof(struct ifa_cacheinfo), ifa_cacheinfo_fields);

static const struct nla_dec ifa_decs[] = {
	[IFA_ADDRESS] = INADDR,
	[IFA_LOCAL] = INADDR,
	[IFA_LABEL] = STR,
	[IFA_BROADCAST] = INADDR,
	[IFA_ANYCAST] = INADDR,
	[IFA_CACHEINFO] = SUB(ifa_cacheinfo_layout),
	[IFA_MULTICAST] = INADDR,
	[IFA_FLAGS] = { NLK_FLAGS, 4, &xlat_ifaddr_flags, "IFA_F_???", NULL },
	[IFA_RT_PRIORITY] = U32,
	[IFA_TARGET_NETNSID] = S32,
};

static const struct nl_field ifaddrmsg_fields[] = {
	FIELD(struct ifaddrmsg, ifa_family, NLK_FAMILY, NULL, NULL),
	FIELD(struct ifaddrmsg, ifa_prefixlen, NLK_U, NULL, NULL),
	FIELD(struct ifaddrmsg, ifa_flags, NLK_FLAGS, &xlat_ifaddr_flags, "IFA_F_???"),
	FIELD(struct ifaddrmsg, ifa_scope, NLK_XVAL, &xlat_routing_scopes, NULL),
	FIELD(struct ifaddrmsg, ifa_index, NLK_IFINDEX, NULL, NULL),
};

static const struct nl_layout ifaddrmsg_layout =
	NL_LAYOUT(sizeof(struct ifaddrmsg), ifaddrmsg_fields,
	          NL_ATTRS(&xlat_rtnl_addr_attrs, "IFA_???", ifa_decs));

/* ---- rtmsg: RTM_{NEW,DEL,GET}ROUTE ---- */

static const struct nl_field rta_cacheinfo_fields[] = {
	FIELD(struct rta_cacheinfo, rta_clntref, NLK_U, NULL, NULL),
	FIELD(struct rta_cacheinfo, rta_lastuse, NLK_U, NULL, NULL),
	FIELD(struct rta_cacheinfo, rta_expires, NLK_U, NULL, NULL),
	FIELD(struct rta_cacheinfo, rta_error, NLK_U, NULL, NULL),
	FIELD(struct rta_cacheinfo, rta_used, NLK_U, NULL, NULL),
	FIELD(struct rta_cacheinfo, rta_id, NLK_X, NULL, NULL),
	FIELD(struct rta_cacheinfo, rta_ts, NLK_U, NULL, NULL),
	FIELD(struct rta_cacheinfo, rta_tsage, NLK_U, NULL, NULL),
};
static const struct nl_layout rta_cacheinfo_layout =
	NL_LAYOUT(sizeof(struct rta_cacheinfo), rta_cacheinfo_fields);

static const struct nl_field mfc_stats_fields[] = {
	FIELD(struct rta_mfc_stats, mfcs_packets, NLK_U, NULL, NULL),
	FIELD(struct rta_mfc_stats, mfcs_bytes, NLK_U, NULL, NULL),
	FIELD(struct rta_mfc_stats, mfcs_wrong_if, NLK_U, NULL, NULL),
};
static const struct nl_layout mfc_stats_layout =
	NL_LAYOUT(sizeof(struct rta_mfc_stats), mfc_stats_fields);

static const struct nla_dec rtax_decs[] = {
	[RTAX_LOCK] = U32,
	[RTAX_MTU] = U32,
	[RTAX_WINDOW] = U32,
	[RTAX_RTT] = U32,
	[RTAX_RTTVAR] = U32,
	[RTAX_SSTHRESH] = U32,
	[RTAX_CWND] = U32,
	[RTAX_ADVMSS] = U32,
	[RTAX_REORDERING] = U32,
	[RTAX_HOPLIMIT] = U32,
	[RTAX_INITCWND] = U32,
	[RTAX_FEATURES] = U32,
	[RTAX_RTO_MIN] = U32,
	[RTAX_INITRWND] = U32,
	[RTAX_QUICKACK] = U32,
	[RTAX_CC_ALGO] = STR,
};
ATTRSET(rtax_set, xlat_rtax_attrs, "RTAX_???", rtax_decs);

static const struct nl_attrset rta_set;

static const struct nla_dec rta_decs[] = {
	[RTA_MULTIPATH] = { NLK_RTNH, 0, NULL, NULL, NULL, &rta_set },
	[RTA_VIA] = { NLK_RTVIA, 0, NULL, NULL, NULL, NULL },
	[RTA_METRICS] = NEST(rtax_set),
	[RTA_MFC_STATS] = SUB(mfc_stats_layout),
	[RTA_ENCAP_TYPE] = { NLK_XVAL, 2, &xlat_lwtunnel_encap_types, "LWTUNNEL_ENCAP_???", NULL, NULL },
	[RTA_DST] = INADDR,
	[RTA_SRC] = INADDR,
	[RTA_IIF] = IFINDEX,
	[RTA_OIF] = IFINDEX,
	[RTA_GATEWAY] = INADDR,
	[RTA_PRIORITY] = U32,
	[RTA_PREFSRC] = INADDR,
	[RTA_PROTOINFO] = U32,
	[RTA_FLOW] = U32,
	[RTA_CACHEINFO] = SUB(rta_cacheinfo_layout),
	[RTA_MP_ALGO] = U32,
	[RTA_TABLE] = { NLK_XVAL, 4, &xlat_routing_table_ids, NULL, NULL },
	[RTA_MARK] = U32,
	[RTA_NEWDST] = INADDR,
	[RTA_PREF] = U8,
	[RTA_EXPIRES] = U64,
	[RTA_UID] = U32,
	[RTA_TTL_PROPAGATE] = U8,
	[RTA_IP_PROTO] = U8,
	[RTA_SPORT] = U16,
	[RTA_DPORT] = U16,
};

/* the attributes of each RTA_MULTIPATH next hop are RTA_* too */
static const struct nl_attrset rta_set = {
	&xlat_rtnl_route_attrs, "RTA_???", rta_decs, ARRAY_SIZE(rta_decs),
};

static const struct nl_field rtmsg_fields[] = {
	FIELD(struct rtmsg, rtm_family, NLK_FAMILY, NULL, NULL),
	FIELD(struct rtmsg, rtm_dst_len, NLK_U, NULL, NULL),
	FIELD(struct rtmsg, rtm_src_len, NLK_U, NULL, NULL),
	FIELD(struct rtmsg, rtm_tos, NLK_FLAGS, &xlat_ip_tos_flags, "IPTOS_TOS_???"),
	FIELD(struct rtmsg, rtm_table, NLK_XVAL, &xlat_routing_table_ids, NULL),
	FIELD(struct rtmsg, rtm_protocol, NLK_XVAL, &xlat_routing_protocols, "RTPROT_???"),
	FIELD(struct rtmsg, rtm_scope, NLK_XVAL, &xlat_routing_scopes, NULL),
	FIELD(struct rtmsg, rtm_type, NLK_XVAL, &xlat_routing_types, "RTN_???"),
	FIELD(struct rtmsg, rtm_flags, NLK_FLAGS, &xlat_routing_flags, "RTM_F_???"),
};

static const struct nl_layout rtmsg_layout =
	NL_LAYOUT(sizeof(struct rtmsg), rtmsg_fields,
	          NL_ATTRS(&xlat_rtnl_route_attrs, "RTA_???", rta_decs));

/* ---- ndmsg: RTM_{NEW,DEL,GET}NEIGH ---- */

static const struct nl_field nda_cacheinfo_fields[] = {
	FIELD(struct nda_cacheinfo, ndm_confirmed, NLK_U, NULL, NULL),
	FIELD(struct nda_cacheinfo, ndm_used, NLK_U, NULL, NULL),
	FIELD(struct nda_cacheinfo, ndm_updated, NLK_U, NULL, NULL),
	FIELD(struct nda_cacheinfo, ndm_refcnt, NLK_U, NULL, NULL),
};
static const struct nl_layout nda_cacheinfo_layout =
	NL_LAYOUT(sizeof(struct nda_cacheinfo), nda_cacheinfo_fields);

static const struct nla_dec nfea_decs[] = {
	[NFEA_ACTIVITY_NOTIFY] = { NLK_FLAGS, 1, &xlat_fdb_notify_flags, "FDB_NOTIFY_???", NULL, NULL },
};
ATTRSET(nfea_set, xlat_nfea_attrs, "NFEA_???", nfea_decs);

static const struct nla_dec nda_decs[] = {
	[NDA_PORT] = { NLK_BE16, 2, NULL, NULL, NULL, NULL },
	[NDA_FDB_EXT_ATTRS] = NEST(nfea_set),
	[NDA_FLAGS_EXT] = { NLK_FLAGS, 4, &xlat_ntf_ext_flags, "NTF_EXT_???", NULL, NULL },
	[NDA_NDM_STATE_MASK] = { NLK_FLAGS, 2, &xlat_nud_states, "NUD_???", NULL, NULL },
	[NDA_NDM_FLAGS_MASK] = { NLK_FLAGS, 1, &xlat_ntf_flags, "NTF_???", NULL, NULL },
	[NDA_DST] = INADDR,
	[NDA_LLADDR] = HWADDR,
	[NDA_CACHEINFO] = SUB(nda_cacheinfo_layout),
	[NDA_PROBES] = U32,
	[NDA_VLAN] = U16,
	[NDA_VNI] = U32,
	[NDA_IFINDEX] = IFINDEX,
	[NDA_MASTER] = IFINDEX,
	[NDA_LINK_NETNSID] = U32,
	[NDA_SRC_VNI] = U32,
	[NDA_NH_ID] = U32,
};

static const struct nl_field ndmsg_fields[] = {
	FIELD(struct ndmsg, ndm_family, NLK_FAMILY, NULL, NULL),
	FIELD(struct ndmsg, ndm_ifindex, NLK_IFINDEX, NULL, NULL),
	FIELD(struct ndmsg, ndm_state, NLK_FLAGS, &xlat_nud_states, "NUD_???"),
	FIELD(struct ndmsg, ndm_flags, NLK_FLAGS, &xlat_ntf_flags, "NTF_???"),
	FIELD(struct ndmsg, ndm_type, NLK_XVAL, &xlat_routing_types, "RTN_???"),
};

static const struct nl_layout ndmsg_layout =
	NL_LAYOUT(sizeof(struct ndmsg), ndmsg_fields,
	          NL_ATTRS(&xlat_rtnl_neigh_attrs, "NDA_???", nda_decs));

/* ---- smaller bodies ---- */

/* RTM_*NSID: struct rtgenmsg */
static const struct nla_dec netnsa_decs[] = {
	[NETNSA_NSID] = S32,
	[NETNSA_PID] = U32,
	[NETNSA_FD] = FD,
	[NETNSA_TARGET_NSID] = S32,
	[NETNSA_CURRENT_NSID] = S32,
};
static const struct nl_field rtgenmsg_fields[] = {
	FIELD(struct rtgenmsg, rtgen_family, NLK_FAMILY, NULL, NULL),
};
static const struct nl_layout nsid_layout =
	NL_LAYOUT(sizeof(struct rtgenmsg), rtgenmsg_fields,
	          NL_ATTRS(&xlat_rtnl_nsid_attrs, "NETNSA_???", netnsa_decs));

/* RTM_NEWCACHEREPORT: struct rtgenmsg of an RTNL_FAMILY_*; the attributes
 * depend on the family */
static const struct nla_dec ipmra_decs[] = {
	[IPMRA_CREPORT_MSGTYPE] = { NLK_XVAL, 1, &xlat_ipmra_msg_types, "IGMPMSG_???", NULL, NULL },
	[IPMRA_CREPORT_VIF_ID] = U32,
	[IPMRA_CREPORT_SRC_ADDR] = { NLK_INADDR_FIXED, 4, NULL, NULL, NULL, NULL },
	[IPMRA_CREPORT_DST_ADDR] = { NLK_INADDR_FIXED, 4, NULL, NULL, NULL, NULL },
	[IPMRA_CREPORT_TABLE] = U32,
};
static const struct nla_dec ip6mra_decs[] = {
	[IP6MRA_CREPORT_MSGTYPE] = { NLK_XVAL, 1, &xlat_ip6mra_msg_types, "MRT6MSG_???", NULL, NULL },
	[IP6MRA_CREPORT_MIF_ID] = U32,
	[IP6MRA_CREPORT_SRC_ADDR] = { NLK_INADDR_FIXED, 16, NULL, NULL, NULL, NULL },
	[IP6MRA_CREPORT_DST_ADDR] = { NLK_INADDR_FIXED, 16, NULL, NULL, NULL, NULL },
};
static const struct nl_field cachereport_fields[] = {
	FIELD(struct rtgenmsg, rtgen_family, NLK_RTNL_FAMILY, NULL, NULL),
};
static const struct nl_layout cachereport_layouts[] = {
	NL_LAYOUT(sizeof(struct rtgenmsg), cachereport_fields),
	NL_LAYOUT(sizeof(struct rtgenmsg), cachereport_fields,
	          NL_ATTRS(&xlat_ipmra_creport_attrs, "IPMRA_CREPORT_???", ipmra_decs)),
	NL_LAYOUT(sizeof(struct rtgenmsg), cachereport_fields,
	          NL_ATTRS(&xlat_ip6mra_creport_attrs, "IP6MRA_CREPORT_???", ip6mra_decs)),
};

static const struct nl_layout *cachereport_layout(uint8_t family)
{
	return &cachereport_layouts[family == RTNL_FAMILY_IPMR ? 1 : family == RTNL_FAMILY_IP6MR ? 2 : 0];
}

/* RTM_*NETCONF: struct netconfmsg */
static const struct nla_dec netconfa_decs[] = {
	[NETCONFA_IFINDEX] = IFINDEX,
	[NETCONFA_FORWARDING] = S32,
	[NETCONFA_RP_FILTER] = S32,
	[NETCONFA_MC_FORWARDING] = S32,
	[NETCONFA_PROXY_NEIGH] = S32,
	[NETCONFA_IGNORE_ROUTES_WITH_LINKDOWN] = S32,
	[NETCONFA_INPUT] = S32,
	[NETCONFA_BC_FORWARDING] = S32,
};
static const struct nl_field netconfmsg_fields[] = {
	FIELD(struct netconfmsg, ncm_family, NLK_FAMILY, NULL, NULL),
};
static const struct nl_layout netconfmsg_layout =
	NL_LAYOUT(sizeof(struct netconfmsg), netconfmsg_fields,
	          NL_ATTRS(&xlat_rtnl_netconf_attrs, "NETCONFA_???", netconfa_decs));

/* RTM_{GET,SET}DCB: struct dcbmsg */
static const struct nl_field dcbmsg_fields[] = {
	FIELD(struct dcbmsg, dcb_family, NLK_FAMILY, NULL, NULL),
	FIELD(struct dcbmsg, cmd, NLK_XVAL, &xlat_dcb_commands, "DCB_CMD_???"),
};
static const struct nl_layout dcbmsg_layout =
	NL_LAYOUT(sizeof(struct dcbmsg), dcbmsg_fields,
	          .attrs = &xlat_rtnl_dcb_attrs, .attrs_dflt = "DCB_ATTR_???");

/* MDBA_ROUTER: the ports, each an ifindex with its attributes */
static const struct nla_dec mdba_router_pattr_decs[] = {
	[MDBA_ROUTER_PATTR_TIMER] = { NLK_CLOCK_T, 4, NULL, NULL, NULL, NULL },
	[MDBA_ROUTER_PATTR_TYPE] = { NLK_XVAL, 1, &xlat_multicast_router_types, "MDB_RTR_TYPE_???",
				     NULL, NULL },
	[MDBA_ROUTER_PATTR_INET_TIMER] = { NLK_CLOCK_T, 4, NULL, NULL, NULL, NULL },
	[MDBA_ROUTER_PATTR_INET6_TIMER] = { NLK_CLOCK_T, 4, NULL, NULL, NULL, NULL },
	[MDBA_ROUTER_PATTR_VID] = U16,
};
ATTRSET(mdba_router_pattr_set, xlat_rtnl_mdba_router_pattr_attrs, "MDBA_ROUTER_PATTR_???",
	mdba_router_pattr_decs);
static const struct nla_dec mdba_router_decs[] = {
	[MDBA_ROUTER_PORT] = { NLK_IFINDEX_NEST, 4, NULL, NULL, NULL, &mdba_router_pattr_set },
};
ATTRSET(mdba_router_set, xlat_rtnl_mdba_router_attrs, "MDBA_ROUTER_???", mdba_router_decs);
/* MDBA_MDB: entries, each a struct br_mdb_entry and its attributes */
static const struct nl_field br_mdb_addr_fields[] = {
	{ "u", offsetof(struct br_mdb_entry, addr.u) - offsetof(struct br_mdb_entry, addr),
	  sizeof(((struct br_mdb_entry *)0)->addr.u), NLK_HEXSTR, NULL, NULL, NULL, 0 },
	{ "proto", offsetof(struct br_mdb_entry, addr.proto) - offsetof(struct br_mdb_entry, addr),
	  2, NLK_BE16, &xlat_socket_families, NULL, NULL, 0 },
};
static const struct nl_layout br_mdb_addr_layout =
	NL_LAYOUT(sizeof(((struct br_mdb_entry *)0)->addr), br_mdb_addr_fields);
static const struct nl_field br_mdb_entry_fields[] = {
	FIELD(struct br_mdb_entry, ifindex, NLK_IFINDEX, NULL, NULL),
	FIELD(struct br_mdb_entry, state, NLK_XVAL, &xlat_mdb_states, "MDB_???"),
	FIELD(struct br_mdb_entry, flags, NLK_FLAGS, &xlat_mdb_flags, "MDB_FLAGS_???"),
	FIELD(struct br_mdb_entry, vid, NLK_U, NULL, NULL),
	{ "addr", offsetof(struct br_mdb_entry, addr), sizeof(((struct br_mdb_entry *)0)->addr),
	  NLK_STRUCT, NULL, NULL, &br_mdb_addr_layout, 0 },
};
static const struct nl_layout br_mdb_entry_layout =
	NL_LAYOUT(sizeof(struct br_mdb_entry), br_mdb_entry_fields);
static const struct nla_dec mdba_mdb_eattr_decs[] = {
	[MDBA_MDB_EATTR_TIMER] = { NLK_CLOCK_T, 4, NULL, NULL, NULL, NULL },
};
ATTRSET(mdba_mdb_eattr_set, xlat_rtnl_mdba_mdb_eattr_attrs, "MDBA_MDB_EATTR_???",
	mdba_mdb_eattr_decs);
static const struct nla_dec mdba_mdb_entry_decs[] = {
	[MDBA_MDB_ENTRY_INFO] = { NLK_STRUCT, 0, NULL, NULL, &br_mdb_entry_layout,
				  &mdba_mdb_eattr_set },
};
ATTRSET(mdba_mdb_entry_set, xlat_rtnl_mdba_mdb_entry_attrs, "MDBA_MDB_ENTRY_???",
	mdba_mdb_entry_decs);
static const struct nla_dec mdba_mdb_decs[] = {
	[MDBA_MDB_ENTRY] = NEST(mdba_mdb_entry_set),
};
ATTRSET(mdba_mdb_set, xlat_rtnl_mdba_mdb_attrs, "MDBA_MDB_???", mdba_mdb_decs);

static const struct nla_dec mdba_decs[] = {
	[MDBA_MDB] = NEST(mdba_mdb_set),
	[MDBA_ROUTER] = NEST(mdba_router_set),
};

/* RTM_*MDB: struct br_port_msg */
static const struct nl_field br_port_msg_fields[] = {
	FIELD(struct br_port_msg, family, NLK_FAMILY, NULL, NULL),
	FIELD(struct br_port_msg, ifindex, NLK_IFINDEX, NULL, NULL),
};
static const struct nl_layout br_port_msg_layout =
	NL_LAYOUT(sizeof(struct br_port_msg), br_port_msg_fields,
	          NL_ATTRS(&xlat_rtnl_mdb_attrs, "MDBA_???", mdba_decs));

/* RTM_*ADDRLABEL: struct ifaddrlblmsg */
static const struct nla_dec ifal_decs[] = {
	[IFAL_ADDRESS] = INADDR,
	[IFAL_LABEL] = U32,
};
static const struct nl_field ifaddrlblmsg_fields[] = {
	FIELD(struct ifaddrlblmsg, ifal_family, NLK_FAMILY, NULL, NULL),
	FIELD(struct ifaddrlblmsg, ifal_prefixlen, NLK_U, NULL, NULL),
	FIELD(struct ifaddrlblmsg, ifal_flags, NLK_U, NULL, NULL),
	FIELD(struct ifaddrlblmsg, ifal_index, NLK_IFINDEX, NULL, NULL),
	FIELD(struct ifaddrlblmsg, ifal_seq, NLK_U, NULL, NULL),
};
static const struct nl_layout ifaddrlblmsg_layout =
	NL_LAYOUT(sizeof(struct ifaddrlblmsg), ifaddrlblmsg_fields,
	          NL_ATTRS(&xlat_rtnl_addrlabel_attrs, "IFAL_???", ifal_decs));

/* qdiscs, classes, filters, chains: struct tcmsg */
static const struct nl_field tc_stats_fields[] = {
	FIELD(struct tc_stats, bytes, NLK_U, NULL, NULL),
	FIELD(struct tc_stats, packets, NLK_U, NULL, NULL),
	FIELD(struct tc_stats, drops, NLK_U, NULL, NULL),
	FIELD(struct tc_stats, overlimits, NLK_U, NULL, NULL),
	FIELD(struct tc_stats, bps, NLK_U, NULL, NULL),
	FIELD(struct tc_stats, pps, NLK_U, NULL, NULL),
	FIELD(struct tc_stats, qlen, NLK_U, NULL, NULL),
	FIELD(struct tc_stats, backlog, NLK_U, NULL, NULL),
};
static const struct nl_layout tc_stats_layout =
	NL_LAYOUT(offsetof(struct tc_stats, backlog) + sizeof(uint32_t), tc_stats_fields);
static const struct nl_field tc_estimator_fields[] = {
	FIELD(struct tc_estimator, interval, NLK_D, NULL, NULL),
	FIELD(struct tc_estimator, ewma_log, NLK_U, NULL, NULL),
};
static const struct nl_layout tc_estimator_layout =
	NL_LAYOUT(sizeof(struct tc_estimator), tc_estimator_fields);
/* TCA_STATS2 (and TCA_ACT_STATS): struct gnet_stats_* */
static const struct nl_field gnet_basic_fields[] = {
	FIELD(struct gnet_stats_basic, bytes, NLK_U, NULL, NULL),
	FIELD(struct gnet_stats_basic, packets, NLK_U, NULL, NULL),
};
static const struct nl_layout gnet_basic_layout =
	NL_LAYOUT(offsetof(struct gnet_stats_basic, packets) + sizeof(uint32_t),
	          gnet_basic_fields);
static const struct nl_field gnet_rate_est_fields[] = {
	FIELD(struct gnet_stats_rate_est, bps, NLK_U, NULL, NULL),
	FIELD(struct gnet_stats_rate_est, pps, NLK_U, NULL, NULL),
};
static const struct nl_layout gnet_rate_est_layout =
	NL_LAYOUT(sizeof(struct gnet_stats_rate_est), gnet_rate_est_fields);
static const struct nl_field gnet_rate_est64_fields[] = {
	FIELD(struct gnet_stats_rate_est64, bps, NLK_U, NULL, NULL),
	FIELD(struct gnet_stats_rate_est64, pps, NLK_U, NULL, NULL),
};
static const struct nl_layout gnet_rate_est64_layout =
	NL_LAYOUT(sizeof(struct gnet_stats_rate_est64), gnet_rate_est64_fields);
static const struct nl_field gnet_queue_fields[] = {
	FIELD(struct gnet_stats_queue, qlen, NLK_U, NULL, NULL),
	FIELD(struct gnet_stats_queue, backlog, NLK_U, NULL, NULL),
	FIELD(struct gnet_stats_queue, drops, NLK_U, NULL, NULL),
	FIELD(struct gnet_stats_queue, requeues, NLK_U, NULL, NULL),
	FIELD(struct gnet_stats_queue, overlimits, NLK_U, NULL, NULL),
};
static const struct nl_layout gnet_queue_layout =
	NL_LAYOUT(sizeof(struct gnet_stats_queue), gnet_queue_fields);
static const struct nla_dec tca_stats_decs[] = {
	[TCA_STATS_BASIC] = SUB(gnet_basic_layout),
	[TCA_STATS_RATE_EST] = SUB(gnet_rate_est_layout),
	[TCA_STATS_QUEUE] = SUB(gnet_queue_layout),
	[TCA_STATS_RATE_EST64] = SUB(gnet_rate_est64_layout),
	[TCA_STATS_BASIC_HW] = SUB(gnet_basic_layout),
	[TCA_STATS_PKT64] = U64,
};
ATTRSET(tca_stats_set, xlat_tca_stats_attrs, "TCA_STATS_???", tca_stats_decs);

/* TCA_STAB: the size table */
static const struct nl_field tc_sizespec_fields[] = {
	FIELD(struct tc_sizespec, cell_log, NLK_U, NULL, NULL),
	FIELD(struct tc_sizespec, size_log, NLK_U, NULL, NULL),
	FIELD(struct tc_sizespec, cell_align, NLK_D, NULL, NULL),
	FIELD(struct tc_sizespec, overhead, NLK_D, NULL, NULL),
	FIELD(struct tc_sizespec, linklayer, NLK_U, NULL, NULL),
	FIELD(struct tc_sizespec, mpu, NLK_U, NULL, NULL),
	FIELD(struct tc_sizespec, mtu, NLK_U, NULL, NULL),
	FIELD(struct tc_sizespec, tsize, NLK_U, NULL, NULL),
};
static const struct nl_layout tc_sizespec_layout =
	NL_LAYOUT(sizeof(struct tc_sizespec), tc_sizespec_fields);
static const struct nla_dec tca_stab_decs[] = {
	[TCA_STAB_BASE] = SUB(tc_sizespec_layout),
	[TCA_STAB_DATA] = { NLK_UARRAY, 2, NULL, NULL, NULL, NULL },
};
ATTRSET(tca_stab_set, xlat_tca_stab_attrs, "TCA_STAB_???", tca_stab_decs);

static const struct nla_dec tca_decs[] = {
	[TCA_STATS2] = NEST(tca_stats_set),
	[TCA_STAB] = NEST(tca_stab_set),
	[TCA_KIND] = STR,
	[TCA_STATS] = SUB(tc_stats_layout),
	[TCA_RATE] = SUB(tc_estimator_layout),
	[TCA_FCNT] = U32,
	[TCA_CHAIN] = U32,
	[TCA_HW_OFFLOAD] = U8,
	[TCA_INGRESS_BLOCK] = U32,
	[TCA_EGRESS_BLOCK] = U32,
	[TCA_DUMP_FLAGS] = U32,
};

static const struct nl_field tcmsg_fields[] = {
	FIELD(struct tcmsg, tcm_family, NLK_FAMILY, NULL, NULL),
	FIELD(struct tcmsg, tcm_ifindex, NLK_IFINDEX, NULL, NULL),
	FIELD(struct tcmsg, tcm_handle, NLK_U, NULL, NULL),
	FIELD(struct tcmsg, tcm_parent, NLK_U, NULL, NULL),
	FIELD(struct tcmsg, tcm_info, NLK_U, NULL, NULL),
};
static const struct nl_layout tcmsg_layout =
	NL_LAYOUT(sizeof(struct tcmsg), tcmsg_fields,
	          NL_ATTRS(&xlat_rtnl_tc_attrs, "TCA_???", tca_decs));

/* actions: struct tcamsg */
static const struct nla_dec tca_act_decs[] = {
	[TCA_ACT_KIND] = STR,
	[TCA_ACT_INDEX] = U32,
	[TCA_ACT_STATS] = NEST(tca_stats_set),
	[TCA_ACT_FLAGS] = { NLK_FLAGS, 4, &xlat_tca_act_flags, "TCA_ACT_FLAGS_???", NULL, NULL },
	[TCA_ACT_HW_STATS] = { NLK_FLAGS, 4, &xlat_tca_act_hw_stats, "TCA_ACT_HW_STATS_???", NULL, NULL },
	[TCA_ACT_USED_HW_STATS] = { NLK_FLAGS, 4, &xlat_tca_act_hw_stats, "TCA_ACT_HW_STATS_???", NULL,
				    NULL },
	[TCA_ACT_IN_HW_COUNT] = U32,
};
static const struct nl_field tcamsg_fields[] = {
	FIELD(struct tcamsg, tca_family, NLK_FAMILY, NULL, NULL),
};
static const struct nl_layout tcamsg_layout =
	NL_LAYOUT(sizeof(struct tcamsg), tcamsg_fields,
	          NL_ATTRS(&xlat_rtnl_tc_action_attrs, "TCA_ACT_???", tca_act_decs));

/* rules: struct fib_rule_hdr */
static const struct nl_field fib_rule_uid_range_fields[] = {
	FIELD(struct fib_rule_uid_range, start, NLK_U, NULL, NULL),
	FIELD(struct fib_rule_uid_range, end, NLK_U, NULL, NULL),
};
static const struct nl_layout fib_rule_uid_range_layout =
	NL_LAYOUT(sizeof(struct fib_rule_uid_range), fib_rule_uid_range_fields);
static const struct nl_field fib_rule_port_range_fields[] = {
	FIELD(struct fib_rule_port_range, start, NLK_U, NULL, NULL),
	FIELD(struct fib_rule_port_range, end, NLK_U, NULL, NULL),
};
static const struct nl_layout fib_rule_port_range_layout =
	NL_LAYOUT(sizeof(struct fib_rule_port_range), fib_rule_port_range_fields);
static const struct nla_dec fra_decs[] = {
	[FRA_DST] = INADDR,
	[FRA_SRC] = INADDR,
	[FRA_IIFNAME] = STR,
	[FRA_GOTO] = U32,
	[FRA_PRIORITY] = U32,
	[FRA_FWMARK] = U32,
	[FRA_FLOW] = U32,
	[FRA_TUN_ID] = { NLK_BE64, 8, NULL, NULL, NULL, NULL },
	[FRA_SUPPRESS_IFGROUP] = U32,
	[FRA_SUPPRESS_PREFIXLEN] = U32,
	[FRA_TABLE] = { NLK_XVAL, 4, &xlat_routing_table_ids, NULL, NULL, NULL },
	[FRA_FWMASK] = U32,
	[FRA_OIFNAME] = STR,
	[FRA_L3MDEV] = U8,
	[FRA_UID_RANGE] = SUB(fib_rule_uid_range_layout),
	[FRA_PROTOCOL] = { NLK_XVAL, 1, &xlat_routing_protocols, "RTPROT_???", NULL, NULL },
	[FRA_IP_PROTO] = { NLK_XVAL, 1, &xlat_ip_protocols, "IPPROTO_???", NULL, NULL },
	[FRA_SPORT_RANGE] = SUB(fib_rule_port_range_layout),
	[FRA_DPORT_RANGE] = SUB(fib_rule_port_range_layout),
};
static const struct nl_field fib_rule_hdr_fields[] = {
	FIELD(struct fib_rule_hdr, family, NLK_FAMILY, NULL, NULL),
	FIELD(struct fib_rule_hdr, dst_len, NLK_U, NULL, NULL),
	FIELD(struct fib_rule_hdr, src_len, NLK_U, NULL, NULL),
	FIELD(struct fib_rule_hdr, tos, NLK_FLAGS, &xlat_ip_tos_flags, "IPTOS_TOS_???"),
	FIELD(struct fib_rule_hdr, table, NLK_XVAL, &xlat_routing_table_ids, "RT_TABLE_???"),
	FIELD(struct fib_rule_hdr, action, NLK_XVAL, &xlat_fib_rule_actions, "FR_ACT_???"),
	FIELD(struct fib_rule_hdr, flags, NLK_FLAGS, &xlat_fib_rule_flags, "FIB_RULE_???"),
};
static const struct nl_layout fib_rule_hdr_layout =
	NL_LAYOUT(sizeof(struct fib_rule_hdr), fib_rule_hdr_fields,
	          NL_ATTRS(&xlat_rtnl_rule_attrs, "FRA_???", fra_decs));

/* next hops: struct nhmsg */
static const struct nl_field nhmsg_fields[] = {
	FIELD(struct nhmsg, nh_family, NLK_FAMILY, NULL, NULL),
	FIELD(struct nhmsg, nh_scope, NLK_XVAL, &xlat_routing_scopes, NULL),
	FIELD(struct nhmsg, nh_protocol, NLK_XVAL, &xlat_routing_protocols, "RTPROT_???"),
	FIELD(struct nhmsg, resvd, NLK_X_NZ, NULL, NULL),
	FIELD(struct nhmsg, nh_flags, NLK_FLAGS, &xlat_rtnh_flags, "RTNH_F_???"),
};
static const struct nl_field nexthop_grp_fields[] = {
	FIELD(struct nexthop_grp, id, NLK_U, NULL, NULL),
	FIELD(struct nexthop_grp, weight, NLK_U, NULL, NULL),
	/* weight_high in newer headers: strace 6.1 names it resvd1 */
	{ "resvd1", offsetof(struct nexthop_grp, weight) + 1, 1, NLK_X_NZ, NULL, NULL },
	FIELD(struct nexthop_grp, resvd2, NLK_X_NZ, NULL, NULL),
};
static const struct nl_layout nexthop_grp_layout =
	NL_LAYOUT(sizeof(struct nexthop_grp), nexthop_grp_fields);
static const struct nla_dec nha_res_group_decs[] = {
	[NHA_RES_GROUP_BUCKETS] = U16,
	[NHA_RES_GROUP_IDLE_TIMER] = CLOCK_T,
	[NHA_RES_GROUP_UNBALANCED_TIMER] = CLOCK_T,
	[NHA_RES_GROUP_UNBALANCED_TIME] = CLOCK_T,
};
ATTRSET(nha_res_group_set, xlat_rtnl_nha_res_group_attrs, "NHA_RES_GROUP_???",
	nha_res_group_decs);
static const struct nla_dec nha_res_bucket_decs[] = {
	[NHA_RES_BUCKET_INDEX] = U16,
	[NHA_RES_BUCKET_IDLE_TIME] = CLOCK_T,
	[NHA_RES_BUCKET_NH_ID] = U32,
};
ATTRSET(nha_res_bucket_set, xlat_rtnl_nha_res_bucket_attrs, "NHA_RES_BUCKET_???",
	nha_res_bucket_decs);
static const struct nla_dec nha_decs[] = {
	[NHA_ID] = U32,
	[NHA_GROUP] = { NLK_SARRAY, 0, NULL, NULL, &nexthop_grp_layout, NULL },
	[NHA_GROUP_TYPE] = { NLK_XVAL, 2, &xlat_nexthop_grp_types, "NEXTHOP_GRP_TYPE_???", NULL,
			     NULL },
	[NHA_BLACKHOLE] = U32,
	[NHA_OIF] = IFINDEX,
	[NHA_GATEWAY] = INADDR,
	[NHA_ENCAP_TYPE] = { NLK_XVAL, 2, &xlat_lwtunnel_encap_types, "LWTUNNEL_ENCAP_???", NULL,
			     NULL },
	[NHA_GROUPS] = U32,
	[NHA_MASTER] = IFINDEX,
	[NHA_FDB] = U32,
	[NHA_RES_GROUP] = NEST(nha_res_group_set),
	[NHA_RES_BUCKET] = NEST(nha_res_bucket_set),
};
static const struct nl_layout nhmsg_layout =
	NL_LAYOUT(sizeof(struct nhmsg), nhmsg_fields,
	          NL_ATTRS(&xlat_rtnl_nexthop_attrs, "NHA_???", nha_decs));

/* statistics: struct if_stats_msg */

/* LINK_XSTATS_TYPE_BRIDGE */
static const struct nl_field br_vlan_xstats_fields[] = {
	FIELD(struct bridge_vlan_xstats, rx_bytes, NLK_U, NULL, NULL),
	FIELD(struct bridge_vlan_xstats, rx_packets, NLK_U, NULL, NULL),
	FIELD(struct bridge_vlan_xstats, tx_bytes, NLK_U, NULL, NULL),
	FIELD(struct bridge_vlan_xstats, tx_packets, NLK_U, NULL, NULL),
	FIELD(struct bridge_vlan_xstats, vid, NLK_U, NULL, NULL),
	FIELD(struct bridge_vlan_xstats, flags, NLK_FLAGS, &xlat_nl_bridge_vlan_flags,
	      "BRIDGE_VLAN_INFO_???"),
	FIELD(struct bridge_vlan_xstats, pad2, NLK_X_NZ, NULL, NULL),
};
static const struct nl_layout br_vlan_xstats_layout =
	NL_LAYOUT(sizeof(struct bridge_vlan_xstats), br_vlan_xstats_fields);
#define MCAST_DIRS(f) \
	{ #f, offsetof(struct br_mcast_stats, f), sizeof(((struct br_mcast_stats *)0)->f), \
	  NLK_IARRAY, &xlat_ifstats_xstats_bridge_mcast_indices, NULL, NULL, 0, 8 }
static const struct nl_field br_mcast_stats_fields[] = {
	MCAST_DIRS(igmp_v1queries),
	MCAST_DIRS(igmp_v2queries),
	MCAST_DIRS(igmp_v3queries),
	MCAST_DIRS(igmp_leaves),
	MCAST_DIRS(igmp_v1reports),
	MCAST_DIRS(igmp_v2reports),
	MCAST_DIRS(igmp_v3reports),
	FIELD(struct br_mcast_stats, igmp_parse_errors, NLK_U, NULL, NULL),
	MCAST_DIRS(mld_v1queries),
	MCAST_DIRS(mld_v2queries),
	MCAST_DIRS(mld_leaves),
	MCAST_DIRS(mld_v1reports),
	MCAST_DIRS(mld_v2reports),
	FIELD(struct br_mcast_stats, mld_parse_errors, NLK_U, NULL, NULL),
	MCAST_DIRS(mcast_bytes),
	MCAST_DIRS(mcast_packets),
};
static const struct nl_layout br_mcast_stats_layout =
	NL_LAYOUT(sizeof(struct br_mcast_stats), br_mcast_stats_fields);
static const struct nl_field br_stp_xstats_fields[] = {
	FIELD(struct bridge_stp_xstats, transition_blk, NLK_U, NULL, NULL),
	FIELD(struct bridge_stp_xstats, transition_fwd, NLK_U, NULL, NULL),
	FIELD(struct bridge_stp_xstats, rx_bpdu, NLK_U, NULL, NULL),
	FIELD(struct bridge_stp_xstats, tx_bpdu, NLK_U, NULL, NULL),
	FIELD(struct bridge_stp_xstats, rx_tcn, NLK_U, NULL, NULL),
	FIELD(struct bridge_stp_xstats, tx_tcn, NLK_U, NULL, NULL),
};
static const struct nl_layout br_stp_xstats_layout =
	NL_LAYOUT(sizeof(struct bridge_stp_xstats), br_stp_xstats_fields);
static const struct nla_dec xstats_bridge_decs[] = {
	[BRIDGE_XSTATS_VLAN] = SUB_TAIL(br_vlan_xstats_layout),
	[BRIDGE_XSTATS_MCAST] = SUB_TAIL(br_mcast_stats_layout),
	[BRIDGE_XSTATS_STP] = SUB_TAIL(br_stp_xstats_layout),
};
ATTRSET(xstats_bridge_set, xlat_ifstats_xstats_bridge_attrs, "BRIDGE_XSTATS_???",
	xstats_bridge_decs);

/* LINK_XSTATS_TYPE_BOND: the 802.3ad counters (strace names their
 * unknown types BOND_XSTATS_???) */
static const struct nla_dec xstats_bond_3ad_decs[] = {
	[BOND_3AD_STAT_LACPDU_RX] = U64,
	[BOND_3AD_STAT_LACPDU_TX] = U64,
	[BOND_3AD_STAT_LACPDU_UNKNOWN_RX] = U64,
	[BOND_3AD_STAT_LACPDU_ILLEGAL_RX] = U64,
	[BOND_3AD_STAT_MARKER_RX] = U64,
	[BOND_3AD_STAT_MARKER_TX] = U64,
	[BOND_3AD_STAT_MARKER_RESP_RX] = U64,
	[BOND_3AD_STAT_MARKER_RESP_TX] = U64,
	[BOND_3AD_STAT_MARKER_UNKNOWN_RX] = U64,
};
ATTRSET(xstats_bond_3ad_set, xlat_ifstats_xstats_bond_3ad_attrs, "BOND_XSTATS_???",
	xstats_bond_3ad_decs);
static const struct nla_dec xstats_bond_decs[] = {
	[BOND_XSTATS_3AD] = NEST(xstats_bond_3ad_set),
};
ATTRSET(xstats_bond_set, xlat_ifstats_xstats_bond_attrs, "BOND_XSTATS_???", xstats_bond_decs);

/* IFLA_STATS_LINK_XSTATS, IFLA_STATS_LINK_XSTATS_SLAVE */
static const struct nla_dec xstats_decs[] = {
	[LINK_XSTATS_TYPE_BRIDGE] = NEST(xstats_bridge_set),
	[LINK_XSTATS_TYPE_BOND] = NEST(xstats_bond_set),
};
ATTRSET(xstats_set, xlat_ifstats_xstats_type_attrs, "LINK_XSTATS_TYPE_???", xstats_decs);

/* IFLA_STATS_LINK_OFFLOAD_XSTATS */
static const struct nla_dec offload_xstats_decs[] = {
	[IFLA_OFFLOAD_XSTATS_CPU_HIT] = SUB(link_stats64_layout),
};
ATTRSET(offload_xstats_set, xlat_ifstats_offload_attrs, "IFLA_OFFLOAD_XSTATS_???",
	offload_xstats_decs);

/* IFLA_STATS_AF_SPEC: attributes named by family; only AF_MPLS decoded */
static const struct nl_field mpls_link_stats_fields[] = {
	FIELD(struct mpls_link_stats, rx_packets, NLK_U, NULL, NULL),
	FIELD(struct mpls_link_stats, tx_packets, NLK_U, NULL, NULL),
	FIELD(struct mpls_link_stats, rx_bytes, NLK_U, NULL, NULL),
	FIELD(struct mpls_link_stats, tx_bytes, NLK_U, NULL, NULL),
	FIELD(struct mpls_link_stats, rx_errors, NLK_U, NULL, NULL),
	FIELD(struct mpls_link_stats, tx_errors, NLK_U, NULL, NULL),
	FIELD(struct mpls_link_stats, rx_dropped, NLK_U, NULL, NULL),
	FIELD(struct mpls_link_stats, tx_dropped, NLK_U, NULL, NULL),
	FIELD(struct mpls_link_stats, rx_noroute, NLK_U, NULL, NULL),
};
static const struct nl_layout mpls_link_stats_layout =
	NL_LAYOUT(sizeof(struct mpls_link_stats), mpls_link_stats_fields);
static const struct nla_dec stats_mpls_decs[] = {
	[MPLS_STATS_LINK] = SUB_TAIL(mpls_link_stats_layout),
};
ATTRSET(stats_mpls_set, xlat_ifstats_af_spec_mpls_attrs, "MPLS_STATS_???", stats_mpls_decs);
static const struct nla_dec stats_af_spec_decs[] = {
	[AF_MPLS] = NEST(stats_mpls_set),
};
ATTRSET(stats_af_spec_set, xlat_socket_families, "AF_???", stats_af_spec_decs);

static const struct nla_dec ifstats_decs[] = {
	[IFLA_STATS_LINK_64] = SUB(link_stats64_layout),
	[IFLA_STATS_LINK_XSTATS] = NEST(xstats_set),
	[IFLA_STATS_LINK_XSTATS_SLAVE] = NEST(xstats_set),
	[IFLA_STATS_LINK_OFFLOAD_XSTATS] = NEST(offload_xstats_set),
	[IFLA_STATS_AF_SPEC] = NEST(stats_af_spec_set),
};

static const struct nl_field if_stats_msg_fields[] = {
	FIELD(struct if_stats_msg, family, NLK_FAMILY, NULL, NULL),
	FIELD(struct if_stats_msg, pad1, NLK_X_NZ, NULL, NULL),
	FIELD(struct if_stats_msg, pad2, NLK_X_NZ, NULL, NULL),
	FIELD(struct if_stats_msg, ifindex, NLK_IFINDEX, NULL, NULL),
	FIELD(struct if_stats_msg, filter_mask, NLK_BITS, &xlat_ifstats_attrs, "1<<IFLA_STATS_???"),
};
static const struct nl_layout if_stats_msg_layout =
	NL_LAYOUT(sizeof(struct if_stats_msg), if_stats_msg_fields,
	          NL_ATTRS(&xlat_ifstats_attrs, "IFLA_STATS_???", ifstats_decs));

/* neighbour tables: struct ndtmsg */
static const struct nl_field ndt_config_fields[] = {
	FIELD(struct ndt_config, ndtc_key_len, NLK_U, NULL, NULL),
	FIELD(struct ndt_config, ndtc_entry_size, NLK_U, NULL, NULL),
	FIELD(struct ndt_config, ndtc_entries, NLK_U, NULL, NULL),
	FIELD(struct ndt_config, ndtc_last_flush, NLK_U, NULL, NULL),
	FIELD(struct ndt_config, ndtc_last_rand, NLK_U, NULL, NULL),
	FIELD(struct ndt_config, ndtc_hash_rnd, NLK_U, NULL, NULL),
	FIELD(struct ndt_config, ndtc_hash_mask, NLK_X, NULL, NULL),
	FIELD(struct ndt_config, ndtc_hash_chain_gc, NLK_U, NULL, NULL),
	FIELD(struct ndt_config, ndtc_proxy_qlen, NLK_U, NULL, NULL),
};
static const struct nl_layout ndt_config_layout =
	NL_LAYOUT(sizeof(struct ndt_config), ndt_config_fields);
static const struct nl_field ndt_stats_fields[] = {
	FIELD(struct ndt_stats, ndts_allocs, NLK_U, NULL, NULL),
	FIELD(struct ndt_stats, ndts_destroys, NLK_U, NULL, NULL),
	FIELD(struct ndt_stats, ndts_hash_grows, NLK_U, NULL, NULL),
	FIELD(struct ndt_stats, ndts_res_failed, NLK_U, NULL, NULL),
	FIELD(struct ndt_stats, ndts_lookups, NLK_U, NULL, NULL),
	FIELD(struct ndt_stats, ndts_hits, NLK_U, NULL, NULL),
	FIELD(struct ndt_stats, ndts_rcv_probes_mcast, NLK_U, NULL, NULL),
	FIELD(struct ndt_stats, ndts_rcv_probes_ucast, NLK_U, NULL, NULL),
	FIELD(struct ndt_stats, ndts_periodic_gc_runs, NLK_U, NULL, NULL),
	FIELD(struct ndt_stats, ndts_forced_gc_runs, NLK_U, NULL, NULL),
	FIELD(struct ndt_stats, ndts_table_fulls, NLK_U, NULL, NULL),
};
static const struct nl_layout ndt_stats_layout =
	NL_LAYOUT(offsetof(struct ndt_stats, ndts_table_fulls) + sizeof(uint64_t),
	          ndt_stats_fields,
	          .min_size = offsetof(struct ndt_stats, ndts_forced_gc_runs) + sizeof(uint64_t));
static const struct nla_dec ndtpa_decs[] = {
	[NDTPA_IFINDEX] = IFINDEX,
	[NDTPA_REFCNT] = U32,
	[NDTPA_REACHABLE_TIME] = U64,
	[NDTPA_BASE_REACHABLE_TIME] = U64,
	[NDTPA_RETRANS_TIME] = U64,
	[NDTPA_GC_STALETIME] = U64,
	[NDTPA_DELAY_PROBE_TIME] = U64,
	[NDTPA_QUEUE_LEN] = U32,
	[NDTPA_APP_PROBES] = U32,
	[NDTPA_UCAST_PROBES] = U32,
	[NDTPA_MCAST_PROBES] = U32,
	[NDTPA_ANYCAST_DELAY] = U64,
	[NDTPA_PROXY_DELAY] = U64,
	[NDTPA_PROXY_QLEN] = U32,
	[NDTPA_LOCKTIME] = U64,
	[NDTPA_QUEUE_LENBYTES] = U32,
	[NDTPA_MCAST_REPROBES] = U32,
	[NDTPA_INTERVAL_PROBE_TIME_MS] = U64,
};
ATTRSET(ndtpa_set, xlat_ndtpa_attrs, "NDTPA_???", ndtpa_decs);
static const struct nla_dec ndta_decs[] = {
	[NDTA_NAME] = STR,
	[NDTA_THRESH1] = U32,
	[NDTA_THRESH2] = U32,
	[NDTA_THRESH3] = U32,
	[NDTA_CONFIG] = SUB(ndt_config_layout),
	[NDTA_PARMS] = NEST(ndtpa_set),
	[NDTA_STATS] = SUB(ndt_stats_layout),
	[NDTA_GC_INTERVAL] = U64,
};

static const struct nl_field ndtmsg_fields[] = {
	FIELD(struct ndtmsg, ndtm_family, NLK_FAMILY, NULL, NULL),
};
static const struct nl_layout ndtmsg_layout =
	NL_LAYOUT(sizeof(struct ndtmsg), ndtmsg_fields,
	          NL_ATTRS(&xlat_rtnl_neightbl_attrs, "NDTA_???", ndta_decs));

/* ---- dispatch by message type ---- */

static const struct nl_layout *const route_layouts[] = {
	[RTM_NEWLINK - RTM_BASE] = &ifinfomsg_layout,
	[RTM_DELLINK - RTM_BASE] = &ifinfomsg_layout,
	[RTM_GETLINK - RTM_BASE] = &ifinfomsg_layout,
	[RTM_SETLINK - RTM_BASE] = &ifinfomsg_layout,
	[RTM_NEWADDR - RTM_BASE] = &ifaddrmsg_layout,
	[RTM_DELADDR - RTM_BASE] = &ifaddrmsg_layout,
	[RTM_GETADDR - RTM_BASE] = &ifaddrmsg_layout,
	[RTM_NEWROUTE - RTM_BASE] = &rtmsg_layout,
	[RTM_DELROUTE - RTM_BASE] = &rtmsg_layout,
	[RTM_GETROUTE - RTM_BASE] = &rtmsg_layout,
	[RTM_NEWNEIGH - RTM_BASE] = &ndmsg_layout,
	[RTM_DELNEIGH - RTM_BASE] = &ndmsg_layout,
	[RTM_GETNEIGH - RTM_BASE] = &ndmsg_layout,
	[RTM_GETMULTICAST - RTM_BASE] = &ifaddrmsg_layout,
	[RTM_GETANYCAST - RTM_BASE] = &ifaddrmsg_layout,
	[RTM_NEWADDRLABEL - RTM_BASE] = &ifaddrlblmsg_layout,
	[RTM_DELADDRLABEL - RTM_BASE] = &ifaddrlblmsg_layout,
	[RTM_GETADDRLABEL - RTM_BASE] = &ifaddrlblmsg_layout,
	[RTM_GETDCB - RTM_BASE] = &dcbmsg_layout,
	[RTM_SETDCB - RTM_BASE] = &dcbmsg_layout,
	[RTM_NEWNETCONF - RTM_BASE] = &netconfmsg_layout,
	[RTM_DELNETCONF - RTM_BASE] = &netconfmsg_layout,
	[RTM_GETNETCONF - RTM_BASE] = &netconfmsg_layout,
	[RTM_NEWMDB - RTM_BASE] = &br_port_msg_layout,
	[RTM_DELMDB - RTM_BASE] = &br_port_msg_layout,
	[RTM_GETMDB - RTM_BASE] = &br_port_msg_layout,
	[RTM_NEWRULE - RTM_BASE] = &fib_rule_hdr_layout,
	[RTM_DELRULE - RTM_BASE] = &fib_rule_hdr_layout,
	[RTM_GETRULE - RTM_BASE] = &fib_rule_hdr_layout,
	[RTM_NEWQDISC - RTM_BASE] = &tcmsg_layout,
	[RTM_DELQDISC - RTM_BASE] = &tcmsg_layout,
	[RTM_GETQDISC - RTM_BASE] = &tcmsg_layout,
	[RTM_NEWTCLASS - RTM_BASE] = &tcmsg_layout,
	[RTM_DELTCLASS - RTM_BASE] = &tcmsg_layout,
	[RTM_GETTCLASS - RTM_BASE] = &tcmsg_layout,
	[RTM_NEWTFILTER - RTM_BASE] = &tcmsg_layout,
	[RTM_DELTFILTER - RTM_BASE] = &tcmsg_layout,
	[RTM_GETTFILTER - RTM_BASE] = &tcmsg_layout,
	[RTM_NEWCHAIN - RTM_BASE] = &tcmsg_layout,
	[RTM_DELCHAIN - RTM_BASE] = &tcmsg_layout,
	[RTM_GETCHAIN - RTM_BASE] = &tcmsg_layout,
	[RTM_NEWACTION - RTM_BASE] = &tcamsg_layout,
	[RTM_DELACTION - RTM_BASE] = &tcamsg_layout,
	[RTM_GETACTION - RTM_BASE] = &tcamsg_layout,
	[RTM_NEWNEIGHTBL - RTM_BASE] = &ndtmsg_layout,
	[RTM_GETNEIGHTBL - RTM_BASE] = &ndtmsg_layout,
	[RTM_SETNEIGHTBL - RTM_BASE] = &ndtmsg_layout,
	[RTM_NEWSTATS - RTM_BASE] = &if_stats_msg_layout,
	[RTM_GETSTATS - RTM_BASE] = &if_stats_msg_layout,
	[RTM_NEWNEXTHOP - RTM_BASE] = &nhmsg_layout,
	[RTM_DELNEXTHOP - RTM_BASE] = &nhmsg_layout,
	[RTM_GETNEXTHOP - RTM_BASE] = &nhmsg_layout,
	[RTM_NEWNSID - RTM_BASE] = &nsid_layout,
	[RTM_DELNSID - RTM_BASE] = &nsid_layout,
	[RTM_GETNSID - RTM_BASE] = &nsid_layout,
};

bool decode_netlink_route(struct tcb *tcp, uint16_t type, uint16_t flags, unsigned long addr,
			  unsigned long len)
{
	unsigned idx = (unsigned)type - RTM_BASE;
	uint8_t family;

	(void)flags;
	if (type == NLMSG_DONE)
		return false;
	if (!fetch_or_print_addr(tcp, addr, &family, sizeof(family)))
		return true;
	if (type == RTM_NEWCACHEREPORT)
		nl_print_body(tcp, cachereport_layout(family), addr, len);
	else if (type >= RTM_BASE && idx < ARRAY_SIZE(route_layouts) && route_layouts[idx])
		nl_print_body(tcp, route_layouts[idx], addr, len);
	else
		nl_print_family_body(tcp, addr, len);
	return true;
}
