/*
 * sbuf.c owns growable strings: every string built from user input, file
 * lines, HTTP bodies or model output goes through here, so no fixed-size
 * buffer ever holds them.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "sbuf.h"

char sbuf_empty[1];

void
sbuf_init(struct sbuf *sb)
{
	sb->buf = sbuf_empty;
	sb->len = 0;
	sb->cap = 0;
}

void
sbuf_release(struct sbuf *sb)
{
	if (sb->cap != 0)
		free(sb->buf);
	sbuf_init(sb);
}

void
sbuf_reset(struct sbuf *sb)
{
	sbuf_setlen(sb, 0);
}

void
sbuf_grow(struct sbuf *sb, size_t n)
{
	size_t	 want, cap;

	if (n > (size_t)-1 - sb->len - 1)
		xmalloc((size_t)-1);	/* reports and aborts */
	want = sb->len + n + 1;
	if (want <= sb->cap)
		return;
	cap = sb->cap < 64 ? 64 : sb->cap;
	while (cap < want)
		cap = cap > (size_t)-1 / 2 ? want : cap * 2;
	if (sb->cap == 0) {
		sb->buf = xmalloc(cap);
		sb->buf[0] = '\0';
	} else
		sb->buf = xrealloc(sb->buf, cap);
	sb->cap = cap;
}

void
sbuf_setlen(struct sbuf *sb, size_t len)
{
	if (sb->cap == 0)
		return;		/* the shared empty string stays "" */
	if (len >= sb->cap)
		len = sb->cap - 1;
	sb->len = len;
	sb->buf[len] = '\0';
}

void
sbuf_add(struct sbuf *sb, const void *p, size_t n)
{
	if (n == 0)
		return;
	sbuf_grow(sb, n);
	memmove(sb->buf + sb->len, p, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

void
sbuf_adds(struct sbuf *sb, const char *s)
{
	sbuf_add(sb, s, strlen(s));
}

void
sbuf_addc(struct sbuf *sb, int c)
{
	char	 ch = (char)c;

	sbuf_add(sb, &ch, 1);
}

void
sbuf_vaddf(struct sbuf *sb, const char *fmt, va_list ap)
{
	va_list	 aq;
	size_t	 room = sb->cap != 0 ? sb->cap - sb->len : 0;
	int	 n;

	/* Straight into the room there is; measured and again only when
	 * it does not fit (formatting twice was most of a short add). */
	va_copy(aq, ap);
	n = vsnprintf(room != 0 ? sb->buf + sb->len : NULL, room, fmt, aq);
	va_end(aq);
	if (room != 0 && (n < 0 || (size_t)n >= room))
		sb->buf[sb->len] = '\0';
	if (n <= 0)
		return;
	if ((size_t)n < room) {
		sb->len += (size_t)n;
		return;
	}
	sbuf_grow(sb, (size_t)n);
	vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
	sb->len += (size_t)n;
}

void
sbuf_addf(struct sbuf *sb, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	sbuf_vaddf(sb, fmt, ap);
	va_end(ap);
}

void
sbuf_trim(struct sbuf *sb)
{
	size_t	 start = 0, end = sb->len;

	while (start < end && strchr(" \t\r\n\f\v", sb->buf[start]) != NULL)
		start++;
	while (end > start && strchr(" \t\r\n\f\v", sb->buf[end - 1]) != NULL)
		end--;
	if (start > 0 && end > start)
		memmove(sb->buf, sb->buf + start, end - start);
	sbuf_setlen(sb, end - start);
}

void
sbuf_add_json_str(struct sbuf *sb, const char *s, size_t n)
{
	static const char	 hex[] = "0123456789abcdef";
	size_t			 i, run = 0;
	unsigned char		 c;

	sbuf_addc(sb, '"');
	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f)
			continue;
		sbuf_add(sb, s + run, i - run);
		run = i + 1;
		switch (c) {
		case '"':
			sbuf_adds(sb, "\\\"");
			break;
		case '\\':
			sbuf_adds(sb, "\\\\");
			break;
		case '\n':
			sbuf_adds(sb, "\\n");
			break;
		case '\r':
			sbuf_adds(sb, "\\r");
			break;
		case '\t':
			sbuf_adds(sb, "\\t");
			break;
		default:
			sbuf_adds(sb, "\\u00");
			sbuf_addc(sb, hex[c >> 4]);
			sbuf_addc(sb, hex[c & 15]);
		}
	}
	sbuf_add(sb, s + run, n - run);
	sbuf_addc(sb, '"');
}

char *
sbuf_detach(struct sbuf *sb, size_t *lenp)
{
	char	*p;

	if (lenp != NULL)
		*lenp = sb->len;
	if (sb->cap == 0)
		p = xstrdup("");
	else
		p = sb->buf;
	sbuf_init(sb);
	return p;
}

int
sbuf_getline(struct sbuf *sb, FILE *fp)
{
	int	 c;

	sbuf_reset(sb);
	if ((c = getc(fp)) == EOF)
		return EOF;
	/* getc rather than fgets: a line may hold NUL bytes. */
	while (c != EOF && c != '\n') {
		if (sb->len + 1 >= sb->cap)
			sbuf_grow(sb, 1);
		sb->buf[sb->len++] = (char)c;
		c = getc_unlocked(fp);
	}
	if (sb->cap != 0)
		sb->buf[sb->len] = '\0';
	if (sb->len > 0 && sb->buf[sb->len - 1] == '\r')
		sbuf_setlen(sb, sb->len - 1);
	return 0;
}

int
sbuf_read_file(struct sbuf *sb, const char *path)
{
	FILE	*fp;
	char	 chunk[65536];
	size_t	 n;
	int	 saved;

	if ((fp = fopen(path, "rb")) == NULL)
		return -1;
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		sbuf_add(sb, chunk, n);
	if (ferror(fp)) {
		saved = errno;
		fclose(fp);
		errno = saved;
		return -1;
	}
	fclose(fp);
	return 0;
}
