/* Workload for the process/signal/time decoders: forks a child and
 * waits for it, runs a thread (clone3 + futex), installs signal
 * handlers, sends itself SIGUSR1, blocks and unblocks signals, sleeps,
 * reads the clocks and resource limits. */
#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t got_usr1;

static void on_usr1(int sig)
{
	(void)sig;
	got_usr1 = 1;
}

static void *thread_main(void *arg)
{
	struct timespec ts = { 0, 2000000 };

	nanosleep(&ts, NULL);
	return arg;
}

int main(void)
{
	struct sigaction sa;
	sigset_t set, old;
	pthread_t th;
	pid_t child;
	int status;
	struct timespec ts = { 0, 1000000 };
	struct rlimit rl;
	struct rusage ru;
	struct utsname un;
	struct itimerval itv;
	unsigned char rnd[8];
	void *p;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	sa.sa_flags = SA_RESTART;
	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIGTERM);
	sigaction(SIGUSR1, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);

	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigprocmask(SIG_BLOCK, &set, &old);
	sigprocmask(SIG_SETMASK, &old, NULL);

	kill(getpid(), SIGUSR1);
	if (!got_usr1)
		return 2;

	child = fork();
	if (child == 0) {
		nanosleep(&ts, NULL);
		_exit(3);
	}
	waitpid(child, &status, 0);

	child = fork();
	if (child == 0) {
		pause();
		_exit(0);
	}
	/* Give the child time to reach pause(). */
	{
		struct timespec settle = { 0, 20000000 };
		nanosleep(&settle, NULL);
	}
	kill(child, SIGTERM);
	waitpid(child, &status, 0);

	if (pthread_create(&th, NULL, thread_main, NULL) == 0)
		pthread_join(th, NULL);

	clock_gettime(CLOCK_MONOTONIC, &ts);
	clock_getres(CLOCK_REALTIME, &ts);
	ts.tv_sec = 0;
	ts.tv_nsec = 1000000;
	clock_nanosleep(CLOCK_MONOTONIC, 0, &ts, NULL);
	getrlimit(RLIMIT_NOFILE, &rl);
	setrlimit(RLIMIT_NOFILE, &rl);
	getrusage(RUSAGE_SELF, &ru);
	uname(&un);
	memset(&itv, 0, sizeof(itv));
	setitimer(ITIMER_REAL, &itv, NULL);
	getitimer(ITIMER_REAL, &itv);
	alarm(0);
	prctl(PR_SET_NAME, "helper", 0, 0, 0);
	prctl(PR_GET_DUMPABLE, 0, 0, 0, 0);
	getrandom(rnd, sizeof(rnd), GRND_NONBLOCK);
	p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p != MAP_FAILED) {
		madvise(p, 8192, MADV_DONTNEED);
		p = mremap(p, 8192, 16384, MREMAP_MAYMOVE);
		if (p != MAP_FAILED) {
			mprotect(p, 4096, PROT_NONE);
			munmap(p, 16384);
		}
	}
	sched_yield();
	printf("%d\n", getpid());
	return 0;
}
