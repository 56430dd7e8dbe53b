/*
 * dlg-util.c: the small helpers every dialogue module uses: the state's
 * JSON, whole-word tests on the folded text, the turn's entities, the
 * trace's retrieved items and citations, the action and its reason,
 * template rendering into the reply, and the turn's read transaction.
 */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "store.h"
#include "dlg-int.h"

/* Timing. */

long long
dlg_now_us(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/* Charge the time since the mark to the stage running; next runs now. */
void
dlg_stage_end(struct tctx *t, enum dlg_stage next)
{
	long long	 now = dlg_now_us();

	t->stage_us[t->stage] += now - t->mark;
	t->mark = now;
	t->stage = next;
}

/*
 * Catalog and knowledge-base reads, wherever the policy makes them: the
 * time between begin and end is retrieval's, not the decision's.  Calls
 * nest (a product loaded while a family is resolved).
 */
void
dlg_retrieve_begin(struct tctx *t)
{
	if (t->retrieving++ == 0) {
		t->resume = t->stage;
		dlg_stage_end(t, DLG_RETRIEVE);
	}
}

void
dlg_retrieve_end(struct tctx *t)
{
	if (--t->retrieving == 0)
		dlg_stage_end(t, t->resume);
}

/* Small JSON helpers over the state. */

const char *
dlg_jstr(const cJSON *obj, const char *key)
{
	const cJSON	*it = cJSON_GetObjectItemCaseSensitive(obj, key);

	return cJSON_IsString(it) ? it->valuestring : NULL;
}

double
dlg_jnum(const cJSON *obj, const char *key, double dflt)
{
	const cJSON	*it = cJSON_GetObjectItemCaseSensitive(obj, key);

	return cJSON_IsNumber(it) ? it->valuedouble : dflt;
}

void
dlg_jset_str(cJSON *obj, const char *key, const char *v)
{
	cJSON_DeleteItemFromObjectCaseSensitive(obj, key);
	if (v != NULL)
		cJSON_AddStringToObject(obj, key, v);
}

void
dlg_jset_num(cJSON *obj, const char *key, double v)
{
	cJSON_DeleteItemFromObjectCaseSensitive(obj, key);
	cJSON_AddNumberToObject(obj, key, v);
}

cJSON *
dlg_jobj(cJSON *obj, const char *key)
{
	cJSON	*it = cJSON_GetObjectItemCaseSensitive(obj, key);

	if (!cJSON_IsObject(it)) {
		cJSON_DeleteItemFromObjectCaseSensitive(obj, key);
		it = cJSON_AddObjectToObject(obj, key);
	}
	return it;
}

cJSON *
dlg_jarr(cJSON *obj, const char *key)
{
	cJSON	*it = cJSON_GetObjectItemCaseSensitive(obj, key);

	if (!cJSON_IsArray(it)) {
		cJSON_DeleteItemFromObjectCaseSensitive(obj, key);
		it = cJSON_AddArrayToObject(obj, key);
	}
	return it;
}

/*
 * The first w[0..n) (n > 0) in p[0..len), or NULL: memmem's answer.  The
 * texts searched are a message or a sentence and the policy asks
 * hundreds of words of each; memmem's set-up cost more than the search.
 */
static const char *
find_bytes(const char *p, size_t len, const char *w, size_t n)
{
	const char	*end = p + len;

	while ((size_t)(end - p) >= n &&
	    (p = memchr(p, w[0], (size_t)(end - p) - n + 1)) != NULL) {
		if (memcmp(p + 1, w + 1, n - 1) == 0)
			return p;
		p++;
	}
	return NULL;
}

/* Is the word w[0..n) a whole word of s? */
int
dlg_word_in(const char *s, const char *w, size_t n)
{
	const char	*p = s, *end = s + strlen(s);

	if (n == 0)
		return 0;
	while ((p = find_bytes(p, (size_t)(end - p), w, n)) != NULL) {
		if ((p == s || !isalnum((unsigned char)p[-1])) &&
		    !isalnum((unsigned char)p[n]))
			return 1;
		p += n;
	}
	return 0;
}

/* Words: does the folded text contain word w (whole word)? */
int
dlg_has_word(struct tctx *t, const char *w)
{
	return dlg_word_in(t->fold.s.buf, w, strlen(w));
}

int
dlg_has_any(struct tctx *t, const char *const *words)
{
	for (; *words != NULL; words++)
		if (dlg_has_word(t, *words))
			return 1;
	return 0;
}

const struct entity *
dlg_first_entity(struct tctx *t, enum entity_type type)
{
	size_t	 i;

	for (i = 0; i < t->e->el.n; i++)
		if (t->e->el.v[i].type == type)
			return &t->e->el.v[i];
	return NULL;
}

size_t
dlg_count_entities(struct tctx *t, enum entity_type type)
{
	size_t	 i, n = 0;

	for (i = 0; i < t->e->el.n; i++)
		n += t->e->el.v[i].type == type;
	return n;
}

/* Trace: retrieved items and citations. */

cJSON *
dlg_retrieved_add(struct tctx *t, const char *kind, const char *id,
    const char *title, double score, const char *snippet)
{
	cJSON	*it;

	cJSON_ArrayForEach(it, t->retrieved)
		if (strcmp(dlg_jstr(it, "kind"), kind) == 0 &&
		    strcmp(dlg_jstr(it, "id"), id) == 0)
			return it;
	it = cJSON_CreateObject();
	cJSON_AddStringToObject(it, "kind", kind);
	cJSON_AddStringToObject(it, "id", id);
	cJSON_AddStringToObject(it, "title", title != NULL ? title : "");
	cJSON_AddNumberToObject(it, "score", round(score * 1e4) / 1e4);
	cJSON_AddStringToObject(it, "snippet", snippet != NULL ? snippet : "");
	cJSON_AddFalseToObject(it, "cited");
	cJSON_AddItemToArray(t->retrieved, it);
	return it;
}

/* Cite a source for the facts of the reply ("fields" says which). */
void
dlg_cite(struct tctx *t, const char *kind, const char *id, const char *title,
    const char *fields)
{
	cJSON	*it, *c;

	it = dlg_retrieved_add(t, kind, id, title, 1.0, NULL);
	cJSON_ReplaceItemInObjectCaseSensitive(it, "cited",
	    cJSON_CreateTrue());
	cJSON_ArrayForEach(c, t->citations)
		if (strcmp(dlg_jstr(c, "kind"), kind) == 0 &&
		    strcmp(dlg_jstr(c, "id"), id) == 0)
			return;
	c = cJSON_CreateObject();
	cJSON_AddStringToObject(c, "kind", kind);
	cJSON_AddStringToObject(c, "id", id);
	cJSON_AddStringToObject(c, "fields", fields);
	cJSON_AddItemToArray(t->citations, c);
}

void
dlg_set_action(struct tctx *t, const char *action, const char *fmt, ...)
{
	va_list	 ap;

	t->action = action;
	sbuf_reset(&t->reason);
	va_start(ap, fmt);
	sbuf_vaddf(&t->reason, fmt, ap);
	va_end(ap);
}

/*
 * Tables of the reply.  A handler makes one with its header, adds its
 * rows, and puts its plain text in a slot; when a template puts that
 * text in the reply, the table records where (place_tables).
 */
size_t
dlg_table_new(struct tctx *t, const char *kind, const char *const *heads)
{
	struct turn_table *tb;
	size_t		 i;

	t->tables = xrealloc(t->tables, (t->ntables + 1) * sizeof *t->tables);
	t->table_text = xrealloc(t->table_text, (t->ntables + 1) *
	    sizeof *t->table_text);
	tb = &t->tables[t->ntables];
	memset(tb, 0, sizeof *tb);
	tb->kind = kind;
	for (i = 0; heads[i] != NULL; i++)
		;
	tb->ncols = i;
	tb->header = xcalloc(i, sizeof *tb->header);
	for (i = 0; i < tb->ncols; i++)
		tb->header[i] = xstrdup(heads[i]);
	t->table_text[t->ntables] = NULL;
	return t->ntables++;
}

/* A row of ncols cells (NULL reads ""). */
void
dlg_table_row(struct tctx *t, size_t tb, const char *const *cells)
{
	struct turn_table *tt = &t->tables[tb];
	size_t		 i, at = tt->nrows * tt->ncols;

	tt->cells = xrealloc(tt->cells, (at + tt->ncols) * sizeof *tt->cells);
	for (i = 0; i < tt->ncols; i++)
		tt->cells[at + i] = xstrdup(cells[i] != NULL ? cells[i] : "");
	tt->nrows++;
}

/* The table's plain text, as its handler puts it in a slot. */
void
dlg_table_text(struct tctx *t, size_t tb, const char *text)
{
	free(t->table_text[tb]);
	t->table_text[tb] = xstrdup(text);
}

void
dlg_table_clear(struct turn_table *tb)
{
	size_t	 i;

	for (i = 0; i < tb->ncols; i++)
		free(tb->header[i]);
	for (i = 0; i < tb->nrows * tb->ncols; i++)
		free(tb->cells[i]);
	free(tb->header);
	free(tb->cells);
	memset(tb, 0, sizeof *tb);
}

void
dlg_tables_release(struct turn_table *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		dlg_table_clear(&v[i]);
	free(v);
}

/* Tables whose text a template output (to go at reply offset at) holds. */
static void
place_tables(struct tctx *t, size_t at, const struct sbuf *out)
{
	const char	*p;
	size_t		 i, n;

	for (i = 0; i < t->ntables; i++) {
		if (t->tables[i].len > 0 || t->table_text[i] == NULL ||
		    (n = strlen(t->table_text[i])) == 0)
			continue;
		if ((p = memmem(out->buf, out->len, t->table_text[i], n)) ==
		    NULL)
			continue;
		t->tables[i].at = at + (size_t)(p - out->buf);
		t->tables[i].len = n;
	}
}

/* Render template id with the turn's slots, appending to the reply. */
int
dlg_say(struct tctx *t, const char *id)
{
	struct sbuf	 out = SBUF_INIT;
	struct sd_error	 err = SD_ERROR_INIT;
	const char	*used = NULL;
	int		 ok;

	ok = template_render(t->e->tpl, id, &t->slots, t->seed, &out, &used,
	    &err) == SD_OK;
	if (ok) {
		/* After a table or list, start a new paragraph. */
		if (t->reply.len > 0)
			sbuf_adds(&t->reply, strchr(t->reply.buf, '\n') ?
			    "\n" : " ");
		place_tables(t, t->reply.len, &out);
		sbuf_add(&t->reply, out.buf, out.len);
		t->template_used = used;
	} else {
		cJSON *errs = cJSON_GetObjectItemCaseSensitive(t->trace,
		    "template_errors");

		if (errs == NULL)
			errs = cJSON_AddArrayToObject(t->trace,
			    "template_errors");
		cJSON_AddItemToArray(errs, cJSON_CreateString(
		    sd_error_msg(&err)));
	}
	sbuf_release(&out);
	sd_error_clear(&err);
	return ok;
}

/*
 * The sentences of s: [a[i], b[i]) of each, at most max; the count.  A
 * sentence ends at ". ", "? ", "! " or the end, and with by_line at a
 * line's end too (a reply's list rows are sentences of their own).
 */
size_t
dlg_sentences(const char *s, int by_line, size_t *a, size_t *b,
    size_t max)
{
	size_t	 i = 0, n = 0, len = strlen(s), st;

	while (i < len && n < max) {
		while (i < len && isspace((unsigned char)s[i]))
			i++;
		if (i >= len)
			break;
		st = i;
		while (i < len && !(by_line && s[i] == '\n') &&
		    !(strchr(".?!", s[i]) != NULL && (i + 1 == len ||
		    isspace((unsigned char)s[i + 1]))))
			i++;
		if (i < len && !(by_line && s[i] == '\n'))
			i++;
		a[n] = st;
		b[n++] = i;
	}
	return n;
}

/* Text as a sentence: capital first letter, final full stop. */
char *
dlg_sentence(const char *s)
{
	struct sbuf	 sb = SBUF_INIT;

	sbuf_adds(&sb, s);
	sbuf_trim(&sb);
	if (sb.len == 0)
		return sbuf_detach(&sb, NULL);
	if (islower((unsigned char)sb.buf[0]))
		sb.buf[0] = (char)toupper((unsigned char)sb.buf[0]);
	if (strchr(".!?", sb.buf[sb.len - 1]) == NULL)
		sbuf_addc(&sb, '.');
	return sbuf_detach(&sb, NULL);
}

/*
 * A turn's reads share one read transaction.  Each statement run on its
 * own starts and ends one: a shared-memory lock taken and dropped with
 * fcntl(2) and the WAL header checked again, a few dozen times per turn.
 * Writes end it first (a deferred transaction that has read cannot
 * always become a writer), and so does anything that may wait on the
 * network (a generator), so that no snapshot is held for seconds.
 * The snapshot is taken at once, not at the first read: the catalog
 * memo (catalog-memo.c) keeps what it read only inside a read
 * transaction, and a first lookup before any read would empty it every
 * turn.
 */
void
dlg_read_begin(struct tctx *t)
{
	static const char begin[] = "BEGIN";
	static const char snap[] = "SELECT 1 FROM main.sqlite_master LIMIT 1";
	sqlite3_stmt	*s;

	if (t->reading || !sqlite3_get_autocommit(store_db(t->st)) ||
	    (s = store_prepare(t->st, begin, NULL)) == NULL)
		return;
	t->reading = sqlite3_step(s) == SQLITE_DONE;
	sqlite3_reset(s);
	if (t->reading && (s = store_prepare(t->st, snap, NULL)) != NULL) {
		(void)sqlite3_step(s);
		sqlite3_reset(s);
	}
}

void
dlg_read_end(struct tctx *t)
{
	static const char commit[] = "COMMIT";
	sqlite3_stmt	*s;

	if (!t->reading)
		return;
	t->reading = 0;
	if ((s = store_prepare(t->st, commit, NULL)) != NULL) {
		sqlite3_step(s);
		sqlite3_reset(s);
	}
	if (!sqlite3_get_autocommit(store_db(t->st)))
		store_rollback(t->st);	/* a read-only one: nothing lost */
}

/*
 * The catalog's spelling of the brand of a product of brand in category
 * (either NULL: any), or NULL when it has none.  One row is enough; the
 * read counts as the turn's retrieval.  Caller frees.
 */
char *
dlg_catalog_brand(struct tctx *t, const char *brand, const char *category)
{
	struct product_filter f;
	struct product	*v = NULL;
	struct sd_error	 err = SD_ERROR_INIT;
	size_t		 n = 0, i;
	char		*b = NULL;

	memset(&f, 0, sizeof f);
	f.brand = brand;
	f.category = category;
	f.max_price = f.min_price = -1;
	f.limit = 1;
	dlg_retrieve_begin(t);
	if (catalog_products(t->st, &f, &v, &n, &err) != SD_OK)
		n = 0;
	dlg_retrieve_end(t);
	sd_error_clear(&err);
	if (n > 0)
		b = xstrdup(v[0].brand != NULL ? v[0].brand : "");
	for (i = 0; i < n; i++)
		product_release(&v[i]);
	free(v);
	return b;
}

/* Has the catalog a product of brand in category (either NULL: any)? */
int
dlg_catalog_has(struct tctx *t, const char *brand, const char *category)
{
	char	*b = dlg_catalog_brand(t, brand, category);
	int	 has = b != NULL;

	free(b);
	return has;
}
