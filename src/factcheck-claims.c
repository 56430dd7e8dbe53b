/*
 * factcheck-claims.c owns what a sentence is about and the checks that
 * do not know a phrasing in advance: every quantity of a sentence
 * against the pools of its entities (factcheck-pool.c); the claims made
 * in words are factcheck-words.c's.  Each claim is backed by the rows of
 * what the sentence is about or its sentence is dropped: a sentence the
 * store cannot stand behind is worth less than a shorter reply.
 *
 * Which rows: the products the sentence names (else the one the reply
 * is about, else those in the prompt), the customer's order it names or
 * refers to, the policies its words name (factcheck-policy.c), the
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
	free(x->about);
}

void
fc_ensure_stems(struct sent *x)
{
	if (x->stems == NULL)
		x->stems = fc_stems_of(x->s, x->len);
}

int
fc_says(const struct sent *x, const char *w)
{
	char	*st = fc_stem(w, strlen(w));
	int	 r = fc_has_stem(x->stems, st);

	free(st);
	return r;
}

/*
 * Entity pools are built once and shared by the sentences of a reply
 * and by later replies (fc_rows_check): a comparison table is twenty
 * lines about the same two products, and reading and scanning their
 * rows again for each line and each turn was most of a check's cost.
 */

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

/*
 * The cached pool of kind:id, or a new empty one (*fresh set): rows in
 * the checker's cache, the turn's own words in the reply's.
 */
static struct fc_pool *
cached(struct sent *x, const char *kind, const char *id, int *fresh)
{
	struct fc_cache	**cp, *c;
	char		*key = xasprintf("%s:%s", kind, id);
	size_t		 i;

	cp = strcmp(kind, "customer") == 0 ? &x->res->cache : &x->fc->rows;
	if (*cp == NULL)
		*cp = xcalloc(1, sizeof **cp);
	c = *cp;
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

/*
 * What returning the order, or one item of it, comes to under the
 * return policy: "return it by 2026-12-18", "a $299.85 restocking fee",
 * "you'd get $1,691.16 back" (catalog-returns.c does the sums).
 */
static void
pool_return_quotes(struct sent *x, struct fc_pool *pl, const struct order *o)
{
	struct return_quote q;
	size_t		 i;
	char		*w;

	for (i = 0; i <= o->nitems; i++) {
		if (i == o->nitems && o->nitems == 1)
			break;	/* the whole order is its one item */
		catalog_return_quote(x->fc->st, o, i < o->nitems ?
		    o->items[i].sku : NULL, &q);
		if (q.deadline != NULL)
			pool_num(pl, atoi(q.deadline + 5) * 100 +
			    atoi(q.deadline + 8), "date");
		if (q.fee > 0) {
			pool_num(pl, q.fee, "$");
			pool_num(pl, q.refund_opened, "$");
		}
		pool_num(pl, q.items_total, "$");
		pool_num(pl, q.refund_unopened, "$");
		return_quote_release(&q);
	}
	/* "we refund the difference of $150": a price drop since. */
	for (i = 0; i < o->nitems; i++) {
		struct product	 pr;
		struct sd_error	 err = SD_ERROR_INIT;

		if (catalog_product_by_sku(x->fc->st, o->items[i].sku, &pr,
		    &err) != SD_OK) {
			sd_error_clear(&err);
			continue;
		}
		if (pr.price < o->items[i].unit_price)
			pool_num(pl, o->items[i].unit_price - pr.price, "$");
		/* "covered until 2027-08-27": its warranty from delivery. */
		if (o->delivered_at != NULL && pr.warranty_months > 0 &&
		    (w = catalog_month_add(o->delivered_at,
		    pr.warranty_months)) != NULL) {
			pool_num(pl, atoi(w + 5) * 100 + atoi(w + 8), "date");
			pool_num(pl, atoi(w), "");
			free(w);
		}
		product_release(&pr);
	}
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
	{
		/* The latest event the reply may quote: "refund of $199.99
		 * issued to Mastercard ending 2652, on 2026-10-15". */
		char	*at = NULL, *note;

		note = catalog_order_last_event(x->fc->st, id, &at);
		pool_order_event(pl, note, at);
		free(note);
		free(at);
	}
	/* "you still have 12 days to return it" */
	if (o.delivered_at != NULL && (w = catalog_policy_fact(x->fc->st,
	    "return_window_days", NULL)) != NULL) {
		pool_num(pl, atof(w) - (double)catalog_days_between(
		    o.delivered_at, store_now()), "day");
		free(w);
	}
	pool_return_quotes(x, pl, &o);
	order_release(&o);
}

static void
pool_add_document(struct sent *x, const char *kind, const char *id)
{
	struct fc_pool	*pl;
	size_t		 i;
	int		 fresh;

	for (i = 0; i < x->fc->npol; i++)
		if (strcmp(x->fc->pol[i].id, id) == 0) {
			view_add(x, x->fc->pol[i].pool, kind, id);
			return;
		}
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
	fc_ensure_stems(x);
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
		if (fc_about_policy(x, i, 1))
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
view_backs(const struct fc_view *v, const struct fq *q, const char **id,
    int no_products)
{
	const char	*k;
	size_t		 i;

	for (i = 0; i < v->n; i++) {
		if (no_products && v->p[i]->nsrc > 0 &&
		    strcmp(v->p[i]->src[0], "product") == 0)
			continue;
		if ((k = pool_backs(v->p[i], q, id)) != NULL)
			return k;
	}
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

int
fc_neg_word(const struct sent *x, size_t i)
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
	free(x->about);
	x->about = NULL;
	x->view.p = NULL;
	x->view.n = 0;
	x->view_built = 0;
	free(x->ev_id);
	x->ev_id = NULL;
	x->ev_kind = NULL;
	return all;
}

int
fc_rows_say(struct sent *x, size_t s, size_t e)
{
	const struct fc_view *v = fc_sentence_pool(x);
	char		*ph = fc_stems_of(x->s + s, e - s);
	size_t		 i;
	int		 r = 0;

	for (i = 0; i < v->n && !r && strlen(ph) > 1; i++)
		r = strstr(v->p[i]->text.buf, ph) != NULL;
	free(ph);
	return r;
}

int
fc_negated(const struct sent *x)
{
	size_t	 i;

	for (i = 0; i < x->nt; i++)
		if (fc_neg_word(x, i))
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

/* Comparatives a gap is stated with ("1 kg heavier"). */
static const char *const gap_comparatives[] = { "heavier", "lighter",
	"longer", "shorter", "bigger", "smaller", "wider", "narrower",
	"faster", "slower", "more", "less", "fewer", NULL };

/*
 * Is the word after the quantity q (or after its unit word, "1 kg
 * heavier", "2 inches bigger") a comparative?
 */
static int
gap_comparative_after(const struct sent *x, const struct fq *q)
{
	size_t	 i = q->e, w, k, n;
	int	 words;

	for (words = 0; words < 2; words++) {
		while (i < x->len && x->s[i] == ' ')
			i++;
		for (w = i; i < x->len && isalpha((unsigned char)x->s[i]); i++)
			;
		if ((n = i - w) == 0)
			return 0;
		for (k = 0; gap_comparatives[k] != NULL; k++)
			if (strlen(gap_comparatives[k]) == n &&
			    strncasecmp(x->s + w, gap_comparatives[k], n) == 0)
				return 1;
	}
	return 0;
}

/*
 * "2.5 kg and 1.5 kg: 1 kg heavier": a quantity followed by a
 * comparative, after two quantities of its unit in the same sentence
 * (not in a name), claims their difference (1); so does money right
 * before "less than" or "more than" ("$249 paid, $99 now: $150 less
 * than you paid", the two amounts already read as prices or left to
 * the pools), never a percent.  o: the two, the nearer first.
 */
static int
gap_claim(const struct sent *x, const struct fq_list *l, size_t i,
    const struct fq **o)
{
	const struct fq	*q = &l->v[i];
	size_t		 a;
	int		 n = 0, money = strcmp(q->unit, "$") == 0;

	if (q->range || q->words || q->unit[0] == '\0' ||
	    strcmp(q->unit, "%") == 0 || !gap_comparative_after(x, q))
		return 0;
	/* Money only right before "less than" or "more than": "$599 or
	 * more" is a threshold. */
	if (money && strncmp(x->lc + q->e, " less than", 10) != 0 &&
	    strncmp(x->lc + q->e, " more than", 10) != 0)
		return 0;
	for (a = i; a-- > 0 && n < 2; ) {
		if (strcmp(l->v[a].unit, q->unit) != 0 || (!money &&
		    covered(x, l->v[a].s, l->v[a].e)))
			continue;
		if (l->v[a].range)
			return 0;
		o[n++] = &l->v[a];
	}
	return n == 2;
}

/*
 * A gap claimed is backed only when it is exactly (to the hundredth)
 * the difference of its two quantities, both backed: as they are (the
 * kind of the farther).  NULL when it is not, even when another row
 * states the same number ("2.7 kg heavier" of 2.7 kg and 1.34 kg).
 */
static const char *
gap_backs(struct sent *x, const struct fq *q, const struct fq **o,
    int terms, const char **id)
{
	const char	*ka, *ida, *idb;

	if (q->lo <= 0 || fabs(fabs(o[0]->lo - o[1]->lo) - q->lo) > 0.005 +
	    1e-9 * q->lo)
		return NULL;
	if ((ka = view_backs(fc_sentence_pool(x), o[1], &ida, terms)) ==
	    NULL || view_backs(fc_sentence_pool(x), o[0], &idb, terms) ==
	    NULL)
		return NULL;
	*id = ida;
	return ka;
}

/* The byte before s that is not a space (0 when none). */
static char
char_before(const struct sent *x, size_t s)
{
	while (s > 0 && x->s[s - 1] == ' ')
		s--;
	return s > 0 ? x->s[s - 1] : '\0';
}

/* Is [s, e) in a product's name ("SanDisk 256GB")?  An amount already
 * checked as a price is still an operand. */
static int
in_name(const struct sent *x, size_t s, size_t e)
{
	size_t	 i;

	for (i = 0; i < x->nm; i++)
		if (x->m[i].s <= s && e <= x->m[i].e && x->m[i].s < x->m[i].e)
			return 1;
	return 0;
}

/* Where an amount starts, its "$" included. */
static size_t
money_start(const struct sent *x, const struct fq *q)
{
	return q->s > 0 && x->s[q->s - 1] == '$' ? q->s - 1 : q->s;
}

/* Is [a, b) only spaces around one "x" or "*" (a count's "2 x"): 1;
 * only spaces: 0; anything else: -1. */
static int
times_between(const struct sent *x, size_t a, size_t b)
{
	int	 seen = 0;

	for (; a < b; a++) {
		if (x->s[a] == ' ')
			continue;
		if ((x->s[a] != 'x' && x->s[a] != '*') || seen)
			return -1;
		seen = 1;
	}
	return seen;
}

/*
 * "$109.99 + $24.99 = $134.98", "2 x $179.99 = $359.98", "$1,099 - 5% =
 * $1,044.05": an amount after "=" claims what the amounts before it come
 * to, back to the clause's start (a line, ":" or an earlier "=").  Each
 * amount is added (subtracted after "-"), times a count said before it
 * ("2 x"); a percent after "-" takes that share off the sum so far
 * (an operand too, which must be backed like the amounts).  1
 * with *sum set when the amount is such a claim, o: the operands (at
 * most max), *no their number; names' numbers ("SanDisk 256GB") are not
 * operands.
 */
static int
sum_claim(const struct sent *x, const struct fq_list *l, size_t i,
    double *sum, const struct fq **o, size_t max, size_t *no)
{
	const struct fq	*q = &l->v[i], *c;
	size_t		 a, eq, from, k;
	double		 n;
	char		 op;

	if (strcmp(q->unit, "$") != 0 || q->range ||
	    char_before(x, money_start(x, q)) != '=')
		return 0;
	/* The clause: back to a line's start, a colon or another "=". */
	for (eq = q->s; eq > 0 && x->s[eq - 1] != '='; eq--)
		;
	for (from = --eq; from > 0 && strchr("\n:=", x->s[from - 1]) ==
	    NULL; from--)
		;
	for (a = 0; a < i && l->v[a].s < from; a++)
		;
	*sum = 0;
	*no = 0;
	for (k = a; k < i; k++) {
		c = &l->v[k];
		if (c->e > eq || in_name(x, c->s, c->e) || c->range)
			continue;
		op = char_before(x, money_start(x, c));
		if (strcmp(c->unit, "%") == 0) {
			if (op != '-' || *no == 0)
				return 0;
			*sum *= 1 - c->lo / 100;
			/* The share taken off is an operand: backed too. */
			if (*no < max)
				o[(*no)++] = c;
			continue;
		}
		if (strcmp(c->unit, "$") != 0) {
			/* A count: "2 x" just before an amount; any other
			 * number is no operand. */
			if ((c->unit[0] != '\0' && strcmp(c->unit, "x") !=
			    0) || k + 1 >= i || strcmp(l->v[k + 1].unit,
			    "$") != 0 || times_between(x, c->e,
			    money_start(x, &l->v[k + 1])) != (c->unit[0] ==
			    '\0'))
				continue;
			n = c->lo;
			c = &l->v[++k];
		} else
			n = 1;
		if (*no < max)
			o[(*no)++] = c;
		*sum += op == '-' && *no > 1 ? -n * c->lo : n * c->lo;
	}
	return *no > 0;
}

/* Is quantity i the count of an operand of a sum claimed later in its
 * clause ("2 x $179.99 = $359.98")?  The sum checks it. */
static int
sum_count(const struct sent *x, const struct fq_list *l, size_t i)
{
	const struct fq	*q = &l->v[i], *o[16];
	size_t		 j, a, no;
	double		 sum;

	if (i + 1 >= l->n || strcmp(l->v[i + 1].unit, "$") != 0 ||
	    times_between(x, q->e, money_start(x, &l->v[i + 1])) !=
	    (q->unit[0] == '\0') || (q->unit[0] != '\0' &&
	    strcmp(q->unit, "x") != 0))
		return 0;
	for (j = i + 2; j < l->n; j++) {
		for (a = q->e; a < l->v[j].s && x->s[a] != '\n' &&
		    x->s[a] != ':'; a++)
			;
		if (a < l->v[j].s)
			return 0;
		if (sum_claim(x, l, j, &sum, o, 16, &no))
			return 1;
	}
	return 0;
}

/*
 * A sum claimed is backed only when every operand is and it is exactly
 * (to the cent) what they come to; an amount another row happens to
 * state does not back it.
 */
static const char *
sum_backs(struct sent *x, const struct fq *q, double sum,
    const struct fq **o, size_t no, int terms, const char **id)
{
	const char	*k = NULL, *oid;
	size_t		 j;

	if (fabs(q->lo - (double)llround(sum * 100) / 100) > 0.005)
		return NULL;
	for (j = 0; j < no; j++)
		if ((k = view_backs(fc_sentence_pool(x), o[j], &oid, terms)) ==
		    NULL)
			return NULL;
		else if (j == 0)
			*id = oid;
	return k;
}

void
fc_scan_numbers(struct sent *x)
{
	struct fq_list	 l;
	const struct fc_view *p;
	const struct fq	*o[2], *so[16];
	const char	*kind, *id;
	size_t		 i, nso;
	double		 total;
	int		 terms, gap, sum;

	memset(&l, 0, sizeof l);
	fq_scan(x->s, x->len, &l);
	/* A policy's terms are backed by the policy, not by the numbers of
	 * the product before ("after 5 failed sign-in attempts"). */
	terms = l.n > 0 && fc_states_terms(x);
	for (i = 0; i < l.n && !x->drop; i++) {
		const struct fq *q = &l.v[i];

		/* "#12345" names an order or an item: scan_orders owns it. */
		if (covered(x, q->s, q->e) || (q->s > 0 && x->s[q->s - 1] ==
		    '#') || list_marker(x, q) || sum_count(x, &l, i))
			continue;
		p = fc_sentence_pool(x);
		if ((sum = sum_claim(x, &l, i, &total, so, 16, &nso))) {
			if ((kind = sum_backs(x, q, total, so, nso, terms,
			    &id)) != NULL)
				fc_claim_add(x->res, "number", x->s + q->s,
				    q->e - q->s, FC_SUPPORTED,
				    static_kind(kind), id, "sum", NULL, NULL);
			else
				fc_unsupported(x, "number", q->s, q->e, "sum");
		} else if ((gap = gap_claim(x, &l, i, o)) &&
		    (kind = gap_backs(x, q, o, terms, &id)) != NULL)
			fc_claim_add(x->res, "number", x->s + q->s,
			    q->e - q->s, FC_SUPPORTED, static_kind(kind), id,
			    "difference", NULL, NULL);
		else if (!gap && (kind = view_backs(p, q, &id, terms)) != NULL)
			fc_claim_add(x->res, "number", x->s + q->s,
			    q->e - q->s, FC_SUPPORTED, static_kind(kind), id,
			    q->unit[0] != '\0' ? q->unit : "value", NULL,
			    NULL);
		else
			fc_unsupported(x, "number", q->s, q->e,
			    q->unit[0] != '\0' ? q->unit : "value");
	}
	fq_list_release(&l);
}
