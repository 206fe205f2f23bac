/* Landlock (<linux/landlock.h>) as strace 6.1 prints it. */
#include "config.h"
#include "decode_landlock.h"

#include <linux/landlock.h>
#include <stdint.h>

#include "decode.h"
#include "gen/decoders.h"
#include "sink.h"

/* landlock_create_ruleset(attr, size, flags): a descriptor, or with
 * LANDLOCK_CREATE_RULESET_VERSION the ABI version (not a descriptor). */
int dec_landlock_create_ruleset(struct tcb *tcp)
{
	unsigned long addr = tcp->args[0], size = tcp->args[1];
	unsigned flags = (unsigned)tcp->args[2];
	uint64_t access;

	if (!addr) {
		print_addr(tcp, addr);
	} else if (size < sizeof(access)) {
		print_addr(tcp, addr);
	} else if (fetch_or_print_addr(tcp, addr, &access, sizeof(access))) {
		tprints(tcp, "{handled_access_fs=");
		print_flags_arg(tcp, &xlat_landlock_access_fs, access);
		if (size > sizeof(access))
			tprints(tcp, ", ...");
		tprints(tcp, "}");
	}
	tprint_arg_next(tcp);
	print_udec(tcp, size);
	tprint_arg_next(tcp);
	print_flags_arg(tcp, &xlat_landlock_create_ruleset_flags, flags);
	tcp->rval_fd = !(flags & LANDLOCK_CREATE_RULESET_VERSION);
	return DEC_DONE;
}

/* landlock_add_rule(ruleset_fd, rule_type, rule_attr, flags) */
int dec_landlock_add_rule(struct tcb *tcp)
{
	unsigned type = (unsigned)tcp->args[1];
	struct landlock_path_beneath_attr pb;

	print_fd(tcp, (int)tcp->args[0]);
	tprint_arg_next(tcp);
	print_xval(tcp, &xlat_landlock_rule_types, type, "LANDLOCK_RULE_???");
	tprint_arg_next(tcp);
	if (type != LANDLOCK_RULE_PATH_BENEATH) {
		print_addr(tcp, tcp->args[2]);
	} else if (fetch_or_print_addr(tcp, tcp->args[2], &pb, sizeof(pb))) {
		tprints(tcp, "{allowed_access=");
		print_flags_arg(tcp, &xlat_landlock_access_fs, pb.allowed_access);
		tprints(tcp, ", parent_fd=");
		print_fd(tcp, pb.parent_fd);
		tprints(tcp, "}");
	}
	tprint_arg_next(tcp);
	print_hex(tcp, (unsigned)tcp->args[3]);
	return DEC_DONE;
}

/* landlock_restrict_self(ruleset_fd, flags) */
int dec_landlock_restrict_self(struct tcb *tcp)
{
	print_fd(tcp, (int)tcp->args[0]);
	tprint_arg_next(tcp);
	print_hex(tcp, (unsigned)tcp->args[1]);
	return DEC_DONE;
}
