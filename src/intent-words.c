/*
 * intent-words.c owns the classifier's reading of chat shorthand: before
 * a message is classified, a common short form the in-scope training
 * data never used reads as the words it stands for ("rn" as "right now",
 * "idk" as "i dont know", "plz" as "please"), so that it counts as words
 * the model knows well rather than as unknown words, which count towards
 * out-of-scope.  A short form the training data uses ("u" in some data
 * sets) is left as it is, as intent-spell.c leaves known words: the
 * model has learnt what it says in context.  Training data is read as
 * written.
 *
 * The table is the classifier's own: search and entities match names,
 * which shorthand never touches.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "shopdesk.h"
#include "intent.h"
#include "intent-int.h"
#include "sbuf.h"
#include "text.h"

/*
 * Chat shorthand and what it stands for, contractions without their
 * apostrophes as chat types them ("dont": the training data has it).
 * Only forms that are not words of their own in a shop's English ("r",
 * "y" and "k" are left out: a letter may be a size, a model or an
 * answer).
 */
static const struct {
	const char	*short_form;
	const char	*words;
} shorthand[] = {
	{ "u",		"you" },
	{ "ur",		"your" },
	{ "pls",	"please" },
	{ "plz",	"please" },
	{ "thx",	"thanks" },
	{ "thnx",	"thanks" },
	{ "thanx",	"thanks" },
	{ "ty",		"thank you" },
	{ "rn",		"right now" },
	{ "idk",	"i dont know" },
	{ "dunno",	"dont know" },
	{ "wanna",	"want to" },
	{ "gonna",	"going to" },
	{ "gotta",	"got to" },
	{ "lemme",	"let me" },
	{ "gimme",	"give me" },
	{ "bc",		"because" },
	{ "cuz",	"because" },
	{ "coz",	"because" },
	{ "abt",	"about" },
	{ "msg",	"message" },
	{ "acct",	"account" },
	{ "pwd",	"password" },
	{ "tmrw",	"tomorrow" },
	{ "ppl",	"people" },
};
#define NSHORTHAND	(sizeof shorthand / sizeof shorthand[0])

static int
is_word(const char *w, size_t n, const char *s)
{
	return strlen(s) == n && memcmp(w, s, n) == 0;
}

/*
 * The expansion of shorthand w[0..n), NULL when it is none or the
 * in-scope examples of m use it.
 */
static const char *
shorthand_of(const struct intent_model *m, const char *w, size_t n)
{
	size_t	 k;
	int64_t	 row;

	if (n > 5)
		return NULL;
	for (k = 0; k < NSHORTHAND; k++)
		if (is_word(w, n, shorthand[k].short_form))
			break;
	if (k == NSHORTHAND)
		return NULL;
	row = intent_model_row(m, intent_word_key2(w, n, "", 0));
	return row >= 0 && m->df[row] > 0 ? NULL : shorthand[k].words;
}

size_t
intent_chat_words(const struct intent_model *m, const char *s,
    const struct text_token *toks, size_t ntok, struct sbuf *out)
{
	size_t		 i, nchange = 0, n;
	const char	*w, *x;

	for (i = 0; i < ntok; i++)
		if (!toks[i].has_digit && shorthand_of(m, s + toks[i].start,
		    toks[i].end - toks[i].start) != NULL)
			break;
	if (i == ntok)
		return 0;
	sbuf_reset(out);
	for (i = 0; i < ntok; i++) {
		w = s + toks[i].start;
		n = toks[i].end - toks[i].start;
		if (i > 0)
			sbuf_addc(out, ' ');
		if (!toks[i].has_digit && (x = shorthand_of(m, w, n)) != NULL) {
			sbuf_adds(out, x);
			nchange++;
		} else
			sbuf_add(out, w, n);
	}
	return nchange;
}
