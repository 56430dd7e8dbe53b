/*
 * dlg-react.c: a reaction to the bot's last answer.  "15%??", "weather??
 * it's sunny here", "thursday?! you said monday": the customer repeats a
 * figure or a word the bot has just said, marks it with disbelief, and
 * asks nothing new.  Such a turn is about that fact, whatever the
 * classifier makes of its few words (a refusal, a list of products
 * "under $399"), so the reply confirms it: the sentence of the last
 * reply that states it and the one after it, where a reply says when the
 * fact applies, what follows from it or what backs it (the waiver after
 * a fee, the tracking after a delay).  The fact is read from the stored
 * reply, not from a table of kinds of facts, so a fee, a date, a delay or
 * a price are confirmed alike; the feelings around it are weighed by
 * dlg_policy as for any turn.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "history.h"
#include "search.h"
#include "dlg-int.h"

/* Words the echoed fact may have before its mark ("only one year??"). */
#define ECHO_WORDS	5

#define WORDS_MAX	256

/* Words that open a new question: the turn asks, it does not react. */
static const char *const askers[] = { "what", "whats", "how", "which",
	"when", "where", "who", "can", "could", "do", "does", "did", "is",
	"are", "will", "would", "should", "any", "have", "has", "show",
	"tell", "give", "send", "want", "need", NULL };

/* One word of a text: folded letters and digits ("7.99", "15"). */
struct react_word {
	char	*w;
	int	 num;		/* a number */
	char	 unit;		/* its unit: '%', '$' or 0 */
};

/* Words of s (folded, digits kept with an inner '.'; ',' in a number
 * dropped), at most max into v; the count. */
static size_t
react_words(const char *s, size_t len, struct react_word *v, size_t max)
{
	struct sbuf	 w = SBUF_INIT;
	size_t		 i, n = 0, start = 0;
	int		 num = 0;
	unsigned char	 c;

	for (i = 0; i <= len && n < max; i++) {
		c = i < len ? (unsigned char)s[i] : ' ';
		if (isalnum(c)) {
			if (w.len == 0) {
				num = isdigit(c) != 0;
				start = i;
			}
			sbuf_addc(&w, (char)tolower(c));
			continue;
		}
		/* "7.99", "1,999": one number. */
		if ((c == '.' || c == ',') && num && w.len > 0 && i + 1 < len &&
		    isdigit((unsigned char)s[i + 1])) {
			if (c == '.')
				sbuf_addc(&w, '.');
			continue;
		}
		if (w.len > 0) {
			v[n].w = xstrdup(w.buf);
			v[n].num = num;
			/* "$399", "15%", "15 percent": the unit tells a
			 * price or a rate from a day of the month. */
			v[n].unit = 0;
			if (num && start > 0 && s[start - 1] == '$')
				v[n].unit = '$';
			else if (num && (c == '%' || (i + 8 <= len &&
			    strncasecmp(s + i, " percent", 8) == 0)))
				v[n].unit = '%';
			n++;
		}
		sbuf_reset(&w);
		num = 0;
	}
	sbuf_release(&w);
	return n;
}

static void
react_words_free(struct react_word *v, size_t n)
{
	while (n-- > 0)
		free(v[n].w);
}

/*
 * Where the echo ends: the first '?' or '!' of the text; 0 when there
 * is none.  A run of two or more ("??", "?!") marks disbelief; a single
 * one does when words follow it ("tuesday? i needed it by friday").
 */
static size_t
echo_end(const char *s, size_t len)
{
	size_t	 i;

	for (i = 0; i < len; i++)
		if (s[i] == '?' || s[i] == '!')
			return i;
	return 0;
}

/* Does an entity the customer named (a product, a brand, a kind, an
 * order) stand in [0, end)? Then the words pick or ask, not react. */
static int
names_thing(struct tctx *t, size_t end)
{
	size_t	 i;
	const struct entity *en;

	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		if (en->start >= end)
			continue;
		if (en->type == ENTITY_PRODUCT || en->type == ENTITY_BRAND ||
		    en->type == ENTITY_CATEGORY || en->type == ENTITY_ORDER_ID ||
		    en->type == ENTITY_EMAIL)
			return 1;
	}
	return 0;
}

/*
 * What backed the last reply backs its fact told again: its trace's
 * sources and citations become this turn's, for the fact check.
 */
static void
carry_sources(struct tctx *t, const char *trace)
{
	cJSON		*root, *it;
	const char	*kind, *id, *title;

	if (trace == NULL || (root = cJSON_Parse(trace)) == NULL)
		return;
	cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(root,
	    "retrieved")) {
		kind = dlg_jstr(it, "kind");
		id = dlg_jstr(it, "id");
		title = dlg_jstr(it, "title");
		if (kind == NULL || id == NULL)
			continue;
		if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(it,
		    "cited")))
			continue;
		dlg_retrieved_add(t, kind, id, title != NULL ? title : id,
		    dlg_jnum(it, "score", 0), dlg_jstr(it, "snippet"));
	}
	cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(root,
	    "citations")) {
		kind = dlg_jstr(it, "kind");
		id = dlg_jstr(it, "id");
		if (kind != NULL && id != NULL)
			dlg_cite(t, kind, id, id, dlg_jstr(it, "fields") !=
			    NULL ? dlg_jstr(it, "fields") : "");
	}
	cJSON_Delete(root);
}

/* The last reply of the session (caller frees), or NULL; with sources,
 * what backed it is carried into this turn. */
static char *
last_reply(struct tctx *t, int sources)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct message_info *m = NULL;
	size_t		 n = 0, i;
	char		*text = NULL;

	if (t->si.turns < 2)
		return NULL;
	dlg_retrieve_begin(t);
	if (history_messages(t->st, t->si.id, t->si.turns - 1, 1, sources,
	    &m, &n, &err) == SD_OK && n == 1 && m[0].text != NULL &&
	    strcmp(m[0].role, "bot") == 0) {
		text = xstrdup(m[0].text);
		if (sources)
			carry_sources(t, m[0].trace);
	}
	dlg_retrieve_end(t);
	for (i = 0; i < n; i++)
		message_info_release(&m[i]);
	free(m);
	sd_error_clear(&err);
	return text;
}

/* Is the word of the message a fact the reply could have stated (a
 * number, or a word that is no filler)? */
static int
fact_word(const struct react_word *w)
{
	return w->num || (strlen(w->w) >= 3 && !search_is_stopword(w->w) &&
	    !dlg_word_in(w->w, "only", 4) && !dlg_word_in(w->w, "really", 6)
	    && !dlg_word_in(w->w, "seriously", 9));
}

/* Same word: equal, or one the other with a plural "s". */
static int
same_word(const char *a, const char *b)
{
	size_t	 na = strlen(a), nb = strlen(b);

	if (na == nb)
		return strcmp(a, b) == 0;
	if (na + 1 == nb)
		return b[na] == 's' && strncmp(a, b, na) == 0;
	if (nb + 1 == na)
		return a[nb] == 's' && strncmp(a, b, nb) == 0;
	return 0;
}

/* Does the sentence [s, s + n) give a date: "2026-11-21", a day's or a
 * month's name? */
static int
states_date(const char *s, size_t n)
{
	struct react_word w[WORDS_MAX];
	size_t		 nw, i;
	int		 yes = 0;

	for (i = 0; i + 10 <= n && !yes; i++)
		yes = isdigit((unsigned char)s[i]) && s[i + 4] == '-' &&
		    isdigit((unsigned char)s[i + 5]) && s[i + 7] == '-' &&
		    isdigit((unsigned char)s[i + 9]);
	nw = react_words(s, n, w, WORDS_MAX);
	for (i = 0; i < nw && !yes; i++)
		yes = !w[i].num && lex_time_word(w[i].w) &&
		    strcmp(w[i].w, "day") != 0 && strcmp(w[i].w, "days") != 0;
	react_words_free(w, nw);
	return yes;
}

#define SENT_MAX	64
#define SHORT_SENTENCE	48	/* bytes */

/*
 * The sentence of reply that holds one of the echoed words (a number
 * first: "15" in "the fee is 15% of the item price"), and the one after
 * it, into out; 1 when found.
 */
static int
fact_sentences(const char *reply, const struct react_word *echo, size_t ne,
    int numbers, struct sbuf *out)
{
	size_t	 a[SENT_MAX], b[SENT_MAX], ns, i, j, k, nw, hit = SENT_MAX;
	struct react_word *w = xcalloc(WORDS_MAX, sizeof *w);
	int	 pass;

	ns = dlg_sentences(reply, 1, a, b, SENT_MAX);
	/* "2 weeks??", "tuesday?!": the sentence that gives a date. */
	for (j = numbers ? ne : 0; j < ne && !lex_time_word(echo[j].w); j++)
		;
	for (i = 0; j < ne && i < ns && hit == SENT_MAX; i++)
		if (states_date(reply + a[i], b[i] - a[i]))
			hit = i;
	for (pass = 0; pass < (numbers ? 1 : 2) && hit == SENT_MAX; pass++)
		for (i = 0; i < ns && hit == SENT_MAX; i++) {
			nw = react_words(reply + a[i], b[i] - a[i], w,
			    WORDS_MAX);
			for (j = 0; j < ne && hit == SENT_MAX; j++) {
				if (!fact_word(&echo[j]) || echo[j].num !=
				    (pass == 0))
					continue;
				for (k = 0; k < nw; k++)
					if (same_word(echo[j].w, w[k].w) &&
					    (echo[j].unit == 0 ||
					    echo[j].unit == w[k].unit)) {
						hit = i;
						break;
					}
			}
			react_words_free(w, nw);
		}
	free(w);
	if (hit == SENT_MAX)
		return 0;
	/* A short one ("Expected delivery: 2026-11-21.") needs the one
	 * before it to say what it is about. */
	if (hit > 0 && b[hit] - a[hit] < SHORT_SENTENCE &&
	    reply[b[hit - 1] - 1] != '?') {
		sbuf_add(out, reply + a[hit - 1], b[hit - 1] - a[hit - 1]);
		sbuf_addc(out, ' ');
	}
	sbuf_add(out, reply + a[hit], b[hit] - a[hit]);
	/* The next sentence, unless it is the bot's question back. */
	if (hit + 1 < ns && reply[b[hit + 1] - 1] != '?') {
		sbuf_addc(out, ' ');
		sbuf_add(out, reply + a[hit + 1], b[hit + 1] - a[hit + 1]);
	}
	return 1;
}

/* Is a figure with its unit ("15%", "$7.99", "7.99") among the first n
 * bytes? */
static int
figure_said(const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; i + 1 < n; i++)
		if ((s[i] == '$' && isdigit((unsigned char)s[i + 1])) ||
		    (s[i] == '.' && i > 0 && isdigit((unsigned char)s[i - 1]) &&
		    isdigit((unsigned char)s[i + 1])) ||
		    (isdigit((unsigned char)s[i]) && (s[i + 1] == '%' ||
		    strncasecmp(s + i + 1, " percent", 8) == 0)))
			return 1;
	return n > 0 && s[n - 1] == '%';
}

/*
 * A figure the last reply did not give ("15%??" after a question back):
 * the FAQ or policy section the words find that states it, the sentence
 * that does and the next, into out (1).
 */
static int
kb_fact(struct tctx *t, const struct react_word *echo, size_t ne,
    struct sbuf *out)
{
	struct search_result res;
	const struct search_hit *h;
	size_t		 i;
	char		*text;
	int		 found = 0;

	dlg_kb_search(t, t->text, SEARCH_KIND_BIT(SEARCH_FAQ) |
	    SEARCH_KIND_BIT(SEARCH_POLICY), RETRIEVE_K, &res);
	for (i = 0; i < res.n && !found; i++) {
		h = &res.hits[i];
		if ((text = dlg_kb_chunk_text(t, h->rowid)) == NULL)
			continue;
		if ((found = fact_sentences(text, echo, ne, 1, out)))
			dlg_cite(t, search_kind_name(h->kind), h->id,
			    h->title, "text");
		free(text);
	}
	search_result_free(&res);
	return found;
}

/*
 * The turn as a reaction to the last answer: confirmed from it (1), or
 * 0 when the turn is no reaction, or its fact is not in the last reply.
 */
int
dlg_reaction(struct tctx *t)
{
	struct react_word echo[ECHO_WORDS + 1];
	struct sbuf	 fact = SBUF_INIT;
	size_t		 end, ne, i, after;
	char		*reply = NULL;
	const char	*tpl = NULL;
	int		 done = 0, marks = 0, asked = 0;

	if ((end = echo_end(t->text, t->len)) == 0 || names_thing(t, end))
		return 0;
	for (after = end; after < t->len && (t->text[after] == '?' ||
	    t->text[after] == '!'); after++) {
		marks++;
		asked |= t->text[after] == '?';
	}
	/* "Great! add it to my cart" is glad, not in disbelief. */
	if (!asked && t->e->fr.feeling == FEELING_NONE)
		return 0;
	while (after < t->len && !isalnum((unsigned char)t->text[after]))
		after++;
	ne = react_words(t->text, end, echo, ECHO_WORDS + 1);
	if (ne == 0 || ne > ECHO_WORDS)
		goto out;
	for (i = 0; i < ne; i++)
		if (dlg_fw_in(echo[i].w, strlen(echo[i].w), askers))
			goto out;
	/*
	 * A single "?" asks ("price of the 2800?", "anything that isn't
	 * apple?"): a word of the reply thrown back needs two marks
	 * ("weather??"); a figure or a date one, with a remark after it or
	 * said upset ("tuesday? i needed it by friday").
	 */
	for (i = 0; i < ne && !echo[i].num && !lex_time_word(echo[i].w); i++)
		;
	if (marks < 2 && (i == ne || (after >= t->len &&
	    t->e->fr.feeling == FEELING_NONE)))
		goto out;
	if ((reply = last_reply(t, 0)) != NULL &&
	    fact_sentences(reply, echo, ne, 0, &fact)) {
		free(reply);
		reply = last_reply(t, 1);
		tpl = "confirm_fact";
	} else if (!figure_said(t->text, end) || !kb_fact(t, echo, ne, &fact))
		goto out;
	slots_set(&t->slots, "fact", fact.buf);
	dlg_set_action(t, "confirm_fact", "a reaction to %s",
	    tpl != NULL ? "the last answer" : "a figure of the policies");
	cJSON_DeleteItemFromObjectCaseSensitive(t->state, "fallbacks");
	done = dlg_say(t, tpl != NULL ? tpl : "confirm_policy");
out:
	react_words_free(echo, ne > ECHO_WORDS + 1 ? ECHO_WORDS + 1 : ne);
	sbuf_release(&fact);
	free(reply);
	return done;
}
