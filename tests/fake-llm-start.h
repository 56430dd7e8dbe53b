/*
 * tests/fake-llm-start.h: for the test programs that talk to the fake
 * OpenAI-compatible server (test-llm, test-factlib): start
 * $top_builddir/tests/fake-llm, which writes the port it bound into
 * DIR/port, and wait up to five seconds for it.  Included by one .c file
 * each.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <unistd.h>

/*
 * Fork and exec the server; url gets "http://127.0.0.1:PORT" (port 0
 * when it never came up, which the caller's first test reports).
 * Returns the server's pid.
 */
static pid_t
fake_llm_start(const char *dir, char *url, size_t urlsize)
{
	const char	*b = getenv("top_builddir");
	char		*prog = xasprintf("%s/tests/fake-llm", b ? b : ".");
	char		*pf = xasprintf("%s/port", dir);
	FILE		*fp;
	unsigned	 port = 0;
	pid_t		 pid;
	int		 i;

	if ((pid = fork()) == 0) {
		/* Die with the test, even when a sanitizer aborts it. */
		prctl(PR_SET_PDEATHSIG, SIGTERM);
		if (freopen("/dev/null", "w", stdout) == NULL)
			_exit(127);
		execl(prog, prog, pf, (char *)NULL);
		_exit(127);
	}
	for (i = 0; i < 500 && port == 0; i++) {
		if ((fp = fopen(pf, "r")) != NULL) {
			if (fscanf(fp, "%u", &port) != 1)
				port = 0;
			fclose(fp);
		}
		if (port == 0)
			usleep(10000);
	}
	snprintf(url, urlsize, "http://127.0.0.1:%u", port);
	free(prog);
	free(pf);
	return pid;
}
