/* libFuzzer target: the command line and the -e expression parser.  The
 * input is split at NUL bytes into argv words (after "ctrace"); the -e
 * expressions are applied as options_parse() reads them. */
#include "config.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arch.h"
#include "filter.h"
#include "options.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = malloc(size + 1);
	char *argv[64];
	int argc = 0;
	struct options o;

	if (!buf)
		return 0;
	memcpy(buf, data, size);
	buf[size] = '\0';
	argv[argc++] = (char *)"ctrace";
	for (size_t i = 0; i < size && argc < 63; ) {
		argv[argc++] = buf + i;
		i += strlen(buf + i) + 1;
	}
	argv[argc] = NULL;
	/* parse errors print one line each: run with -close_fd_mask=2 */
	if (options_parse(&o, argc, argv) == 0)
		(void)filter_trace_set(arch_native);
	options_free(&o);
	free(buf);
	return 0;
}
