/* libdw linked in (static builds); see dwapi.h. */
#include "config.h"
#include "dwapi.h"

const struct dw_api *dw_api_load(const char **why)
{
	static const struct dw_api api = {
#define DW_API_INIT(f) .f = f,
		DW_API_FUNCS(DW_API_INIT)
#undef DW_API_INIT
	};

	(void)why;
	return &api;
}
