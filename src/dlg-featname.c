/*
 * dlg-featname.c: a feature of the catalog named in a message.  A
 * phrase of two or more words the catalog's specifications or tags say
 * ("Google Assistant", "alexa built-in", a key such as
 * "stylus_support") is a product's feature, even when one of its words
 * is one a request for a person uses ("assistant", "support"): "the
 * cheapest one with google assistant" shops, it asks for no one.
 * The phrases come from the catalog itself, read when a turn needs
 * them (a message read as a request for a person), not from a list.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "search.h"
#include "dlg-int.h"

/* Most word pairs of a message looked for. */
#define PAIRS_MAX	64

struct feat_find {
	char		*pair[PAIRS_MAX];	/* " w1 w2 ", folded */
	size_t		 n;
	const char	*found;			/* the pair the catalog says */
	struct sbuf	 seg;			/* scratch */
};

/* Splits a catalog phrase: between these, words are not one phrase. */
static int
breaks(int c)
{
	return c == ',' || c == ';' || c == '(' || c == ')' || c == '[' ||
	    c == ']' || c == '"' || c == '/' || c == ':' || c == '.' ||
	    c == '\0';
}

/* Does the segment s..e of catalog text, folded, hold one of the pairs? */
static void
look_segment(struct feat_find *f, const char *s, const char *e)
{
	size_t	 i;
	int	 gap = 1;

	sbuf_reset(&f->seg);
	sbuf_addc(&f->seg, ' ');
	for (; s < e; s++) {
		if (isalnum((unsigned char)*s)) {
			sbuf_addc(&f->seg, (char)tolower((unsigned char)*s));
			gap = 0;
		} else if (!gap) {
			sbuf_addc(&f->seg, ' ');
			gap = 1;
		}
	}
	if (!gap)
		sbuf_addc(&f->seg, ' ');
	for (i = 0; i < f->n && f->found == NULL; i++)
		if (strstr(f->seg.buf, f->pair[i]) != NULL)
			f->found = f->pair[i];
}

/* Each phrase of catalog text s. */
static void
look_text(struct feat_find *f, const char *s)
{
	const char	*b;

	while (s != NULL && *s != '\0' && f->found == NULL) {
		for (b = s; !breaks((unsigned char)*s); s++)
			;
		if (s > b)
			look_segment(f, b, s);
		if (*s != '\0')
			s++;
	}
}

static void
look_product(void *arg, const struct product *p)
{
	struct feat_find *f = arg;
	cJSON		*root, *it, *v;

	if (f->found != NULL)
		return;
	look_text(f, p->tags);
	root = cJSON_Parse(p->attrs != NULL ? p->attrs : "");
	cJSON_ArrayForEach(it, root) {
		if (it->string != NULL)
			look_text(f, it->string);
		if (cJSON_IsString(it))
			look_text(f, it->valuestring);
		else if (cJSON_IsArray(it))
			cJSON_ArrayForEach(v, it)
				if (cJSON_IsString(v))
					look_text(f, v->valuestring);
	}
	cJSON_Delete(root);
}

/* A word of meaning: two letters or more and no stopword. */
static int
content(const char *w, size_t n)
{
	char	 b[32];

	if (n < 2 || n >= sizeof b)
		return 0;
	memcpy(b, w, n);
	b[n] = '\0';
	return !search_is_stopword(b);
}

/*
 * A phrase of two words of the message that the catalog's
 * specifications or tags say, as " w1 w2 " (the caller frees it), or
 * NULL.
 */
char *
dlg_feature_named(struct tctx *t)
{
	struct feat_find f;
	struct sd_error	 err = SD_ERROR_INIT;
	const char	*p = t->fold.s.buf != NULL ? t->fold.s.buf : "";
	const char	*w[PAIRS_MAX + 1];
	size_t		 wl[PAIRS_MAX + 1], nw = 0, i;
	char		*out = NULL;

	memset(&f, 0, sizeof f);
	sbuf_init(&f.seg);
	while (*p != '\0' && nw < PAIRS_MAX + 1) {
		while (*p != '\0' && !isalnum((unsigned char)*p))
			p++;
		if (*p == '\0')
			break;
		w[nw] = p;
		while (isalnum((unsigned char)*p))
			p++;
		wl[nw] = (size_t)(p - w[nw]);
		nw++;
	}
	/* Pairs of words that carry meaning: "with the" is no feature. */
	for (i = 0; i + 1 < nw; i++)
		if (content(w[i], wl[i]) && content(w[i + 1], wl[i + 1]))
			f.pair[f.n++] = xasprintf(" %.*s %.*s ", (int)wl[i],
			    w[i], (int)wl[i + 1], w[i + 1]);
	if (f.n > 0) {
		dlg_retrieve_begin(t);
		/* A failed walk finds nothing: the message stays as read. */
		(void)catalog_walk(t->st, 100000, look_product, &f, &err);
		dlg_retrieve_end(t);
		sd_error_clear(&err);
	}
	if (f.found != NULL)
		out = xstrdup(f.found);
	for (i = 0; i < f.n; i++)
		free(f.pair[i]);
	sbuf_release(&f.seg);
	return out;
}

/*
 * Read as a request for a person, but no word for one is said and a
 * catalog feature is named ("which of them has google assistant"): a
 * product question, the classifier's product reading if it had one.
 * 1 when the intent was changed so.
 */
int
dlg_feature_not_person(struct tctx *t)
{
	const struct intent_result *ir = &t->e->ir;
	const char	*to = "product_inquiry";
	char		*phrase;
	size_t		 i;

	if (strcmp(t->intent, "contact_human_agent") != 0 ||
	    dlg_says_person(t) || (phrase = dlg_feature_named(t)) == NULL)
		return 0;
	for (i = 1; i < ir->ntop; i++)
		if (dlg_flags_of(t, ir->top[i].id) & ACT_PRODUCT) {
			to = intent_names(NULL)[ir->top[i].id];
			break;
		}
	dlg_set_intent(t, to);
	dlg_jset_str(t->trace, "not_person", phrase);
	free(phrase);
	return 1;
}
