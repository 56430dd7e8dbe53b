/*
 * factcheck-words.c owns the claims a sentence makes in words: what a
 * product comes with or works with, its colours, availability and
 * restocks, free offers, financing, a policy's yes/no terms, fees and
 * exclusions, an order's carrier and relative dates, destinations and
 * absolutes ("lifetime").  Each is looked up in the rows of what the
 * sentence is about (factcheck-claims.c builds them); one the rows do
 * not back drops its sentence.
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
		    /* "blue" of "Bluetooth" is no colour */
		    !isalpha((unsigned char)x->lc[at + strlen(colors[i])]) &&
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

	if (p < 0 && x->ctx->nskus > 0 && !fc_states_terms(x))
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

/* The end of the n words after byte e (in the same clause). */
static size_t
phrase_end(const struct sent *x, size_t e, int n)
{
	size_t	 p = e;

	while (n-- > 0) {
		while (p < x->len && x->lc[p] == ' ')
			p++;
		if (p < x->len && x->lc[p] == '$')
			p++;
		if (p >= x->len || !isalnum((unsigned char)x->lc[p]))
			break;
		while (p < x->len && isalnum((unsigned char)x->lc[p]))
			p++;
		e = p;
	}
	return e;
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
		/* What the policy itself offers free, in its words ("we
		 * ship a replacement with a free return label"). */
		if (phrase_end(x, e, 2) > e && fc_rows_say(x, at,
		    phrase_end(x, e, 2)))
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
	/* Anything else given free must be free in the rows; an amount
	 * given free ("a free $50 gift card") as the rows word it. */
	if (!view_has_word(fc_sentence_pool(x), "free", 4) || (e + 1 <
	    x->len && (x->s[e + 1] == '$' || isdigit((unsigned char)
	    x->s[e + 1])) && !fc_rows_say(x, at, phrase_end(x, e, 2)))) {
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
		/* On the truck since today: it is delivered today. */
		if (k == 3 && r == 0 && o.ship_status != NULL &&
		    strcmp(o.ship_status, "out_for_delivery") == 0 &&
		    catalog_days_between(o.updated_at, store_now()) == 0)
			k = 0;
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
					    strncmp(st[i], p,
					    (size_t)(q - p)) == 0)
						break;
				all = i <= b;
			}
			if (!all)
				continue;
			r = 1;
			lo = a > 4 ? a - 4 : 0;
			for (i = lo; i <= b; i++)
				if (fc_neg_word(x, i))
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
check_terms_of(struct sent *x, const struct fc_policy *pol, int minstems)
{
	static const char *const skip[] = { "on", "to", "of", "the", "and",
	    "per", "a", "is", "for", "in", "percent", "days", NULL };
	static const char *const exempt[] = { "unopen", "defect", "damag",
	    "wrong", "other", "accessor", "fit", "waived for", NULL };
	const cJSON	*root = pol->facts, *it;
	const char	*id = pol->id;
	char		*w, *kw;
	struct sbuf	 stems = SBUF_INIT;
	size_t		 i, k;
	int		 claim, fee, nstems;

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
	sbuf_release(&stems);
}

void
fc_scan_claims(struct sent *x)
{
	size_t	 i;

	fc_ensure_stems(x);
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
		if (fc_about_policy(x, i, 0))
			check_terms_of(x, &x->fc->pol[i], 1);
		else if (fc_about_policy(x, i, 1))
			check_terms_of(x, &x->fc->pol[i], 2);
}
