/*
 * ingest-read.c owns the formats of the files ingest.c reads: JSON (one
 * record, an array, or an object of sections naming arrays), JSON Lines,
 * CSV with a header row, and Markdown or text documents.  Each reader
 * finds the records of the whole file in memory and hands every one, with
 * its line, to ingest_handle_record.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <csv.h>

#include "shopdesk.h"
#include "sbuf.h"
#include "paths.h"
#include "ingest-int.h"

/* JSON object keys naming arrays of records, and their kind. */
static const struct {
	const char	*key;
	enum ingest_kind kind;
} sections[] = {
	{ "customers",	INGEST_CUSTOMER },
	{ "products",	INGEST_PRODUCT },
	{ "faqs",	INGEST_FAQ },
	{ "policies",	INGEST_POLICY },
	{ "documents",	INGEST_MANUAL },
	{ "manuals",	INGEST_MANUAL },
	{ "tickets",	INGEST_TICKET },
	{ "orders",	INGEST_ORDER },
	{ "carts",	INGEST_CART },
	{ "conversations", INGEST_CONVERSATION },
};

size_t
ingest_skip_ws(const char *buf, size_t len, size_t pos)
{
	while (pos < len && (buf[pos] == ' ' || buf[pos] == '\t' ||
	    buf[pos] == '\n' || buf[pos] == '\r'))
		pos++;
	return pos;
}

/*
 * Whether the JSON text from start to end leaves a string, object or
 * array open: then the error is the end (a truncated file), not the
 * place where cJSON gave up (for an unclosed string, its first quote).
 */
static int
json_unclosed(const char *buf, size_t start, size_t end)
{
	size_t	 i;
	long	 depth = 0;
	int	 in_str = 0;

	for (i = start; i < end; i++) {
		if (in_str) {
			if (buf[i] == '\\')
				i++;
			else if (buf[i] == '"')
				in_str = 0;
			continue;
		}
		if (buf[i] == '"')
			in_str = 1;
		else if (buf[i] == '[' || buf[i] == '{')
			depth++;
		else if ((buf[i] == ']' || buf[i] == '}') && depth > 0)
			depth--;
	}
	return in_str || depth > 0;
}

/* Parse one JSON value at *pos with cJSON; on failure say where. */
static cJSON *
parse_value(struct reader *r, size_t *pos, size_t end)
{
	const char	*stop = NULL;
	cJSON		*v;
	struct sbuf	 sb = SBUF_INIT;
	size_t		 at;

	v = cJSON_ParseWithLengthOpts(r->buf + *pos, end - *pos, &stop, 0);
	if (v != NULL) {
		*pos = (size_t)(stop - r->buf);
		return v;
	}
	at = stop != NULL && stop >= r->buf + *pos && stop <= r->buf + end ?
	    (size_t)(stop - r->buf) : *pos;
	ingest_excerpt(&sb, r->buf + at, r->buf + end);
	if (ingest_skip_ws(r->buf, end, at) >= end || json_unclosed(r->buf,
	    *pos,
	    end)) {
		/* Name the line of the last byte, not a blank one after it. */
		at = end;
		while (at > *pos && (r->buf[at - 1] == ' ' ||
		    r->buf[at - 1] == '\t' || r->buf[at - 1] == '\r' ||
		    r->buf[at - 1] == '\n'))
			at--;
		ingest_fail_at(r, at > 0 ? at - 1 : 0, SD_ERR_PARSE,
		    "malformed "
		    "JSON: unexpected end of %s (truncated?)",
		    end == r->len ? "file" : "line");
	} else
		ingest_fail_at(r, at, SD_ERR_PARSE, "malformed JSON near %s",
		    sb.buf);
	sbuf_release(&sb);
	return NULL;
}

/* The array at *pos: each element is a record of kind section. */
static enum sd_rc
read_array(struct reader *r, size_t *pos, enum ingest_kind section)
{
	size_t		 p, start;
	cJSON		*rec;
	enum sd_rc	 rc;

	p = ingest_skip_ws(r->buf, r->len, *pos + 1);
	if (p < r->len && r->buf[p] == ']') {
		*pos = p + 1;
		return SD_OK;
	}
	for (;;) {
		start = p;
		if ((rec = parse_value(r, &p, r->len)) == NULL)
			return SD_ERR_PARSE;
		if ((rc = ingest_handle_record(r, rec, section, start,
		    0)) != SD_OK)
			return rc;
		p = ingest_skip_ws(r->buf, r->len, p);
		if (p < r->len && r->buf[p] == ',') {
			p = ingest_skip_ws(r->buf, r->len, p + 1);
			continue;
		}
		if (p < r->len && r->buf[p] == ']')
			break;
		return ingest_fail_at(r, p, SD_ERR_PARSE,
		    "malformed JSON: expected "
		    "',' or ']' after a record%s", p >= r->len ?
		    ", found the end of the file (truncated?)" : "");
	}
	*pos = p + 1;
	return SD_OK;
}

static enum ingest_kind
section_kind(const char *key)
{
	size_t	 i;

	for (i = 0; i < sizeof sections / sizeof sections[0]; i++)
		if (strcmp(key, sections[i].key) == 0)
			return sections[i].kind;
	return INGEST_NONE;
}

/*
 * An object: either named arrays of records ("products": [...]) beside
 * scalars we ignore (DummyJSON's "total"), or a single record.
 */
static enum sd_rc
read_object(struct reader *r, size_t *pos)
{
	size_t		 p, keypos;
	size_t		 unknown_at = 0;
	cJSON		*key = NULL, *v, *rec;
	char		*unknown = NULL;
	int		 known = 0;
	enum ingest_kind kind;
	enum sd_rc	 rc = SD_OK;

	p = ingest_skip_ws(r->buf, r->len, *pos + 1);

	if (p < r->len && r->buf[p] == '}') {
		*pos = p + 1;
		return SD_OK;
	}
	for (;;) {
		keypos = p;
		if (p >= r->len || r->buf[p] != '"') {
			rc = ingest_fail_at(r, p, SD_ERR_PARSE,
			    "malformed JSON: "
			    "expected a key in double quotes");
			goto out;
		}
		if ((key = parse_value(r, &p, r->len)) == NULL) {
			rc = SD_ERR_PARSE;
			goto out;
		}
		p = ingest_skip_ws(r->buf, r->len, p);
		if (p >= r->len || r->buf[p] != ':') {
			rc = ingest_fail_at(r, p, SD_ERR_PARSE,
			    "malformed JSON: "
			    "expected ':' after key \"%s\"", key->valuestring);
			goto out;
		}
		p = ingest_skip_ws(r->buf, r->len, p + 1);
		kind = section_kind(key->valuestring);
		if (p < r->len && r->buf[p] == '[' && kind != INGEST_NONE) {
			known++;
			if ((rc = read_array(r, &p, kind)) != SD_OK)
				goto out;
		} else {
			if ((v = parse_value(r, &p, r->len)) == NULL) {
				rc = SD_ERR_PARSE;
				goto out;
			}
			if (cJSON_IsArray(v) && unknown == NULL) {
				unknown = xstrdup(key->valuestring);
				unknown_at = keypos;
			}
			cJSON_Delete(v);
		}
		cJSON_Delete(key);
		key = NULL;
		p = ingest_skip_ws(r->buf, r->len, p);
		if (p < r->len && r->buf[p] == ',') {
			p = ingest_skip_ws(r->buf, r->len, p + 1);
			continue;
		}
		if (p < r->len && r->buf[p] == '}')
			break;
		rc = ingest_fail_at(r, p, SD_ERR_PARSE,
		    "malformed JSON: expected ',' "
		    "or '}'%s", p >= r->len ?
		    ", found the end of the file (truncated?)" : "");
		goto out;
	}
	if (known > 0 && unknown != NULL) {
		rc = ingest_fail_at(r, unknown_at, SD_ERR_INVALID,
		    "unknown section "
		    "\"%s\" (expected customers, products, faqs, policies, "
		    "documents, manuals, tickets, orders, carts or "
		    "conversations)", unknown);
		goto out;
	}
	if (known == 0) {
		/* No sections: the object is one record. */
		p = *pos;
		if ((rec = parse_value(r, &p, r->len)) == NULL) {
			rc = SD_ERR_PARSE;
			goto out;
		}
		if ((rc = ingest_handle_record(r, rec, INGEST_NONE, *pos, 0)) !=
		    SD_OK)
			goto out;
		*pos = p;
	} else
		*pos = p + 1;
out:
	cJSON_Delete(key);
	free(unknown);
	return rc;
}

enum sd_rc
ingest_read_json(struct reader *r)
{
	size_t		 p = ingest_skip_ws(r->buf, r->len, 0);
	enum sd_rc	 rc;

	if (r->buf[p] == '[')
		rc = read_array(r, &p, INGEST_NONE);
	else if (r->buf[p] == '{')
		rc = read_object(r, &p);
	else
		return ingest_fail_at(r, p, SD_ERR_PARSE,
		    "expected a JSON array or "
		    "object of records");
	if (rc != SD_OK)
		return rc;
	p = ingest_skip_ws(r->buf, r->len, p);
	if (p < r->len)
		return ingest_fail_at(r, p, SD_ERR_PARSE,
		    "unexpected data after the "
		    "JSON value (JSON Lines should be named .jsonl)");
	return SD_OK;
}

enum sd_rc
ingest_read_jsonl(struct reader *r)
{
	size_t		 p = 0, end, q;
	const char	*nl;
	unsigned long	 line = 0;
	cJSON		*rec;
	enum sd_rc	 rc;

	while (p < r->len) {
		line++;
		nl = memchr(r->buf + p, '\n', r->len - p);
		end = nl != NULL ? (size_t)(nl - r->buf) : r->len;
		q = ingest_skip_ws(r->buf, end, p);
		if (q < end) {
			/* line_at stays in step so errors count right. */
			r->line_off = p;
			r->line_no = line;
			if ((rec = parse_value(r, &q, end)) == NULL)
				return SD_ERR_PARSE;
			if (ingest_skip_ws(r->buf, end, q) < end) {
				cJSON_Delete(rec);
				return ingest_fail_at(r, q, SD_ERR_PARSE,
				    "unexpected "
				    "data after the record (one record per "
				    "line)");
			}
			if ((rc = ingest_handle_record(r, rec, INGEST_NONE, p,
			    line)) != SD_OK)
				return rc;
		}
		p = end + 1;
	}
	return SD_OK;
}

/* --- CSV --------------------------------------------------------- */

struct csv_state {
	struct reader	*r;
	char		**header;	/* column names after --map */
	size_t		 ncols;
	char		**fields;	/* the row being read */
	size_t		 nfields, cap;
	unsigned long	 line;		/* physical line being fed */
	unsigned long	 row_line;	/* where the current row began */
	size_t		 off;		/* offset of that line */
	enum sd_rc	 rc;		/* first error; stops the feed */
};

static void
csv_on_field(void *data, size_t len, void *arg)
{
	struct csv_state *cs = arg;

	if (cs->rc != SD_OK)
		return;
	if (cs->nfields == cs->cap) {
		cs->cap = cs->cap ? cs->cap * 2 : 16;
		cs->fields = xrealloc(cs->fields, cs->cap * sizeof *cs->fields);
	}
	cs->fields[cs->nfields++] = xstrndup(data != NULL ? data : "", len);
}

static void
csv_clear_row(struct csv_state *cs)
{
	size_t	 i;

	for (i = 0; i < cs->nfields; i++)
		free(cs->fields[i]);
	cs->nfields = 0;
}

/* The header row: names trimmed, renamed by --map, unique. */
static enum sd_rc
csv_header(struct csv_state *cs)
{
	const struct ingest_opts *o = cs->r->c->opts;
	struct sbuf	 sb = SBUF_INIT;
	size_t		 i, j;

	cs->ncols = cs->nfields;
	cs->header = xcalloc(cs->ncols + 1, sizeof *cs->header);
	for (i = 0; i < cs->ncols; i++) {
		sbuf_reset(&sb);
		sbuf_adds(&sb, cs->fields[i]);
		sbuf_trim(&sb);
		for (j = 0; j < o->nmaps; j++)
			if (strcmp(sb.buf, o->maps[j].column) == 0) {
				sbuf_reset(&sb);
				sbuf_adds(&sb, o->maps[j].field);
				break;
			}
		cs->header[i] = xstrdup(sb.buf);
	}
	sbuf_release(&sb);
	for (i = 0; i < cs->ncols; i++) {
		if (*cs->header[i] == '\0')
			return ingest_fail_at(cs->r, cs->off, SD_ERR_PARSE,
			    "header "
			    "column %zu has no name", i + 1);
		for (j = 0; j < i; j++)
			if (strcmp(cs->header[i], cs->header[j]) == 0)
				return ingest_fail_at(cs->r, cs->off,
				    SD_ERR_PARSE,
				    "header names column \"%s\" twice",
				    cs->header[i]);
	}
	return SD_OK;
}

static void
csv_on_row(int term, void *arg)
{
	struct csv_state *cs = arg;
	cJSON		*rec;
	size_t		 i;

	(void)term;
	if (cs->rc != SD_OK)
		goto out;
	if (cs->header == NULL) {
		cs->rc = csv_header(cs);
		goto out;
	}
	if (cs->nfields != cs->ncols) {
		cs->rc = sd_fail(cs->r->err, SD_ERR_PARSE, "%s:%lu: %zu "
		    "field%s, but the header has %zu columns", cs->r->c->path,
		    cs->row_line, cs->nfields, cs->nfields == 1 ? "" : "s",
		    cs->ncols);
		goto out;
	}
	rec = cJSON_CreateObject();
	for (i = 0; i < cs->ncols; i++)
		if (*cs->fields[i] != '\0')
			cJSON_AddStringToObject(rec, cs->header[i],
			    cs->fields[i]);
	cs->rc = ingest_handle_record(cs->r, rec, INGEST_NONE, cs->off,
	    cs->row_line);
out:
	csv_clear_row(cs);
	cs->row_line = 0;
}

enum sd_rc
ingest_read_csv(struct reader *r)
{
	struct csv_parser parser;
	struct csv_state cs;
	size_t		 p = 0, end, i;
	const char	*nl;

	memset(&cs, 0, sizeof cs);
	cs.r = r;
	if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI |
	    CSV_APPEND_NULL) != 0)
		return sd_fail(r->err, SD_ERR_INTERNAL, "csv_init failed");
	/* The header row carries the renames, so records need none. */
	r->mapped = 1;
	while (p < r->len && cs.rc == SD_OK) {
		cs.line++;
		nl = memchr(r->buf + p, '\n', r->len - p);
		end = nl != NULL ? (size_t)(nl - r->buf) + 1 : r->len;
		if (cs.row_line == 0 && ingest_skip_ws(r->buf, end, p) < end) {
			cs.row_line = cs.line;
			cs.off = p;
		}
		if (csv_parse(&parser, r->buf + p, end - p, csv_on_field,
		    csv_on_row, &cs) != end - p && cs.rc == SD_OK)
			cs.rc = sd_fail(r->err, SD_ERR_PARSE, "%s:%lu: "
			    "malformed CSV: %s (a quote inside an unquoted "
			    "field?)", r->c->path, cs.line,
			    csv_strerror(csv_error(&parser)));
		p = end;
	}
	if (cs.rc == SD_OK && csv_fini(&parser, csv_on_field, csv_on_row,
	    &cs) != 0 && cs.rc == SD_OK)
		cs.rc = sd_fail(r->err, SD_ERR_PARSE, "%s:%lu: malformed CSV: "
		    "a quoted field is not closed", r->c->path,
		    cs.row_line ? cs.row_line : cs.line);
	if (cs.rc == SD_OK && cs.header == NULL)
		cs.rc = sd_fail(r->err, SD_ERR_PARSE, "%s:1: no header row",
		    r->c->path);
	csv_free(&parser);
	csv_clear_row(&cs);
	free(cs.fields);
	for (i = 0; i < cs.ncols; i++)
		free(cs.header[i]);
	free(cs.header);
	return cs.rc;
}

/* --- documents --------------------------------------------------- */

/* "dir/reset-guide.md" -> "reset-guide" (caller frees). */
static char *
stem(const char *path)
{
	const char	*b = strrchr(path, '/'), *dot;

	b = b != NULL ? b + 1 : path;
	dot = strrchr(b, '.');
	return dot != NULL && dot > b ? xstrndup(b, (size_t)(dot - b)) :
	    xstrdup(b);
}

enum sd_rc
ingest_read_document(struct reader *r, int markdown)
{
	cJSON		*meta = NULL, *rec, *it;
	const char	*body = r->buf, *p, *nl, *k;
	unsigned long	 errline = 0;
	char		*name = stem(r->c->path), *title = NULL;
	enum ingest_kind kind;
	struct sbuf	 sb = SBUF_INIT;
	size_t		 len;
	enum sd_rc	 rc;

	if (markdown && ingest_front_matter(r->buf, &meta, &body,
	    &errline) != 0) {
		rc = sd_fail(r->err, SD_ERR_PARSE, "%s:%lu: front matter: %s",
		    r->c->path, errline, errline == 1 ? "no closing \"---\" "
		    "line" : "expected \"key: value\"");
		free(name);
		return rc;
	}
	rec = meta != NULL ? meta : cJSON_CreateObject();
	kind = r->force;
	k = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(rec, "kind"));
	if (k == NULL)
		k = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(rec,
		    "type"));
	if (kind == INGEST_NONE && k != NULL &&
	    (kind = ingest_kind_parse(k)) == INGEST_NONE) {
		rc = sd_fail(r->err, SD_ERR_INVALID, "%s:1: unknown kind "
		    "\"%s\" (a document is a manual, policy or faq)",
		    r->c->path, k);
		goto out;
	}
	if (kind == INGEST_NONE)
		kind = INGEST_MANUAL;
	if (kind != INGEST_MANUAL && kind != INGEST_POLICY &&
	    kind != INGEST_FAQ) {
		rc = sd_fail(r->err, SD_ERR_INVALID, "%s:1: a %s cannot be "
		    "read from a %s file (documents are manuals, policies or "
		    "FAQs)", r->c->path, ingest_kind_name(kind),
		    markdown ? "Markdown" : "text");
		goto out;
	}
	cJSON_DeleteItemFromObjectCaseSensitive(rec, "kind");
	cJSON_DeleteItemFromObjectCaseSensitive(rec, "type");
	if (!cJSON_HasObjectItem(rec, "id"))
		cJSON_AddStringToObject(rec, "id", name);
	/* Title: front matter, else the first heading or line. */
	for (p = body; *p != '\0' && !cJSON_HasObjectItem(rec, "title");
	    p = nl + 1) {
		nl = strchr(p, '\n');
		len = nl != NULL ? (size_t)(nl - p) : strlen(p);
		sbuf_reset(&sb);
		sbuf_add(&sb, p, len);
		sbuf_trim(&sb);
		if (sb.len > 0 && (!markdown || sb.buf[0] == '#')) {
			k = sb.buf;
			while (markdown && *k == '#')
				k++;
			while (*k == ' ')
				k++;
			if (*k != '\0')
				title = xstrdup(k);
			/* Plain text: the first line is the title only. */
			if (!markdown && nl != NULL)
				body = nl + 1;
			break;
		}
		if (nl == NULL)
			break;
	}
	if (!cJSON_HasObjectItem(rec, "title"))
		cJSON_AddStringToObject(rec, "title", title != NULL ? title :
		    name);
	sbuf_reset(&sb);
	sbuf_adds(&sb, body);
	sbuf_trim(&sb);
	if (sb.len == 0 && !markdown && title != NULL)
		sbuf_adds(&sb, title);
	if (sb.len == 0) {
		rc = sd_fail(r->err, SD_ERR_INVALID, "%s:%lu: the document has "
		    "no text", r->c->path, ingest_line_at(r,
		    (size_t)(body - r->buf)));
		goto out;
	}
	cJSON_AddStringToObject(rec, "body", sb.buf);
	if (kind == INGEST_FAQ) {
		it = cJSON_GetObjectItemCaseSensitive(rec, "title");
		cJSON_AddStringToObject(rec, "question", it->valuestring);
		cJSON_AddStringToObject(rec, "answer", sb.buf);
	}
	if (!markdown)
		cJSON_AddFalseToObject(rec, "markdown");
	ingest_apply_maps(r->c->opts, rec);
	rc = ingest_rec_load(r->c, rec, kind, 1, r->err);
	rec = NULL;
	if (rc != SD_OK)
		sd_error_prefix(r->err, "%s:1: ", r->c->path);
	else
		r->records++;
out:
	cJSON_Delete(rec);
	sbuf_release(&sb);
	free(title);
	free(name);
	return rc;
}
