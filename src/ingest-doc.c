/*
 * ingest-doc.c loads one document record (FAQ, policy, manual, ticket):
 * it compares the stored document in C and re-chunks the body only when
 * it changed; a policy's facts are kept with it.
 */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "sbuf.h"
#include "store.h"
#include "ingest-int.h"

/* --- documents ----------------------------------------------------- */

struct doc {
	const char	*key;
	const char	*kind;
	const char	*title;
	const char	*body;
	const char	*topic;
	const char	*product_sku;
	const char	*created_at;
	int		 markdown;
	struct sbuf	 tags;
};

static const char doc_select[] =
    "SELECT id, kind, title, body, topic, product_sku, tags"
    " FROM documents WHERE doc_key = ?1";
static const char doc_insert[] =
    "INSERT INTO documents(doc_key, kind, title, body, topic, product_sku,"
    " tags, source, created_at, updated_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
static const char doc_update[] =
    "UPDATE documents SET kind = ?2, title = ?3, body = ?4, topic = ?5,"
    " product_sku = ?6, tags = ?7, source = ?8, updated_at = ?9"
    " WHERE id = ?1";
static const char chunk_delete[] = "DELETE FROM chunks WHERE document_id = ?1";
static const char chunk_insert[] =
    "INSERT INTO chunks(document_id, seq, heading, text)"
    " VALUES (?1, ?2, ?3, ?4)";

int
ingest_col_eq(sqlite3_stmt *s, int i, const char *v)
{
	const char	*t = (const char *)sqlite3_column_text(s, i);

	if (t == NULL || v == NULL)
		return t == NULL && v == NULL;
	return strcmp(t, v) == 0;
}

static enum sd_rc
write_chunks(struct ingest_ctx *c, long long id, const struct doc *d,
    struct sd_error *err)
{
	struct ingest_chunk *v = NULL;
	size_t		 n, i;
	sqlite3_stmt	*s;
	enum sd_rc	 rc = SD_OK;

	if ((s = store_prepare(c->st, chunk_delete, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	if (sqlite3_step(s) != SQLITE_DONE) {
		sqlite3_reset(s);
		return ingest_db_fail(c, err, d->kind, d->key);
	}
	sqlite3_reset(s);
	n = ingest_chunk_body(d->body, d->markdown, INGEST_CHUNK_MAX, &v);
	for (i = 0; i < n; i++) {
		if ((s = store_prepare(c->st, chunk_insert, err)) == NULL) {
			rc = SD_ERR_DB;
			break;
		}
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_int64(s, 2, (long long)i + 1);
		ingest_bind_str(s, 3, v[i].heading);
		ingest_bind_str(s, 4, v[i].text);
		if (sqlite3_step(s) != SQLITE_DONE) {
			sqlite3_reset(s);
			rc = ingest_db_fail(c, err, d->kind, d->key);
			break;
		}
		sqlite3_reset(s);
		c->stats->chunks++;
	}
	ingest_chunks_free(v, n);
	return rc;
}

static enum sd_rc
upsert_doc(struct ingest_ctx *c, const struct doc *d, struct sd_error *err)
{
	sqlite3_stmt	*s;
	long long	 id = 0;
	int		 found = 0, same_body = 0, same = 0, r;

	if ((s = store_prepare(c->st, doc_select, err)) == NULL)
		return SD_ERR_DB;
	ingest_bind_str(s, 1, d->key);
	if ((r = sqlite3_step(s)) == SQLITE_ROW) {
		found = 1;
		id = sqlite3_column_int64(s, 0);
		same_body = ingest_col_eq(s, 3, d->body);
		same = same_body && ingest_col_eq(s, 1, d->kind) &&
		    ingest_col_eq(s, 2, d->title) && ingest_col_eq(s, 4,
		    d->topic) &&
		    ingest_col_eq(s, 5, d->product_sku) && ingest_col_eq(s, 6,
		    d->tags.buf);
	}
	sqlite3_reset(s);
	if (r != SQLITE_ROW && r != SQLITE_DONE)
		return ingest_db_fail(c, err, d->kind, d->key);
	if (found && same) {
		c->stats->unchanged++;
		return SD_OK;
	}
	s = store_prepare(c->st, found ? doc_update : doc_insert, err);
	if (s == NULL)
		return SD_ERR_DB;
	if (found) {
		sqlite3_bind_int64(s, 1, id);
		ingest_bind_str(s, 9, c->now);
	} else {
		ingest_bind_str(s, 1, d->key);
		ingest_bind_str(s, 9,
		    d->created_at != NULL ? d->created_at : c->now);
		ingest_bind_str(s, 10, c->now);
	}
	ingest_bind_str(s, 2, d->kind);
	ingest_bind_str(s, 3, d->title);
	ingest_bind_str(s, 4, d->body);
	ingest_bind_str(s, 5, d->topic);
	ingest_bind_str(s, 6, d->product_sku);
	ingest_bind_str(s, 7, d->tags.buf);
	ingest_bind_str(s, 8, c->path);
	r = sqlite3_step(s);
	sqlite3_reset(s);
	if (r != SQLITE_DONE)
		return ingest_db_fail(c, err, d->kind, d->key);
	if (!found)
		id = sqlite3_last_insert_rowid(store_db(c->st));
	if (found)
		c->stats->updated++;
	else
		c->stats->inserted++;
	/* A new title or tags reach chunk_fts through documents_au. */
	if (found && same_body)
		return SD_OK;
	return write_chunks(c, id, d, err);
}

/* Policies' machine-readable facts go to meta as "facts:<id>". */
static enum sd_rc
policy_facts(struct ingest_ctx *c, cJSON *rec, const char *id,
    struct sd_error *err)
{
	cJSON	*f = cJSON_GetObjectItemCaseSensitive(rec, "facts");
	char	*key, *txt, *old;
	enum sd_rc rc = SD_OK;

	if (f == NULL || cJSON_IsNull(f))
		return SD_OK;
	if (!cJSON_IsObject(f))
		return sd_fail(err, SD_ERR_INVALID, "policy \"%s\": \"facts\" "
		    "must be an object", id);
	if (c->check)
		return SD_OK;
	key = xasprintf("facts:%s", id);
	txt = cJSON_PrintUnformatted(f);
	old = store_meta_get(c->st, key);
	if (old == NULL || strcmp(old, txt) != 0)
		rc = store_meta_set(c->st, key, txt, err);
	free(old);
	free(txt);
	free(key);
	return rc;
}

enum sd_rc
ingest_load_doc(struct ingest_ctx *c, cJSON *rec, enum ingest_kind kind,
    struct sd_error *err)
{
	struct doc	 d;
	struct sbuf	 body = SBUF_INIT;
	const char	*problem, *resolution, *category, *text;
	enum sd_rc	 rc;

	c->stats->documents++;
	memset(&d, 0, sizeof d);
	sbuf_init(&d.tags);
	d.kind = ingest_kind_name(kind);
	d.markdown = 1;
	if ((rc = ingest_get_str(rec, "id", 1, &d.key, err)) != SD_OK ||
	    (rc = ingest_seen_once(c, 'd', "document id", d.key, err)) != SD_OK)
		goto out;
	if ((rc = ingest_get_tags(rec, &d.tags, err)) != SD_OK ||
	    (rc = ingest_get_str(rec, "topic", 0, &d.topic, err)) != SD_OK ||
	    (rc = ingest_get_sku(rec, "product_sku", 0, &d.product_sku, err)) !=
	    SD_OK ||
	    (rc = ingest_get_time(rec, "created_at", 0, &d.created_at,
	    err)) != SD_OK)
		goto fail;
	switch (kind) {
	case INGEST_FAQ:
		if ((rc = ingest_get_str(rec, "question", 1, &d.title, err)) !=
		    SD_OK ||
		    (rc = ingest_get_str(rec, "answer", 1, &d.body,
		    err)) != SD_OK)
			goto fail;
		break;
	case INGEST_POLICY:
		if ((rc = ingest_get_str(rec, "title", 1, &d.title,
		    err)) != SD_OK ||
		    (rc = ingest_get_str(rec, "body", 1, &d.body,
		    err)) != SD_OK ||
		    (rc = policy_facts(c, rec, d.key, err)) != SD_OK)
			goto fail;
		break;
	case INGEST_TICKET:
		if ((rc = ingest_get_str(rec, "subject", 1, &d.title,
		    err)) != SD_OK ||
		    (rc = ingest_get_str(rec, "problem", 1, &problem, err)) !=
		    SD_OK ||
		    (rc = ingest_get_str(rec, "resolution", 1, &resolution,
		    err)) !=
		    SD_OK)
			goto fail;
		/* One chunk for both: a match on the problem finds the fix. */
		sbuf_addf(&body, "Problem: %s\n\nResolution: %s", problem,
		    resolution);
		d.body = body.buf;
		d.markdown = 0;
		break;
	default:
		if ((rc = ingest_get_str(rec, "title", 1, &d.title,
		    err)) != SD_OK ||
		    (rc = ingest_get_str(rec, "body", 0, &d.body,
		    err)) != SD_OK ||
		    (rc = ingest_get_str(rec, "text", 0, &text,
		    err)) != SD_OK ||
		    (rc = ingest_get_str(rec, "category", 0, &category,
		    err)) != SD_OK)
			goto fail;
		if (d.body == NULL)
			d.body = text;
		if (d.body == NULL) {
			rc = sd_fail(err, SD_ERR_INVALID,
			    "\"body\" is required");
			goto fail;
		}
		if (d.topic == NULL)
			d.topic = category;
		if (cJSON_IsFalse(cJSON_GetObjectItemCaseSensitive(rec,
		    "markdown")))
			d.markdown = 0;
		break;
	}
	rc = c->check ? SD_OK : upsert_doc(c, &d, err);
	goto out;
fail:
	sd_error_prefix(err, "%s \"%s\": ", d.kind, d.key);
out:
	sbuf_release(&d.tags);
	sbuf_release(&body);
	return rc;
}
