/* aarch64-only protection bits: mprotect with PROT_BTI (branch target
 * identification) and mmap with PROT_MTE (memory tagging).  Whether the
 * CPU has them or the kernel says EINVAL, the traced lines must name them
 * as strace does on aarch64.  Built for aarch64 only. */
#define _GNU_SOURCE
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	void *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		return 1;
	syscall(SYS_mprotect, p, 4096UL, PROT_READ | PROT_EXEC | PROT_BTI);
	syscall(SYS_mmap, NULL, 4096UL, PROT_READ | PROT_WRITE | PROT_MTE,
		MAP_PRIVATE | MAP_ANONYMOUS, -1, 0L);
	return 0;
}
