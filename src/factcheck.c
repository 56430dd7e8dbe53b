/*
 * factcheck.c owns the checking of generated text: it cuts the text
 * into sentences, takes out their citation markers, finds the products
 * each names (factcheck-names.c, which also opens the checker and its
 * index of names), finds claims with small hand-written scanners,
 * decides each from a fresh read of the store (catalog.h for products
 * and orders, the "facts:<policy>" meta entries for policies) and
 * rewrites the sentence.
 *
 * Scanners are deliberately narrow: a number is a claim only next to the
 * words that make it one ("$" and a product, "reviews", "/5", "-day
 * return"), because a false "correction" of a true sentence is worse than
 * a claim left unchecked.
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

const char *
fc_verdict_name(enum fc_verdict v)
{
	switch (v) {
	case FC_SUPPORTED:
		return "supported";
	case FC_CORRECTED:
		return "corrected";
	case FC_CONTRADICTED:
		return "contradicted";
	case FC_UNKNOWN_PRODUCT:
		return "unknown_product_removed";
	case FC_UNSUPPORTED:
		return "unsupported_removed";
	}
	return "?";
}

/* Results. */

void
fc_result_init(struct fc_result *r)
{
	memset(r, 0, sizeof *r);
	sbuf_init(&r->text);
	r->subject = -1;
}

void
fc_result_release(struct fc_result *r)
{
	size_t	 i;

	for (i = 0; i < r->n; i++) {
		free(r->claims[i].text);
		free(r->claims[i].ev_id);
		free(r->claims[i].ev_field);
		free(r->claims[i].ev_value);
		free(r->claims[i].corrected);
	}
	free(r->claims);
	for (i = 0; i < r->ncites; i++) {
		free(r->cites[i].kind);
		free(r->cites[i].id);
	}
	free(r->cites);
	free(r->order);
	free(r->seen);
	fc_cache_free(r->cache);
	sbuf_release(&r->text);
	memset(r, 0, sizeof *r);
	r->subject = -1;
}

void
fc_result_counts(const struct fc_result *r, int *made, int *backed)
{
	size_t	 i;

	*made = (int)r->n;
	*backed = 0;
	for (i = 0; i < r->n; i++)
		*backed += r->claims[i].verdict == FC_SUPPORTED;
}

struct fc_claim *
fc_claim_add(struct fc_result *r, const char *kind, const char *text,
    size_t len, enum fc_verdict v, const char *ev_kind, const char *ev_id,
    const char *field, const char *value, const char *corrected)
{
	struct fc_claim	*c;

	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 8;
		r->claims = xrealloc(r->claims, r->cap * sizeof *r->claims);
	}
	c = &r->claims[r->n++];
	c->text = xstrndup(text, len);
	c->kind = kind;
	c->verdict = v;
	c->ev_kind = ev_kind;
	c->ev_id = ev_id != NULL ? xstrdup(ev_id) : NULL;
	c->ev_field = field != NULL ? xstrdup(field) : NULL;
	c->ev_value = value != NULL ? xstrdup(value) : NULL;
	c->corrected = corrected != NULL ? xstrdup(corrected) : NULL;
	if (v == FC_CONTRADICTED)
		r->contradicted = 1;
	return c;
}

static void
cite_add(struct fc_result *r, const char *kind, const char *id, int known)
{
	size_t	 i;

	for (i = 0; i < r->ncites; i++)
		if (strcmp(r->cites[i].kind, kind) == 0 &&
		    strcmp(r->cites[i].id, id) == 0)
			return;
	r->cites = xrealloc(r->cites, (r->ncites + 1) * sizeof *r->cites);
	r->cites[r->ncites].kind = xstrdup(kind);
	r->cites[r->ncites].id = xstrdup(id);
	r->cites[r->ncites].known = known;
	r->ncites++;
}


void
fc_edit_add(struct sent *x, size_t s, size_t e, const char *rep,
    const struct fc_claim *c)
{
	struct edit	*ed;

	x->ed = xrealloc(x->ed, (x->ned + 1) * sizeof *x->ed);
	ed = &x->ed[x->ned++];
	ed->s = s;
	ed->e = e;
	ed->rep = rep != NULL ? xstrdup(rep) : NULL;
	ed->mark = NULL;
	if (!x->ctx->show_verdicts)
		return;
	if (c->verdict == FC_SUPPORTED)
		ed->mark = xasprintf(" [\xe2\x9c\x93 %s]", c->kind);
	else if (c->verdict == FC_CORRECTED)
		ed->mark = xasprintf(" [\xe2\x9c\x97 corrected: %s]",
		    c->corrected);
	else
		ed->mark = xasprintf(" [\xe2\x9c\x97 %s]", c->kind);
}

/* Take [P:SKU] and [D:id] markers out of the sentence. */
static void
strip_markers(struct sent *x, const char *text, size_t len)
{
	struct sbuf	 out = SBUF_INIT;
	size_t		 i = 0, j;
	char		*id;
	long		 p;

	while (i < len) {
		if (text[i] == '[' && i + 3 < len && (text[i + 1] == 'P' ||
		    text[i + 1] == 'D') && text[i + 2] == ':') {
			for (j = i + 3; j < len && text[j] != ']' &&
			    text[j] != '[' && text[j] != ' '; j++)
				;
			if (j < len && text[j] == ']' && j > i + 3) {
				id = xstrndup(text + i + 3, j - i - 3);
				if (text[i + 1] == 'P') {
					p = fc_sku_lookup(x->fc, id);
					cite_add(x->res, "product", id, p >= 0);
					if (p < 0) {
						fc_claim_add(x->res, "product",
						    text + i, j + 1 - i,
						    FC_UNKNOWN_PRODUCT,
						    "product", id, "sku",
						    NULL, NULL);
						x->drop = 1;
					} else {
						x->m = xrealloc(x->m, (x->nm +
						    1) * sizeof *x->m);
						x->m[x->nm].s = out.len;
						x->m[x->nm].e = out.len;
						x->m[x->nm].prod = p;
						x->nm++;
					}
				} else {
					cite_add(x->res, "document", id, 1);
					x->docs = xrealloc(x->docs, (x->ndocs +
					    1) * sizeof *x->docs);
					x->docs[x->ndocs++] = xstrdup(id);
				}
				free(id);
				/* Drop the space before the marker too. */
				while (out.len > 0 && out.buf[out.len - 1] ==
				    ' ')
					sbuf_setlen(&out, out.len - 1);
				i = j + 1;
				continue;
			}
		}
		sbuf_addc(&out, text[i]);
		i++;
	}
	x->len = out.len;
	x->s = sbuf_detach(&out, NULL);
	/* The reply may hold a NUL (a model can send \u0000): copy len
	 * bytes, not up to the first NUL, or lc is shorter than s. */
	x->lc = xmalloc(x->len + 1);
	memcpy(x->lc, x->s, x->len + 1);
	for (i = 0; i < x->len; i++)
		x->lc[i] = (char)tolower((unsigned char)x->lc[i]);
}

static int
edit_cmp(const void *a, const void *b)
{
	const struct edit *x = a, *y = b;

	return x->s < y->s ? -1 : x->s > y->s;
}

enum sd_rc
factcheck_sentence(struct factcheck *fc, const struct fc_ctx *ctx,
    const char *text, size_t len, struct fc_result *res,
    struct sd_error *err)
{
	struct sent	 x;
	const char	*doc;
	size_t		 i, pos;

	(void)err;
	memset(&x, 0, sizeof x);
	x.fc = fc;
	x.ctx = ctx;
	x.res = res;
	strip_markers(&x, text, len);
	fc_tokenize(x.s, x.len, &x.t, &x.nt);
	res->sentences++;
	fc_find_products(&x);
	x.has_product = x.nm > 0;
	/* The cited policy's or FAQ's own sentence: its facts are that
	 * entry's, whatever another policy says of its own subject. */
	if (!x.drop && fc_cited_says(&x, &doc)) {
		fc_claim_add(res, "policy", x.s, x.len, FC_SUPPORTED,
		    "document", doc, "text", NULL, NULL);
		sbuf_add(&res->text, x.s, x.len);
		goto out;
	}
	if (!x.drop) {
		fc_scan_orders(&x);
		fc_scan_money(&x);
		fc_scan_ratings(&x);
		fc_scan_stock(&x);
		fc_scan_terms(&x);
	}
	/* Then what no scanner knows: it must be backed or go. */
	if (!x.drop && !res->contradicted)
		fc_scan_claims(&x);
	if (!x.drop && !res->contradicted)
		fc_scan_numbers(&x);
	if (x.drop) {
		res->removed++;
		goto out;
	}
	if (x.ned > 1)
		qsort(x.ed, x.ned, sizeof *x.ed, edit_cmp);
	pos = 0;
	for (i = 0; i < x.ned; i++) {
		if (x.ed[i].s < pos)
			continue;	/* overlaps an earlier claim */
		sbuf_add(&res->text, x.s + pos, x.ed[i].s - pos);
		if (x.ed[i].rep != NULL)
			sbuf_adds(&res->text, x.ed[i].rep);
		else
			sbuf_add(&res->text, x.s + x.ed[i].s,
			    x.ed[i].e - x.ed[i].s);
		pos = x.ed[i].e;
		if (x.ed[i].mark != NULL) {
			/* After the claim's word(s): "in stock [✓ stock]". */
			sbuf_adds(&res->text, x.ed[i].mark);
		}
	}
	sbuf_add(&res->text, x.s + pos, x.len - pos);
	if (x.nm > 0)
		res->subject = x.m[x.nm - 1].prod;
	for (i = 0; i < x.nm; i++) {
		size_t	 j;

		for (j = 0; j < res->nseen && res->seen[j] != x.m[i].prod; j++)
			;
		if (j == res->nseen) {
			res->seen = xrealloc(res->seen, (res->nseen + 1) *
			    sizeof *res->seen);
			res->seen[res->nseen++] = x.m[i].prod;
		}
	}
out:
	for (i = 0; i < x.ned; i++) {
		free(x.ed[i].rep);
		free(x.ed[i].mark);
	}
	free(x.ed);
	fc_toks_free(x.t, x.nt);
	free(x.m);
	free(x.s);
	free(x.lc);
	fc_sent_release(&x);
	return SD_OK;
}

/* End of the sentence starting at p, or 0 when it has not ended yet. */
static size_t
sentence_end(const char *s, size_t len, size_t p, int partial)
{
	size_t	 i;

	for (i = p; i < len; i++) {
		if (s[i] == '\n') {
			while (i < len && s[i] == '\n')
				i++;
			return i;
		}
		if ((s[i] == '.' || s[i] == '!' || s[i] == '?') &&
		    (i + 1 == len ? !partial : s[i + 1] == ' ' ||
		    s[i + 1] == '\n')) {
			i++;
			while (i < len && s[i] == ' ')
				i++;
			if (i == len && partial)
				return 0;	/* more spaces may come */
			return i;
		}
	}
	return partial ? 0 : len;
}

enum sd_rc
factcheck_text(struct factcheck *fc, const struct fc_ctx *ctx,
    const char *text, size_t len, int partial, size_t *used,
    struct fc_result *res, struct sd_error *err)
{
	size_t		 p = 0, e;
	enum sd_rc	 rc = SD_OK;

	fc_rows_check(fc);
	while (p < len) {
		if ((e = sentence_end(text, len, p, partial)) == 0)
			break;
		if ((rc = factcheck_sentence(fc, ctx, text + p, e - p, res,
		    err)) != SD_OK)
			break;
		p = e;
	}
	if (used != NULL)
		*used = p;
	return rc;
}
