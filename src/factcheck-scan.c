/*
 * factcheck-scan.c owns what product a claim is about and the claims
 * about a product that have a known phrasing: a price next to a product
 * ("$1,299", "down from $1,499"), a rating ("4.7/5") or review count and
 * stock ("in stock", "only 3 left").  Each is decided from the product's
 * row and, where the row says otherwise, corrected in place; an amount
 * that is an order's or a policy's is left to the allow-list
 * (factcheck-claims.c), and a policy's terms are factcheck-terms.c's.
 */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <sqlite3.h>

#include "shopdesk.h"
#include "catalog.h"
#include "factcheck.h"
#include "factcheck-int.h"
#include "sbuf.h"
#include "store.h"

/* Does the sentence name a policy (its tags, a [D:] citation; with no
 * product named, the policies in the turn's context too)? */
int
fc_names_policy(struct sent *x)
{
	size_t	 k;

	for (k = 0; k < x->fc->npol; k++)
		if (fc_about_policy(x, k, !x->has_product))
			return 1;
	return 0;
}

/* Does the sentence point back to a product ("it", "its", "this one")? */
static int
refers_back(const struct sent *x)
{
	static const char *const refs[] = { "it", "its", "this", "these",
	    "both", "they", "them", NULL };
	size_t	 i, k;

	for (i = 0; i < x->nt; i++)
		for (k = 0; refs[k] != NULL; k++)
			if (strcmp(x->t[i].w, refs[k]) == 0)
				return 1;
	return 0;
}

int
fc_states_terms(struct sent *x)
{
	/* About the customer's order, the policy's terms are the order's
	 * ("the price is $369 now, so you save $130"). */
	return x->nm == 0 && x->order_id == NULL && x->res->order == NULL &&
	    !refers_back(x) && fc_names_policy(x);
}

/*
 * The product a claim at byte pos is about, or -1.  A sentence that
 * names no product and does not point back to one, while it names a
 * policy, states the policy's terms ("Most electronics carry a 1-year
 * manufacturer warranty", "Orders of $250 or more can be paid over
 * time"): checked against the product of the sentence before, true
 * policy sentences were "corrected" to the product's data.  Such a
 * sentence is the allow-list's, which holds the policy's values.
 */
long
fc_subject_at(struct sent *x, size_t pos)
{
	long	 p = -1;
	size_t	 i;

	if (fc_states_terms(x))
		return -1;
	for (i = 0; i < x->nm; i++)
		if (x->m[i].s <= pos)
			p = x->m[i].prod;
	if (p < 0 && x->nm > 0)
		p = x->m[0].prod;
	/* After several products, "it" (or a table row) is ambiguous. */
	if (p < 0 && x->res->nseen < 2)
		p = x->res->subject;
	if (p < 0 && x->ctx->nskus == 1)
		p = fc_sku_lookup(x->fc, x->ctx->skus[0]);
	return p;
}

/*
 * The product a claim at [s, e) is about: one named right after it ("4.5/5
 * for the Acer Nitro 5", "$899 for the Nitro") is the claim's, though
 * another product was named before it in the sentence (a comparison);
 * else fc_subject_at's.
 */
long
fc_subject_of(struct sent *x, size_t s, size_t e)
{
	static const char *const joins[] = { "for the ", "for ", "of the ",
	    "on the ", NULL };
	size_t	 i, k, p;

	/* The claim's unit first: "/5", " out of 5", " stars". */
	for (p = e; p < x->len && x->lc[p] != ' ' && x->lc[p] != ',' &&
	    x->lc[p] != '.'; p++)
		;
	if (strncmp(x->lc + p, " out of 5", 9) == 0)
		p += 9;
	else if (strncmp(x->lc + p, " stars", 6) == 0)
		p += 6;
	while (p < x->len && x->lc[p] == ' ')
		p++;
	for (k = 0; joins[k] != NULL; k++)
		if (strncmp(x->lc + p, joins[k], strlen(joins[k])) == 0)
			break;
	if (joins[k] != NULL) {
		p += strlen(joins[k]);
		for (i = 0; i < x->nm; i++)
			if (x->m[i].s == p && x->m[i].e > x->m[i].s)
				return x->m[i].prod;
	}
	return fc_subject_at(x, s);
}

int
fc_load_product(struct sent *x, long p, struct product *pr)
{
	struct sd_error	 err = SD_ERROR_INIT;
	int		 ok;

	memset(pr, 0, sizeof *pr);
	ok = p >= 0 && catalog_product_by_sku(x->fc->st, x->fc->sku[p], pr,
	    &err) == SD_OK;
	sd_error_clear(&err);
	return ok;
}

/* Does the window of lc before pos (n bytes) contain w?  Asked a
 * dozen times for each amount: the window is searched in place. */
int
fc_before(struct sent *x, size_t pos, size_t n, const char *w)
{
	size_t	 s = pos > n ? pos - n : 0;

	return memmem(x->lc + s, pos - s, w, strlen(w)) != NULL;
}

int
fc_after(struct sent *x, size_t pos, size_t n, const char *w)
{
	size_t	 e = pos + n < x->len ? pos + n : x->len;

	return pos < e && memmem(x->lc + pos, e - pos, w, strlen(w)) != NULL;
}

int
fc_near(struct sent *x, size_t s, size_t e, size_t n, const char *w)
{
	return fc_before(x, s, n, w) || fc_after(x, e, n, w);
}

/* A number at p: digits with thousands commas and a decimal part. */
static size_t
number_at(const char *s, size_t len, size_t p, double *v)
{
	struct sbuf	 d = SBUF_INIT;
	size_t		 i = p;

	while (i < len && (isdigit((unsigned char)s[i]) || (s[i] == ',' &&
	    i + 3 < len + 1 && i > p && isdigit((unsigned char)s[i + 1])) ||
	    (s[i] == '.' && i + 1 < len && isdigit((unsigned char)s[i + 1])))) {
		if (s[i] != ',')
			sbuf_addc(&d, s[i]);
		i++;
	}
	*v = d.len > 0 ? strtod(d.buf, NULL) : 0;
	sbuf_release(&d);
	return i;
}

/*
 * The price a sale is "down from": the product's list price (the
 * allow-list alone takes the sale price there too).  1 when decided.
 */
static int
check_list_price(struct sent *x, size_t s, size_t e, double v)
{
	struct product	 pr;
	struct fc_claim	*c;
	char		*val, *rep;
	int		 done;

	if (!fc_load_product(x, fc_subject_of(x, s, e), &pr))
		return 0;
	if ((done = pr.list_price > pr.price)) {
		val = fc_fmt_num(pr.list_price);
		rep = catalog_money(pr.list_price, pr.currency);
		c = fc_claim_add(x->res, "price", x->s + s, e - s,
		    fabs(pr.list_price - v) < 0.005 ? FC_SUPPORTED :
		    FC_CORRECTED, "product", pr.sku, "list_price", val,
		    fabs(pr.list_price - v) < 0.005 ? NULL : rep);
		fc_edit_add(x, s, e, c->corrected, c);
		free(val);
		free(rep);
	}
	product_release(&pr);
	return done;
}

/* Does a product's name end just before byte s, in the same clause? */
static int
after_name(const struct sent *x, size_t s)
{
	size_t	 i, j;

	for (i = 0; i < x->nm; i++) {
		if (x->m[i].e > s || x->m[i].e == x->m[i].s ||
		    s - x->m[i].e > 32)
			continue;
		for (j = x->m[i].e; j < s && strchr(";:", x->s[j]) == NULL;
		    j++)
			;
		if (j == s)
			return 1;
	}
	return 0;
}

/*
 * Is the amount at [s, e) another record's than a product's price?  In a
 * sentence about the customer's order it is the order's (its total, what
 * was paid) unless a price word says otherwise ("the price is $1,199
 * now"); in a sentence about a policy it is the policy's ("Products
 * priced $50 and up", "the $7.99 label", "below that it costs $5.99")
 * unless it follows a product's name or names one after it.  Both are
 * left to the allow-list, which holds the order's and the policy's
 * values, instead of being "corrected" to a product's price.
 */
static int
other_amount(struct sent *x, size_t s, size_t e)
{
	if (x->order_id != NULL)
		return !(fc_before(x, s, 16, "cost") || fc_before(x, s, 16,
		    "price") || fc_before(x, s, 12, "now") || fc_after(x, e,
		    5, " now"));
	if (!fc_names_policy(x))
		return 0;
	return !after_name(x, s) && fc_subject_of(x, s, e) ==
	    fc_subject_at(x, s);
}

/*
 * Is the amount at [s, e) taken off in a sum claimed after it ("$1,449
 * - $50 = $1,399")?  It is that sum's operand, which fc_scan_numbers
 * backs with the sum, not a product's price.
 */
static int
minus_operand(struct sent *x, size_t s, size_t e)
{
	size_t	 j;

	if (!fc_before(x, s, 3, "- "))
		return 0;
	for (j = e; j < x->len && strchr("\n:;=", x->s[j]) == NULL; j++)
		;
	return j < x->len && x->s[j] == '=';
}

void
fc_scan_money(struct sent *x)
{
	static const char *const qual[] = { "under ", "below ", "less than ",
	    "up to ", "budget", "within ", "around ", "about ", "save ",
	    "saving ", "over ", "above ", "more than ", "cheaper", "plus ",
	    "extra ", "from ", "between ", "and ", "to ", "paid ",
	    "refund of ", NULL };
	struct product	 pr;
	struct fc_claim	*c;
	size_t		 i, e;
	double		 v;
	long		 p;
	int		 q;
	char		*money, *val;

	for (i = 0; i + 1 < x->len; i++) {
		if (x->s[i] != '$' || !isdigit((unsigned char)x->s[i + 1]))
			continue;
		e = number_at(x->s, x->len, i + 1, &v);
		if (fc_near(x, i, e, 30, "return") && (fc_near(x, i, e, 30,
		    "label") || fc_near(x, i, e, 30, "return shipping"))) {
			fc_check_policy(x, "return_shipping_fee", i, e, v, 1);
			continue;
		}
		if ((fc_before(x, i, 30, "orders") || fc_after(x, e, 12,
		    "or more")) && strstr(x->lc, "ship") != NULL) {
			fc_check_policy(x, "free_shipping_threshold", i, e, v,
			    1);
			continue;
		}
		if ((fc_before(x, i, 30, "plan") || fc_before(x, i, 30,
		    "protect") || fc_before(x, i, 30, "coverage")) &&
		    fc_check_plan(x, i, e, v))
			continue;
		if (fc_near(x, i, e, 25, "shipping") || fc_after(x, e, 6,
		    " off") || fc_near(x, i, e, 25, "fee") ||
		    fc_before(x, i, 30, "plan") || fc_before(x, i, 30,
		    "protect") || fc_before(x, i, 30, "coverage") ||
		    fc_before(x, i, 30, "warranty") ||
		    fc_after(x, e, 9, " in total") || fc_before(x, i, 2, "=") ||
		    minus_operand(x, i, e))
			continue;	/* not a product's price (a cart's sum
					   is backed by the state, "= $X" is
					   fc_scan_numbers' sum) */
		/* "$150 less than you paid": the gap between two amounts
		 * said before, which fc_scan_numbers checks. */
		if (fc_after(x, e, 10, " less than") || fc_after(x, e, 10,
		    " more than"))
			continue;
		if ((fc_before(x, i, 11, "down from") || fc_before(x, i, 13,
		    "reduced from") || fc_before(x, i, 11, "regularly")) &&
		    check_list_price(x, i, e, v))
			continue;
		for (q = 0; qual[q] != NULL; q++)
			if (fc_before(x, i, strlen(qual[q]) + 1, qual[q]))
				break;
		if (qual[q] != NULL || fc_after(x, e, 8, " budget") ||
		    fc_before(x, i, 16, "sav") || fc_before(x, i, 16,
		    "discount"))
			continue;	/* the allow-list checks savings */
		if (other_amount(x, i, e) || (p = fc_subject_of(x, i, e)) < 0 ||
		    !fc_load_product(x, p, &pr))
			continue;
		val = fc_fmt_num(pr.price);
		if (fabs(pr.price - v) < 0.005) {
			c = fc_claim_add(x->res, "price", x->s + i, e - i,
			    FC_SUPPORTED, "product", pr.sku, "price", val,
			    NULL);
			fc_edit_add(x, i, e, NULL, c);
		} else if (pr.list_price > 0 && fabs(pr.list_price - v) <
		    0.005) {
			free(val);
			val = fc_fmt_num(pr.list_price);
			c = fc_claim_add(x->res, "price", x->s + i, e - i,
			    FC_SUPPORTED, "product", pr.sku, "list_price", val,
			    NULL);
			fc_edit_add(x, i, e, NULL, c);
		} else {
			money = catalog_money(pr.price, pr.currency);
			c = fc_claim_add(x->res, "price", x->s + i, e - i,
			    FC_CORRECTED, "product", pr.sku, "price", val,
			    money);
			fc_edit_add(x, i, e, money, c);
			free(money);
		}
		free(val);
		product_release(&pr);
		i = e - 1;
	}
}

/* Ratings ("4.6/5", "4.6 out of 5", "4.6 stars") and review counts. */
void
fc_scan_ratings(struct sent *x)
{
	struct product	 pr;
	struct fc_claim	*c;
	size_t		 i, e, k;
	double		 v;
	long		 p;
	int		 rating, reviews;
	char		*val, *rep;

	for (i = 0; i < x->len; i++) {
		if (!isdigit((unsigned char)x->s[i]) || (i > 0 &&
		    (isalnum((unsigned char)x->s[i - 1]) || x->s[i - 1] == '.' ||
		    x->s[i - 1] == ',' || x->s[i - 1] == '$' ||
		    x->s[i - 1] == '#' || x->s[i - 1] == '/')))
			continue;
		e = number_at(x->s, x->len, i, &v);
		k = e;
		while (k < x->len && x->s[k] == ' ')
			k++;
		rating = v <= 5 && (strncmp(x->lc + k, "/5", 2) == 0 ||
		    strncmp(x->lc + k, "/ 5", 3) == 0 ||
		    strncmp(x->lc + k, "out of 5", 8) == 0 ||
		    strncmp(x->lc + k, "star", 4) == 0);
		reviews = strncmp(x->lc + k, "review", 6) == 0 ||
		    strncmp(x->lc + k, "customer review", 15) == 0 ||
		    strncmp(x->lc + k, "rating", 6) == 0 ||
		    strncmp(x->lc + k, "verified review", 15) == 0;
		if ((!rating && !reviews) || (p = fc_subject_of(x, i, e)) < 0 ||
		    !fc_load_product(x, p, &pr)) {
			i = e > i ? e - 1 : i;
			continue;
		}
		if (rating) {
			val = xasprintf("%.1f", pr.rating);
			if (pr.review_count == 0 && pr.rating == 0)
				c = fc_claim_add(x->res, "rating", x->s + i,
				    e - i,
				    FC_CONTRADICTED, "product", pr.sku,
				    "rating", "unrated", NULL);
			else if (fabs(pr.rating - v) < 0.05)
				c = fc_claim_add(x->res, "rating", x->s + i,
				    e - i,
				    FC_SUPPORTED, "product", pr.sku, "rating",
				    val, NULL);
			else
				c = fc_claim_add(x->res, "rating", x->s + i,
				    e - i,
				    FC_CORRECTED, "product", pr.sku, "rating",
				    val, val);
			fc_edit_add(x, i, e, c->corrected, c);
			free(val);
		} else {
			val = xasprintf("%lld", pr.review_count);
			if ((long long)v == pr.review_count)
				c = fc_claim_add(x->res, "reviews", x->s + i,
				    e - i, FC_SUPPORTED, "product", pr.sku,
				    "review_count", val, NULL);
			else {
				rep = xasprintf("%lld", pr.review_count);
				c = fc_claim_add(x->res, "reviews", x->s + i,
				    e - i, FC_CORRECTED, "product", pr.sku,
				    "review_count", val, rep);
				free(rep);
			}
			fc_edit_add(x, i, e, c->corrected, c);
			free(val);
		}
		product_release(&pr);
		i = e - 1;
	}
}

int
fc_find_word(const char *lc, const char *w, size_t from, size_t *at)
{
	const char	*p = strstr(lc + from, w);

	if (p == NULL)
		return 0;
	*at = (size_t)(p - lc);
	return 1;
}

/* "in stock", "out of stock", "only 3 left", "3 in stock". */
void
fc_scan_stock(struct sent *x)
{
	struct product	 pr;
	struct fc_claim	*c;
	size_t		 at, s, e, from = 0;
	double		 v;
	long		 p;
	char		*val, *rep;

	while (fc_find_word(x->lc, "stock", from, &at) ||
	    fc_find_word(x->lc, " left", from, &at)) {
		from = at + 5;
		s = at;
		e = at + 5;
		/* Count claims: "3 left", "3 in stock", "3 units left". */
		{
			size_t	 k = at, d;
			char	*ws;

			if (strncmp(x->lc + at, "stock", 5) == 0 && at >= 3 &&
			    strncmp(x->lc + at - 3, "in ", 3) == 0)
				k = at - 3;
			while (k > 0 && x->lc[k - 1] == ' ')
				k--;
			ws = NULL;
			if (k >= 6 && strncmp(x->lc + k - 6, " units", 6) == 0)
				k -= 6;
			d = k;
			while (d > 0 && isdigit((unsigned char)x->lc[d - 1]))
				d--;
			if (d < k && (d == 0 || !isalnum((unsigned char)
			    x->lc[d - 1]))) {
				number_at(x->s, x->len, d, &v);
				if ((p = fc_subject_at(x, d)) < 0 ||
				    !fc_load_product(x, p, &pr))
					continue;
				val = xasprintf("%lld", pr.stock);
				if ((long long)v == pr.stock)
					c = fc_claim_add(x->res, "stock",
					    x->s + d,
					    e - d, FC_SUPPORTED, "product",
					    pr.sku, "stock", val, NULL);
				else {
					rep = xasprintf("%lld", pr.stock);
					c = fc_claim_add(x->res, "stock",
					    x->s + d,
					    e - d, FC_CORRECTED, "product",
					    pr.sku, "stock", val, rep);
					free(rep);
				}
				fc_edit_add(x, d, k, c->corrected, c);
				free(val);
				product_release(&pr);
				free(ws);
				continue;
			}
			free(ws);
		}
		if (strncmp(x->lc + at, "stock", 5) != 0)
			continue;
		if (at >= 7 && strncmp(x->lc + at - 7, "out of ", 7) == 0)
			s = at - 7;
		else if (at >= 3 && strncmp(x->lc + at - 3, "in ", 3) == 0)
			s = at - 3;
		else
			continue;
		if (fc_before(x, s, 12, "back ") || fc_before(x, s, 12,
		    "when "))
			continue;	/* "when it is back in stock" */
		if ((p = fc_subject_at(x, s)) < 0 ||
		    !fc_load_product(x, p, &pr))
			continue;
		val = xasprintf("%lld", pr.stock);
		if ((x->lc[s] == 'i') == (pr.stock > 0))
			c = fc_claim_add(x->res, "stock", x->s + s, e - s,
			    FC_SUPPORTED, "product", pr.sku, "stock", val,
			    NULL);
		else
			c = fc_claim_add(x->res, "stock", x->s + s, e - s,
			    FC_CORRECTED, "product", pr.sku, "stock", val,
			    pr.stock > 0 ? "in stock" : "out of stock");
		fc_edit_add(x, s, e, c->corrected, c);
		free(val);
		product_release(&pr);
	}
}

