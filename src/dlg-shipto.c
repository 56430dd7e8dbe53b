/*
 * dlg-shipto.c: does a message ask where the store ships ("do you
 * deliver to Manaus?", "can you ship to Canada", "is delivery possible
 * to my country", "do you ship overseas")?  A place named after a
 * shipping verb's "to", or a word for abroad, asks it; "ship it to my
 * office", "deliver to me", "send it to the same address" name an
 * address, which is an order's (dlg-ordertopic.c), and so does a change
 * of address ("instead", "redirect"); how long or how much it takes to
 * get there is the delivery options'.  The answer is the policy's
 * (dlg-account.c): where the store ships, whatever place was named.
 */

#include "config.h"

#include <ctype.h>
#include <string.h>

#include "shopdesk.h"
#include "dlg-int.h"

/* A shipping verb, then "to" (and a place). */
static const char *const to_words[] = { "ship to", "ships to",
	"shipping to", "shipped to", "deliver to", "delivers to",
	"delivering to", "delivery to", "delivered to", "send to",
	"sending to", "post to", "mail to", NULL };

/* Words that ask for abroad without naming a place. */
static const char *const abroad_words[] = { "abroad", "overseas",
	"internationally", "international shipping", "international "
	"delivery", "ship international", "outside the us", "outside the usa",
	"outside the united states", "outside of the us", "other countries",
	"another country", "my country", "which countries", "what countries",
	NULL };

/* After "to": an address or a person, not a place. */
static const char *const not_place[] = { "my", "me", "a", "an", "this",
	"that", "your", "our", "his", "her", "their", "us", "you", "it",
	"them", "him", "another", "different", "new", "same", "other", "po",
	"apo", "fpo", "home", "work", "office", "house", "door", "address",
	"addresses", "someone", "somebody", "anyone", "people", "customers",
	"stores", "store", "pickup", "locker", "lockers", "which", "what",
	"where", "whom", "be", "get", "arrive", "have", NULL };

/* Changing where an order goes is the order's question; how long or
 * how much to a place is the delivery times' and costs'. */
static const char *const other_asks[] = { "instead", "redirect",
	"change", "reroute", "re-route", "new address", "how long",
	"how fast", "how quick", "how quickly", "how soon", "how many days",
	"when", "how much", "cost", "costs", "price", "fee", "free", NULL };

/* Is s[0..n) one of words? */
static int
word_is(const char *s, size_t n, const char *const *words)
{
	for (; *words != NULL; words++)
		if (strlen(*words) == n && strncmp(s, *words, n) == 0)
			return 1;
	return 0;
}

/* Does a place follow the phrase w (whole words) in s? */
static int
place_after(const char *s, const char *w)
{
	size_t		 n = strlen(w), k;
	const char	*p = s, *q;

	while ((p = strstr(p, w)) != NULL) {
		q = p + n;
		if ((p != s && isalnum((unsigned char)p[-1])) ||
		    isalnum((unsigned char)*q)) {
			p++;
			continue;
		}
		while (*q == ' ')
			q++;
		/* "to the UK": the word after the article. */
		if (strncmp(q, "the ", 4) == 0)
			q += 4;
		for (k = 0; isalpha((unsigned char)q[k]); k++)
			;
		if (k > 1 && !word_is(q, k, not_place))
			return 1;
		p = q;
	}
	return 0;
}

int
dlg_ship_destination(struct tctx *t)
{
	const char	*s = t->fold.s.buf;
	size_t		 i;

	if (s == NULL || dlg_order_number(t) != NULL ||
	    dlg_has_word(t, "my order") || dlg_has_any(t, other_asks) ||
	    (t->intent != NULL && strcmp(t->intent,
	    "change_shipping_address") == 0))
		return 0;
	if (dlg_has_any(t, abroad_words))
		return 1;
	for (i = 0; to_words[i] != NULL; i++)
		if (place_after(s, to_words[i]))
			return 1;
	return 0;
}
