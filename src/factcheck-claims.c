/*
 * factcheck-claims.c owns the checks that do not know a phrasing in
 * advance: every quantity of a sentence against the pool of its
 * entities (factcheck-pool.c), and the claims made in words -- what a
 * product comes with or works with, its colours, availability, free
 * offers, financing, a policy's yes/no terms, an order's carrier.  Each
 * claim is backed by the rows of what the sentence is about or its
 * sentence is dropped: a sentence the store cannot stand behind is worth
 * less than a shorter reply.
 *
 * Which rows: the products the sentence names (else the one the reply
 * is about, else those in the prompt), the customer's order it names or
 * refers to, the policies its words name (by the policies' tags), the
 * documents it cites, and when it names no product the documents in
 * context; plus the customer's words, the dialogue state and the shop's
 * template text, which back a number whatever its unit.
 */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>
#include <sqlite3.h>

#include "shopdesk.h"
#include "catalog.h"
#include "factcheck.h"
#include "factcheck-int.h"
#include "sbuf.h"
#include "store.h"

void
fc_sent_release(struct sent *x)
{
	size_t	 i;

	for (i = 0; i < x->ndocs; i++)
		free(x->docs[i]);
	free(x->docs);
	free(x->order_id);
	free(x->stems);
	free(x->ev_id);
	free(x->view.p);
}

/* Policies. */

static char *
stems_of(const char *text, size_t len)
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
	p->kw[p->nkw++] = stems_of(phrase, n);
}

void
fc_policies_load(struct factcheck *fc)
{
	static const char sql[] = "SELECT doc_key, tags, coalesce(topic, '')"
	    " FROM documents WHERE kind = 'policy' ORDER BY doc_key";
	sqlite3_stmt	*s;
	struct fc_policy *p;
	const char	*tags, *c;

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
		c = (const char *)sqlite3_column_text(s, 2);
		policy_kw(p, c, strlen(c));
	}
	sqlite3_reset(s);
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
	}
	free(fc->pol);
}

/* Does the sentence hold every stem of the phrase " a b "? */
static int
says_stems(const struct sent *x, const char *kw)
{
	const char	*p = kw, *q;
	char		*w;
	int		 ok = 1;

	while (ok && *p != '\0') {
		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		q = strchr(p, ' ');
		w = xasprintf(" %.*s ", (int)(q - p), p);
		ok = strstr(x->stems, w) != NULL;
		free(w);
		p = q;
	}
	return ok;
}

static void
ensure_stems(struct sent *x)
{
	if (x->stems == NULL)
		x->stems = stems_of(x->s, x->len);
}

int
fc_says(const struct sent *x, const char *w)
{
	char	*st = fc_stem(w, strlen(w)), *key = xasprintf(" %s ", st);
	int	 r = strstr(x->stems, key) != NULL;

	free(st);
	free(key);
	return r;
}

/*
 * The policies the sentence's words name, and those it cites; with
 * context set, also those in the turn's context when it names no
 * product.
 */
static int
about_policy(const struct sent *x, const char *id, int context)
{
	size_t	 i, j;

	for (i = 0; i < x->ndocs; i++)
		if (strcmp(x->docs[i], id) == 0)
			return 1;
	for (i = 0; i < x->fc->npol; i++)
		if (strcmp(x->fc->pol[i].id, id) == 0)
			for (j = 0; j < x->fc->pol[i].nkw; j++)
				if (says_stems(x, x->fc->pol[i].kw[j]))
					return 1;
	if (context && !x->has_product)
		for (i = 0; i < x->ctx->ndocs; i++)
			if (strcmp(x->ctx->docs[i], id) == 0)
				return 1;
	return 0;
}

/*
 * Entity pools are built once per reply and shared by its sentences: a
 * comparison table is twenty lines about the same two products, and
 * reading and scanning their rows again for each line made a turn with
 * a template check a third slower.
 */
struct fc_cache {
	char		**key;		/* "kind:id" */
	struct fc_pool	**pool;
	size_t		 n;
};

void
fc_cache_free(struct fc_cache *c)
{
	size_t	 i;

	if (c == NULL)
		return;
	for (i = 0; i < c->n; i++) {
		free(c->key[i]);
		pool_release(c->pool[i]);
		free(c->pool[i]);
	}
	free(c->key);
	free(c->pool);
	free(c);
}

/* The cached pool of kind:id, or a new empty one (*fresh set). */
static struct fc_pool *
cached(struct sent *x, const char *kind, const char *id, int *fresh)
{
	struct fc_cache	*c;
	char		*key = xasprintf("%s:%s", kind, id);
	size_t		 i;

	if (x->res->cache == NULL)
		x->res->cache = xcalloc(1, sizeof *x->res->cache);
	c = x->res->cache;
	*fresh = 0;
	for (i = 0; i < c->n; i++)
		if (strcmp(c->key[i], key) == 0) {
			free(key);
			return c->pool[i];
		}
	c->key = xrealloc(c->key, (c->n + 1) * sizeof *c->key);
	c->pool = xrealloc(c->pool, (c->n + 1) * sizeof *c->pool);
	c->key[c->n] = key;
	c->pool[c->n] = xcalloc(1, sizeof **c->pool);
	pool_init(c->pool[c->n]);
	pool_source(c->pool[c->n], kind, id);
	*fresh = 1;
	return c->pool[c->n++];
}

/* Add an entity's pool to the sentence's view (once). */
static void
view_add(struct sent *x, struct fc_pool *p, const char *kind, const char *id)
{
	size_t	 i;

	for (i = 0; i < x->view.n; i++)
		if (x->view.p[i] == p)
			return;
	x->view.p = xrealloc(x->view.p, (x->view.n + 1) * sizeof *x->view.p);
	x->view.p[x->view.n++] = p;
	if (x->ev_kind == NULL) {
		x->ev_kind = kind;
		x->ev_id = xstrdup(id);
	}
}

static void
pool_add_product(struct sent *x, long p)
{
	struct product	 pr;
	struct fc_pool	*pl;
	int		 fresh;

	if (p < 0)
		return;
	pl = cached(x, "product", x->fc->sku[p], &fresh);
	if (fresh && fc_load_product(x, p, &pr)) {
		pool_product(pl, &pr);
		product_release(&pr);
	}
	view_add(x, pl, "product", x->fc->sku[p]);
}

static void
pool_add_order(struct sent *x, const char *id)
{
	struct order	 o;
	struct sd_error	 err = SD_ERROR_INIT;
	struct fc_pool	*pl;
	char		*w;
	int		 fresh;

	pl = cached(x, "order", id, &fresh);
	view_add(x, pl, "order", id);
	if (!fresh)
		return;
	if (catalog_order(x->fc->st, id, &o, &err) != SD_OK) {
		sd_error_clear(&err);
		return;
	}
	pool_order(pl, &o);
	/* "you still have 12 days to return it" */
	if (o.delivered_at != NULL && (w = catalog_policy_fact(x->fc->st,
	    "return_window_days", NULL)) != NULL) {
		pool_num(pl, atof(w) - (double)catalog_days_between(
		    o.delivered_at, store_now()), "day");
		free(w);
	}
	order_release(&o);
}

static void
pool_add_document(struct sent *x, const char *kind, const char *id)
{
	struct fc_pool	*pl;
	int		 fresh;

	pl = cached(x, "document", id, &fresh);
	if (fresh)
		pool_document(pl, x->fc->st, id);
	view_add(x, pl, kind, id);
}

/* The customer's words, the state: the same for every sentence. */
static void
pool_add_turn(struct sent *x)
{
	struct fc_pool	*pl;
	int		 fresh;

	pl = cached(x, "customer", "words", &fresh);
	if (fresh) {
		pool_loose(pl, x->ctx->user_text);
		pool_source(pl, "template", "text");
		pool_loose(pl, x->ctx->shop_text);
		pool_source(pl, "state", "dialogue");
		pool_json(pl, x->ctx->state_json);
	}
	view_add(x, pl, "customer", "words");
}

const struct fc_view *
fc_sentence_pool(struct sent *x)
{
	size_t	 i, j;
	long	 p;

	if (x->view_built)
		return &x->view;
	x->view_built = 1;
	ensure_stems(x);
	for (i = 0; i < x->nm; i++) {
		for (j = 0; j < i && x->m[j].prod != x->m[i].prod; j++)
			;
		if (j == i)
			pool_add_product(x, x->m[i].prod);
	}
	if (x->nm == 0 && x->res->nseen >= 2)
		for (i = 0; i < x->res->nseen; i++)
			pool_add_product(x, x->res->seen[i]);
	else if (x->nm == 0 && x->res->subject >= 0)
		pool_add_product(x, x->res->subject);
	else if (x->nm == 0)
		for (i = 0; i < x->ctx->nskus; i++)
			if ((p = fc_sku_lookup(x->fc, x->ctx->skus[i])) >= 0)
				pool_add_product(x, p);
	if (x->order_id != NULL)
		pool_add_order(x, x->order_id);
	else if (x->res->order != NULL)
		pool_add_order(x, x->res->order);
	else
		for (i = 0; i < x->ctx->norders; i++)
			pool_add_order(x, x->ctx->orders[i]);
	for (i = 0; i < x->fc->npol; i++)
		if (about_policy(x, x->fc->pol[i].id, 1))
			pool_add_document(x, "policy", x->fc->pol[i].id);
	for (i = 0; i < x->ndocs; i++)
		pool_add_document(x, "document", x->docs[i]);
	if (!x->has_product)
		for (i = 0; i < x->ctx->ndocs; i++)
			pool_add_document(x, "document", x->ctx->docs[i]);
	pool_add_turn(x);
	return &x->view;
}

const char *
view_backs(const struct fc_view *v, const struct fq *q, const char **id)
{
	const char	*k;
	size_t		 i;

	for (i = 0; i < v->n; i++)
		if ((k = pool_backs(v->p[i], q, id)) != NULL)
			return k;
	*id = NULL;
	return NULL;
}

int
view_has_word(const struct fc_view *v, const char *w, size_t n)
{
	size_t	 i;

	for (i = 0; i < v->n; i++)
		if (pool_has_word(v->p[i], w, n))
			return 1;
	return 0;
}

void
fc_unsupported(struct sent *x, const char *kind, size_t s, size_t e,
    const char *why)
{
	fc_sentence_pool(x);
	fc_claim_add(x->res, kind, x->s + s, e - s, FC_UNSUPPORTED,
	    x->ev_kind != NULL ? x->ev_kind : "context", x->ev_id, why, NULL,
	    NULL);
	x->drop = 1;
}

static int
neg_word(const struct sent *x, size_t i)
{
	static const char *const neg[] = { "not", "no", "never", "without",
	    "non", "nor", "cannot", "none", NULL };
	static const char *const aux[] = { "don", "doesn", "isn", "aren",
	    "can", "won", "wasn", "didn", "shouldn", "couldn", NULL };
	size_t	 k;

	for (k = 0; neg[k] != NULL; k++)
		if (strcmp(x->t[i].w, neg[k]) == 0)
			return 1;
	for (k = 0; aux[k] != NULL; k++)
		if (strcmp(x->t[i].w, aux[k]) == 0 && i + 1 < x->nt &&
		    strcmp(x->t[i + 1].w, "t") == 0)
			return 1;
	return 0;
}

int
fc_in_rows(struct sent *x, size_t s, size_t e)
{
	const struct fc_view *p = fc_sentence_pool(x);
	size_t		 i, w;
	int		 all = 1;

	for (i = s; i < e && all; i = w) {
		while (i < e && !isalnum((unsigned char)x->s[i]))
			i++;
		for (w = i; w < e && isalnum((unsigned char)x->s[w]); w++)
			;
		if (w > i)
			all = view_has_word(p, x->s + i, w - i);
	}
	/* Built before every name was found: build it again later. */
	free(x->view.p);
	x->view.p = NULL;
	x->view.n = 0;
	x->view_built = 0;
	free(x->ev_id);
	x->ev_id = NULL;
	x->ev_kind = NULL;
	return all;
}

int
fc_negated(const struct sent *x)
{
	size_t	 i;

	for (i = 0; i < x->nt; i++)
		if (neg_word(x, i))
			return 1;
	return 0;
}

/* Numbers. */

/* Claims keep their evidence kind as static text. */
static const char *
static_kind(const char *k)
{
	static const char *const kinds[] = { "product", "order", "policy",
	    "document", "customer", "template", "state", NULL };
	size_t	 i;

	for (i = 0; kinds[i] != NULL; i++)
		if (strcmp(kinds[i], k) == 0)
			return kinds[i];
	return "context";
}

static int
covered(const struct sent *x, size_t s, size_t e)
{
	size_t	 i;

	for (i = 0; i < x->ned; i++)
		if (s < x->ed[i].e && x->ed[i].s < e)
			return 1;
	for (i = 0; i < x->nm; i++)
		if (x->m[i].s <= s && e <= x->m[i].e && x->m[i].s < x->m[i].e)
			return 1;
	return 0;
}

/* "  3. HP Victus 15": a list's numbering, not a quantity. */
static int
list_marker(const struct sent *x, const struct fq *q)
{
	size_t	 i;

	if (q->e >= x->len || (x->s[q->e] != '.' && x->s[q->e] != ')') ||
	    q->range || q->unit[0] != '\0')
		return 0;
	for (i = q->s; i > 0 && x->s[i - 1] == ' '; i--)
		;
	return i == 0 || x->s[i - 1] == '\n';
}

void
fc_scan_numbers(struct sent *x)
{
	struct fq_list	 l;
	const struct fc_view *p;
	const char	*kind, *id;
	size_t		 i;

	memset(&l, 0, sizeof l);
	fq_scan(x->s, x->len, &l);
	for (i = 0; i < l.n && !x->drop; i++) {
		const struct fq *q = &l.v[i];

		/* "#12345" names an order or an item: scan_orders owns it. */
		if (covered(x, q->s, q->e) || (q->s > 0 && x->s[q->s - 1] ==
		    '#') || list_marker(x, q))
			continue;
		p = fc_sentence_pool(x);
		if ((kind = view_backs(p, q, &id)) != NULL)
			fc_claim_add(x->res, "number", x->s + q->s, q->e - q->s,
			    FC_SUPPORTED, static_kind(kind), id, q->unit[0] != '\0' ?
			    q->unit : "value", NULL, NULL);
		else
			fc_unsupported(x, "number", q->s, q->e,
			    q->unit[0] != '\0' ? q->unit : "value");
	}
	fq_list_release(&l);
}

/* Claims in words. */

static const char *const stopwords[] = { "a", "an", "the", "and", "or",
	"with", "your", "its", "their", "our", "of", "for", "free", "plus",
	"also", "both", "all", "every", "each", "set", "pair", "you", "it",
	"get", "this", "that", "these", "those", "in", "on", "to", "by",
	"up", "as", "is", "are", "be", "new", "extra", "built", "own", "any",
	"some", "more", "great", "nice", "good", "handy", "useful", "just",
	"only", "included", "box", "too", "well", "even", "very", NULL };

static int
stopword(const char *w, size_t n)
{
	size_t	 i;

	for (i = 0; stopwords[i] != NULL; i++)
		if (strlen(stopwords[i]) == n && strncmp(stopwords[i], w, n) ==
		    0)
			return 1;
	return 0;
}

/* Does a negation come within n bytes before pos? */
static int
negated_before(struct sent *x, size_t pos, size_t n)
{
	static const char *const neg[] = { "not ", "n't ", "no ", "never ",
	    "without ", "nor ", "cannot ", NULL };
	size_t	 i;

	for (i = 0; neg[i] != NULL; i++)
		if (fc_before(x, pos, n, neg[i]))
			return 1;
	return 0;
}

/*
 * A list of things after a cue ("comes with a case and a cable"): each
 * item's last word (its noun, mostly) must be in the pool's text.
 */
static void
check_items(struct sent *x, size_t from, const char *kind)
{
	static const char *const stops[] = { " for ", " when ", " if ",
	    " at ", " so ", " but ", " which ", " that ", " to ", " over ",
	    " via ", " through ", " in the box", " right ", NULL };
	const struct fc_view *p = fc_sentence_pool(x);
	size_t		 end = x->len, i, s, head_s = 0, head_e = 0;
	const char	*c;

	for (i = from; i < x->len; i++)
		if (strchr(".,;:!?()", x->s[i]) != NULL && !(x->s[i] == '.' &&
		    i + 1 < x->len && isdigit((unsigned char)x->s[i + 1]))) {
			end = i;
			break;
		}
	for (i = 0; stops[i] != NULL; i++)
		if ((c = strstr(x->lc + from, stops[i])) != NULL &&
		    (size_t)(c - x->lc) < end)
			end = (size_t)(c - x->lc);
	for (i = from; i <= end; i++) {
		if (i == end || strncmp(x->lc + i, " and ", 5) == 0 ||
		    strncmp(x->lc + i, " or ", 4) == 0) {
			if (head_e > head_s && !view_has_word(p, x->s + head_s,
			    head_e - head_s)) {
				fc_unsupported(x, kind, from, end, "not in "
				    "the store's description");
				return;
			}
			head_s = head_e = 0;
			continue;
		}
		if (!isalpha((unsigned char)x->lc[i]) || (i > 0 &&
		    isalnum((unsigned char)x->lc[i - 1])))
			continue;
		for (s = i; i < end && (isalnum((unsigned char)x->lc[i]) ||
		    (unsigned char)x->lc[i] >= 0x80); i++)
			;
		if (i - s >= 3 && !stopword(x->lc + s, i - s) &&
		    strpbrk(x->lc + s, "0123456789") != x->lc + s) {
			head_s = s;
			head_e = i;
		}
		i--;
	}
}

static int
cue_at(struct sent *x, const char *cue, size_t *end)
{
	size_t	 at;

	if (!fc_find_word(x->lc, cue, 0, &at) || (at > 0 &&
	    isalnum((unsigned char)x->lc[at - 1])))
		return 0;
	*end = at + strlen(cue);
	return !negated_before(x, at, 14);
}

/* What a product comes with, works with, and comes in. */
static void
check_product_words(struct sent *x)
{
	static const char *const incl[] = { "comes with", "come with",
	    "includes", "include", "including", "ships with", "bundled with",
	    "packaged with", "bundle with", "throw in", "thrown in", NULL };
	static const char *const compat[] = { "compatible with", "works with",
	    "work with", "fits the", "designed for", NULL };
	static const char *const colors[] = { "black", "white", "red",
	    "green", "blue", "pink", "yellow", "purple", "silver", "gold",
	    "gray", "grey", "orange", "titanium", "graphite", "midnight",
	    "starlight", "beige", "brown", "teal", "violet", "navy", NULL };
	size_t	 i, e, at;

	if (!x->has_product && x->res->subject < 0 && x->ctx->nskus == 0)
		return;
	for (i = 0; incl[i] != NULL && !x->drop; i++)
		if (cue_at(x, incl[i], &e))
			check_items(x, e, "included");
	for (i = 0; compat[i] != NULL && !x->drop; i++)
		if (cue_at(x, compat[i], &e))
			check_items(x, e, "compatibility");
	if (x->drop || !(strstr(x->lc, "comes in") != NULL ||
	    strstr(x->lc, "come in") != NULL || strstr(x->lc,
	    "available in") != NULL || strstr(x->lc, "colo") != NULL ||
	    strstr(x->lc, "finish") != NULL))
		return;
	for (i = 0; colors[i] != NULL; i++)
		if (fc_find_word(x->lc, colors[i], 0, &at) && (at == 0 ||
		    !isalpha((unsigned char)x->lc[at - 1])) &&
		    !view_has_word(fc_sentence_pool(x), colors[i],
		    strlen(colors[i]))) {
			fc_unsupported(x, "variant", at, at +
			    strlen(colors[i]), "colour");
			return;
		}
}

/* The product a sentence's claim is about, or -1. */
static long
product_of(struct sent *x, size_t at)
{
	long	 p = fc_subject_at(x, at);

	if (p < 0 && x->ctx->nskus > 0)
		p = fc_sku_lookup(x->fc, x->ctx->skus[0]);
	return p;
}

static double
policy_number(struct sent *x, const char *key, double dflt)
{
	char	*v = catalog_policy_fact(x->fc->st, key, NULL);
	double	 d = v != NULL ? atof(v) : dflt;

	free(v);
	return d;
}

/* "free": shipping above the threshold, returns of faulty items, and
 * things the rows themselves call free. */
static void
check_free(struct sent *x)
{
	static const char *const fast[] = { "next-day", "next day",
	    "overnight", "expedited", "express", "same-day", "same day",
	    "tomorrow", "today", NULL };
	static const char *const faults[] = { "defect", "damag", "wrong",
	    "faulty", "fit", "error", "broken", NULL };
	struct product	 pr;
	size_t		 at, i, e;
	int		 ok;

	if (!fc_find_word(x->lc, "free", 0, &at) && !fc_find_word(x->lc,
	    " on us", 0, &at) && !fc_find_word(x->lc, "no extra cost", 0,
	    &at) && !fc_find_word(x->lc, "at no cost", 0, &at) &&
	    !fc_find_word(x->lc, "complimentary", 0, &at))
		return;
	/* "hands-free", "tax-free"; "interest-free" is financing. */
	if (at > 0 && x->lc[at - 1] == '-')
		return;
	if (negated_before(x, at, 12) || fc_after(x, at, 12, "not"))
		return;
	e = at + 4;
	if (fc_says(x, "return") || fc_says(x, "label")) {
		for (i = 0; faults[i] != NULL; i++)
			if (strstr(x->lc, faults[i]) != NULL)
				return;
		fc_unsupported(x, "offer", at, e, "return_shipping_fee");
		return;
	}
	if (fc_says(x, "ship") || fc_says(x, "delivery")) {
		for (i = 0; fast[i] != NULL; i++)
			if (strstr(x->lc, fast[i]) != NULL) {
				fc_unsupported(x, "offer", at, e,
				    "shipping_options");
				return;
			}
		if (strstr(x->lc, "over") != NULL || strstr(x->lc,
		    "or more") != NULL || strstr(x->lc, "orders of") != NULL ||
		    strstr(x->lc, "above") != NULL)
			return;	/* the threshold's own numbers are checked */
		ok = fc_load_product(x, product_of(x, at), &pr);
		if (ok && pr.price < policy_number(x,
		    "free_shipping_threshold", 0))
			ok = 0;
		if (ok)
			product_release(&pr);
		else
			fc_unsupported(x, "offer", at, e,
			    "free_shipping_threshold");
		return;
	}
	/* Anything else given free must be free in the rows. */
	if (!view_has_word(fc_sentence_pool(x), "free", 4)) {
		fc_unsupported(x, "offer", at, e, "not offered");
		return;
	}
	check_items(x, e, "offer");
}

/* Financing: the provider, and the order sizes that qualify. */
static void
check_financing(struct sent *x)
{
	static const char *const providers[] = { "affirm", "klarna",
	    "afterpay", "sezzle", "zip pay", "paypal credit", NULL };
	struct product	 pr;
	size_t		 at = 0, i;
	int		 zero, any;
	double		 need;

	zero = strstr(x->lc, "0% apr") != NULL || strstr(x->lc,
	    "interest-free") != NULL || strstr(x->lc, "no interest") != NULL ||
	    strstr(x->lc, "zero interest") != NULL || strstr(x->lc,
	    "0% interest") != NULL || strstr(x->lc, "interest free") != NULL;
	any = zero || fc_says(x, "financing") || fc_says(x, "installment") ||
	    strstr(x->lc, "pay over time") != NULL || strstr(x->lc,
	    "pay later") != NULL || fc_says(x, "apr");
	for (i = 0; providers[i] != NULL; i++)
		if (fc_find_word(x->lc, providers[i], 0, &at)) {
			any = 1;
			if (!view_has_word(fc_sentence_pool(x), providers[i],
			    strcspn(providers[i], " "))) {
				fc_unsupported(x, "offer", at, at +
				    strlen(providers[i]), "payment provider");
				return;
			}
		}
	if (!any || !fc_load_product(x, product_of(x, 0), &pr))
		return;
	need = zero ? policy_number(x, "financing.zero_apr_min_order", 0) :
	    policy_number(x, "financing.min_order", 0);
	if (pr.price < need)
		fc_unsupported(x, "offer", 0, x->len, zero ?
		    "financing.zero_apr_min_order" : "financing.min_order");
	product_release(&pr);
}

/* "ready to ship", "sold out", "back in stock next week". */
static void
check_availability(struct sent *x)
{
	static const char *const in[] = { "available now", "available today",
	    "available right now", "ready to ship", "ships today",
	    "ships tomorrow", "ship today", "ship tomorrow",
	    "ships immediately", "ships right away", "same-day shipping",
	    "in stock now", NULL };
	static const char *const out[] = { "sold out", "unavailable",
	    "not available", "no longer available", "discontinued", NULL };
	static const char *const back[] = { "back in stock", "restocked",
	    "restock ", "available again", NULL };
	struct product	 pr;
	size_t		 i, at;
	int		 want = -1;

	for (i = 0; back[i] != NULL; i++)
		if (fc_find_word(x->lc, back[i], 0, &at) && !fc_before(x, at,
		    12, "when ") && !fc_before(x, at, 6, "if ")) {
			/* The store keeps no restock dates. */
			if (fc_load_product(x, product_of(x, at), &pr)) {
				product_release(&pr);
				fc_unsupported(x, "stock", at, at +
				    strlen(back[i]), "no restock date");
			}
			return;
		}
	for (i = 0; in[i] != NULL && want < 0; i++)
		if (fc_find_word(x->lc, in[i], 0, &at))
			want = 1;
	for (i = 0; out[i] != NULL && want < 0; i++)
		if (fc_find_word(x->lc, out[i], 0, &at))
			want = 0;
	if (want < 0 || !fc_load_product(x, product_of(x, at), &pr))
		return;
	if ((pr.stock > 0) != want)
		fc_unsupported(x, "stock", at, at + 4, "stock");
	product_release(&pr);
}

/* "arrives tomorrow": an order's own dates, or next-day shipping. */
static void
check_arrival(struct sent *x)
{
	static const char *const rel[] = { "yesterday", "today", "tonight",
	    "tomorrow", "overnight", NULL };
	static const int relday[] = { -1, 0, 0, 1, 1 };
	struct order	 o;
	struct sd_error	 err = SD_ERROR_INIT;
	const char	*id = x->order_id != NULL ? x->order_id : x->res->order;
	const char	*d[3];
	size_t		 i, at = 0, k;
	int		 r = -2;

	for (i = 0; rel[i] != NULL && r == -2; i++)
		if (fc_find_word(x->lc, rel[i], 0, &at))
			r = relday[i];
	if (r == -2 || !(fc_says(x, "arrive") || fc_says(x, "deliver") ||
	    strstr(x->lc, "get it") != NULL || fc_says(x, "receive") ||
	    fc_says(x, "ship")))
		return;
	if (id != NULL && catalog_order(x->fc->st, id, &o, &err) == SD_OK) {
		d[0] = o.shipped_at;
		d[1] = o.estimated_delivery;
		d[2] = o.delivered_at;
		for (k = 0; k < 3; k++)
			if (d[k] != NULL && catalog_days_between(d[k],
			    store_now()) == -r)
				break;
		if (k == 3)
			fc_unsupported(x, "order_date", at, at + 5, "dates");
		order_release(&o);
		return;
	}
	sd_error_clear(&err);
	if (strstr(x->lc, "ship") != NULL && (fc_find_word(x->lc, "ships",
	    0, &k) || fc_find_word(x->lc, "ship ", 0, &k)) && r >= 0 &&
	    !fc_says(x, "arrive") && !fc_says(x, "deliver"))
		return;	/* leaving the warehouse: check_availability */
	if ((strstr(x->lc, "next-day") != NULL || strstr(x->lc, "next day") !=
	    NULL) && strstr(x->lc, "standard") == NULL && strstr(x->lc,
	    "free") == NULL)
		return;
	fc_unsupported(x, "shipping", at, at + 5, "shipping_options");
}

/* An order's carrier, or the carriers the shipping policy names. */
static void
check_carrier(struct sent *x)
{
	static const char *const carriers[] = { "ups", "fedex", "usps", "dhl",
	    "ontrac", "lasership", "royal mail", "canada post", NULL };
	size_t	 i, at;

	for (i = 0; carriers[i] != NULL; i++)
		if (fc_find_word(x->lc, carriers[i], 0, &at) && (at == 0 ||
		    !isalpha((unsigned char)x->lc[at - 1])) &&
		    !isalpha((unsigned char)x->lc[at + strlen(carriers[i])]) &&
		    !view_has_word(fc_sentence_pool(x), carriers[i],
		    strcspn(carriers[i], " "))) {
			fc_unsupported(x, "carrier", at, at +
			    strlen(carriers[i]), "carrier");
			return;
		}
}


/*
 * Does the sentence state the term whose stems are kw (" a b "), all
 * within a few words?  1 it says so, 0 it denies it (a negation just
 * before or among them), -1 it does not speak of it.
 */
static int
term_claim(struct sent *x, const char *kw)
{
	char	**st = xcalloc(x->nt + 1, sizeof *st);
	size_t	 a, b, i, lo;
	int	 r = -1, all;
	const char *p, *q;

	for (i = 0; i < x->nt; i++)
		st[i] = fc_stem(x->t[i].w, strlen(x->t[i].w));
	for (a = 0; a < x->nt && r < 0; a++)
		for (b = a; b < x->nt && b <= a + 8 && r < 0; b++) {
			all = 1;
			for (p = kw; all && *p != '\0'; p = q) {
				while (*p == ' ')
					p++;
				if (*p == '\0')
					break;
				q = strchr(p, ' ');
				for (i = a; i <= b; i++)
					if (strlen(st[i]) == (size_t)(q - p) &&
					    strncmp(st[i], p, (size_t)(q - p)) ==
					    0)
						break;
				all = i <= b;
			}
			if (!all)
				continue;
			r = 1;
			lo = a > 4 ? a - 4 : 0;
			for (i = lo; i <= b; i++)
				if (neg_word(x, i))
					r = 0;
		}
	for (i = 0; i < x->nt; i++)
		free(st[i]);
	free(st);
	return r;
}

/* Places and absolutes the rows must name themselves. */
static void
check_absolutes(struct sent *x)
{
	static const char *const places[] = { "canada", "mexico", "uk",
	    "united kingdom", "europe", "australia", "germany", "france",
	    "japan", "india", "worldwide", "overseas", "abroad",
	    "internationally", NULL };
	static const char *const absolute[] = { "lifetime", "unlimited",
	    "forever", NULL };
	size_t	 i, at;

	if ((fc_says(x, "ship") || fc_says(x, "deliver")) && !fc_negated(x))
		for (i = 0; places[i] != NULL; i++)
			if (fc_find_word(x->lc, places[i], 0, &at) &&
			    (at == 0 || !isalpha((unsigned char)x->lc[at -
			    1])) && !isalpha((unsigned char)x->lc[at +
			    strlen(places[i])]) && !view_has_word(
			    fc_sentence_pool(x), places[i],
			    strcspn(places[i], " "))) {
				fc_unsupported(x, "shipping", at, at +
				    strlen(places[i]), "ships_to");
				return;
			}
	for (i = 0; absolute[i] != NULL; i++)
		if (fc_find_word(x->lc, absolute[i], 0, &at) &&
		    !view_has_word(fc_sentence_pool(x), absolute[i],
		    strlen(absolute[i]))) {
			fc_unsupported(x, "terms", at, at + strlen(absolute[i]),
			    absolute[i]);
			return;
		}
}

/*
 * A policy's lists of what it excludes ("excludes", "non_returnable_
 * categories", "not_eligible_categories"...): a sentence granting one
 * of them ("covers accidental damage") is wrong unless it denies it.
 */
static void
check_exclusions(struct sent *x, const cJSON *root, const char *id)
{
	static const char *const grant[] = { "cover", "includ", "eligibl",
	    "returnabl", "return", "accept", "appl", "qualif", "match", NULL };
	const cJSON	*it, *e;
	size_t		 i, w, n, hit;
	int		 first;
	const char	*v;
	char		*st, *key;

	for (i = 0; grant[i] != NULL; i++)
		if (strstr(x->stems, grant[i]) != NULL)
			break;
	if (grant[i] == NULL || fc_negated(x))
		return;
	cJSON_ArrayForEach(it, root) {
		if (!cJSON_IsArray(it) || (strstr(it->string, "exclu") ==
		    NULL && strncmp(it->string, "non_", 4) != 0 &&
		    strncmp(it->string, "not_", 4) != 0))
			continue;
		cJSON_ArrayForEach(e, it) {
			if (!cJSON_IsString(e))
				continue;
			v = e->valuestring;
			n = hit = 0;
			first = -1;
			for (i = 0; v[i] != '\0'; i = w) {
				while (v[i] != '\0' && !isalnum((unsigned char)
				    v[i]))
					i++;
				for (w = i; isalnum((unsigned char)v[w]); w++)
					;
				if (w - i < 4)
					continue;
				st = fc_stem(v + i, w - i);
				key = xasprintf(" %s ", st);
				n++;
				if (strstr(x->stems, key) != NULL) {
					hit++;
					if (first < 0)
						first = 1;
				} else if (first < 0)
					first = 0;
				free(st);
				free(key);
			}
			if (n > 0 && first == 1 && hit >= (n < 2 ? n : 2)) {
				fc_claim_add(x->res, "policy", x->s, x->len,
				    FC_UNSUPPORTED, "policy", id, it->string,
				    v, NULL);
				x->drop = 1;
				return;
			}
		}
	}
}

/*
 * A policy's yes/no facts ("international_shipping": false) against
 * what the sentence says, and "no restocking fee" against a fee the
 * policy charges.
 */
static void
check_terms_of(struct sent *x, const char *id, int minstems)
{
	static const char sql[] = "SELECT value FROM meta WHERE key = ?1";
	static const char *const skip[] = { "on", "to", "of", "the", "and",
	    "per", "a", "is", "for", "in", "percent", "days", NULL };
	static const char *const exempt[] = { "unopen", "defect", "damag",
	    "wrong", "other", "accessor", "fit", "waived for", NULL };
	sqlite3_stmt	*s;
	cJSON		*root = NULL, *it;
	char		*key = xasprintf("facts:%s", id), *w, *kw;
	struct sbuf	 stems = SBUF_INIT;
	size_t		 i, k;
	int		 claim, fee, nstems;

	if ((s = store_prepare(x->fc->st, sql, NULL)) != NULL) {
		sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
		if (sqlite3_step(s) == SQLITE_ROW)
			root = cJSON_Parse((const char *)sqlite3_column_text(s,
			    0));
		sqlite3_reset(s);
	}
	if (minstems == 1)
		check_exclusions(x, root, id);
	cJSON_ArrayForEach(it, root) {
		if (x->drop)
			break;
		fee = cJSON_IsNumber(it) && it->valuedouble > 0 &&
		    strstr(it->string, "fee") != NULL;
		if (!cJSON_IsBool(it) && !fee)
			continue;
		sbuf_reset(&stems);
		sbuf_addc(&stems, ' ');
		nstems = 0;
		for (i = 0; it->string[i] != '\0'; i = k) {
			k = i + strcspn(it->string + i, "_");
			w = xstrndup(it->string + i, k - i);
			for (claim = 0; skip[claim] != NULL; claim++)
				if (strcmp(skip[claim], w) == 0)
					break;
			if (skip[claim] == NULL) {
				kw = fc_stem(w, strlen(w));
				sbuf_addf(&stems, "%s ", kw);
				free(kw);
				nstems++;
			}
			free(w);
			if (it->string[k] == '_')
				k++;
		}
		/* A policy only in context: "refundable" alone is too
		 * common a word to be a claim about it. */
		if (nstems < minstems || (claim = term_claim(x, stems.buf)) <
		    0)
			continue;
		if (fee) {
			/* "no restocking fee", "restocking-fee free" */
			if (claim && strstr(x->lc, "free") == NULL &&
			    strstr(x->lc, "waive") == NULL)
				continue;
			for (i = 0; exempt[i] != NULL; i++)
				if (strstr(x->lc, exempt[i]) != NULL)
					break;
			if (exempt[i] != NULL)
				continue;
			claim = !cJSON_IsTrue(it);	/* always differs */
		}
		fc_claim_add(x->res, "policy", x->s, x->len, claim ==
		    cJSON_IsTrue(it) ? FC_SUPPORTED : FC_UNSUPPORTED, "policy",
		    id, it->string, cJSON_IsBool(it) ? (cJSON_IsTrue(it) ?
		    "true" : "false") : NULL, NULL);
		if (claim != cJSON_IsTrue(it)) {
			x->drop = 1;
			break;
		}
	}
	cJSON_Delete(root);
	sbuf_release(&stems);
	free(key);
}

void
fc_scan_claims(struct sent *x)
{
	size_t	 i;

	ensure_stems(x);
	check_product_words(x);
	if (!x->drop)
		check_free(x);
	if (!x->drop)
		check_financing(x);
	if (!x->drop)
		check_availability(x);
	if (!x->drop)
		check_arrival(x);
	if (!x->drop)
		check_carrier(x);
	if (!x->drop)
		check_absolutes(x);
	for (i = 0; i < x->fc->npol && !x->drop; i++)
		if (about_policy(x, x->fc->pol[i].id, 0))
			check_terms_of(x, x->fc->pol[i].id, 1);
		else if (about_policy(x, x->fc->pol[i].id, 1))
			check_terms_of(x, x->fc->pol[i].id, 2);
}
