/*
 * search-plan.c: reading the query.  It turns the customer's text into
 * a plan: the content words (stop words dropped, price phrases lifted
 * out as bounds), the phrases that stand for each word (the word, its
 * typo corrections from search-typo.c, its synonyms from the synonym
 * table), and from them the FTS5 MATCH expressions and sd_rank's phrase
 * specification.  Its own file because the plan is the contract
 * between the customer's words and the ranking: every rule about which
 * words count, and how much, is here and nowhere else.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "shopdesk.h"
#include "sbuf.h"
#include "search.h"
#include "search-int.h"
#include "store.h"

#define W_SYN_SHOP	0.6	/* synonym written by the shop */
#define W_SYN_WORDNET	0.4	/* synonym derived from WordNet */
#define MAX_NGRAM	3	/* longest synonym term looked up, in words */

/*
 * Words too common in shoppers' requests to say what they want.  BM25
 * would give them a small weight anyway, but their matches in long
 * descriptions still lift the wrong rows, and they defeat typo checks.
 */
static const char *const stopwords[] = {
	"a", "about", "all", "an", "and", "any", "are", "as", "at", "be",
	"buy", "by", "can", "do", "does", "for", "find", "from", "get", "give",
	"good", "have", "how", "i", "im", "in", "is", "it", "its", "like",
	"looking", "me", "my", "need", "of", "on", "one", "or", "please",
	"recommend", "show", "some", "something", "that", "the", "this",
	"to", "want", "what", "when", "where", "which", "who", "why", "with",
	"would", "you", "your", NULL
};

/*
 * Words that say how or when a question asks, not what it is about
 * ("how long does it take", "is there a way"): kept, but weighed
 * W_WEAK, so a document matching them ("How long does delivery take?")
 * does not beat one about the subject ("paypal", "refund").
 */
#define W_WEAK		0.35
static const char *const weak_words[] = {
	"take", "takes", "long", "way", "work", "works",
	"happen", "happens", "still", "now", "got", "just", "really",
	"there", "know", "tell", "let", "could", "should", "will",
	"possible", "guys", "stuff", "thing", "things", "usually",
	"roughly", "right", "away", NULL
};

static int
is_stopword(const char *w)
{
	return search_word_in(w, stopwords);
}

int
search_is_stopword(const char *w)
{
	return is_stopword(w);
}

/*
 * Add a phrase standing for query words from..group (a synonym of a run
 * of words covers the run; anything else, one word).
 */
void
search_plan_phrase(struct plan *pl, const char *text, int from, int group,
    double weight)
{
	size_t	 i;

	for (i = 0; i < pl->nph; i++) {
		if (pl->ph[i].group == group && strcmp(pl->ph[i].text,
		    text) == 0) {
			if (weight > pl->ph[i].weight)
				pl->ph[i].weight = weight;
			if (from < pl->ph[i].from)
				pl->ph[i].from = from;
			return;
		}
	}
	if (pl->nph == pl->cap) {
		pl->cap = pl->cap ? pl->cap * 2 : 16;
		pl->ph = xrealloc(pl->ph, pl->cap * sizeof *pl->ph);
	}
	pl->ph[pl->nph].text = xstrdup(text);
	pl->ph[pl->nph].group = group;
	pl->ph[pl->nph].from = from;
	pl->ph[pl->nph].weight = weight;
	pl->nph++;
}

void
search_plan_free(struct plan *pl)
{
	size_t	 i;

	search_tokens_free(&pl->words);
	for (i = 0; i < pl->nph; i++)
		free(pl->ph[i].text);
	free(pl->ph);
	sbuf_release(&pl->corrected);
	sbuf_release(&pl->expanded);
}

static int
is_number(const char *w, double *v)
{
	struct sbuf	 b = SBUF_INIT;
	const char	*p;
	char		*end;
	int		 ok;

	if (!isdigit((unsigned char)*w))
		return 0;
	for (p = w; *p != '\0'; p++) {
		if (isdigit((unsigned char)*p) || *p == '.')
			sbuf_addc(&b, *p);
		else if (*p != ',')
			break;
	}
	/* "1k" and "2000usd" are numbers too; "s21" is not (no digit first). */
	ok = *p == '\0' || strcmp(p, "k") == 0 || strcmp(p, "usd") == 0 ||
	    strcmp(p, "dollars") == 0;
	errno = 0;
	*v = strtod(b.buf, &end);
	if (*end != '\0' || errno != 0)
		ok = 0;
	if (ok && strcmp(p, "k") == 0)
		*v *= 1000;
	sbuf_release(&b);
	return ok;
}

/*
 * Lift price phrases out of the token list: "under 50", "less than $50",
 * "over 100", "between 20 and 40", "50 to 100 dollars".  Marks used
 * tokens in used[].
 */
static void
read_prices(struct tokens *t, char *used, double *maxp, double *minp)
{
	static const char *const below[] = { "under", "below", "max",
	    "maximum", "within", "cheaper", "less", "lower", "upto",
	    "budget", NULL };
	static const char *const above[] = { "over", "above", "min",
	    "minimum", "more", "least", "pricier", "higher", "from", NULL };
	static const char *const glue[] = { "than", "up", "to", "at", "of",
	    "a", "around", NULL };
	static const char *const money[] = { "usd", "dollars", "dollar",
	    "bucks", "eur", "euros", NULL };
	size_t	 i, j, k;
	double	 v, v2;
	int	 dir;

	for (i = 0; i < t->n; i++) {
		dir = search_word_in(t->v[i], below) ? -1 :
		    search_word_in(t->v[i], above) ? 1 : 0;
		if (strcmp(t->v[i], "between") == 0)
			dir = 2;
		if (dir == 0)
			continue;
		for (j = i + 1; j < t->n && search_word_in(t->v[j], glue); j++)
			;
		if (j >= t->n || !is_number(t->v[j], &v))
			continue;
		if (dir == 2) {
			k = j + 1;
			if (k < t->n && search_word_in(t->v[k], money))
				k++;
			if (k + 1 >= t->n || (strcmp(t->v[k], "and") != 0 &&
			    strcmp(t->v[k], "to") != 0) ||
			    !is_number(t->v[k + 1], &v2))
				continue;
			for (; i <= k + 1; i++)
				used[i] = 1;
			*minp = v < v2 ? v : v2;
			*maxp = v < v2 ? v2 : v;
			j = k + 1;
		} else {
			for (k = i; k <= j; k++)
				used[k] = 1;
			if (dir < 0)
				*maxp = v;
			else
				*minp = v;
		}
		if (j + 1 < t->n && search_word_in(t->v[j + 1], money))
			used[j + 1] = 1;
		i = j;
	}
}

/*
 * Tokenise a synonym the way queries are, so that it becomes a phrase of
 * the same words FTS5 will see; the synonym table stores terms this way.
 */
char *
synonyms_normalize(const char *text)
{
	struct tokens	 t = { NULL, 0, 0 };
	struct sbuf	 b = SBUF_INIT;
	char		*norm;
	size_t		 i;

	if ((norm = search_normalize(text)) == NULL)
		return NULL;
	search_tokenize(norm, &t);
	for (i = 0; i < t.n; i++) {
		if (i > 0)
			sbuf_addc(&b, ' ');
		sbuf_adds(&b, t.v[i]);
	}
	search_tokens_free(&t);
	free(norm);
	if (b.len == 0) {
		sbuf_release(&b);
		return NULL;
	}
	return sbuf_detach(&b, NULL);
}

/*
 * Look up every run of up to MAX_NGRAM words (longest first) in the
 * synonym table; a match adds its synonyms to the group of the run's last
 * word, usually the noun that says what is wanted.  Typo corrections of
 * single words are looked up too ("couhc" -> "couch" -> "sofa").
 */
static enum sd_rc
expand_synonyms(struct store *st, struct plan *pl, struct sd_error *err)
{
	static const char sql[] = "SELECT synonym, source FROM synonyms"
	    " WHERE term = ?1 ORDER BY synonym";
	sqlite3_stmt	*s;
	struct sbuf	 run = SBUF_INIT;
	size_t		 i, j, n, nph0 = pl->nph, k;
	char		*ph;
	int		 r;

	for (n = MAX_NGRAM; n >= 1; n--) {
		for (i = 0; i + n <= pl->words.n; i++) {
			sbuf_reset(&run);
			for (j = i; j < i + n; j++) {
				if (j > i)
					sbuf_addc(&run, ' ');
				sbuf_adds(&run, pl->words.v[j]);
			}
			for (k = 0; k <= nph0; k++) {
				/* k < nph0: also a correction of word i. */
				if (k < nph0 && (n != 1 || pl->ph[k].group !=
				    (int)i || pl->ph[k].weight >= 1))
					continue;
				if ((s = store_prepare(st, sql, err)) == NULL) {
					sbuf_release(&run);
					return SD_ERR_DB;
				}
				sqlite3_bind_text(s, 1, k < nph0 ?
				    pl->ph[k].text : run.buf, -1,
				    SQLITE_TRANSIENT);
				while ((r = sqlite3_step(s)) == SQLITE_ROW) {
					const char *syn = (const char *)
					    sqlite3_column_text(s, 0);
					const char *src = (const char *)
					    sqlite3_column_text(s, 1);

					if ((ph = synonyms_normalize(syn)) == NULL)
						continue;
					search_plan_phrase(pl, ph, (int)i,
					    (int)(i + n - 1),
					    strcmp(src, "wordnet") == 0 ?
					    W_SYN_WORDNET : W_SYN_SHOP);
					sbuf_addf(&pl->expanded, "%s%s -> %s",
					    pl->expanded.len ? ", " : "",
					    k < nph0 ? pl->ph[k].text :
					    run.buf, ph);
					free(ph);
				}
				sqlite3_reset(s);
				if (r != SQLITE_DONE) {
					sbuf_release(&run);
					return store_fail(st, err,
					    "read synonyms");
				}
			}
		}
	}
	sbuf_release(&run);
	return SD_OK;
}

enum sd_rc
search_make_plan(struct store *st, const struct search_query *q,
    struct plan *pl, struct sd_error *err)
{
	struct tokens	 all = { NULL, 0, 0 };
	char		*norm = NULL, *used = NULL;
	size_t		 i, nkept = 0;
	enum sd_rc	 rc = SD_OK;

	pl->max_price = q->max_price;
	pl->min_price = q->min_price;
	if (q->text == NULL)
		return SD_OK;
	if ((norm = search_normalize(q->text)) == NULL)
		return sd_fail(err, SD_ERR_INVALID,
		    "query is not valid UTF-8");
	search_tokenize(norm, &all);
	used = xcalloc(all.n + 1, 1);
	if (q->price_words) {
		double	 maxp = -1, minp = -1;

		read_prices(&all, used, &maxp, &minp);
		if (pl->max_price < 0 && pl->min_price < 0) {
			pl->max_price = maxp;
			pl->min_price = minp;
		}
	}
	for (i = 0; i < all.n; i++)
		if (!used[i] && !is_stopword(all.v[i]))
			nkept++;
	for (i = 0; i < all.n; i++) {
		if (used[i])
			continue;
		/* A query of stop words only keeps them. */
		if (nkept > 0 && is_stopword(all.v[i]))
			continue;
		search_tokens_add(&pl->words, all.v[i], strlen(all.v[i]));
		search_plan_phrase(pl, all.v[i], (int)pl->words.n - 1,
		    (int)pl->words.n - 1, search_word_in(all.v[i], weak_words) ?
		    W_WEAK : 1.0);
	}
	if (pl->words.n == 0)
		goto out;
	if ((rc = search_correct_typos(st, pl, err)) != SD_OK)
		goto out;
	rc = expand_synonyms(st, pl, err);
out:
	search_tokens_free(&all);
	free(used);
	free(norm);
	return rc;
}

/* An FTS5 string: the phrase in double quotes, any quote inside doubled. */
static void
add_quoted(struct sbuf *b, const char *text)
{
	const char	*p;

	sbuf_addc(b, '"');
	for (p = text; *p != '\0'; p++) {
		if (*p == '"')
			sbuf_addc(b, '"');
		sbuf_addc(b, *p);
	}
	sbuf_addc(b, '"');
}

/*
 * The MATCH expressions and sd_rank's phrase specification.  expr is the
 * OR of every phrase: a row matching any of them is a candidate.  all is
 * the stricter expression that wants every query word (or one of its
 * alternatives) in the row, or is left empty when there is a single
 * word.  A synonym of a run of words ("cell phone" -> "smartphone")
 * stands for the whole run, so the words of a run make one unit that any
 * of their phrases satisfies.  The phrases come out in group order in
 * both, so one spec serves both: a row scores the same under either, and
 * the stricter one only leaves rows out.
 */
void
search_plan_expr(struct plan *pl, struct sbuf *expr, struct sbuf *all,
    struct sbuf *spec)
{
	struct phrase	 tmp;
	size_t		 i, j, nwords = pl->words.n;
	int		*unit, u, nunit = 0, open = 0;

	/* Insertion sort by group, stable: lists are short. */
	for (i = 1; i < pl->nph; i++) {
		tmp = pl->ph[i];
		for (j = i; j > 0 && pl->ph[j - 1].group > tmp.group; j--)
			pl->ph[j] = pl->ph[j - 1];
		pl->ph[j] = tmp;
	}
	/* unit[w]: the first word of the run word w belongs to. */
	unit = xcalloc(nwords + 1, sizeof *unit);
	for (i = 0; i < nwords; i++)
		unit[i] = (int)i;
	for (i = 0; i < pl->nph; i++)
		for (u = pl->ph[i].from; u <= pl->ph[i].group; u++)
			if (pl->ph[i].from < unit[u])
				unit[u] = pl->ph[i].from;
	/* A run reaching back into an earlier run joins it. */
	for (i = 1; i < nwords; i++)
		if (unit[i] < (int)i && unit[unit[i]] < unit[i])
			unit[i] = unit[unit[i]];
	for (i = 0; i < nwords; i++)
		if (unit[i] == (int)i)
			nunit++;
	for (i = 0; i < pl->nph; i++) {
		if (i > 0) {
			sbuf_adds(expr, " OR ");
			sbuf_addc(spec, ',');
		}
		add_quoted(expr, pl->ph[i].text);
		sbuf_addf(spec, "%d:%.3f:%zu:%s", pl->ph[i].group,
		    pl->ph[i].weight, strlen(pl->ph[i].text), pl->ph[i].text);
		if (nunit < 2)
			continue;
		/* Groups are query word indices; sorted, a unit is a run. */
		u = unit[pl->ph[i].group];
		pl->ph[i].unit = u;
		if (i == 0 || u != unit[pl->ph[i - 1].group]) {
			if (open)
				sbuf_adds(all, ") AND ");
			sbuf_addc(all, '(');
			open = 1;
		} else
			sbuf_adds(all, " OR ");
		add_quoted(all, pl->ph[i].text);
	}
	if (open)
		sbuf_addc(all, ')');
	free(unit);
}
