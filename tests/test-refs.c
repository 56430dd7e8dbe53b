/*
 * Sweeps over the whole demo catalog for what the customer's words point
 * at after the bot showed something.
 *
 * The list sweep shows, for every category, the bot's own list of it and
 * a comparison of three of its products, then asks about the members in
 * several phrasings: a feature only one of them lists ("which of those
 * has ...", "do any of them have ..."), its colour, the cheapest, "the
 * second one", "the last one", "the <word> one".  Each reply is checked
 * against the catalog: every member named, "yes" for the one whose
 * specifications hold the word and for no other, the cheapest by price,
 * the product at the position said.
 *
 * The focus sweep puts one product of every category in focus and then
 * names another kind, another brand of the same kind, or a model the
 * catalog lacks: the reply must never be about the product in focus
 * (not cited, not named as the subject).
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "catalog.h"
#include "engine.h"
#include "ingest.h"
#include "store.h"
#include "text.h"
#include "tap.h"
#include "seed.h"
#include "refs-lib.h"


/* Words a feature question may not be asked with: they ask other
 * things of the bot (price, the cart, an order) or name no feature. */
static const char *const shy[] = { "with", "from", "only", "and", "the",
	"for", "per", "charge", "hours", "days", "about", "price", "order",
	"cart", "return", "best", "good", "more", "less", "most", "least",
	"case", "ports", "port", "none", "without", "not", "lens", "body",
	"cable", "included", "black", "white", "silver", "gray", "grey",
	"blue", "red", "green", "pink", "gold", "purple", "yellow",
	"orange", "beige", "graphite", "titanium", "midnight", "starlight",
	"apple", "samsung", "google", "sony", "works", "work", "phone",
	"laptop", "tablet", "watch", "this", "that", "those", "them",
	"these", "which", "have", "has", "all", "any", "each", "both",
	"can", "does", "will", "also", "wireless", "battery", NULL };

static char		**brands;	/* every brand, folded */
static size_t		 nbrands;
/* p's name and specifications, folded. */
static char *
said_of(const struct product *p)
{
	char	*a = folded(p->name), *b = folded(p->attrs != NULL ?
	    p->attrs : ""), *out;

	out = xasprintf("%s %s", a, b);
	free(a);
	free(b);
	return out;
}

static int
in_list(const char *const *l, const char *w)
{
	for (; *l != NULL; l++)
		if (strcmp(*l, w) == 0)
			return 1;
	return 0;
}

/*
 * A word of p[k]'s specifications (values only with keys, or with its
 * name too when name is set) that no other member holds anywhere in its
 * name or specifications, not even inside a word; NULL when none.
 * Caller frees.
 */
static char *
own_word(const struct product *p, size_t n, size_t k, int name)
{
	struct text_token *tok = NULL;
	cJSON		*a = cJSON_Parse(p[k].attrs), *it;
	char		*src, *w, *other, *found = NULL;
	size_t		 cap = 0, nt, i, j, len;
	int		 clash;

	cJSON_ArrayForEach(it, a) {
		if (found != NULL || !cJSON_IsString(it))
			continue;
		src = folded(it->valuestring);
		nt = text_tokenize(src, strlen(src), &tok, &cap);
		for (i = 0; i < nt && found == NULL; i++) {
			len = tok[i].end - tok[i].start;
			if (len < 4 || tok[i].has_digit)
				continue;
			w = xstrndup(src + tok[i].start, len);
			clash = in_list(shy, w);
			for (j = 0; j < nbrands && !clash; j++)
				clash = strstr(brands[j], w) != NULL;
			for (j = 0; j < n && !clash; j++) {
				if (j == k)
					continue;
				other = said_of(&p[j]);
				clash = strstr(other, w) != NULL;
				free(other);
			}
			if (!clash && !name) {
				other = folded(p[k].name);
				clash = strstr(other, w) != NULL;
				free(other);
			}
			if (!clash)
				found = w;
			else
				free(w);
		}
		free(src);
	}
	free(tok);
	cJSON_Delete(a);
	return found;
}

/* What the reply's line for p says, after "NAME (PRICE): "; NULL when
 * the reply has no line for it. */
static const char *
line_of(const char *reply, const struct product *p)
{
	const char	*at = reply;
	size_t		 n = strlen(p->name);

	while ((at = strstr(at, p->name)) != NULL) {
		if (at > reply + 3 && strncmp(at - 4, "  - ", 4) == 0 &&
		    at[n] == ' ' && at[n + 1] == '(') {
			at = strstr(at + n, "): ");
			return at != NULL ? at + 3 : NULL;
		}
		at += n;
	}
	return NULL;
}

/*
 * Shows the list again (by text, in a new session) and asks q; the turn
 * in *tu.  1 when both ran and the list is the same.
 */
static int
ask_list(const char *show, char *const *skus, size_t n, const char *q,
    struct turn *tu)
{
	struct turn	 first;
	char		*sid = NULL, *v[8];
	size_t		 m, i;
	int		 same;

	if (!say(&sid, show, &first))
		return 0;
	m = shown(&first, v, 8);
	same = m == n;
	for (i = 0; i < m; i++) {
		same &= i < n && strcmp(v[i], skus[i]) == 0;
		free(v[i]);
	}
	turn_release(&first);
	if (!same || !say(&sid, q, tu)) {
		free(sid);
		return 0;
	}
	free(sid);
	return 1;
}

/* The checks of one list: counts into *cases and *fails. */
static void
sweep_list(const char *show, struct product *p, size_t n, char *const *skus,
    int *cases, int *fails)
{
	static const char *const has_q[] = { "which of those has %s?",
	    "do any of them have %s", "which one comes with %s?",
	    "any of these with %s?", "which of em supports %s", NULL };
	struct turn	 tu;
	char		*w, *q, *m;
	const char	*l;
	size_t		 k, i, lo = 0;
	int		 bad, h, tie = 0;

	/* A feature one member lists. */
	for (k = 0; k < n; k++) {
		if ((w = own_word(p, n, k, 0)) == NULL)
			continue;
		for (h = 0; has_q[h] != NULL; h++) {
			q = xasprintf(has_q[h], w);
			if (!ask_list(show, skus, n, q, &tu)) {
				free(q);
				continue;
			}
			(*cases)++;
			bad = tu.action == NULL ||
			    strcmp(tu.action, "which_has") != 0;
			for (i = 0; i < n && !bad; i++) {
				l = line_of(tu.reply, &p[i]);
				bad = l == NULL || (i == k) !=
				    (strncmp(l, "yes", 3) == 0);
			}
			if (bad) {
				(*fails)++;
				miss(p[k].name, q, tu.reply);
			}
			turn_release(&tu);
			free(q);
		}
		free(w);
		break;
	}
	/* The cheapest. */
	for (i = 1; i < n; i++)
		if (p[i].price < p[lo].price)
			lo = i;
	for (i = 0; i < n; i++)
		tie |= i != lo && p[i].price - p[lo].price < 0.005;
	if (!tie && ask_list(show, skus, n, "which of those is the "
	    "cheapest?", &tu)) {
		(*cases)++;
		m = xasprintf("the %s is the cheapest", p[lo].name);
		if (strstr(tu.reply, m) == NULL) {
			(*fails)++;
			miss(p[lo].name, "which of those is the cheapest?",
			    tu.reply);
		}
		free(m);
		turn_release(&tu);
	}
	/* Positions, then a word of one member's own. */
	for (h = 0; h < 3; h++) {
		k = h == 0 ? 1 : h == 1 ? n - 1 : n;
		w = NULL;
		if (h == 2) {
			for (k = 0; k < n && (w = own_word(p, n, k, 1)) ==
			    NULL; k++)
				;
			if (w == NULL)
				break;
		}
		q = h == 0 ? xstrdup("the second one, how much is it?") :
		    h == 1 ? xstrdup("how much is the last one?") :
		    xasprintf("how much is the %s one?", w);
		free(w);
		if (ask_list(show, skus, n, q, &tu)) {
			(*cases)++;
			bad = strstr(tu.reply, p[k].name) == NULL;
			for (i = 0; i < n && !bad; i++)
				bad = i != k && strstr(p[k].name,
				    p[i].name) == NULL && strstr(tu.reply,
				    p[i].name) != NULL;
			if (bad) {
				(*fails)++;
				miss(p[k].name, q, tu.reply);
			}
			turn_release(&tu);
		}
		free(q);
	}
}

static void
test_lists(void)
{
	struct product	*v, p[8];
	struct turn	 tu;
	char		*skus[8], *show, *sid;
	size_t		 n, m, k, i, src;
	int		 cases, fails;

	diag_left = DIAG_MAX;
	for (k = 0; k < NKINDS; k++) {
		cases = fails = 0;
		n = of_kind(kinds[k].category, NULL, &v);
		for (src = 0; src < 2; src++) {
			/* The bot's own list, then a comparison of three. */
			show = src == 0 ? xasprintf("show me %s",
			    kinds[k].words) : three(v, n);
			sid = NULL;
			if (show == NULL || !say(&sid, show, &tu)) {
				free(show);
				continue;
			}
			m = shown(&tu, skus, 8);
			turn_release(&tu);
			free(sid);
			if (m >= 2 && load_list(skus, m, p)) {
				sweep_list(show, p, m, skus, &cases, &fails);
				for (i = 0; i < m; i++)
					product_release(&p[i]);
			}
			for (i = 0; i < m; i++)
				free(skus[i]);
			free(show);
		}
		release_all(v, n);
		ok(cases > 0 && fails == 0, "%s lists: %d of %d questions "
		    "about the members answered from their data",
		    kinds[k].category, cases - fails, cases);
	}
}

/* Is the reply about P: cited, or its name said? */
static int
about(const struct turn *tu, const struct product *p)
{
	return cited(tu, p->sku) || strstr(tu->reply, p->name) != NULL;
}

/* Puts p in focus in a new session and says q; 1 when the reply is not
 * about p. */
static int
not_about_focus(const struct product *p, const char *q, int *cases)
{
	struct turn	 tu;
	char		*sid = NULL, *t1;
	int		 good = 1;

	t1 = xasprintf("tell me about the %s", p->name);
	if (!say(&sid, t1, &tu)) {
		free(t1);
		return 1;
	}
	good = cited(&tu, p->sku);
	turn_release(&tu);
	free(t1);
	if (good && say(&sid, q, &tu)) {
		(*cases)++;
		good = !about(&tu, p);
		if (!good)
			miss(p->name, q, tu.reply);
		turn_release(&tu);
	} else
		good = 1;	/* not in focus to begin with: no case */
	free(sid);
	return good;
}

static void
test_focus(void)
{
	static const char *const other_q[] = { "do you have a %s?",
	    "%s that works with iphone", "what's a good %s for a student",
	    "i'm also after a %s" };
#define NOTHER	(sizeof other_q / sizeof other_q[0])
	static const char *const brand_q[] = { "how much is the %s one?",
	    "does the %s have good reviews", NULL };
	struct product	*v, *w;
	char		*q;
	size_t		 n, nw, k, d, i;
	int		 cases, fails, h;

	diag_left = DIAG_MAX;
	for (k = 0; k < NKINDS; k++) {
		cases = fails = 0;
		if ((n = of_kind(kinds[k].category, NULL, &v)) == 0) {
			ok(0, "%s: no products", kinds[k].category);
			continue;
		}
		/* Another kind named, two phrasings each (in turn, so that
		 * every phrasing meets every kind). */
		for (d = 0; d < NKINDS; d++)
			for (h = 0; d != k && h < 2; h++) {
				q = xasprintf(other_q[(d + k + (size_t)h) %
				    NOTHER], kinds[d].word);
				fails += !not_about_focus(&v[0], q, &cases);
				free(q);
			}
		/* Another brand of the same kind. */
		for (i = 1; i < n && strcmp(v[i].brand, v[0].brand) == 0; i++)
			;
		if (i < n && v[0].brand[0] != '\0')
			for (h = 0; brand_q[h] != NULL; h++) {
				q = xasprintf(brand_q[h], v[i].brand);
				fails += !not_about_focus(&v[0], q, &cases);
				free(q);
			}
		/* Another product of the same kind, named as the subject. */
		/* (One of its own line named by a price or a size is the
		 * variant's business: another family here.) */
		nw = of_kind(kinds[k].category, NULL, &w);
		for (i = nw; i-- > 0;)
			if (!same_family(w[i].name, v[0].name)) {
				q = xasprintf("does the %s work with alexa",
				    w[i].name);
				fails += !not_about_focus(&v[0], q, &cases);
				free(q);
				break;
			}
		release_all(w, nw);
		ok(cases > 0 && fails == 0, "%s in focus: %d of %d messages "
		    "naming another kind or brand not answered about it",
		    kinds[k].category, cases - fails, cases);
		release_all(v, n);
	}
}

static void
load_brands(void)
{
	struct product	*v;
	size_t		 n = of_kind(NULL, NULL, &v), i;

	brands = xcalloc(n + 1, sizeof *brands);
	for (i = 0; i < n; i++)
		if (v[i].brand != NULL && v[i].brand[0] != '\0')
			brands[nbrands++] = folded(v[i].brand);
	release_all(v, n);
}

int
main(void)
{
	char		*dir;

	refs_open(&dir);
	load_brands();
	test_lists();
	test_focus();
	refs_close(dir);
	while (nbrands > 0)
		free(brands[--nbrands]);
	free(brands);
	done_testing();
	return exit_status();
}
