/* Kernel modules (finit_module, delete_module), kexec_file_load and
 * userfaultfd as strace 6.1 prints them: their flags are the kernel's
 * unsigned int (kexec_file_load's an unsigned long). */
#include "config.h"
#include "decode_sys.h"

#include "decode.h"
#include "gen/decoders.h"
#include "print.h"

/* finit_module(fd, param_values, flags) */
int dec_finit_module(struct tcb *tcp)
{
	print_fd(tcp, (int)tcp->args[0]);
	tprint_arg_next(tcp);
	print_str(tcp, tcp->args[1]);
	tprint_arg_next(tcp);
	print_flags_arg(tcp, &xlat_module_init_flags, (unsigned)tcp->args[2]);
	return DEC_DONE;
}

/* delete_module(name, flags) */
int dec_delete_module(struct tcb *tcp)
{
	print_str(tcp, tcp->args[0]);
	tprint_arg_next(tcp);
	print_flags_arg(tcp, &xlat_delete_module_flags, (unsigned)tcp->args[1]);
	return DEC_DONE;
}

/* kexec_file_load(kernel_fd, initrd_fd, cmdline_len, cmdline, flags) */
int dec_kexec_file_load(struct tcb *tcp)
{
	print_fd(tcp, (int)tcp->args[0]);
	tprint_arg_next(tcp);
	print_fd(tcp, (int)tcp->args[1]);
	tprint_arg_next(tcp);
	print_udec(tcp, tcp->args[2]);
	tprint_arg_next(tcp);
	print_buf(tcp, tcp->args[3], tcp->args[2]);
	tprint_arg_next(tcp);
	print_flags_arg(tcp, &xlat_kexec_file_load_flags, tcp->args[4]);
	return DEC_DONE;
}

/* userfaultfd(flags) */
int dec_userfaultfd(struct tcb *tcp)
{
	print_flags_arg(tcp, &xlat_uffd_flags, (unsigned)tcp->args[0]);
	return DEC_DONE;
}
