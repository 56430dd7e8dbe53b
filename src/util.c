/*
 * util.c owns the error type and the allocation wrappers: the only place
 * where running out of memory ends the program.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"

const char *
sd_strerror(enum sd_rc rc)
{
	switch (rc) {
	case SD_OK:
		return "success";
	case SD_ERR_USAGE:
		return "usage error";
	case SD_ERR_IO:
		return "input/output error";
	case SD_ERR_DB:
		return "database error";
	case SD_ERR_PARSE:
		return "malformed input";
	case SD_ERR_INVALID:
		return "invalid value";
	case SD_ERR_NOTFOUND:
		return "not found";
	case SD_ERR_NET:
		return "network error";
	case SD_ERR_INTERNAL:
		return "internal error";
	case SD_ERR_BUSY:
		return "database busy";
	case SD_ERR_CONFLICT:
		return "held by someone else";
	}
	return "unknown error";
}

static char *
xvasprintf(const char *fmt, va_list ap)
{
	va_list	 aq;
	int	 n;
	char	*s;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0)
		n = 0;
	s = xmalloc((size_t)n + 1);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list	 ap;
	char	*s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	return s;
}

enum sd_rc
sd_fail(struct sd_error *err, enum sd_rc rc, const char *fmt, ...)
{
	va_list	 ap;
	char	*msg;

	if (err == NULL)
		return rc;
	/* Format first: the arguments may point into the old message. */
	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	free(err->msg);
	err->msg = msg;
	err->rc = rc;
	return rc;
}

void
sd_error_prefix(struct sd_error *err, const char *fmt, ...)
{
	va_list	 ap;
	char	*pre, *msg;

	if (err == NULL)
		return;
	va_start(ap, fmt);
	pre = xvasprintf(fmt, ap);
	va_end(ap);
	msg = xasprintf("%s%s", pre, sd_error_msg(err));
	free(pre);
	free(err->msg);
	err->msg = msg;
}

const char *
sd_error_msg(const struct sd_error *err)
{
	if (err == NULL)
		return "";
	if (err->msg != NULL)
		return err->msg;
	return sd_strerror(err->rc);
}

void
sd_error_clear(struct sd_error *err)
{
	if (err == NULL)
		return;
	free(err->msg);
	err->msg = NULL;
	err->rc = SD_OK;
}

static void
oom(size_t n)
{
	fprintf(stderr, "shopdesk: out of memory (%zu bytes)\n", n);
	abort();
}

void *
xmalloc(size_t n)
{
	void	*p;

	if ((p = malloc(n == 0 ? 1 : n)) == NULL)
		oom(n);
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void	*p;

	if ((p = calloc(n == 0 ? 1 : n, size == 0 ? 1 : size)) == NULL)
		oom(n * size);
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	if ((p = realloc(p, n == 0 ? 1 : n)) == NULL)
		oom(n);
	return p;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char	*p;

	p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}
