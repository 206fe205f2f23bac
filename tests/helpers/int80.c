/* Makes a 32-bit system call (int $0x80: getpid, i386 number 20) from a
 * 64-bit process, then exits.  x86_64 only (the test skips elsewhere). */
#include <unistd.h>

int main(void)
{
	long ret;

	__asm__ volatile("int $0x80" : "=a"(ret) : "a"(20L) : "memory");
	return ret == getpid() ? 0 : 1;
}
