/* libdw loaded on demand (dynamic builds); see dwapi.h. */
#include "config.h"
#include "dwapi.h"

#include <dlfcn.h>
#include <stdbool.h>
#include <stdio.h>

/* The soname of the libdw ctrace was built against: the library the
 * dynamic loader would otherwise have loaded at every start. */
#define DW_SONAME "libdw.so.1"

static char load_error[256];

static const struct dw_api *failed(const char **why)
{
	if (!load_error[0]) {
		const char *e = dlerror();
		snprintf(load_error, sizeof(load_error), "%s", e ? e : "cannot load " DW_SONAME);
	}
	*why = load_error;
	return NULL;
}

#define DW_API_SYM(f) \
	if (!(*(void **)&api.f = dlsym(h, #f))) \
		return failed(why);

const struct dw_api *dw_api_load(const char **why)
{
	static struct dw_api api;
	static bool loaded;
	void *h;

	if (loaded)
		return &api;
	if (load_error[0])
		return failed(why);
	h = dlopen(DW_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (!h)
		return failed(why);
	DW_API_FUNCS(DW_API_SYM)
	loaded = true;
	return &api;
}
