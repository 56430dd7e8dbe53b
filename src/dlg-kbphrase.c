/*
 * dlg-kbphrase.c: phrases of a question for help, for the knowledge
 * answers (dlg-kb.c; the words one by one are dlg-kbword.c's).  Two of
 * the customer's words side by side ("keep my data", "card number")
 * say more than the same words scattered: a section that holds them
 * side by side, either way round and with stopwords between left out,
 * answers the question better than one that holds each apart ("Payment
 * card numbers" over a gift card's "number" and "card").
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "store.h"
#include "dlg-int.h"
#include "dlg-kb.h"

/* Words a phrase skips beside search's stopwords ("how long we keep
 * data" is "long keep data"). */
#define KB_PAIR_SKIP	"our ours we us was were has had not are been " \
			"will there"

/* Does the token w (len bytes) count in a phrase (kb_seq)? */
static int
kb_seq_word(const char *w, size_t len, int has_alpha)
{
	char	*word;
	int	 ok;

	if (len < 3 || !has_alpha || dlg_word_in(KB_PAIR_SKIP, w, len))
		return 0;
	word = xstrndup(w, len);
	ok = !search_is_stopword(word);
	free(word);
	return ok;
}

/* Is there a stop (".", ",", "?", ...) between two tokens? */
static int
kb_seq_break(const char *from, const char *to)
{
	for (; from < to; from++)
		if (strchr(".,;:!?()|\n", *from) != NULL)
			return 1;
	return 0;
}

/*
 * The customer's words in order for phrases into s->seq (see
 * dlg-kb.h): a name of the subject or a stop leaves a NULL between.
 */
void
dlg_kb_subject_seq(struct tctx *t, struct kb_subject *s,
    const struct text_token *tok, size_t n)
{
	const char	*buf = t->fold.s.buf, *w;
	size_t		 i, len;
	int		 k;

	for (k = 0; k < s->nseq; k++)
		free(s->seq[k]);
	s->nseq = s->npair = 0;
	for (i = 0; i < n && s->nseq < KB_SEQ; i++) {
		w = buf + tok[i].start;
		len = tok[i].end - tok[i].start;
		if (i > 0 && s->nseq > 0 && s->seq[s->nseq - 1] != NULL &&
		    kb_seq_break(buf + tok[i - 1].end, w))
			s->seq[s->nseq++] = NULL;
		if (s->nseq == KB_SEQ)
			break;
		if (dlg_kb_name_word(s, w, len)) {
			if (s->nseq > 0 && s->seq[s->nseq - 1] != NULL)
				s->seq[s->nseq++] = NULL;
			continue;
		}
		if (!kb_seq_word(w, len, tok[i].has_alpha))
			continue;
		s->seq[s->nseq] = xstrndup(w, len);
		dlg_kb_stem_cut(s->seq[s->nseq]);
		if (s->nseq > 0 && s->seq[s->nseq - 1] != NULL)
			s->npair++;
		s->nseq++;
	}
}

/* Does the token at w (len bytes) start with stem? */
static int
kb_tok_is(const char *w, size_t len, const char *stem)
{
	size_t	 n = strlen(stem);

	return n <= len && strncmp(w, stem, n) == 0;
}

/*
 * Which of the question's pairs (two of the customer's words side by
 * side, either way round; bit k for seq[k] and seq[k + 1]) text holds
 * side by side, its stopwords left out: "keep my data" in "How long we
 * keep data", "card number" in "Payment card numbers".
 */
uint32_t
dlg_kb_pair_bits(const struct kb_subject *s, const char *text)
{
	struct text_folded f = TEXT_FOLDED_INIT;
	struct text_token *tok = NULL;
	const char	*pw = NULL, *w;
	size_t		 cap = 0, n, i, plen = 0, len;
	uint32_t	 found = 0;
	int		 k;

	if (s->npair == 0)
		return 0;
	text_fold(text, strlen(text), &f);
	n = text_tokenize(f.s.buf, f.s.len, &tok, &cap);
	for (i = 0; i < n; i++) {
		w = f.s.buf + tok[i].start;
		len = tok[i].end - tok[i].start;
		if (pw != NULL && kb_seq_break(pw + plen, w))
			pw = NULL;
		if (!kb_seq_word(w, len, tok[i].has_alpha))
			continue;
		for (k = 0; pw != NULL && k + 1 < s->nseq && k < 32; k++)
			if (s->seq[k] != NULL && s->seq[k + 1] != NULL &&
			    ((kb_tok_is(pw, plen, s->seq[k]) &&
			    kb_tok_is(w, len, s->seq[k + 1])) ||
			    (kb_tok_is(pw, plen, s->seq[k + 1]) &&
			    kb_tok_is(w, len, s->seq[k]))))
				found |= (uint32_t)1 << k;
		pw = w;
		plen = len;
	}
	free(tok);
	text_folded_release(&f);
	return found;
}
