/*
 * tap.h: a tiny Test Anything Protocol emitter for shopdesk's unit tests.
 * Header-only: each test program includes it once.
 */
#ifndef TAP_H
#define TAP_H

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int tap_n, tap_failed;

#define TAP_UNUSED __attribute__((unused))

TAP_UNUSED static void
plan(int n)
{
	printf("1..%d\n", n);
	fflush(stdout);
}

TAP_UNUSED static void
done_testing(void)
{
	printf("1..%d\n", tap_n);
}

TAP_UNUSED static int
tap_vok(int cond, const char *fmt, va_list ap)
{
	tap_n++;
	if (!cond)
		tap_failed++;
	printf("%sok %d - ", cond ? "" : "not ", tap_n);
	vprintf(fmt, ap);
	printf("\n");
	fflush(stdout);
	return cond;
}

TAP_UNUSED __attribute__((format(printf, 2, 3))) static int
ok(int cond, const char *fmt, ...)
{
	va_list	 ap;
	int	 r;

	va_start(ap, fmt);
	r = tap_vok(cond, fmt, ap);
	va_end(ap);
	return r;
}

TAP_UNUSED __attribute__((format(printf, 3, 4))) static int
is_str(const char *got, const char *want, const char *fmt, ...)
{
	va_list	 ap;
	int	 r, cond;

	cond = got != NULL && want != NULL ? strcmp(got, want) == 0 :
	    got == want;
	va_start(ap, fmt);
	r = tap_vok(cond, fmt, ap);
	va_end(ap);
	if (!cond)
		printf("#   got: \"%s\"\n#  want: \"%s\"\n",
		    got ? got : "(null)", want ? want : "(null)");
	return r;
}

TAP_UNUSED __attribute__((format(printf, 3, 4))) static int
is_int(long long got, long long want, const char *fmt, ...)
{
	va_list	 ap;
	int	 r;

	va_start(ap, fmt);
	r = tap_vok(got == want, fmt, ap);
	va_end(ap);
	if (got != want)
		printf("#   got: %lld\n#  want: %lld\n", got, want);
	return r;
}

TAP_UNUSED static void
diag(const char *fmt, ...)
{
	va_list	 ap;

	printf("# ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
}

TAP_UNUSED static int
exit_status(void)
{
	return tap_failed ? 1 : 0;
}

/* A fresh temporary directory (caller frees); removed by tap_rmtree. */
TAP_UNUSED static char *
tap_tmpdir(void)
{
	const char	*base = getenv("TMPDIR");
	char		*p;
	size_t		 n;

	if (base == NULL || *base == '\0')
		base = "/tmp";
	n = strlen(base) + 32;
	p = malloc(n);
	snprintf(p, n, "%s/sdtest.XXXXXX", base);
	if (mkdtemp(p) == NULL) {
		perror("mkdtemp");
		exit(99);
	}
	return p;
}

TAP_UNUSED static void
tap_rmtree(const char *dir)
{
	char	*cmd;
	size_t	 n = strlen(dir) + 16;

	cmd = malloc(n);
	snprintf(cmd, n, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		diag("could not remove %s", dir);
	free(cmd);
}

#endif
