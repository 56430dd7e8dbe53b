/*
 * intent-augment.c owns the register variants made at training time:
 * customers type in lower case
 * without punctuation (which folding already erases), misspell, open with
 * a greeting, wrap the ask in courtesy or put a sentence of background
 * first.  The data sets are mostly clean single questions, so without
 * these a greeting or a wrapper is read as a sign of something else.
 * Out-of-scope examples get the same variants: a wrapper must not become
 * a sign of the store.  Each choice comes from a hash of the text, so the
 * variants, like the rest of training, are the same on every run.
 */
#include "config.h"

#include <ctype.h>
#include <stdint.h>
#include <string.h>

#include "shopdesk.h"
#include "intent.h"
#include "intent-int.h"
#include "intent-train-int.h"
#include "sbuf.h"

#define AUG_SHARE	50	/* percent of examples given a variant */

static const char *const aug_greet[] = {
	"hi ", "hello, ", "hey ", "good morning. ", "hi there, ", "hey, ",
	"good evening, ", "hello! ",
};
static const char *const aug_wrap[] = {
	"could you tell me ", "can you help me? ", "i was wondering ",
	"please, ", "quick question: ", "would you mind checking ",
	"i'd like to know ", "excuse me, ", "hello, i have a question. ",
	"sorry to bother you but ",
};
static const char *const aug_tail[] = {
	" please", " thanks", " thank you", " pls", " asap", "??",
	" thx",
};
static const char *const aug_background[] = {
	"i bought something here last month. ",
	"i've been a customer for a few years. ",
	"so i was looking at your site yesterday. ",
	"my friend told me about you. ",
	"i need some help today. ",
	"this is my second message about this. ",
	"i'm not very good with computers. ",
	"english is not my first language. ",
};
#define AUG_N(a)	(sizeof (a) / sizeof (a)[0])

/* A seeded slip in one word of four letters or more. */
static void
aug_typo(struct sbuf *out, const char *text, size_t len, uint64_t h)
{
	size_t	 i, a, b, nw = 0, pick, at;
	char	 c;

	for (i = 0; i < len; i = b) {
		for (a = i; a < len && !isalpha((unsigned char)text[a]); a++)
			;
		for (b = a; b < len && isalpha((unsigned char)text[b]); b++)
			;
		nw += b - a >= 4;
		if (b == a)
			break;
	}
	sbuf_add(out, text, len);
	if (nw == 0)
		return;
	pick = (size_t)(h % nw);
	for (i = 0; i < len; i = b) {
		for (a = i; a < len && !isalpha((unsigned char)text[a]); a++)
			;
		for (b = a; b < len && isalpha((unsigned char)text[b]); b++)
			;
		if (b - a < 4)
			continue;
		if (pick-- > 0)
			continue;
		at = a + 1 + (size_t)((h >> 8) % (b - a - 2));
		switch ((h >> 16) % 3) {
		case 0:		/* a letter dropped */
			memmove(out->buf + at, out->buf + at + 1, len - at);
			sbuf_setlen(out, len - 1);
			break;
		case 1:		/* two letters swapped */
			c = out->buf[at];
			out->buf[at] = out->buf[at + 1];
			out->buf[at + 1] = c;
			break;
		default:	/* a letter doubled */
			sbuf_addc(out, ' ');
			memmove(out->buf + at + 1, out->buf + at, len - at);
			break;
		}
		return;
	}
}

/* The variant of one example in v, if its hash gives it one: 1, else 0. */
int
intent_make_variant(const char *text, size_t len, struct sbuf *v)
{
	uint64_t	 h = mix64(fnv(FNV_INIT ^ 0xa5a5, text, len));
	size_t		 i;

	if (h % 100 >= AUG_SHARE)
		return 0;
	h >>= 8;
	sbuf_reset(v);
	switch (h % 5) {
	case 0:
		sbuf_adds(v, aug_greet[(h >> 4) % AUG_N(aug_greet)]);
		sbuf_add(v, text, len);
		break;
	case 1:
		sbuf_adds(v, aug_wrap[(h >> 4) % AUG_N(aug_wrap)]);
		sbuf_add(v, text, len);
		break;
	case 2:
		sbuf_adds(v, aug_background[(h >> 4) %
		    AUG_N(aug_background)]);
		sbuf_add(v, text, len);
		break;
	case 3:
		sbuf_add(v, text, len);
		sbuf_adds(v, aug_tail[(h >> 4) % AUG_N(aug_tail)]);
		break;
	default:
		aug_typo(v, text, len, h >> 4);
		break;
	}
	/* lower case, as chat is typed (folding ignores it, chars do not) */
	for (i = 0; i < v->len; i++)
		v->buf[i] = (char)tolower((unsigned char)v->buf[i]);
	return 1;
}
