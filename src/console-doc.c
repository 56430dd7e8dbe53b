/*
 * console-doc.c owns the console's styled text: building lines of styled
 * spans, wrapping them by display width, and laying out the tables of
 * the engine's replies (sent as rows) by display width.  A turn's trace
 * is rendered into such text by console-trace.c.  No curses here:
 * console.c draws what this produces.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>
#include <utf8proc.h>

#include "shopdesk.h"
#include "console-doc.h"
#include "sbuf.h"

int	 cdoc_unicode = 0;

int
cdoc_cpwidth(int cp)
{
	int	 w;

	if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
		return 0;
	w = utf8proc_charwidth(cp);
	return w < 0 ? 0 : w;
}

/* Decode one code point; invalid bytes read as U+FFFD of length 1. */
static size_t
next_cp(const char *s, size_t n, int *cp)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t l;

	l = utf8proc_iterate((const utf8proc_uint8_t *)s,
	    (utf8proc_ssize_t)n, &c);
	if (l <= 0) {
		*cp = 0xfffd;
		return 1;
	}
	*cp = c;
	return (size_t)l;
}

void
cdoc_clear(struct cdoc *d)
{
	size_t	 i;

	for (i = 0; i < d->n; i++) {
		sbuf_release(&d->ln[i].text);
		free(d->ln[i].segs);
	}
	free(d->ln);
	d->ln = NULL;
	d->n = d->cap = 0;
}

void
cdoc_line(struct cdoc *d, int indent, long tag)
{
	struct cline	*l;

	if (d->n == d->cap) {
		d->cap = d->cap < 16 ? 16 : d->cap * 2;
		d->ln = xrealloc(d->ln, d->cap * sizeof *d->ln);
	}
	l = &d->ln[d->n++];
	memset(l, 0, sizeof *l);
	sbuf_init(&l->text);
	l->indent = indent;
	l->tag = tag;
}

/* Append clean bytes to the last line as one span of style. */
static void
seg_add(struct cline *l, int style, const char *s, size_t n)
{
	struct cseg	*last;

	if (n == 0)
		return;
	last = l->nsegs > 0 ? &l->segs[l->nsegs - 1] : NULL;
	if (last != NULL && last->style == style &&
	    last->off + last->len == l->text.len) {
		last->len += n;
	} else {
		if (l->nsegs == l->cap) {
			l->cap = l->cap < 4 ? 4 : l->cap * 2;
			l->segs = xrealloc(l->segs, l->cap * sizeof *l->segs);
		}
		l->segs[l->nsegs].style = style;
		l->segs[l->nsegs].off = l->text.len;
		l->segs[l->nsegs].len = n;
		l->nsegs++;
	}
	sbuf_add(&l->text, s, n);
}

void
cdoc_add(struct cdoc *d, int style, const char *s, size_t n)
{
	struct cline	*l;
	size_t		 i = 0, run = 0, k;
	int		 cp;

	if (d->n == 0)
		cdoc_line(d, 0, -1);
	l = &d->ln[d->n - 1];
	/* Copy runs of clean text at once; fix what is not. */
	while (i + run < n) {
		const char *p = s + i + run;

		k = next_cp(p, n - i - run, &cp);
		if (cp == 0xfffd && !(k == 3 && (unsigned char)p[0] == 0xef)) {
			seg_add(l, style, s + i, run);
			seg_add(l, style, "\xef\xbf\xbd", 3);
			i += run + k;
			run = 0;
		} else if (cp == '\n') {
			seg_add(l, style, s + i, run);
			cdoc_line(d, l->indent, l->tag);
			l = &d->ln[d->n - 1];
			i += run + 1;
			run = 0;
		} else if (cp < 0x20 || cp == 0x7f) {
			seg_add(l, style, s + i, run);
			seg_add(l, style, cp == '\t' ? "  " : " ",
			    cp == '\t' ? 2 : 1);
			i += run + 1;
			run = 0;
		} else
			run += k;
	}
	seg_add(l, style, s + i, run);
}

void
cdoc_adds(struct cdoc *d, int style, const char *s)
{
	if (s != NULL)
		cdoc_add(d, style, s, strlen(s));
}

void
cdoc_addf(struct cdoc *d, int style, const char *fmt, ...)
{
	struct sbuf	 sb = SBUF_INIT;
	va_list		 ap;

	va_start(ap, fmt);
	sbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	cdoc_add(d, style, sb.buf, sb.len);
	sbuf_release(&sb);
}

static void
row_push(struct crow **rows, size_t *n, size_t *cap, size_t line,
    size_t start, size_t end, int x)
{
	if (*n == *cap) {
		*cap = *cap < 64 ? 64 : *cap * 2;
		*rows = xrealloc(*rows, *cap * sizeof **rows);
	}
	(*rows)[*n].line = line;
	(*rows)[*n].start = start;
	(*rows)[*n].end = end;
	(*rows)[*n].x = x;
	(*n)++;
}

/*
 * Greedy word wrap of one line.  Continuation rows start at the line's
 * indent unless that leaves too little room, and skip the spaces at the
 * break; a first row keeps its leading spaces (tables rely on them).
 */
static void
wrap_line(const struct cline *l, size_t li, int width, struct crow **rows,
    size_t *n, size_t *cap)
{
	const char	*s = l->text.buf;
	size_t		 len = l->text.len, i, start, brk_end, brk_next, k;
	int		 indent, x, used, cp, w, first = 1;

	indent = l->indent;
	if (indent > width / 2)
		indent = width > 8 ? 2 : 0;
	if (len == 0) {
		row_push(rows, n, cap, li, 0, 0, 0);
		return;
	}
	start = 0;
	while (start < len) {
		x = first ? 0 : indent;
		used = 0;
		brk_end = brk_next = 0;
		i = start;
		while (i < len) {
			k = next_cp(s + i, len - i, &cp);
			w = cdoc_cpwidth(cp);
			if (cp == ' ' && i > start) {
				brk_end = i;
				brk_next = i + k;
			}
			if (used + w > width - x && i > start)
				break;
			used += w;
			i += k;
		}
		if (i >= len) {
			row_push(rows, n, cap, li, start, len, x);
			break;
		}
		if (brk_end > start) {
			/* End the row before the spaces of the last break. */
			while (brk_end > start && s[brk_end - 1] == ' ')
				brk_end--;
			if (brk_end == start)
				brk_end = brk_next;
			row_push(rows, n, cap, li, start, brk_end, x);
			start = brk_next;
		} else {
			row_push(rows, n, cap, li, start, i, x);
			start = i;
		}
		while (start < len && s[start] == ' ')
			start++;
		first = 0;
	}
}

size_t
cdoc_wrap(const struct cdoc *d, int width, struct crow **rows, size_t *cap)
{
	size_t	 i, n = 0;

	if (width < 1)
		width = 1;
	for (i = 0; i < d->n; i++)
		wrap_line(&d->ln[i], i, width, rows, &n, cap);
	return n;
}

/* Tables. */

#define CELL_MIN	6	/* narrowest a column is squeezed to */

/*
 * The next line of cell s in a column max screen columns wide: up to
 * the last space that fits, or cut between characters when none does.
 * *w gets its width, *next where the rest starts.
 */
static size_t
cell_piece(const char *s, size_t max, size_t *w, const char **next)
{
	size_t	 n = strlen(s), i = 0, used = 0, brk = 0, brkw = 0, k;
	int	 cp, cw;

	while (i < n) {
		k = next_cp(s + i, n - i, &cp);
		cw = cdoc_cpwidth(cp);
		if (cp == ' ') {
			brk = i;
			brkw = used;
		}
		if (used + (size_t)cw > max && i > 0)
			break;
		used += (size_t)cw;
		i += k;
	}
	if (i < n && brk > 0) {
		*w = brkw;
		*next = s + brk + 1;
		return brk;
	}
	*w = used;
	*next = s + i;
	return i;
}

/* Cell c of row r of table tb (row -1: the header); "" when missing. */
static const char *
cell(const cJSON *tb, int r, int c)
{
	const cJSON	*row, *it;

	row = r < 0 ? cJSON_GetObjectItemCaseSensitive(tb, "columns") :
	    cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(tb, "rows"), r);
	it = cJSON_GetArrayItem(row, c);
	return cJSON_IsString(it) ? it->valuestring : "";
}

/* Screen columns of cell s on one line. */
static size_t
cell_width(const char *s)
{
	size_t	 n = strlen(s), i = 0, w = 0;
	int	 cp;

	while (i < n) {
		i += next_cp(s + i, n - i, &cp);
		w += (size_t)cdoc_cpwidth(cp);
	}
	return w;
}

/*
 * Column widths for a table width screen columns wide: each as wide as
 * its widest cell, then the widest narrowed one column at a time (not
 * below CELL_MIN) until the lines fit; cells wrap within their column.
 */
static void
table_widths(const cJSON *tb, int ncols, int nrows, int width, size_t *w)
{
	size_t		 sum = 0, avail, cw;
	const char	*s, *next;
	int		 r, c, widest;

	for (r = -1; r < nrows; r++)
		for (c = 0; c < ncols; c++) {
			cw = cell_width(cell(tb, r, c));
			if (cw > w[c])
				w[c] = cw;
		}
	for (c = 0; c < ncols; c++)
		sum += w[c];
	/* Two spaces of indent, two between columns. */
	avail = width > 2 * ncols + 2 ? (size_t)(width - 2 * ncols) : 0;
	while (sum > avail) {
		for (widest = 0, c = 1; c < ncols; c++)
			if (w[c] > w[widest])
				widest = c;
		if (w[widest] <= CELL_MIN)
			break;
		w[widest]--;
		sum--;
	}
	/* A column is as wide as the longest line its cells wrap to. */
	for (c = 0; c < ncols; c++) {
		cw = w[c];
		w[c] = 0;
		for (r = -1; r < nrows; r++)
			for (s = cell(tb, r, c); *s != '\0'; s = next) {
				size_t pw;

				cell_piece(s, cw, &pw, &next);
				if (pw > w[c])
					w[c] = pw;
			}
	}
}

/*
 * Lay out one table in width screen columns, columns two spaces apart,
 * each line starting "\n  " as the engine's text does.
 */
static void
table_layout(const cJSON *tb, int width, struct sbuf *out)
{
	int		 ncols, nrows, r, c, more;
	size_t		*w, *cap, len, cw = 0, pad;
	const char	**cur, *next;

	ncols = cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(tb,
	    "columns"));
	nrows = cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(tb,
	    "rows"));
	if (ncols <= 0)
		return;
	w = xcalloc((size_t)ncols, sizeof *w);
	cap = xcalloc((size_t)ncols, sizeof *cap);
	cur = xcalloc((size_t)ncols, sizeof *cur);
	table_widths(tb, ncols, nrows, width, w);
	for (c = 0; c < ncols; c++)
		cap[c] = w[c] > 0 ? w[c] : 1;
	for (r = -1; r < nrows; r++) {
		for (c = 0; c < ncols; c++)
			cur[c] = cell(tb, r, c);
		do {
			sbuf_adds(out, "\n ");
			more = 0;
			for (c = 0; c < ncols; c++) {
				if (w[c] == 0)
					continue;	/* an empty column */
				len = cell_piece(cur[c], cap[c], &cw, &next);
				sbuf_addc(out, ' ');
				sbuf_add(out, cur[c], len);
				for (pad = cw; c + 1 < ncols && pad < w[c] + 1;
				    pad++)
					sbuf_addc(out, ' ');
				cur[c] = next;
				more |= *next != '\0';
			}
			while (out->len > 0 && out->buf[out->len - 1] == ' ')
				sbuf_setlen(out, out->len - 1);
		} while (more);
	}
	free(w);
	free(cap);
	free(cur);
}

void
cdoc_render_tables(const char *text, const cJSON *trace, int width,
    struct sbuf *out)
{
	const cJSON	*tb, *at, *len;
	size_t		 n = strlen(text), pos = 0, a, l;

	sbuf_reset(out);
	cJSON_ArrayForEach(tb, cJSON_GetObjectItemCaseSensitive(trace,
	    "tables")) {
		at = cJSON_GetObjectItemCaseSensitive(tb, "at");
		len = cJSON_GetObjectItemCaseSensitive(tb, "len");
		if (!cJSON_IsNumber(at) || !cJSON_IsNumber(len) ||
		    at->valuedouble < 0 || len->valuedouble <= 0)
			continue;
		a = (size_t)at->valuedouble;
		l = (size_t)len->valuedouble;
		if (a < pos || a > n || l > n - a)
			continue;	/* not the text it was made for */
		sbuf_add(out, text + pos, a - pos);
		table_layout(tb, width, out);
		pos = a + l;
	}
	sbuf_adds(out, text + pos);
}
