/*
 * console-doc.c owns the console's styled text: building lines of styled
 * spans, wrapping them by display width, laying out the tables of the
 * engine's replies (sent as rows) by display width, and rendering a
 * turn's trace for the context and debug panes.  No curses here:
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

/* Traces. */

static const char *
jstr(const cJSON *o, const char *key)
{
	const cJSON	*v = cJSON_GetObjectItemCaseSensitive(o, key);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static int
jnum(const cJSON *o, const char *key, double *out)
{
	const cJSON	*v = cJSON_GetObjectItemCaseSensitive(o, key);

	if (!cJSON_IsNumber(v))
		return 0;
	*out = v->valuedouble;
	return 1;
}

/* A score bar of width cells for x in [0, 1]. */
static void
bar(struct cdoc *d, double x, int width)
{
	int	 i, full;

	if (x < 0)
		x = 0;
	if (x > 1)
		x = 1;
	full = (int)(x * width + 0.5);
	for (i = 0; i < width; i++) {
		if (i < full)
			cdoc_adds(d, CS_BAR, cdoc_unicode ? "\xe2\x96\x88" : "#");
		else
			cdoc_adds(d, CS_DIM, cdoc_unicode ? "\xe2\x96\x91" :
			    ".");
	}
}

/* A value as short text: strings bare, the rest as compact JSON. */
static void
add_value(struct cdoc *d, int style, const cJSON *v)
{
	char	*s;

	if (cJSON_IsString(v)) {
		cdoc_adds(d, style, v->valuestring);
		return;
	}
	if ((s = cJSON_PrintUnformatted(v)) != NULL) {
		cdoc_adds(d, style, s);
		free(s);
	}
}

/* Text with [marked] words in bold (search snippets mark matches so). */
static void
add_marked(struct cdoc *d, int style, const char *s)
{
	const char	*o, *c;

	while ((o = strchr(s, '[')) != NULL && (c = strchr(o, ']')) != NULL) {
		cdoc_add(d, style, s, (size_t)(o - s));
		cdoc_add(d, CS_BOLD, o + 1, (size_t)(c - o - 1));
		s = c + 1;
	}
	cdoc_adds(d, style, s);
}

static int
was_cited(const cJSON *trace, const cJSON *item)
{
	const cJSON	*c, *cits;
	const char	*id = jstr(item, "id");

	c = cJSON_GetObjectItemCaseSensitive(item, "cited");
	if (cJSON_IsBool(c))
		return cJSON_IsTrue(c);
	/* Older traces: look the id up in the citations. */
	cits = cJSON_GetObjectItemCaseSensitive(trace, "citations");
	if (id == NULL || !cJSON_IsArray(cits))
		return 0;
	cJSON_ArrayForEach(c, cits) {
		const char *cid = cJSON_IsString(c) ? c->valuestring :
		    jstr(c, "id");

		if (cid != NULL && strcmp(cid, id) == 0)
			return 1;
	}
	return 0;
}

void
cdoc_context(struct cdoc *d, const cJSON *trace, long turn)
{
	const cJSON	*ret, *it, *cits;
	int		 n = 0, ncited = 0;
	double		 score;
	const char	*s;

	ret = cJSON_GetObjectItemCaseSensitive(trace, "retrieved");
	cJSON_ArrayForEach(it, ret) {
		n++;
		ncited += was_cited(trace, it);
	}
	cdoc_line(d, 0, -1);
	cdoc_addf(d, CS_BOLD, "Turn #%ld: ", turn);
	cdoc_addf(d, CS_TEXT, "%d retrieved, %d cited", n, ncited);
	if (n == 0) {
		cdoc_line(d, 2, -1);
		cdoc_adds(d, CS_DIM, "(nothing retrieved for this turn)");
	}
	cJSON_ArrayForEach(it, ret) {
		int cited = was_cited(trace, it);

		cdoc_line(d, 4, -1);
		if (cited)
			cdoc_adds(d, CS_CITED, cdoc_unicode ? "\xe2\x98\x85 " :
			    "* ");
		else
			cdoc_adds(d, CS_DIM, "  ");
		s = jstr(it, "kind");
		cdoc_addf(d, CS_DIM, "%-8s ", s != NULL ? s : "?");
		s = jstr(it, "id");
		cdoc_addf(d, CS_TEXT, "%s ", s != NULL ? s : "?");
		if (jnum(it, "score", &score))
			cdoc_addf(d, CS_DIM, "%.2f ", score);
		s = jstr(it, "title");
		if (s != NULL)
			cdoc_adds(d, cited ? CS_CITED : CS_BOLD, s);
		s = jstr(it, "snippet");
		if (s != NULL && *s != '\0') {
			cdoc_line(d, 4, -1);
			cdoc_adds(d, CS_TEXT, "    ");
			add_marked(d, CS_DIM, s);
		}
	}
	cits = cJSON_GetObjectItemCaseSensitive(trace, "citations");
	if (cJSON_IsArray(cits) && cJSON_GetArraySize(cits) > 0) {
		cdoc_line(d, 2, -1);
		cdoc_adds(d, CS_BOLD, "cites ");
		n = 0;
		cJSON_ArrayForEach(it, cits) {
			if (n++ > 0)
				cdoc_adds(d, CS_DIM, ", ");
			if (cJSON_IsObject(it)) {
				s = jstr(it, "id");
				cdoc_adds(d, CS_CITED, s != NULL ? s : "?");
				if ((s = jstr(it, "fields")) != NULL)
					cdoc_addf(d, CS_DIM, " (%s)", s);
			} else
				add_value(d, CS_CITED, it);
		}
	}
}

/* The customer's text with each entity's span highlighted. */
static void
text_with_spans(struct cdoc *d, const char *text, const cJSON *ents)
{
	size_t		 len = strlen(text), i, a, b;
	unsigned char	*mark;
	const cJSON	*e;
	double		 s, t;

	mark = xcalloc(len + 1, 1);
	cJSON_ArrayForEach(e, ents) {
		if (!jnum(e, "start", &s) || !jnum(e, "end", &t) || s < 0 ||
		    t > (double)len || s >= t)
			continue;
		for (i = (size_t)s; i < (size_t)t; i++)
			mark[i] = 1;
	}
	/* Never split a code point: a mark covers all its bytes. */
	for (i = 1; i < len; i++)
		if (((unsigned char)text[i] & 0xc0) == 0x80)
			mark[i] = mark[i - 1];
	for (a = 0; a < len; a = b) {
		for (b = a; b < len && mark[b] == mark[a]; b++)
			;
		cdoc_add(d, mark[a] ? CS_ENTITY : CS_USER, text + a, b - a);
	}
	free(mark);
}

static void
state_block(struct cdoc *d, const cJSON *before, const cJSON *after)
{
	const cJSON	*v, *old, *sub;
	int		 n, changed;

	if (!cJSON_IsObject(after)) {
		cdoc_line(d, 2, -1);
		cdoc_adds(d, CS_DIM, "  (no state)");
		return;
	}
	if (after->child == NULL) {
		cdoc_line(d, 2, -1);
		cdoc_adds(d, CS_DIM, "  (empty)");
	}
	cJSON_ArrayForEach(v, after) {
		old = cJSON_IsObject(before) ?
		    cJSON_GetObjectItemCaseSensitive(before, v->string) : NULL;
		changed = old == NULL || !cJSON_Compare(old, v, 1);
		cdoc_line(d, 6, -1);
		cdoc_addf(d, changed ? CS_CHANGED : CS_DIM, "%s%-9s ",
		    changed ? "*" : " ", v->string);
		if (cJSON_IsObject(v)) {
			n = 0;
			if (v->child == NULL)
				cdoc_adds(d, CS_DIM, "{}");
			cJSON_ArrayForEach(sub, v) {
				if (n++ > 0)
					cdoc_adds(d, CS_DIM, ", ");
				cdoc_addf(d, CS_DIM, "%s=", sub->string);
				add_value(d, CS_TEXT, sub);
			}
		} else if (cJSON_IsArray(v)) {
			n = 0;
			if (v->child == NULL)
				cdoc_adds(d, CS_DIM, "[]");
			cJSON_ArrayForEach(sub, v) {
				if (n++ > 0)
					cdoc_adds(d, CS_DIM, ", ");
				add_value(d, CS_TEXT, sub);
			}
		} else
			add_value(d, CS_TEXT, v);
	}
	/* What the turn dropped. */
	if (cJSON_IsObject(before))
		cJSON_ArrayForEach(v, before)
			if (cJSON_GetObjectItemCaseSensitive(after,
			    v->string) == NULL) {
				cdoc_line(d, 6, -1);
				cdoc_addf(d, CS_CHANGED, "-%-9s ", v->string);
				cdoc_adds(d, CS_DIM, "(cleared)");
			}
}

/* A verdict's mark: a tick for support, a cross for the rest. */
static const char *
verdict_sign(const char *v)
{
	int	 good = v != NULL && strcmp(v, "supported") == 0;

	if (cdoc_unicode)
		return good ? "\xe2\x9c\x93" : "\xe2\x9c\x97";
	return good ? "ok" : "x";
}

/*
 * The generation of the turn (model, why, cost, why it fell back) and
 * every fact-checked claim with its verdict and the row that decided it.
 */
static void
llm_block(struct cdoc *d, const cJSON *trace)
{
	const cJSON	*llm, *fc, *it, *ev, *tok;
	const char	*s, *v;
	double		 x, y;
	int		 n[4] = { 0, 0, 0, 0 };
	static const char *const names[] = { "supported", "corrected",
	    "contradicted", "unknown_product_removed" };
	size_t		 i;

	llm = cJSON_GetObjectItemCaseSensitive(trace, "llm");
	fc = cJSON_GetObjectItemCaseSensitive(trace, "factcheck");
	if (cJSON_IsObject(llm)) {
		cdoc_line(d, 8, -1);
		cdoc_adds(d, CS_DIM, "llm     ");
		cdoc_addf(d, CS_BOLD, "%s", jstr(llm, "model") != NULL ?
		    jstr(llm, "model") : "?");
		if (jnum(llm, "latency_ms", &x))
			cdoc_addf(d, CS_TEXT, "  %.0f ms", x);
		tok = cJSON_GetObjectItemCaseSensitive(llm, "tokens");
		if (jnum(tok, "prompt", &x) && jnum(tok, "completion", &y))
			cdoc_addf(d, CS_TEXT, "  tokens %.0f+%.0f", x, y);
		if (jnum(llm, "attempts", &x))
			cdoc_addf(d, CS_TEXT, "  attempts %.0f", x);
		if ((s = jstr(llm, "why")) != NULL)
			cdoc_addf(d, CS_DIM, "  (%s)", s);
		if ((s = jstr(llm, "note")) != NULL) {
			cdoc_line(d, 10, -1);
			cdoc_addf(d, CS_DIM, "        %s", s);
		}
		if ((s = jstr(llm, "fallback_reason")) != NULL) {
			cdoc_line(d, 10, -1);
			cdoc_adds(d, CS_DIM, "        ");
			cdoc_addf(d, CS_ERROR, "fell back: %s", s);
		}
	}
	if (!cJSON_IsArray(fc))
		return;
	cJSON_ArrayForEach(it, fc)
		for (i = 0; i < 4; i++)
			if ((v = jstr(it, "verdict")) != NULL &&
			    strcmp(v, names[i]) == 0)
				n[i]++;
	cdoc_line(d, 8, -1);
	cdoc_adds(d, CS_DIM, "facts   ");
	cdoc_addf(d, CS_TEXT, "%d claim%s", cJSON_GetArraySize(fc),
	    cJSON_GetArraySize(fc) == 1 ? "" : "s");
	for (i = 0; i < 4; i++)
		if (n[i] > 0)
			cdoc_addf(d, i == 0 ? CS_TEXT : CS_CHANGED, ", %d %s",
			    n[i], names[i]);
	cJSON_ArrayForEach(it, fc) {
		v = jstr(it, "verdict");
		cdoc_line(d, 10, -1);
		cdoc_addf(d, v != NULL && strcmp(v, "supported") == 0 ?
		    CS_BAR : CS_ERROR, "  %s ", verdict_sign(v));
		cdoc_addf(d, CS_TEXT, "%s ", jstr(it, "kind") != NULL ?
		    jstr(it, "kind") : "?");
		cdoc_addf(d, CS_BOLD, "%s", v != NULL ? v : "?");
		if ((s = jstr(it, "claim")) != NULL)
			cdoc_addf(d, CS_TEXT, " \"%s\"", s);
		if ((s = jstr(it, "corrected")) != NULL)
			cdoc_addf(d, CS_CHANGED, " -> %s", s);
		ev = cJSON_GetObjectItemCaseSensitive(it, "evidence");
		if (!cJSON_IsObject(ev))
			continue;
		cdoc_line(d, 10, -1);
		cdoc_addf(d, CS_DIM, "    %s %s %s", jstr(ev, "kind") != NULL ?
		    jstr(ev, "kind") : "?", jstr(ev, "id") != NULL ?
		    jstr(ev, "id") : "-", jstr(ev, "field") != NULL ?
		    jstr(ev, "field") : "?");
		if ((s = jstr(ev, "value")) != NULL)
			cdoc_addf(d, CS_DIM, " = %s", s);
	}
}

/* Where a claim's mark goes: after text in reply, from *from on. */
static int
mark_at(const char *reply, const char *text, size_t *from, size_t *at)
{
	const char	*p;

	if (text == NULL || *text == '\0')
		return 0;
	if ((p = strstr(reply + *from, text)) == NULL &&
	    (p = strstr(reply, text)) == NULL)
		return 0;
	*at = (size_t)(p - reply) + strlen(text);
	*from = *at;
	return 1;
}

struct vmark {
	size_t		 at;	/* byte offset in the reply */
	size_t		 seq;	/* claim order, for a stable sort */
	char		*text;
};

static int
vmark_cmp(const void *a, const void *b)
{
	const struct vmark *x = a, *y = b;

	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void
cdoc_verdicts(const char *reply, const cJSON *trace, struct sbuf *out)
{
	const cJSON	*fc, *llm, *it;
	struct vmark	*m = NULL;
	struct sbuf	 tail = SBUF_INIT;
	const char	*v, *kind, *claim, *fix, *why, *gen;
	size_t		 n = 0, len = strlen(reply), from = 0, at, i, pos = 0;
	int		 found;

	sbuf_reset(out);
	fc = cJSON_GetObjectItemCaseSensitive(trace, "factcheck");
	llm = cJSON_GetObjectItemCaseSensitive(trace, "llm");
	gen = jstr(trace, "generator");
	why = jstr(llm, "fallback_reason");
	if (cJSON_IsArray(fc))
		m = xcalloc((size_t)cJSON_GetArraySize(fc) + 1, sizeof *m);
	cJSON_ArrayForEach(it, fc) {
		v = jstr(it, "verdict");
		kind = jstr(it, "kind") != NULL ? jstr(it, "kind") : "claim";
		claim = jstr(it, "claim") != NULL ? jstr(it, "claim") : "?";
		fix = jstr(it, "corrected");
		/* A reply the template replaced holds none of the claims. */
		found = gen != NULL && strcmp(gen, "llm") == 0 && v != NULL &&
		    (strcmp(v, "supported") == 0 || strcmp(v, "corrected") ==
		    0) && mark_at(reply, fix != NULL ? fix : claim, &from, &at);
		if (found) {
			m[n].at = at;
			m[n].seq = n;
			if (fix != NULL)
				m[n].text = xasprintf(" [%s %s: said %s]",
				    verdict_sign(v), kind, claim);
			else
				m[n].text = xasprintf(" [%s %s]",
				    verdict_sign(v), kind);
			n++;
			continue;
		}
		sbuf_addf(&tail, " %c[%s %s %s: %s]%c", CDOC_MARK_ON,
		    verdict_sign(v), kind, v != NULL && strcmp(v,
		    "unknown_product_removed") == 0 ? "removed" :
		    (v != NULL ? v : "?"), claim, CDOC_MARK_OFF);
	}
	if (why != NULL && (gen == NULL || strcmp(gen, "llm") != 0))
		sbuf_addf(&tail, " %c[%s generated reply not used: %s]%c",
		    CDOC_MARK_ON, verdict_sign(NULL), why, CDOC_MARK_OFF);
	if (n > 1)
		qsort(m, n, sizeof *m, vmark_cmp);
	for (i = 0; i < n; i++) {
		sbuf_add(out, reply + pos, m[i].at - pos);
		sbuf_addf(out, "%c%s%c", CDOC_MARK_ON, m[i].text,
		    CDOC_MARK_OFF);
		pos = m[i].at;
		free(m[i].text);
	}
	sbuf_add(out, reply + pos, len - pos);
	sbuf_add(out, tail.buf, tail.len);
	sbuf_release(&tail);
	free(m);
}

/*
 * How the customer feels, as the trace's "feeling" has it: the label,
 * its score with a bar, and whether the message is urgent.  Anything but
 * "none" is worth a look.
 */
static void
feeling_line(struct cdoc *d, const cJSON *f)
{
	const char	*label;
	double		 x;

	if (!cJSON_IsObject(f) || (label = jstr(f, "label")) == NULL)
		return;
	cdoc_line(d, 24, -1);
	cdoc_adds(d, CS_DIM, "feeling ");
	cdoc_addf(d, strcmp(label, "none") != 0 ? CS_ERROR : CS_BOLD,
	    "%-16s ", label);
	if (jnum(cJSON_GetObjectItemCaseSensitive(f, "scores"), label, &x)) {
		cdoc_addf(d, CS_TEXT, "%.2f ", x);
		bar(d, x, 8);
	}
	if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(f, "urgent")))
		cdoc_adds(d, CS_ERROR, " urgent");
}

void
cdoc_debug(struct cdoc *d, const cJSON *trace, long turn)
{
	const cJSON	*in, *rk, *it, *ents, *tm, *v;
	const char	*s, *text;
	double		 x, y;
	int		 i;
	static const char *const stages[] = { "normalize", "understand",
	    "state", "retrieve", "decide", "respond", "check", "persist" };

	in = cJSON_GetObjectItemCaseSensitive(trace, "intent");
	cdoc_line(d, 0, -1);
	cdoc_addf(d, CS_BOLD, "Turn #%ld ", turn);
	if (jnum(trace, "message_id", &x) && x > 0)
		cdoc_addf(d, CS_DIM, "(message %.0f)", x);

	cdoc_line(d, 24, -1);
	cdoc_adds(d, CS_DIM, "intent  ");
	s = jstr(in, "name");
	cdoc_addf(d, CS_BOLD, "%-16s ", s != NULL ? s : "?");
	if (jnum(in, "confidence", &x)) {
		cdoc_addf(d, CS_TEXT, "%.2f ", x);
		bar(d, x, 8);
	}
	rk = cJSON_GetObjectItemCaseSensitive(trace, "ranking");
	i = 0;
	cJSON_ArrayForEach(it, rk) {
		if (i++ == 0 && s != NULL && jstr(it, "name") != NULL &&
		    strcmp(jstr(it, "name"), s) == 0)
			continue;	/* the top one is shown above */
		if (i > 5)
			break;
		/* An alternative that rounds to 0.00 tells nothing. */
		if (jnum(it, "confidence", &x) && x < 0.005)
			continue;
		cdoc_line(d, 24, -1);
		cdoc_adds(d, CS_DIM, "        ");
		cdoc_addf(d, CS_TEXT, "%-16s ", jstr(it, "name") != NULL ?
		    jstr(it, "name") : "?");
		if (jnum(it, "confidence", &x)) {
			cdoc_addf(d, CS_DIM, "%.2f ", x);
			bar(d, x, 8);
		}
	}
	v = cJSON_GetObjectItemCaseSensitive(trace, "verdict");
	if (cJSON_IsObject(v)) {
		cdoc_line(d, 8, -1);
		cdoc_adds(d, CS_DIM, "verdict ");
		s = jstr(v, "name");
		/* Anything but a plain acceptance is worth a look. */
		cdoc_adds(d, s != NULL && strcmp(s, "ok") != 0 &&
		    strcmp(s, "accept") != 0 ? CS_ERROR : CS_BOLD,
		    s != NULL ? s : "?");
		if (jnum(v, "threshold", &x))
			cdoc_addf(d, CS_TEXT, "  threshold %.2f", x);
		if (jnum(v, "margin", &y))
			cdoc_addf(d, CS_TEXT, "  margin %.2f", y);
		if ((s = jstr(v, "reason")) != NULL && *s != '\0')
			cdoc_addf(d, CS_DIM, "  (%s)", s);
	}

	feeling_line(d, cJSON_GetObjectItemCaseSensitive(trace, "feeling"));

	text = jstr(trace, "text");
	ents = cJSON_GetObjectItemCaseSensitive(trace, "entities");
	if (text != NULL) {
		cdoc_line(d, 8, -1);
		cdoc_adds(d, CS_DIM, "text    ");
		text_with_spans(d, text, ents);
	}
	v = cJSON_GetObjectItemCaseSensitive(trace, "input");
	if (cJSON_IsObject(v)) {
		cdoc_line(d, 8, -1);
		cdoc_adds(d, CS_DIM, "input   ");
		add_value(d, CS_ERROR, v);
	}
	cdoc_line(d, 8, -1);
	cdoc_addf(d, CS_DIM, "entities %d", cJSON_GetArraySize(ents));
	cJSON_ArrayForEach(it, ents) {
		const cJSON *f;

		cdoc_line(d, 10, -1);
		cdoc_addf(d, CS_TEXT, "  %-9s ", jstr(it, "type") != NULL ?
		    jstr(it, "type") : "?");
		v = cJSON_GetObjectItemCaseSensitive(it, "value");
		cdoc_adds(d, CS_ENTITY, "");
		if (v != NULL)
			add_value(d, CS_ENTITY, v);
		if (jnum(it, "start", &x) && jnum(it, "end", &y))
			cdoc_addf(d, CS_DIM, " [%.0f,%.0f)", x, y);
		if ((s = jstr(it, "extractor")) != NULL)
			cdoc_addf(d, CS_DIM, " by %s", s);
		/* Whatever else the extractor said (sku, normalized...). */
		cJSON_ArrayForEach(f, it) {
			if (strcmp(f->string, "type") == 0 ||
			    strcmp(f->string, "value") == 0 ||
			    strcmp(f->string, "start") == 0 ||
			    strcmp(f->string, "end") == 0 ||
			    strcmp(f->string, "extractor") == 0 ||
			    strcmp(f->string, "text") == 0 ||
			    cJSON_IsNull(f))
				continue;
			cdoc_addf(d, CS_DIM, " %s=", f->string);
			add_value(d, CS_DIM, f);
		}
	}

	cdoc_line(d, 8, -1);
	cdoc_adds(d, CS_DIM, "action  ");
	cdoc_adds(d, CS_BOLD, jstr(trace, "action") != NULL ?
	    jstr(trace, "action") : "?");
	if ((s = jstr(trace, "reason")) != NULL && *s != '\0')
		cdoc_addf(d, CS_TEXT, ": %s", s);
	v = cJSON_GetObjectItemCaseSensitive(trace, "escalated");
	if (cJSON_IsTrue(v))
		cdoc_adds(d, CS_ERROR, " [escalated]");
	cdoc_line(d, 8, -1);
	cdoc_adds(d, CS_DIM, "reply   ");
	cdoc_addf(d, CS_TEXT, "%s", jstr(trace, "generator") != NULL ?
	    jstr(trace, "generator") : "?");
	if ((s = jstr(trace, "template")) != NULL)
		cdoc_addf(d, CS_DIM, " %s", s);
	llm_block(d, trace);

	tm = cJSON_GetObjectItemCaseSensitive(trace, "timings_us");
	if (cJSON_IsObject(tm)) {
		cdoc_line(d, 8, -1);
		cdoc_adds(d, CS_DIM, "time    ");
		for (i = 0; i < (int)(sizeof stages / sizeof stages[0]); i++)
			if (jnum(tm, stages[i], &x))
				cdoc_addf(d, CS_TEXT, "%s %.0f  ", stages[i],
				    x);
		/* Stages this build does not know of, then the total. */
		cJSON_ArrayForEach(it, tm) {
			int known = strcmp(it->string, "total") == 0;

			for (i = 0; !known && i < (int)(sizeof stages /
			    sizeof stages[0]); i++)
				known = strcmp(it->string, stages[i]) == 0;
			if (!known && cJSON_IsNumber(it))
				cdoc_addf(d, CS_TEXT, "%s %.0f  ", it->string,
				    it->valuedouble);
		}
		if (jnum(tm, "total", &x))
			cdoc_addf(d, CS_BOLD, "total %.0f %s", x,
			    cdoc_unicode ? "\xc2\xb5s" : "us");
	}

	/* Last: the longest part. */
	cdoc_line(d, 8, -1);
	cdoc_adds(d, CS_DIM, "state");
	state_block(d, cJSON_GetObjectItemCaseSensitive(trace, "state_before"),
	    cJSON_GetObjectItemCaseSensitive(trace, "state_after"));
}
