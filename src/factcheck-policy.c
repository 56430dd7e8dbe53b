/*
 * factcheck-policy.c owns what the checker knows of the shop's
 * policies and how long it keeps what it read: each policy's tags and
 * topic as stems, its "facts" (meta "facts:<id>") and the pool of its
 * body, read once per catalog version; which policies a sentence is
 * about (the ones it cites, its words naming a policy's tags, or as
 * context its topic or the turn's documents); whether a cited policy
 * or FAQ body says the sentence word for word; and when the rows kept
 * between replies (fc_rows_check) must be read again.  The scanners
 * (factcheck-scan.c, -words.c, -claims.c) ask it.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>
#include <sqlite3.h>

#include "shopdesk.h"
#include "factcheck.h"
#include "factcheck-int.h"
#include "sbuf.h"
#include "store.h"

char *
fc_stems_of(const char *text, size_t len)
{
	struct sbuf	 sb = SBUF_INIT;
	size_t		 i = 0, s;
	char		*st;

	sbuf_addc(&sb, ' ');
	while (i < len) {
		while (i < len && !isalnum((unsigned char)text[i]) &&
		    (unsigned char)text[i] < 0x80)
			i++;
		s = i;
		while (i < len && (isalnum((unsigned char)text[i]) ||
		    (unsigned char)text[i] >= 0x80))
			i++;
		if (i > s) {
			st = fc_stem(text + s, i - s);
			sbuf_adds(&sb, st);
			sbuf_addc(&sb, ' ');
			free(st);
		}
	}
	return sbuf_detach(&sb, NULL);
}

static void
policy_kw(struct fc_policy *p, const char *phrase, size_t n)
{
	while (n > 0 && *phrase == ' ') {
		phrase++;
		n--;
	}
	if (n == 0)
		return;
	p->kw = xrealloc(p->kw, (p->nkw + 1) * sizeof *p->kw);
	p->kw[p->nkw++] = fc_stems_of(phrase, n);
}

/* A policy's "facts" object, kept by ingest in meta "facts:<id>". */
static cJSON *
policy_facts(struct factcheck *fc, const char *id)
{
	static const char sql[] = "SELECT value FROM meta"
	    " WHERE key = 'facts:' || ?1";
	sqlite3_stmt	*s;
	cJSON		*root = NULL;

	if ((s = store_prepare(fc->st, sql, NULL)) == NULL)
		return NULL;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW)
		root = cJSON_Parse((const char *)sqlite3_column_text(s, 0));
	sqlite3_reset(s);
	return root;
}

/*
 * The policies and the bodies read are the catalog's (documents and
 * meta): kept on store_catalog_version, which a cart or order write
 * leaves as it is, where the rows follow every commit.  -1: unknown.
 */
static long long
fc_catalog_version(struct factcheck *fc)
{
	long long	 cv;

	return store_catalog_version(fc->st, &cv) == 0 ? cv : -1;
}

void
fc_policies_load(struct factcheck *fc)
{
	static const char sql[] = "SELECT doc_key, tags, coalesce(topic, '')"
	    " FROM documents WHERE kind = 'policy' ORDER BY doc_key";
	sqlite3_stmt	*s;
	struct fc_policy *p;
	const char	*tags, *c;
	size_t		 i;

	/* Read before the rows: a change meanwhile reads them again. */
	fc->pol_cv = fc_catalog_version(fc);
	if ((s = store_prepare(fc->st, sql, NULL)) == NULL)
		return;
	while (sqlite3_step(s) == SQLITE_ROW) {
		fc->pol = xrealloc(fc->pol, (fc->npol + 1) * sizeof *fc->pol);
		p = &fc->pol[fc->npol++];
		memset(p, 0, sizeof *p);
		p->id = xstrdup((const char *)sqlite3_column_text(s, 0));
		tags = (const char *)sqlite3_column_text(s, 1);
		while (tags != NULL && *tags != '\0') {
			c = strchr(tags, ',');
			policy_kw(p, tags, c != NULL ? (size_t)(c - tags) :
			    strlen(tags));
			tags = c != NULL ? c + 1 : NULL;
		}
		p->ntags = p->nkw;
		c = (const char *)sqlite3_column_text(s, 2);
		policy_kw(p, c, strlen(c));
	}
	sqlite3_reset(s);
	/*
	 * Each policy's pool is built here, once per catalog version: a
	 * policy's body is the longest text a sentence is checked against,
	 * and scanning it inside the first turn that named it was most of
	 * that turn's check.
	 */
	for (i = 0; i < fc->npol; i++) {
		fc->pol[i].facts = policy_facts(fc, fc->pol[i].id);
		fc->pol[i].pool = xcalloc(1, sizeof *fc->pol[i].pool);
		pool_init(fc->pol[i].pool);
		pool_source(fc->pol[i].pool, "document", fc->pol[i].id);
		pool_document(fc->pol[i].pool, fc->st, fc->pol[i].id);
	}
	fc->data_version = fc_data_version(fc);
}

/* Forget the bodies' stems fc_cited_says keeps (with the rows). */
static void
fc_bodies_free(struct factcheck *fc)
{
	size_t	 i;

	for (i = 0; i < fc->nbody; i++) {
		free(fc->body_id[i]);
		free(fc->body_stems[i]);
	}
	free(fc->body_id);
	free(fc->body_stems);
	fc->body_id = fc->body_stems = NULL;
	fc->nbody = 0;
}

void
fc_policies_free(struct factcheck *fc)
{
	size_t	 i, j;

	for (i = 0; i < fc->npol; i++) {
		for (j = 0; j < fc->pol[i].nkw; j++)
			free(fc->pol[i].kw[j]);
		free(fc->pol[i].kw);
		free(fc->pol[i].id);
		cJSON_Delete(fc->pol[i].facts);
		if (fc->pol[i].pool != NULL)
			pool_release(fc->pol[i].pool);
		free(fc->pol[i].pool);
	}
	free(fc->pol);
	fc->pol = NULL;
	fc->npol = 0;
	fc_cache_free(fc->rows);
	fc->rows = NULL;
	fc_bodies_free(fc);
}

/*
 * The rows of products, orders and documents are kept between replies
 * (reading and scanning them was most of a template check's cost) until
 * the catalog file changes: its data version moves on every commit, this
 * connection's included, and a write in progress may change it at once.
 */
#define ROWS_MAX	512	/* entity pools kept at most */

unsigned
fc_data_version(struct factcheck *fc)
{
	unsigned	 dv = 0;

	if (sqlite3_file_control(store_db(fc->st), "main",
	    SQLITE_FCNTL_DATA_VERSION, &dv) != SQLITE_OK)
		dv = fc->data_version + 1;	/* unknown: assume changed */
	return dv;
}

void
fc_rows_check(struct factcheck *fc)
{
	unsigned	 dv = fc_data_version(fc);
	sqlite3		*db = store_db(fc->st);
	long long	 cv;
	int		 keep = 0;

	if (dv == fc->data_version && sqlite3_txn_state(db, "main") !=
	    SQLITE_TXN_WRITE && (fc->rows == NULL || fc->rows->n < ROWS_MAX))
		return;
	if (dv != fc->data_version) {
		cv = fc_catalog_version(fc);
		if (cv >= 0 && cv == fc->pol_cv)
			keep = 1;
		else {
			fc_policies_free(fc);
			fc_policies_load(fc);
		}
	}
	fc_cache_free(fc->rows);
	fc->rows = NULL;
	if (!keep)
		fc_bodies_free(fc);
	fc->data_version = dv;
}

/* Does the sentence hold every stem of the phrase " a b "? */
static int
says_stems(const struct sent *x, const char *kw)
{
	const char	*p = kw, *q, *h;
	size_t		 n;
	int		 ok = 1;

	while (ok && *p != '\0') {
		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		q = strchr(p, ' ');
		n = (size_t)(q - p);
		/* " word " in the stems, without building the needle. */
		for (ok = 0, h = x->stems; !ok && (h = strstr(h, p - 1)) !=
		    NULL; h++)
			ok = strncmp(h, p - 1, n + 2) == 0;
		p = q;
	}
	return ok;
}

/*
 * Is the sentence, word for word (by stems), in the body of a policy or
 * FAQ it cites or that the turn's context holds?  Then the cited entry
 * itself says it, and its facts are that entry's: "Gift cards cannot be
 * returned or exchanged for cash" in the gift-card policy is no claim
 * against the returns policy's "exchanges": true, nor "report it within
 * 7 days of delivery" in the damaged-item FAQ one against the 30-day
 * return window; both are about another subject.  Past tickets are not
 * the store's current terms (a price in one may be old), and a sentence
 * that names a product is checked against the product.  *id is the
 * document's.  A short sentence ("Yes.") proves nothing.
 */
/*
 * The stems of the body of policy or FAQ id, or NULL when it is none;
 * kept as the policies are (fc_rows_check: until the catalog version
 * moves), as every sentence of a reply asks again.  Owned by fc.
 */
#define BODIES_MAX	128

static const char *
body_stems(struct factcheck *fc, sqlite3_stmt *s, const char *id)
{
	const char	*body;
	char		*stems = NULL;
	size_t		 i;

	for (i = 0; i < fc->nbody; i++)
		if (strcmp(fc->body_id[i], id) == 0)
			return fc->body_stems[i];
	sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW &&
	    (body = (const char *)sqlite3_column_text(s, 0)) != NULL)
		stems = fc_stems_of(body, strlen(body));
	sqlite3_reset(s);
	if (fc->nbody >= BODIES_MAX)
		fc_bodies_free(fc);
	fc->body_id = xrealloc(fc->body_id, (fc->nbody + 1) *
	    sizeof *fc->body_id);
	fc->body_stems = xrealloc(fc->body_stems, (fc->nbody + 1) *
	    sizeof *fc->body_stems);
	fc->body_id[fc->nbody] = xstrdup(id);
	fc->body_stems[fc->nbody++] = stems;
	return stems;
}

int
fc_cited_says(struct sent *x, const char **id)
{
	static const char sql[] = "SELECT body FROM documents"
	    " WHERE doc_key = ?1 AND kind IN ('policy', 'faq')";
	sqlite3_stmt	*s;
	const char	*sp, *stems;
	size_t		 i, nw = 0, n = x->ndocs + x->ctx->ndocs;
	int		 found = 0;

	if (x->has_product)
		return 0;
	fc_ensure_stems(x);
	for (sp = x->stems; *sp != '\0'; sp++)
		nw += *sp == ' ';
	if (nw < 5 || (s = store_prepare(x->fc->st, sql, NULL)) == NULL)
		return 0;
	for (i = 0; i < n && !found; i++) {
		*id = i < x->ndocs ? x->docs[i] : x->ctx->docs[i - x->ndocs];
		if ((stems = body_stems(x->fc, s, *id)) != NULL)
			found = strstr(stems, x->stems) != NULL;
	}
	return found;
}

/*
 * The policies the sentence's words name, and those it cites; with
 * context set, also those in the turn's context when it names no
 * product.
 */
static int
about_one(const struct sent *x, size_t k, int context)
{
	const char	*id = x->fc->pol[k].id;
	size_t		 i;

	for (i = 0; i < x->ndocs; i++)
		if (strcmp(x->docs[i], id) == 0)
			return 1;
	for (i = 0; i < x->fc->pol[k].ntags; i++)
		if (says_stems(x, x->fc->pol[k].kw[i]))
			return 1;
	/*
	 * A topic word alone makes the policy context, not the subject:
	 * "payment" is the topic of billing, invoices and gift cards, and
	 * "refunds go back to the original payment method" says nothing
	 * of gift cards.
	 */
	for (; i < x->fc->pol[k].nkw; i++)
		if (says_stems(x, x->fc->pol[k].kw[i]))
			return 2;
	if (context && !x->has_product)
		for (i = 0; i < x->ctx->ndocs; i++)
			if (strcmp(x->ctx->docs[i], id) == 0)
				return 2;
	return 0;
}

int
fc_about_policy(struct sent *x, size_t k, int context)
{
	size_t	 i;

	/* Asked for every policy several times a sentence: decide once. */
	if (x->about == NULL) {
		fc_ensure_stems(x);
		x->about = xcalloc(x->fc->npol + 1, 1);
		for (i = 0; i < x->fc->npol; i++)
			x->about[i] = (unsigned char)about_one(x, i, 1);
	}
	return x->about[k] == 1 || (context && x->about[k] == 2);
}
