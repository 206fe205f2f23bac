/* The libdw functions of the stack unwinder (-k), through one table: in a
 * dynamic ctrace, libdw (with libelf, zlib, liblzma and libbz2) is loaded
 * with dlopen() when -k asks for it (src/dwapi_dl.c), not by the dynamic
 * loader at every start; a static ctrace links them (src/dwapi_static.c). */
#ifndef CTRACE_DWAPI_H
#define CTRACE_DWAPI_H

#include <elfutils/libdwfl.h>

#define DW_API_FUNCS(X) \
	X(dwfl_begin) X(dwfl_end) X(dwfl_errmsg) X(dwfl_report_begin) \
	X(dwfl_report_end) X(dwfl_linux_proc_report) X(dwfl_attach_state) \
	X(dwfl_getmodules) X(dwfl_addrmodule) X(dwfl_module_info) \
	X(dwfl_module_addrinfo) X(dwfl_getthread_frames) X(dwfl_frame_pc) \
	X(dwfl_thread_tid) X(dwfl_thread_state_registers) \
	X(dwfl_thread_state_register_pc) X(dwfl_linux_proc_find_elf) \
	X(dwfl_standard_find_debuginfo)

struct dw_api {
#define DW_API_FIELD(f) __typeof__(f) *f;
	DW_API_FUNCS(DW_API_FIELD)
#undef DW_API_FIELD
};

/* The table, or NULL when libdw cannot be loaded (*why: the reason). */
const struct dw_api *dw_api_load(const char **why);

#endif
