/* Traced by tests/integration/stack.sh (-k): main -> ctrace_test_middle ->
 * ctrace_test_leaf -> write(2), with known function names.  Built with -g,
 * frame pointers and no inlining; every function uses its callee's result
 * afterwards so that no call becomes a tail call. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

__attribute__((noinline)) int ctrace_test_leaf(int fd, const char *msg);
__attribute__((noinline)) int ctrace_test_middle(int fd);

__attribute__((noinline)) int ctrace_test_leaf(int fd, const char *msg)
{
	ssize_t n = write(fd, msg, strlen(msg));

	return n < 0 ? -1 : (int)n + 1;
}

__attribute__((noinline)) int ctrace_test_middle(int fd)
{
	int n = ctrace_test_leaf(fd, "ctrace stack test\n");

	return n - 1;
}

int main(int argc, char **argv)
{
	int fd = argc > 1 ? atoi(argv[1]) : 1;
	int n = ctrace_test_middle(fd);

	return n > 0 ? 0 : 1;
}
