/*
 * ingest-md.c owns the text side of documents: splitting a Markdown or
 * plain text body into chunks for full-text search, reading Markdown front
 * matter, and checking that input is UTF-8 and that JSON text escapes no
 * NUL.  Nothing here touches the database, so the unit tests drive it
 * directly.
 *
 * Chunks are what search ranks and what an answer quotes, so they follow
 * the author's structure: a new chunk at every heading, and a long section
 * is cut between paragraphs into pieces of at most ~1,000 characters.
 * Each chunk carries its heading, which is what a customer's question most
 * often matches ("How do I reset it?").
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "shopdesk.h"
#include "sbuf.h"
#include "ingest-int.h"

struct chunker {
	struct ingest_chunk *v;		/* chunks so far */
	size_t		 n, cap;
	size_t		 max;		/* code points per chunk */
	char		*heading;	/* the current section's heading */
	struct sbuf	 buf;		/* the chunk being filled */
	size_t		 buf_cp;	/* its length in code points */
};

size_t
ingest_utf8_check(const char *buf, size_t len)
{
	const unsigned char *p = (const unsigned char *)buf;
	size_t		 i = 0;
	utf8proc_int32_t cp;
	utf8proc_ssize_t n;

	while (i < len) {
		/* Most text is ASCII: skip it without a call. */
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		n = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &cp);
		if (n <= 0)
			return i;
		i += (size_t)n;
	}
	return len;
}

size_t
ingest_json_nul(const char *buf, size_t len)
{
	const char	*p = buf, *end = buf + len, *q, *b;

	while ((q = memmem(p, (size_t)(end - p), "\\u0000", 6)) != NULL) {
		b = q;
		/* An escape only when an even run of backslashes precedes. */
		while (b > buf && b[-1] == '\\')
			b--;
		if ((q - b) % 2 == 0)
			return (size_t)(q - buf);
		p = q + 1;
	}
	return len;
}

static size_t
cp_count(const char *s, size_t len)
{
	size_t	 i, n = 0;

	for (i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

static int
is_blank(const char *s, size_t len)
{
	size_t	 i;

	for (i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return 0;
	return 1;
}

static void
emit(struct chunker *c, const char *text, size_t len)
{
	struct ingest_chunk *ch;

	while (len > 0 && (*text == ' ' || *text == '\n' || *text == '\t'))
		text++, len--;
	while (len > 0 && (text[len - 1] == ' ' || text[len - 1] == '\n' ||
	    text[len - 1] == '\t' || text[len - 1] == '\r'))
		len--;
	if (len == 0)
		return;
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 8;
		c->v = xrealloc(c->v, c->cap * sizeof *c->v);
	}
	ch = &c->v[c->n++];
	ch->heading = xstrdup(c->heading != NULL ? c->heading : "");
	ch->text = xstrndup(text, len);
}

static void
flush_buf(struct chunker *c)
{
	emit(c, c->buf.buf, c->buf.len);
	sbuf_reset(&c->buf);
	c->buf_cp = 0;
}

/*
 * A paragraph longer than a chunk: cut it before max code points, at the
 * end of a sentence when one ends in the second half of the window, else
 * at a space, else (one enormous word) at a code point boundary.  Each
 * window is scanned once: counting what is left of the paragraph before
 * every cut made a 20 MB paragraph take minutes.
 */
static void
split_long(struct chunker *c, const char *p, size_t len)
{
	size_t	 i, ncp, cut, sentence, space;

	while (len > 0) {
		sentence = space = 0;
		for (i = 0, ncp = 0; i < len && ncp < c->max; i++) {
			if (((unsigned char)p[i] & 0xC0) == 0x80)
				continue;
			ncp++;
			if (p[i] == ' ' || p[i] == '\n' || p[i] == '\t') {
				space = i;
				if (i > 0 && strchr(".!?", p[i - 1]) != NULL &&
				    ncp > c->max / 2)
					sentence = i;
			}
		}
		/* i is the byte after max code points: a boundary. */
		while (i < len && ((unsigned char)p[i] & 0xC0) == 0x80)
			i++;
		if (i == len) {
			/* The rest fits in one chunk. */
			emit(c, p, len);
			return;
		}
		cut = sentence ? sentence : space ? space : i;
		emit(c, p, cut);
		p += cut;
		len -= cut;
	}
}

static void
add_paragraph(struct chunker *c, const char *p, size_t len)
{
	size_t	 ncp = cp_count(p, len);

	if (ncp > c->max) {
		flush_buf(c);
		split_long(c, p, len);
		return;
	}
	if (c->buf.len > 0 && c->buf_cp + 2 + ncp > c->max)
		flush_buf(c);
	if (c->buf.len > 0) {
		sbuf_adds(&c->buf, "\n\n");
		c->buf_cp += 2;
	}
	sbuf_add(&c->buf, p, len);
	c->buf_cp += ncp;
}

/* "## Title ##" -> "Title"; NULL when line is not an ATX heading. */
static char *
heading_text(const char *line, size_t len)
{
	size_t	 level = 0, start, end;

	while (level < len && line[level] == '#')
		level++;
	if (level == 0 || level > 6)
		return NULL;
	if (level < len && line[level] != ' ' && line[level] != '\t')
		return NULL;
	start = level;
	while (start < len && (line[start] == ' ' || line[start] == '\t'))
		start++;
	end = len;
	while (end > start && (line[end - 1] == ' ' || line[end - 1] == '\t' ||
	    line[end - 1] == '\r'))
		end--;
	/* A closing run of #s preceded by a space is not part of it. */
	if (end > start && line[end - 1] == '#') {
		size_t	 e = end;

		while (e > start && line[e - 1] == '#')
			e--;
		if (e == start || line[e - 1] == ' ' || line[e - 1] == '\t') {
			end = e;
			while (end > start && (line[end - 1] == ' ' ||
			    line[end - 1] == '\t'))
				end--;
		}
	}
	return xstrndup(line + start, end - start);
}

static int
is_fence(const char *line, size_t len)
{
	size_t	 i = 0;

	while (i < len && i < 3 && line[i] == ' ')
		i++;
	return len - i >= 3 && (strncmp(line + i, "```", 3) == 0 ||
	    strncmp(line + i, "~~~", 3) == 0);
}

size_t
ingest_chunk_body(const char *body, int markdown, size_t max,
    struct ingest_chunk **out)
{
	struct chunker	 c;
	struct sbuf	 para = SBUF_INIT;
	const char	*p = body, *nl;
	size_t		 len;
	int		 fenced = 0;
	char		*h;

	memset(&c, 0, sizeof c);
	sbuf_init(&c.buf);
	c.max = max > 0 ? max : INGEST_CHUNK_MAX;
	while (*p != '\0') {
		nl = strchr(p, '\n');
		len = nl != NULL ? (size_t)(nl - p) : strlen(p);
		if (markdown && is_fence(p, len))
			fenced = !fenced;
		if (markdown && !fenced && (h = heading_text(p, len)) != NULL) {
			if (para.len > 0)
				add_paragraph(&c, para.buf, para.len);
			sbuf_reset(&para);
			flush_buf(&c);
			free(c.heading);
			c.heading = h;
		} else if (!fenced && is_blank(p, len)) {
			if (para.len > 0)
				add_paragraph(&c, para.buf, para.len);
			sbuf_reset(&para);
		} else {
			if (para.len > 0)
				sbuf_addc(&para, '\n');
			if (len > 0 && p[len - 1] == '\r')
				sbuf_add(&para, p, len - 1);
			else
				sbuf_add(&para, p, len);
		}
		p += len;
		if (*p == '\n')
			p++;
	}
	if (para.len > 0)
		add_paragraph(&c, para.buf, para.len);
	flush_buf(&c);
	sbuf_release(&para);
	sbuf_release(&c.buf);
	free(c.heading);
	*out = c.v;
	return c.n;
}

void
ingest_chunks_free(struct ingest_chunk *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		free(v[i].heading);
		free(v[i].text);
	}
	free(v);
}

static int
is_delim(const char *p, size_t len)
{
	return len >= 3 && strncmp(p, "---", 3) == 0 &&
	    is_blank(p + 3, len - 3);
}

int
ingest_front_matter(const char *text, cJSON **meta, const char **body,
    unsigned long *errline)
{
	const char	*p = text, *nl, *colon, *v, *ve;
	size_t		 len;
	unsigned long	 line = 1;
	cJSON		*o;
	char		*key, *val;

	*meta = NULL;
	*body = text;
	nl = strchr(p, '\n');
	len = nl != NULL ? (size_t)(nl - p) : strlen(p);
	if (!is_delim(p, len) || nl == NULL)
		return 0;
	o = cJSON_CreateObject();
	p = nl + 1;
	for (;;) {
		line++;
		if (*p == '\0') {
			/* No closing line: the whole file would be meta. */
			cJSON_Delete(o);
			*errline = 1;
			return -1;
		}
		nl = strchr(p, '\n');
		len = nl != NULL ? (size_t)(nl - p) : strlen(p);
		if (is_delim(p, len))
			break;
		if (!is_blank(p, len) && *p != '#') {
			if ((colon = memchr(p, ':', len)) == NULL ||
			    colon == p) {
				cJSON_Delete(o);
				*errline = line;
				return -1;
			}
			v = colon + 1;
			ve = p + len;
			while (v < ve && (*v == ' ' || *v == '\t'))
				v++;
			while (ve > v && (ve[-1] == ' ' || ve[-1] == '\t' ||
			    ve[-1] == '\r'))
				ve--;
			if (ve - v >= 2 && ((*v == '"' && ve[-1] == '"') ||
			    (*v == '\'' && ve[-1] == '\'')))
				v++, ve--;
			key = xstrndup(p, (size_t)(colon - p));
			while (*key != '\0' && key[strlen(key) - 1] == ' ')
				key[strlen(key) - 1] = '\0';
			val = xstrndup(v, (size_t)(ve - v));
			cJSON_DeleteItemFromObjectCaseSensitive(o, key);
			cJSON_AddStringToObject(o, key, val);
			free(key);
			free(val);
		}
		p += len;
		if (*p == '\n')
			p++;
	}
	p += len;
	if (*p == '\n')
		p++;
	*meta = o;
	*body = p;
	return 0;
}
