/*
 * dlg-featword.c: the customer's words against a listing's, for the
 * yes-or-no questions of dlg-yesno.c.  Words are folded and lightly
 * stemmed ("mopping" and "mop", "encrypted" and "encryption", "colour"
 * and "color"); a phrase matches word by word or glued together ("wifi"
 * and "Wi-Fi", "usb c" and "USB-C"), and a negation just before it ("no
 * camera", "0 x HDMI 2.1") says it is absent.  Keys are named by their
 * own words or a shopper's (dlg-specs.c's table).  The products of a
 * kind, read once a turn, tell which words a kind states at all and how
 * many of its products state them.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "dlg-int.h"

/* Siblings of a product read for its kind's vocabulary. */
#define KIND_MAX	200

/* Words a negation says just before a feature ("no camera", "0 x"). */
static const char *const negations[] = { "no", "not", "without", "non",
	"0", "zero", "never", "lacks", "lacking", NULL };

/* Values that are themselves a yes or a no. */
static const char *const value_no[] = { "no", "none", "not", "n/a",
	"false", "0", NULL };

int
dlg_fw_in(const char *w, size_t n, const char *const *list)
{
	for (; *list != NULL; list++)
		if (strlen(*list) == n && strncmp(*list, w, n) == 0)
			return 1;
	return 0;
}

/* The stem of a folded word (n bytes) into out: "mopping" "mopp",
 * "faxes" "fax", "encrypted" and "encryption" "encrypt", "colour"
 * "color". */
void
dlg_fw_stem(const char *w, size_t n, struct sbuf *out)
{
	static const struct {
		const char	*end;
		size_t		 min;	/* letters that must remain */
		size_t		 drop;	/* letters taken off */
	} ends[] = {
		{ "ing", 3, 3 }, { "ions", 4, 4 }, { "ion", 4, 3 },
		{ "ed", 3, 2 }, { "ches", 3, 2 }, { "shes", 3, 2 },
		{ "xes", 2, 2 }, { "sses", 3, 2 }, { "s", 3, 1 },
	};
	size_t	 i, el;

	sbuf_reset(out);
	for (i = 0; i < sizeof ends / sizeof ends[0]; i++) {
		el = strlen(ends[i].end);
		if (n >= el + ends[i].min && strncmp(w + n - el, ends[i].end,
		    el) == 0 && !(el == 1 && w[n - 2] == 's')) {
			n -= ends[i].drop;
			break;
		}
	}
	/* British spellings as the catalog mostly writes American ones;
	 * both then meet. */
	if (n >= 6 && strncmp(w, "colour", 6) == 0) {
		sbuf_adds(out, "color");
		sbuf_add(out, w + 6, n - 6);
		return;
	}
	sbuf_add(out, w, n);
}

/* Do two folded words mean one thing, stemmed ("mop", "mopping"), not
 * only share a start ("light", "lightning", "connect",
 * "connectivity")? */
int
dlg_fw_same_word(const char *a, size_t an, const char *b, size_t bn)
{
	struct sbuf	 sa = SBUF_INIT, sb = SBUF_INIT;
	size_t		 lo;
	int		 yes;

	dlg_fw_stem(a, an, &sa);
	dlg_fw_stem(b, bn, &sb);
	lo = sa.len < sb.len ? sa.len : sb.len;
	yes = (sa.len == sb.len && strcmp(sa.buf, sb.buf) == 0) ||
	    (lo >= 3 && strncmp(sa.buf, sb.buf, lo) == 0 &&
	    (sa.len > sb.len ? sa.len - sb.len : sb.len - sa.len) <= 1);
	sbuf_release(&sa);
	sbuf_release(&sb);
	return yes;
}

void
dlg_fw_text_init(struct dlg_fw_text *y, const char *s)
{
	memset(y, 0, sizeof *y);
	text_fold(s, strlen(s), &y->f);
	y->n = text_tokenize(y->f.s.buf, y->f.s.len, &y->tok, &y->cap);
}

void
dlg_fw_text_free(struct dlg_fw_text *y)
{
	free(y->tok);
	text_folded_release(&y->f);
}

/*
 * Where the words w[0..k) stand in hay, one after the other: each word
 * the same stemmed, or the words glued together the same as hay's
 * ("wifi" and "Wi-Fi", "usb c" and "USB-C").  The first word's index,
 * its last's in *last, or -1.
 */
long
dlg_fw_find(const struct dlg_fw_text *hay, const struct dlg_fw_text *q, size_t from,
    size_t k, size_t *last)
{
	struct sbuf	 need = SBUF_INIT, got = SBUF_INIT;
	size_t		 i, j, m;
	long		 at = -1;

	for (m = 0; m < k; m++)
		sbuf_add(&need, DLG_FW_TOK(q, from + m), DLG_FW_LEN(q, from + m));
	for (i = 0; i < hay->n && at < 0; i++) {
		/* Word by word, stemmed. */
		for (m = 0; m < k && i + m < hay->n; m++)
			if (!dlg_fw_same_word(DLG_FW_TOK(hay, i + m), DLG_FW_LEN(hay, i + m),
			    DLG_FW_TOK(q, from + m), DLG_FW_LEN(q, from + m)))
				break;
		if (m == k) {
			at = (long)i;
			*last = i + k - 1;
			break;
		}
		/* Glued: hay's words from i spell need exactly. */
		sbuf_reset(&got);
		for (j = i; j < hay->n && got.len < need.len; j++) {
			sbuf_add(&got, DLG_FW_TOK(hay, j), DLG_FW_LEN(hay, j));
			if (got.len > need.len || strncmp(got.buf, need.buf,
			    got.len) != 0)
				break;
			if (got.len == need.len && j > i) {
				at = (long)i;
				*last = j;
			}
		}
	}
	sbuf_release(&need);
	sbuf_release(&got);
	return at;
}

/* Is the word at i of hay negated: "no", "not", "0 x" one or two words
 * before, or "only" right after "mono"? */
int
dlg_fw_negated(const struct dlg_fw_text *hay, long i)
{
	long	 j;

	for (j = i - 1; j >= 0 && j >= i - 2; j--)
		if (dlg_fw_in(DLG_FW_TOK(hay, j), DLG_FW_LEN(hay, j), negations))
			return 1;
	return 0;
}

/* Do q's words [from, from + k) name the key: its own words stemmed
 * ("night vision", "mop" of "mopping"), or each a shopper's word for
 * it ("double sided" of "duplex")? */
int
dlg_fw_key_named(const char *key, const struct dlg_fw_text *q, size_t from,
    size_t k)
{
	struct dlg_fw_text	 kt;
	struct sbuf	 sp = SBUF_INIT;
	size_t		 last, m;
	const char	*c;
	char		*w;
	int		 yes;

	for (c = key; *c != '\0'; c++)
		sbuf_addc(&sp, *c == '_' ? ' ' : *c);
	dlg_fw_text_init(&kt, sp.buf);
	yes = dlg_fw_find(&kt, q, from, k, &last) >= 0;
	/* One word of six letters or more that starts as the key's word
	 * does ("backlit", "backlight"): a key is named by its family,
	 * where a value's word must be the same word. */
	if (!yes && k == 1 && kt.n == 1 && DLG_FW_LEN(q, from) >= 6 &&
	    DLG_FW_LEN(&kt, 0) >= 6)
		yes = strncmp(DLG_FW_TOK(q, from), DLG_FW_TOK(&kt, 0), 6) == 0;
	dlg_fw_text_free(&kt);
	sbuf_release(&sp);
	for (m = from; !yes && m < from + k; m++) {
		w = xstrndup(DLG_FW_TOK(q, m), DLG_FW_LEN(q, m));
		yes = dlg_spec_names_key(key, w);
		free(w);
		if (!yes)
			break;
		yes = m + 1 == from + k;
	}
	return yes;
}

/* Do q's words [from, from + k) name one of p's attribute keys? */
int
dlg_fw_names_own_key(const struct product *p, const struct dlg_fw_text *q,
    size_t from, size_t k)
{
	cJSON	*root = cJSON_Parse(p->attrs), *it;
	int	 yes = 0;

	cJSON_ArrayForEach(it, root)
		if (!yes && it->string != NULL)
			yes = dlg_fw_key_named(it->string, q, from, k);
	cJSON_Delete(root);
	return yes;
}

/* Is value one that says no ("no", "none")? */
int
dlg_fw_says_no(const char *value)
{
	struct dlg_fw_text	 v;
	int		 no;

	dlg_fw_text_init(&v, value);
	no = v.n > 0 && dlg_fw_in(DLG_FW_TOK(&v, 0), DLG_FW_LEN(&v, 0), value_no);
	dlg_fw_text_free(&v);
	return no;
}

/* Is value an amount alone ("55", "2.1")? */
int
dlg_fw_is_amount(const char *value)
{
	char	*end;

	strtod(value, &end);
	return end != value && *end == '\0';
}

/* Does value list things ("HDMI 2.0, DisplayPort 1.4", "USB-C/A"), so
 * that what it does not list it lacks? */
int
dlg_fw_lists(const char *value)
{
	return strpbrk(value, ",/;+") != NULL || strstr(value, " and ") !=
	    NULL;
}

/* Does value state the words [from, from + k) but for a number ("Wi-Fi
 * 6" of "wifi 7")? */
int
dlg_fw_other_version(const char *value, const struct dlg_fw_text *q, size_t from,
    size_t k)
{
	struct dlg_fw_text	 hv;
	size_t		 last;
	int		 yes;

	if (k < 2 || !q->tok[from + k - 1].has_digit)
		return 0;
	dlg_fw_text_init(&hv, value);
	yes = dlg_fw_find(&hv, q, from, k - 1, &last) >= 0;
	dlg_fw_text_free(&hv);
	return yes;
}

void
dlg_fw_kind_read(struct tctx *t, const struct product *p, struct dlg_fw_kind *kd)
{
	struct product_filter f = { p->category, NULL, NULL, -1, -1, 0,
	    KIND_MAX };
	struct sd_error	 err = SD_ERROR_INIT;

	if (kd->read)
		return;
	kd->read = 1;
	dlg_retrieve_begin(t);
	if (catalog_products(t->st, &f, &kd->v, &kd->n, &err) != SD_OK)
		kd->n = 0;
	dlg_retrieve_end(t);
	sd_error_clear(&err);
}

void
dlg_fw_kind_free(struct dlg_fw_kind *kd)
{
	size_t	 i;

	for (i = 0; i < kd->n; i++)
		product_release(&kd->v[i]);
	free(kd->v);
	memset(kd, 0, sizeof *kd);
}

/* Does a product of the kind state word i of q in an attribute's key or
 * value ("gps" of watches)? */
int
dlg_fw_kind_knows(const struct dlg_fw_kind *kd, const struct dlg_fw_text *q, size_t i)
{
	struct dlg_fw_text	 hv;
	cJSON		*root, *it;
	size_t		 j, last;
	int		 yes = 0;
	char		*v;

	for (j = 0; j < kd->n && !yes; j++) {
		root = cJSON_Parse(kd->v[j].attrs);
		cJSON_ArrayForEach(it, root) {
			if (yes || it->string == NULL ||
			    (v = catalog_attr(&kd->v[j], it->string)) == NULL)
				continue;
			dlg_fw_text_init(&hv, v);
			yes = dlg_fw_find(&hv, q, i, 1, &last) >= 0 ||
			    dlg_fw_key_named(it->string, q, i, 1);
			dlg_fw_text_free(&hv);
			free(v);
		}
		cJSON_Delete(root);
	}
	return yes;
}

/* How many products of the kind state q's words [from, from + k) in
 * an attribute's key or value. */
size_t
dlg_fw_kind_df(const struct dlg_fw_kind *kd, const struct dlg_fw_text *q, size_t from,
    size_t k)
{
	struct dlg_fw_text	 hv;
	cJSON		*root, *it;
	size_t		 j, last, n = 0;
	int		 yes;
	char		*v;

	for (j = 0; j < kd->n; j++) {
		yes = 0;
		root = cJSON_Parse(kd->v[j].attrs);
		cJSON_ArrayForEach(it, root) {
			if (yes || it->string == NULL ||
			    (v = catalog_attr(&kd->v[j], it->string)) == NULL)
				continue;
			dlg_fw_text_init(&hv, v);
			yes = dlg_fw_find(&hv, q, from, k, &last) >= 0 ||
			    dlg_fw_key_named(it->string, q, from, k);
			dlg_fw_text_free(&hv);
			free(v);
		}
		cJSON_Delete(root);
		n += yes;
	}
	return n;
}

/* The words [i, last] of a value as it writes them ("USB-C"). */
char *
dlg_fw_written(const struct dlg_fw_text *hay, const char *value, size_t i, size_t last)
{
	size_t	 a = hay->f.map[hay->tok[i].start];
	size_t	 b = hay->f.map[hay->tok[last].end];

	return xstrndup(value + a, b - a);
}

/* The clause of text around byte at: between sentence ends. */
char *
dlg_fw_clause(const char *text, size_t at)
{
	size_t	 a = at, b = at, n = strlen(text);

	while (a > 0 && strchr(".!?;", text[a - 1]) == NULL)
		a--;
	while (b < n && strchr(".!?;", text[b]) == NULL)
		b++;
	while (a < b && text[a] == ' ')
		a++;
	return xstrndup(text + a, b - a);
}

/* Does p state word i of q in an attribute's value? */
int
dlg_fw_states(const struct product *p, const struct dlg_fw_text *q, size_t i)
{
	struct dlg_fw_text	 hv;
	cJSON		*root = cJSON_Parse(p->attrs), *it;
	size_t		 last;
	int		 yes = 0;
	char		*v;

	cJSON_ArrayForEach(it, root) {
		if (yes || it->string == NULL ||
		    (v = catalog_attr(p, it->string)) == NULL)
			continue;
		dlg_fw_text_init(&hv, v);
		yes = dlg_fw_find(&hv, q, i, 1, &last) >= 0;
		dlg_fw_text_free(&hv);
		free(v);
	}
	cJSON_Delete(root);
	return yes;
}

/* Is [a, b) of the text inside a product or brand the customer named,
 * other than one said as a feature (trace "feature_entity")? */
int
dlg_fw_in_entity(struct tctx *t, size_t a, size_t b)
{
	const struct entity *en;
	size_t		 i;

	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		if ((en->type == ENTITY_PRODUCT || en->type == ENTITY_BRAND) &&
		    a < en->end && b > en->start && (double)en->start !=
		    dlg_jnum(t->trace, "feature_entity", -1))
			return 1;
	}
	return 0;
}


/* A water rating in value: the depth grade (2 survives being under
 * water, 1 splashes and rain, 0 no rating). */
int
dlg_fw_water_grade(const char *value)
{
	const char	*p;
	int		 g = 0;
	double		 v;

	for (p = value; *p != '\0'; p++) {
		if (strncmp(p, "IP", 2) == 0 && (p[2] == 'X' ||
		    isdigit((unsigned char)p[2])) &&
		    isdigit((unsigned char)p[3])) {
			g = p[3] >= '7' ? 2 : p[3] >= '4' ? (g > 1 ? g : 1) : g;
		} else if ((strncmp(p, "ATM", 3) == 0 || strncmp(p, " ATM",
		    4) == 0) && p > value) {
			const char *q = p;

			while (q > value && (isdigit((unsigned char)q[-1]) ||
			    q[-1] == ' '))
				q--;
			v = strtod(q, NULL);
			g = v >= 5 ? 2 : g > 1 ? g : 1;
		} else if (strncmp(p, "WR", 2) == 0 &&
		    isdigit((unsigned char)p[2])) {
			v = strtod(p + 2, NULL);
			g = v >= 50 ? 2 : g > 1 ? g : 1;
		}
	}
	return g;
}
