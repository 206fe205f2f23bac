/* Traced by tests/integration/stack.sh (-k): main -> ctrace_test_middle ->
 * ctrace_test_leaf -> write(2), with known function names.  With a second
 * argument "signal": main -> a function with the C++ symbol
 * _ZN6ctrace6signalEi (ctrace::signal(int)) -> kill(getpid(), SIGURG),
 * whose delivery -k shows with the stack, demangled.  Built with -g,
 * frame pointers and no inlining; every function uses its callee's result
 * afterwards so that no call becomes a tail call. */
#include <signal.h>
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

/* a C++ name by an asm label: what a C++ compiler would emit */
__attribute__((noinline)) int ctrace_test_signal(int sig) __asm__("_ZN6ctrace6signalEi");
__attribute__((noinline)) int ctrace_test_signal(int sig)
{
	int r = kill(getpid(), sig);

	return r + 1;
}

int main(int argc, char **argv)
{
	int fd = argc > 1 ? atoi(argv[1]) : 1;
	int n;

	if (argc > 2 && strcmp(argv[2], "signal") == 0)
		return ctrace_test_signal(SIGURG) == 1 ? 0 : 1;
	n = ctrace_test_middle(fd);

	return n > 0 ? 0 : 1;
}
