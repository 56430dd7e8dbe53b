/*
 * dlg-coupon.c owns a coupon code of the store's applied to a price or
 * a sum: "so the 8gb with that code comes to?", "how much is the ipad
 * with STUDENT5".  The code is the one the message names, else the one
 * a group or kind it says points at ("with the student discount"),
 * else, for "that code", the one the conversation last discussed.  Its
 * terms are the store's coupons facts: a percent (capped by
 * max_discount) or an amount off, a minimum spend, an expiry against
 * the store clock, the categories its conditions name and those all
 * coupons exclude.  The reply shows the lines, what comes off and the
 * result ("$1,099.00 - 5% = $1,044.05"), which the fact check backs
 * only when it adds up; a code that does not apply says why and gives
 * the price without it.
 */

#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "dlg-int.h"
#include "store.h"

/* Words that name a code without saying which. */
static const char *const code_words[] = { "code", "codes", "coupon",
	"coupons", "promo", "promo code", "voucher", "discount code", NULL };
/* Words that ask what something costs. */
static const char *const cost_words[] = { "how much", "cost", "costs",
	"come to", "comes to", "coming to", "total", "what would i pay",
	"price with", "price after", "priced", NULL };

/* The code lowered (caller frees). */
static char *
lowered(const char *s)
{
	char	*low = xstrdup(s), *q;

	for (q = low; *q != '\0'; q++)
		*q = (char)tolower((unsigned char)*q);
	return low;
}

/* Is word w (n bytes) the code's word, its digits aside ("student"
 * or "students" of STUDENT5, "accessory" of ACCESSORY20)? */
static int
code_word(const char *code, const char *w, size_t n)
{
	size_t	 k;

	if (n > 1 && w[n - 1] == 's' && strncasecmp(code, w, n) != 0)
		n--;
	if (n < 5 || strncasecmp(code, w, n) != 0)
		return 0;
	for (k = n; isdigit((unsigned char)code[k]); k++)
		;
	return k > n && code[k] == '\0';
}

/*
 * The coupon of arr the message points at by its code's word ("any
 * student discount" is STUDENT5's), when exactly one is.
 */
static cJSON *
pointed(struct tctx *t, cJSON *arr)
{
	struct text_token *tok = NULL;
	size_t		 cap = 0, nt, k;
	cJSON		*c, *hit = NULL;
	int		 hits = 0, m;

	nt = text_tokenize(t->text, t->len, &tok, &cap);
	cJSON_ArrayForEach(c, arr) {
		if (dlg_jstr(c, "code") == NULL)
			continue;
		for (k = 0, m = 0; k < nt && !m; k++)
			m = code_word(dlg_jstr(c, "code"), t->text +
			    tok[k].start, tok[k].end - tok[k].start);
		if (m) {
			hits++;
			hit = c;
		}
	}
	free(tok);
	return hits == 1 ? hit : NULL;
}

/* The coupon of arr named "code" (any case), or NULL. */
static cJSON *
by_code(cJSON *arr, const char *code)
{
	cJSON	*c;

	cJSON_ArrayForEach(c, arr)
		if (code != NULL && dlg_jstr(c, "code") != NULL &&
		    strcasecmp(dlg_jstr(c, "code"), code) == 0)
			return c;
	return NULL;
}

/* The coupon of arr the message names; *named how many it names. */
static cJSON *
named(struct tctx *t, cJSON *arr, int *nnamed)
{
	cJSON	*c, *hit = NULL;
	char	*low;

	*nnamed = 0;
	cJSON_ArrayForEach(c, arr) {
		if (dlg_jstr(c, "code") == NULL)
			continue;
		low = lowered(dlg_jstr(c, "code"));
		if (dlg_has_word(t, low)) {
			(*nnamed)++;
			hit = c;
		}
		free(low);
	}
	return hit;
}

void
dlg_coupon_note(struct tctx *t)
{
	char	*v;
	cJSON	*arr, *c;
	int	 n;

	if ((v = catalog_policy_fact(t->st, "coupons", NULL)) == NULL)
		return;
	arr = cJSON_Parse(v);
	free(v);
	if ((c = named(t, arr, &n)) == NULL && n == 0)
		c = pointed(t, arr);
	if (c != NULL && n <= 1) {
		dlg_jset_str(t->state, "coupon_said", dlg_jstr(c, "code"));
		dlg_jset_num(t->state, "coupon_at", (double)t->si.turns);
	}
	cJSON_Delete(arr);
}

/*
 * The coupon the message means (a copy, caller deletes) with the
 * store's coupon rules in *facts (caller deletes), or NULL.
 */
static cJSON *
coupon_meant(struct tctx *t)
{
	char		*v;
	cJSON		*arr, *c = NULL;
	const char	*last = dlg_jstr(t->state, "account_topic");
	int		 n;

	if ((v = catalog_policy_fact(t->st, "coupons", NULL)) == NULL)
		return NULL;
	arr = cJSON_Parse(v);
	free(v);
	if ((c = named(t, arr, &n)) == NULL && n == 0 &&
	    dlg_has_any(t, (const char *const[]){ "code", "coupon", "promo",
	    "voucher", "discount", NULL }))
		c = pointed(t, arr);
	/* "That code": the one discussed last. */
	if (c == NULL && n == 0 && dlg_has_any(t, code_words)) {
		if (last != NULL && strncmp(last, "coupon:", 7) == 0)
			c = by_code(arr, last + 7);
		if (c == NULL)
			c = by_code(arr, dlg_jstr(t->state, "coupon_said"));
	}
	c = c != NULL && n <= 1 ? cJSON_Duplicate(c, 1) : NULL;
	cJSON_Delete(arr);
	return c;
}

/* Does the coupon's terms text or the exclusions name p's kind?  The
 * terms restrict only when they name some kind of the store's. */
static int
kind_fits(struct tctx *t, const cJSON *c, const cJSON *excl,
    const struct product *p, int *restricted)
{
	const char	*cond = dlg_jstr(c, "conditions"), *s, *e;
	cJSON		*x;
	struct catalog_kind k;
	struct sd_error	 err;
	char		*w;
	int		 fit = 0;

	cJSON_ArrayForEach(x, excl)
		if (cJSON_IsString(x) && (strcmp(x->valuestring,
		    p->category) == 0 || strcmp(x->valuestring,
		    p->subcategory) == 0))
			return 0;
	*restricted = 0;
	for (s = cond; s != NULL && *s != '\0'; s = e) {
		while (*s != '\0' && !isalnum((unsigned char)*s))
			s++;
		for (e = s; isalnum((unsigned char)*e) || *e == '-'; e++)
			;
		if (e == s)
			break;
		w = xstrndup(s, (size_t)(e - s));
		memset(&err, 0, sizeof err);
		memset(&k, 0, sizeof k);
		if (catalog_kind(t->st, w, 1, &k, &err) == SD_OK && k.n > 0) {
			*restricted = 1;
			if (strcmp(w, p->category) == 0 ||
			    strcmp(w, p->subcategory) == 0)
				fit = 1;
		}
		free(w);
	}
	return *restricted ? fit : 1;
}

/* Why the code does not apply, in slots. */
static void
say_why(struct tctx *t, const char *code, const char *why)
{
	slots_set(&t->slots, "code", code);
	slots_set(&t->slots, "promo_why", why);
}

int
dlg_coupon_total(struct tctx *t, const struct total_line *v, size_t n)
{
	cJSON		*c, *excl = NULL;
	char		*x, *doc = NULL, *m, *m2;
	const char	*code, *exp, *cond;
	struct sbuf	 all = SBUF_INIT, ok = SBUF_INIT, rest = SBUF_INIT;
	struct sbuf	 why = SBUF_INIT;
	struct product	 p;
	double		 sum = 0, elig = 0, off = 0, pct, amt, cap, min;
	size_t		 i, nok = 0, nrest = 0;
	int		 restricted = 0, fit, one;

	if (n == 0 || (c = coupon_meant(t)) == NULL)
		return 0;
	code = dlg_jstr(c, "code");
	cond = dlg_jstr(c, "conditions");
	if ((x = catalog_policy_fact(t->st, "coupons_exclude", NULL)) !=
	    NULL)
		excl = cJSON_Parse(x);
	free(x);
	for (i = 0; i < n; i++) {
		memset(&p, 0, sizeof p);
		if (!dlg_load_product(t, v[i].sku, &p))
			continue;
		fit = kind_fits(t, c, excl, &p, &restricted);
		m = catalog_money(p.price, p.currency);
		one = v[i].qty > 1;
		sbuf_addf(&all, "%s%s ", all.len > 0 ? " + " : "", p.name);
		if (one)
			sbuf_addf(&all, "%ld x ", v[i].qty);
		sbuf_adds(&all, m);
		sbuf_addf(fit ? &ok : &rest, "%s%s ", (fit ? nok : nrest) > 0 ?
		    " + " : "", p.name);
		if (one)
			sbuf_addf(fit ? &ok : &rest, "%ld x ", v[i].qty);
		sbuf_adds(fit ? &ok : &rest, m);
		free(m);
		sum += p.price * (double)v[i].qty;
		if (fit) {
			elig += p.price * (double)v[i].qty;
			nok++;
		} else
			nrest++;
		dlg_cite(t, "product", p.sku, p.name, "price");
		product_release(&p);
	}
	cJSON_Delete(excl);
	if (nok + nrest == 0) {
		cJSON_Delete(c);
		sbuf_release(&all);
		sbuf_release(&ok);
		sbuf_release(&rest);
		return 0;
	}
	/* The coupons fact is this reply's source from here. */
	free(catalog_policy_fact(t->st, "coupons", &doc));
	dlg_cite(t, "policy", doc, doc, "coupons");
	free(doc);
	m = catalog_money(sum, "USD");
	sbuf_addf(&all, "%s%s", nok + nrest > 1 ? " = " : "",
	    nok + nrest > 1 ? m : "");
	free(m);
	pct = dlg_jnum(c, "discount_percent", 0);
	amt = dlg_jnum(c, "discount_amount", 0);
	cap = dlg_jnum(c, "max_discount", 0);
	min = dlg_jnum(c, "min_order", 0);
	exp = dlg_jstr(c, "expires");
	if (exp != NULL && strncmp(exp, store_now(), 10) < 0) {
		x = dlg_long_date(exp);
		sbuf_addf(&why, "it expired on %s", x);
		free(x);
	} else if (nok == 0)
		sbuf_addf(&why, "its terms are \"%s\"", cond != NULL ? cond :
		    "not met by these items");
	else if (min > 0 && elig < min) {
		m = catalog_money(min, "USD");
		m2 = catalog_money(elig, "USD");
		sbuf_addf(&why, "it needs %s of eligible items and these come "
		    "to %s", m, m2);
		free(m);
		free(m2);
	} else if (pct <= 0 && amt <= 0)
		sbuf_addf(&why, "the store does not say what it takes off");
	if (why.len > 0) {
		say_why(t, code, why.buf);
		slots_set(&t->slots, "total_lines", all.buf);
		dlg_set_action(t, "coupon_total_not", "%s: %s", code, why.buf);
		dlg_say(t, "coupon_total_not");
		goto done;
	}
	if (pct > 0) {
		off = round(elig * pct) / 100;
		if (cap > 0 && off > cap)
			off = cap;
	} else
		off = amt < elig ? amt : elig;
	m = catalog_money(round((elig - off) * 100) / 100, "USD");
	if (pct > 0 && (cap <= 0 || round(elig * pct) / 100 <= cap))
		sbuf_addf(&ok, " - %g%% = %s", pct, m);
	else {
		m2 = catalog_money(off, "USD");
		sbuf_addf(&ok, " - %s = %s", m2, m);
		free(m2);
	}
	free(m);
	slots_set(&t->slots, "code", code);
	slots_set(&t->slots, "promo_lines", ok.buf);
	slots_set(&t->slots, "promo_terms", cond != NULL ? cond : "");
	slots_set(&t->slots, "promo_rest", rest.buf);
	dlg_set_action(t, "coupon_total", "%s on %zu line(s)", code, nok);
	dlg_say(t, restricted && nrest > 0 ? "coupon_total_part" :
	    "coupon_total");
done:
	dlg_total_focus(t, v, n);
	dlg_jset_str(t->trace, "coupon", code);
	cJSON_Delete(c);
	sbuf_release(&all);
	sbuf_release(&ok);
	sbuf_release(&rest);
	sbuf_release(&why);
	return 1;
}

int
dlg_coupon_asked(struct tctx *t)
{
	cJSON	*c;

	if (!dlg_has_any(t, cost_words) || (c = coupon_meant(t)) == NULL)
		return 0;
	cJSON_Delete(c);
	return 1;
}
