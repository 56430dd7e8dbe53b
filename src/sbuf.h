/*
 * sbuf.h: growable NUL-terminated byte strings.  buf is never NULL (an
 * empty sbuf points at a shared "" until it first grows), len excludes the
 * terminator.
 */
#ifndef SBUF_H
#define SBUF_H

#include <stdarg.h>
#include <stdio.h>
#include <stddef.h>

struct sbuf {
	char	*buf;
	size_t	 len;
	size_t	 cap;	/* 0 while buf is the shared empty string */
};

extern char sbuf_empty[];
#define SBUF_INIT { sbuf_empty, 0, 0 }

void	 sbuf_init(struct sbuf *);
void	 sbuf_release(struct sbuf *);
void	 sbuf_reset(struct sbuf *);		/* len = 0, keeps memory */
void	 sbuf_grow(struct sbuf *, size_t);	/* room for n more bytes */
void	 sbuf_add(struct sbuf *, const void *, size_t);
void	 sbuf_adds(struct sbuf *, const char *);
void	 sbuf_addc(struct sbuf *, int);
void	 sbuf_addf(struct sbuf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 sbuf_vaddf(struct sbuf *, const char *, va_list);
void	 sbuf_setlen(struct sbuf *, size_t);
void	 sbuf_trim(struct sbuf *);		/* ASCII whitespace both ends */
/* Append a JSON string literal (quotes included) for the UTF-8 text. */
void	 sbuf_add_json_str(struct sbuf *, const char *, size_t);
/* Caller frees the result; the sbuf is left empty. */
char	*sbuf_detach(struct sbuf *, size_t *);
/*
 * Read one line (without its newline, CR stripped) replacing the contents.
 * Returns 0 on a line, EOF at end of file with nothing read.
 */
int	 sbuf_getline(struct sbuf *, FILE *);
/* Read a whole file; returns 0 or -1 with errno set. */
int	 sbuf_read_file(struct sbuf *, const char *);

#endif
