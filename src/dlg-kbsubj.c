/*
 * dlg-kbsubj.c: the subject of a question for help, for the knowledge
 * answers of dlg-kb.c: the products a question names (a family is its
 * best model), else the one referred to or the two last in focus, with
 * the categories named and the document the last answer came from; and
 * the product and category a document is about, which the weighing of
 * a hit (dlg-kbword.c) compares with that subject.  Products named in
 * passing are kept aside as kinds: help for another kind never answers
 * about them.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "store.h"
#include "dlg-int.h"
#include "dlg-kb.h"

void
dlg_kb_subject_release(struct kb_subject *s)
{
	size_t	 i;

	for (i = 0; i < s->nsku; i++) {
		free(s->sku[i]);
		free(s->name[i]);
		free(s->pcat[i]);
	}
	for (i = 0; i < s->ncat; i++)
		free(s->cat[i]);
	for (i = 0; i < s->nkind; i++) {
		free(s->kind[i]);
		free(s->ksku[i]);
		free(s->kname[i]);
	}
	free(s->doc);
	for (i = 0; i < (size_t)s->nstem; i++) {
		free(s->stem[i]);
		free(s->alt[i]);
	}
	s->nstem = 0;
}

static void
kb_subject_cat(struct kb_subject *s, const char *cat)
{
	size_t	 i;

	if (cat == NULL || *cat == '\0' || s->ncat == KB_SUBJECTS)
		return;
	for (i = 0; i < s->ncat; i++)
		if (strcmp(s->cat[i], cat) == 0)
			return;
	s->cat[s->ncat++] = xstrdup(cat);
}

static void
kb_subject_product(struct kb_subject *s, const struct product *p)
{
	size_t	 i;
	struct text_folded f = TEXT_FOLDED_INIT;

	for (i = 0; i < s->nsku; i++)
		if (strcmp(s->sku[i], p->sku) == 0)
			return;
	if (s->nsku == KB_SUBJECTS)
		return;
	text_fold(p->name, strlen(p->name), &f);
	s->sku[s->nsku] = xstrdup(p->sku);
	s->pcat[s->nsku] = xstrdup(p->category);
	s->name[s->nsku++] = xstrdup(f.s.buf);	/* folded, for words */
	text_folded_release(&f);
	kb_subject_cat(s, p->category);
}

static void
kb_subject_sku(struct tctx *t, struct kb_subject *s, const char *sku)
{
	struct product	 p;
	struct sd_error	 err = SD_ERROR_INIT;

	memset(&p, 0, sizeof p);
	dlg_retrieve_begin(t);
	if (catalog_product_by_sku(t->st, sku, &p, &err) == SD_OK) {
		kb_subject_product(s, &p);
		product_release(&p);
	}
	dlg_retrieve_end(t);
	sd_error_clear(&err);
}

/*
 * Each document's scope as read, kept per connection for one version of
 * the database (as catalog-memo.c): a question's ranking weighs a few
 * dozen hits, most of them sections of the same few documents.
 */
#define DOC_SCOPE_MAX	512

struct doc_scope {
	char		*key;
	char		*sku, *cat;	/* either may be NULL */
	int		 found;
};

struct doc_scope_memo {
	long long	 cv;		/* store_catalog_version read at */
	struct doc_scope v[DOC_SCOPE_MAX];
	size_t		 n;
};

static void
doc_scope_clear(struct doc_scope_memo *m)
{
	size_t	 i;

	for (i = 0; i < m->n; i++) {
		free(m->v[i].key);
		free(m->v[i].sku);
		free(m->v[i].cat);
	}
	m->n = 0;
}

static void
doc_scope_free(void *p)
{
	if (p != NULL)
		doc_scope_clear(p);
	free(p);
}

/* The connection's memo, current; NULL when nothing read may be kept
 * (outside a read transaction, or writing). */
static struct doc_scope_memo *
doc_scope_memo(struct tctx *t)
{
	struct doc_scope_memo *m;
	long long	 cv;

	if (sqlite3_txn_state(store_db(t->st), "main") != SQLITE_TXN_READ ||
	    store_catalog_version(t->st, &cv) != 0)
		return NULL;
	if ((m = store_slot_get(t->st, STORE_SLOT_DOC_SCOPE)) == NULL) {
		m = xcalloc(1, sizeof *m);
		m->cv = cv;
		store_slot_set(t->st, STORE_SLOT_DOC_SCOPE, m, doc_scope_free);
	}
	if (m->cv != cv) {
		doc_scope_clear(m);
		m->cv = cv;
	}
	return m;
}

static char *
dup_or_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

/* The query itself (see dlg_kb_doc_scope). */
static int
doc_scope_read(struct tctx *t, const char *doc_key, char **sku, char **cat)
{
	static const char sql[] = "SELECT d.product_sku, coalesce(p.category,"
	    " CASE WHEN d.kind = 'manual' THEN d.topic END)"
	    " FROM documents d LEFT JOIN products p ON p.sku = d.product_sku"
	    " WHERE d.doc_key = ?1";
	sqlite3_stmt	*st = store_prepare(t->st, sql, NULL);
	const char	*v;
	int		 found = 0;

	*sku = *cat = NULL;
	if (st == NULL)
		return 0;
	sqlite3_bind_text(st, 1, doc_key, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		found = 1;
		if ((v = (const char *)sqlite3_column_text(st, 0)) != NULL)
			*sku = xstrdup(v);
		if ((v = (const char *)sqlite3_column_text(st, 1)) != NULL)
			*cat = xstrdup(v);
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return found;
}

/*
 * A document's product and category: the category of its product, or
 * for a guide about a kind of product (a manual without one) its topic.
 * 0 when the document is unknown; the strings are the caller's.
 */
int
dlg_kb_doc_scope(struct tctx *t, const char *doc_key, char **sku, char **cat)
{
	struct doc_scope_memo *m;
	struct doc_scope *d;
	size_t		 i;
	int		 found;

	dlg_retrieve_begin(t);
	m = doc_scope_memo(t);
	for (i = 0; m != NULL && i < m->n; i++)
		if (strcmp(m->v[i].key, doc_key) == 0) {
			*sku = dup_or_null(m->v[i].sku);
			*cat = dup_or_null(m->v[i].cat);
			dlg_retrieve_end(t);
			return m->v[i].found;
		}
	found = doc_scope_read(t, doc_key, sku, cat);
	if (m != NULL) {
		if (m->n == DOC_SCOPE_MAX)
			doc_scope_clear(m);
		d = &m->v[m->n++];
		d->key = xstrdup(doc_key);
		d->sku = dup_or_null(*sku);
		d->cat = dup_or_null(*cat);
		d->found = found;
	}
	dlg_retrieve_end(t);
	return found;
}

/*
 * A family named ("the iPhone 15"): its best model, looked up without
 * leaving it among the turn's retrieved items, which the fact check
 * reads as the products the reply may talk about.
 */
static int
kb_family(struct tctx *t, const struct entity *en, struct product *p)
{
	int	 before = cJSON_GetArraySize(t->retrieved), found;

	memset(p, 0, sizeof *p);
	found = dlg_family_best(t, en, p);
	while (cJSON_GetArraySize(t->retrieved) > before)
		cJSON_DeleteItemFromArray(t->retrieved, before);
	return found;
}

/*
 * The kind of product en names, kept aside: a product named in passing
 * ("how do I move Windows over to it") is no subject, but help for
 * another kind of product never answers about it.
 */
static void
kb_subject_kind(struct tctx *t, struct kb_subject *s,
    const struct entity *en)
{
	struct product	 p;
	struct sd_error	 err = SD_ERROR_INIT;
	struct text_folded f = TEXT_FOLDED_INIT;
	size_t		 i;
	int		 found;

	memset(&p, 0, sizeof p);
	if (en->sku != NULL) {
		dlg_retrieve_begin(t);
		found = catalog_product_by_sku(t->st, en->sku, &p, &err) ==
		    SD_OK;
		dlg_retrieve_end(t);
		sd_error_clear(&err);
	} else
		found = kb_family(t, en, &p);
	if (found) {
		for (i = 0; i < s->nkind && strcmp(s->ksku[i], p.sku) != 0;
		    i++)
			;
		if (i == s->nkind && s->nkind < KB_SUBJECTS) {
			text_fold(p.name, strlen(p.name), &f);
			s->kind[s->nkind] = xstrdup(p.category);
			s->kname[s->nkind] = xstrdup(f.s.buf);
			s->ksku[s->nkind++] = xstrdup(p.sku);
			text_folded_release(&f);
		}
		product_release(&p);
	}
}

/*
 * The subject of a question for help: products named (a family is its
 * best model); else the product referred to ("the second one") or the
 * two last in focus and the document the last answer came from; with
 * the categories named.  skip_named: the products named are left out,
 * their kinds kept.
 */
void
dlg_kb_subject_find(struct tctx *t, struct kb_subject *s, int skip_named)
{
	const struct entity *en;
	const char	*how = NULL, *sku, *doc;
	struct product	 p;
	char		*dsku, *dcat;
	size_t		 i;

	memset(s, 0, sizeof *s);
	s->how = "none";
	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		if (en->type == ENTITY_CATEGORY)
			kb_subject_cat(s, en->category);
		if (en->type != ENTITY_PRODUCT)
			continue;
		if (skip_named) {
			kb_subject_kind(t, s, en);
			continue;
		}
		if (en->sku != NULL)
			kb_subject_sku(t, s, en->sku);
		else if (kb_family(t, en, &p)) {
			kb_subject_product(s, &p);
			product_release(&p);
		}
	}
	if (s->nsku > 0) {
		s->how = "named";
		return;
	}
	/*
	 * A category said in passing ("the keyboard lights are on") adds
	 * to the product in focus rather than replacing it.
	 */
	if (s->ncat > 0)
		s->how = "category";
	if ((sku = dlg_resolve_reference(t, &how)) != NULL &&
	    strcmp(how, "it") != 0) {
		/*
		 * "Can the bigger one charge my phone": the product pointed
		 * at is the subject; a kind named beside it is what it is
		 * used with, and its guides answer another question.
		 */
		for (i = 0; i < s->ncat; i++)
			free(s->cat[i]);
		s->ncat = 0;
		kb_subject_sku(t, s, sku);
		s->how = "referred";
		s->unnamed = 1;
		return;
	}
	for (i = 0; i < 2 && (sku = dlg_focus_top(t, (int)i)) != NULL; i++)
		kb_subject_sku(t, s, sku);
	if (s->nsku > 0) {
		s->how = "focus";
		s->unnamed = 1;
	}
	if ((doc = dlg_jstr(t->state, "kb_doc")) != NULL &&
	    dlg_kb_doc_scope(t, doc, &dsku, &dcat)) {
		s->doc = xstrdup(doc);
		if (s->nsku == 0)
			s->how = "last";
		kb_subject_cat(s, dcat);
		free(dsku);
		free(dcat);
	}
}

/* The subject in the trace: what the help was looked for about. */
void
dlg_kb_subject_trace(struct tctx *t, const struct kb_subject *s)
{
	cJSON	*o = cJSON_CreateObject(), *a;
	size_t	 i;

	cJSON_AddStringToObject(o, "how", s->how);
	a = cJSON_AddArrayToObject(o, "skus");
	for (i = 0; i < s->nsku; i++)
		cJSON_AddItemToArray(a, cJSON_CreateString(s->sku[i]));
	a = cJSON_AddArrayToObject(o, "categories");
	for (i = 0; i < s->ncat; i++)
		cJSON_AddItemToArray(a, cJSON_CreateString(s->cat[i]));
	if (s->doc != NULL)
		cJSON_AddStringToObject(o, "document", s->doc);
	cJSON_DeleteItemFromObjectCaseSensitive(t->trace, "kb_subject");
	cJSON_AddItemToObject(t->trace, "kb_subject", o);
}
