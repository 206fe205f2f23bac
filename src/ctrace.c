#include "config.h"
#include <stdio.h>
#include "arch.h"
#include "util.h"

int main(int argc, char **argv)
{
	(void)argc; (void)argv;
	printf("%s %u\n", arch_native->name, arch_native->nsyscalls);
	return 0;
}
