/*
 * factcheck-terms.c owns the claims about a policy's terms with a known
 * phrasing: the number of days of a window ("30-day return window",
 * "refund within 5 business days"), a fee or threshold ("15% restocking
 * fee", "free on orders of $49 or more") and a protection plan's price
 * for the product ("the 2-year plan costs $149.99").  Each is decided
 * from the policy's facts (the "facts:<policy>" meta entries) and, where
 * they say otherwise, corrected in place; a number no cue ties to one
 * fact is left to the allow-list.
 */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
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

/* A policy fact by key: value and the policy's id.  0 when absent. */
static int
policy_fact(struct store *st, const char *key, double *v, char **doc)
{
	static const char sql[] = "SELECT substr(key, 7),"
	    " json_extract(value, '$.' || ?1) FROM meta"
	    " WHERE key LIKE 'facts:%' AND json_valid(value)"
	    " AND json_type(value, '$.' || ?1) IN ('integer', 'real')"
	    " ORDER BY key LIMIT 1";
	sqlite3_stmt	*s;
	int		 found = 0;

	if ((s = store_prepare(st, sql, NULL)) == NULL)
		return 0;
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW) {
		*doc = xstrdup((const char *)sqlite3_column_text(s, 0));
		*v = sqlite3_column_double(s, 1);
		found = 1;
	}
	sqlite3_reset(s);
	return found;
}

char *
fc_fmt_num(double v)
{
	if (v == floor(v) && fabs(v) < 1e15)
		return xasprintf("%.0f", v);
	return xasprintf("%.2f", v);
}

/* A numeric policy claim at [s, e) whose number is v; money: 1 an
 * amount, 2 a number of days written in weeks. */
void
fc_check_policy(struct sent *x, const char *key, size_t s, size_t e, double v,
    int money)
{
	double		 truth;
	char		*doc = NULL, *val, *rep = NULL;
	struct fc_claim	*c;

	if (!policy_fact(x->fc->st, key, &truth, &doc))
		return;
	val = fc_fmt_num(truth);
	if (fabs(truth - v) < 0.005) {
		c = fc_claim_add(x->res, "policy", x->s + s, e - s,
		    FC_SUPPORTED, "policy", doc, key, val, NULL);
		fc_edit_add(x, s, e, NULL, c);
	} else {
		rep = money == 1 ? catalog_money(truth, "USD") : money == 2 ?
		    xasprintf("%s days", val) : xstrdup(val);
		c = fc_claim_add(x->res, "policy", x->s + s, e - s,
		    FC_CORRECTED, "policy", doc, key, val, rep);
		fc_edit_add(x, s, e, rep, c);
	}
	free(rep);
	free(val);
	free(doc);
}

/* The plan length (years) named last in the 30 bytes before s, or 0. */
static int
plan_years(const struct sent *x, size_t s)
{
	static const struct {
		const char	*w;
		int		 years;
	} lens[] = { { "2-year", 2 }, { "two-year", 2 }, { "2 year", 2 },
	    { "3-year", 3 }, { "three-year", 3 }, { "3 year", 3 } };
	size_t	 from = s > 30 ? s - 30 : 0, best = 0, k;
	const char *at;
	int	 years = 0;

	for (k = 0; k < sizeof lens / sizeof lens[0]; k++)
		for (at = x->lc + from; (at = strstr(at, lens[k].w)) != NULL &&
		    (size_t)(at - x->lc) < s; at++)
			if (years == 0 || (size_t)(at - x->lc) >= best) {
				best = (size_t)(at - x->lc);
				years = lens[k].years;
			}
	return years;
}

/* The price of a years-long plan for a product priced price, from the
 * tiers of the policy that has them; 0 when no tier takes it. */
static double
plan_price(const struct factcheck *fc, double price, int years,
    const char **doc)
{
	const cJSON	*tiers, *t, *lo, *hi, *v;
	size_t		 k;

	for (k = 0; k < fc->npol; k++) {
		tiers = cJSON_GetObjectItemCaseSensitive(fc->pol[k].facts,
		    "pricing_tiers");
		cJSON_ArrayForEach(t, tiers) {
			lo = cJSON_GetObjectItemCaseSensitive(t, "min_price");
			hi = cJSON_GetObjectItemCaseSensitive(t, "max_price");
			v = cJSON_GetObjectItemCaseSensitive(t, years == 2 ?
			    "two_year" : "three_year");
			if (cJSON_IsNumber(lo) && price >= lo->valuedouble &&
			    (!cJSON_IsNumber(hi) || price <= hi->valuedouble) &&
			    cJSON_IsNumber(v)) {
				*doc = fc->pol[k].id;
				return v->valuedouble;
			}
		}
	}
	return 0;
}

/*
 * A protection plan's price for the product the sentence is about ("the
 * 2-year plan costs $149.99"): the plan's tiers go by the product's
 * price, and every tier's prices are in the policy, so the allow-list
 * alone took another tier's price for this product.  1 when decided.
 */
int
fc_check_plan(struct sent *x, size_t s, size_t e, double v)
{
	struct product	 pr;
	struct fc_claim	*c;
	const char	*doc = NULL;
	double		 truth;
	int		 years = plan_years(x, s);
	char		*val, *rep;

	if (years == 0 || !fc_load_product(x, fc_subject_of(x, s, e), &pr))
		return 0;
	truth = plan_price(x->fc, pr.price, years, &doc);
	if (truth > 0) {
		val = fc_fmt_num(truth);
		rep = catalog_money(truth, pr.currency);
		c = fc_claim_add(x->res, "policy", x->s + s, e - s,
		    fabs(truth - v) < 0.005 ? FC_SUPPORTED : FC_CORRECTED,
		    "policy", doc, years == 2 ? "pricing_tiers.two_year" :
		    "pricing_tiers.three_year", val, fabs(truth - v) < 0.005 ?
		    NULL : rep);
		fc_edit_add(x, s, e, c->corrected, c);
		free(val);
		free(rep);
	}
	product_release(&pr);
	return truth > 0;
}

static int
word_number(const char *lc, size_t s, size_t e, double *v)
{
	static const char *const words[] = { "zero", "one", "two", "three",
	    "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
	    "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
	    "seventeen", "eighteen", "nineteen", "twenty", NULL };
	size_t	 i;

	if (isdigit((unsigned char)lc[s])) {
		*v = strtod(lc + s, NULL);
		return 1;
	}
	for (i = 0; words[i] != NULL; i++)
		if (strlen(words[i]) == e - s &&
		    strncmp(lc + s, words[i], e - s) == 0) {
			*v = (double)i;
			return 1;
		}
	return 0;
}

/*
 * Is a number of days ending at ue a window counted from something other
 * than the delivery ("within 30 days of purchase", "60 days of the
 * order", "10 business days of receiving it")?  "5 business days after
 * inspection" is a time taken, not such a window.
 */
static int
anchored_elsewhere(const struct sent *x, size_t ue)
{
	static const char *const joins[] = { " of ", " from ", NULL };
	static const char *const dets[] = { "the ", "your ", "its ", NULL };
	size_t	 p = ue, k;

	for (k = 0; joins[k] != NULL; k++)
		if (strncmp(x->lc + p, joins[k], strlen(joins[k])) == 0)
			break;
	if (joins[k] == NULL)
		return 0;
	p += strlen(joins[k]);
	for (k = 0; dets[k] != NULL; k++)
		if (strncmp(x->lc + p, dets[k], strlen(dets[k])) == 0) {
			p += strlen(dets[k]);
			break;
		}
	return strncmp(x->lc + p, "deliver", 7) != 0;
}

/*
 * The policy fact a number of days at [s, ue) states, by the words
 * around it, or NULL.  The loose cues ("refund", "defective", "damage"
 * within 40 bytes) are not trusted for a window counted from something
 * else than the delivery: "cancel within 30 days of purchase for a full
 * refund" or "within 14 days of your order date, we refund the
 * difference" are not the refund's processing time, and correcting them
 * to it changed true sentences.  Those are left to the allow-list.
 */
static const char *
day_key(struct sent *x, size_t s, size_t ue)
{
	if (fc_near(x, s, ue, 40, "price match") || fc_near(x, s, ue, 40,
	    "price drop"))
		return "price_match_window_days";
	if (fc_before(x, s, 25, "return") || fc_after(x, ue, 10, "return"))
		return "return_window_days";	/* "return it within" */
	if (anchored_elsewhere(x, ue))
		return NULL;
	if (fc_near(x, s, ue, 40, "defective"))
		return "doa_exchange_days";	/* replaced or refunded */
	if (fc_near(x, s, ue, 40, "refund"))
		return "refund_processing_days";
	if (fc_near(x, s, ue, 40, "damage"))
		return "report_damage_within_days";
	if (fc_after(x, ue, 12, "of delivery") || fc_after(x, ue, 14,
	    "from delivery") || fc_after(x, ue, 14, "after delivery"))
		return "return_window_days";	/* its start */
	if (fc_near(x, s, ue, 30, "ship it back") || fc_near(x, s, ue, 30,
	    "send it back"))
		return "ship_back_within_days";
	if (fc_near(x, s, ue, 30, "return"))
		return "return_window_days";
	return NULL;
}

/*
 * "N-year warranty", "N-day return window", "N% restocking fee",
 * "refund within N business days": numbers and the unit after them.
 */
void
fc_scan_terms(struct sent *x)
{
	struct product	 pr;
	struct fc_claim	*c;
	size_t		 i, u, s, e;
	double		 v;
	long		 p;
	int		 months, years, weeks;
	char		*val, *rep;
	const char	*key;

	for (i = 0; i < x->nt; i++) {
		s = x->t[i].s;
		e = x->t[i].e;
		if (!word_number(x->lc, s, e, &v))
			continue;
		/* Ranges ("2-3 year", "4-6 hours") are not one claim. */
		if ((s >= 1 && x->lc[s - 1] == '-' && s >= 2 &&
		    isdigit((unsigned char)x->lc[s - 2])) ||
		    (e < x->len && x->lc[e] == '-' && e + 1 < x->len &&
		    isdigit((unsigned char)x->lc[e + 1])))
			continue;
		if (e < x->len && x->lc[e] == '%') {
			if (fc_after(x, e, 25, "restocking") ||
			    fc_before(x, s, 25, "restocking"))
				fc_check_policy(x, "restocking_fee_percent", s,
				    e, v, 0);
			continue;
		}
		if (i + 1 >= x->nt || x->t[i + 1].s > e + 1)
			continue;
		u = i + 1;
		if (strcmp(x->t[u].w, "business") == 0 && u + 1 < x->nt)
			u++;
		years = strncmp(x->t[u].w, "year", 4) == 0;
		months = strncmp(x->t[u].w, "month", 5) == 0;
		if ((years || months) && fc_after(x, x->t[u].e, 30,
		    "warranty") && !fc_after(x, x->t[u].e, 20, "extended") &&
		    !fc_before(x, s, 20, "extended") && !fc_near(x, s,
		    x->t[u].e, 30, "protect")) {
			if ((p = fc_subject_at(x, s)) < 0 ||
			    !fc_load_product(x, p, &pr))
				continue;
			if (pr.warranty_months <= 0) {
				product_release(&pr);
				continue;
			}
			val = xasprintf("%d months", pr.warranty_months);
			if ((years ? v * 12 : v) == pr.warranty_months)
				c = fc_claim_add(x->res, "warranty", x->s + s,
				    x->t[u].e - s, FC_SUPPORTED, "product",
				    pr.sku, "warranty_months", val, NULL);
			else {
				if (years && pr.warranty_months % 12 == 0)
					rep = xasprintf("%d",
					    pr.warranty_months / 12);
				else if (years)
					rep = NULL;
				else
					rep = xasprintf("%d",
					    pr.warranty_months);
				c = fc_claim_add(x->res, "warranty", x->s + s,
				    x->t[u].e - s, rep != NULL ? FC_CORRECTED :
				    FC_CONTRADICTED, "product", pr.sku,
				    "warranty_months", val, rep);
				free(rep);
			}
			fc_edit_add(x, s, e, c->corrected, c);
			free(val);
			product_release(&pr);
			continue;
		}
		weeks = strncmp(x->t[u].w, "week", 4) == 0;
		if (strncmp(x->t[u].w, "day", 3) != 0 && !weeks)
			continue;
		/* Days left or gone are the allow-list's ("15 days left"). */
		if (fc_after(x, x->t[u].e, 6, "ago") || fc_after(x, x->t[u].e,
		    6, "left") || fc_before(x, s, 12, "still have"))
			continue;
		key = day_key(x, s, x->t[u].e);
		/* "two weeks" is 14 days; a correction says days. */
		if (key != NULL && weeks)
			fc_check_policy(x, key, s, x->t[u].e, v * 7, 2);
		else if (key != NULL)
			fc_check_policy(x, key, s, e, v, 0);
	}
}


