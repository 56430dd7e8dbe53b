/*
 * dlg-device.c owns the customer's own device said beside a question
 * about another product: "it has usb-c? i have a macbook", "does it
 * work with my ps5", "will this fit my iphone 15".  The device is the
 * context of the question (what the product must work with), not its
 * subject: the subject is the product in focus that "it" points at.
 * dlg-refs.c passes over such a name when it picks the product meant,
 * and dlg-follow.c does not move the focus to it; the compatibility
 * answers still read it as the device.  The other way round, "the sony
 * 50mm 1.8 works on it?" names the subject and points at the device:
 * the product of the conversation that the named one's compatibility
 * list names, else the one in focus (dlg_pointed_device).
 * A device is also context when a verb of use stands right before it
 * ("will it charge a macbook", "does it fit in a ps5", "does the dock
 * power the monitor"): the thing charged, fitted or powered is what
 * the product must work with (dlg_use_verb_before).
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "dlg-int.h"

/* Words that point at the product being discussed. */
static const char *const pointers[] = { "it", "its", "it's", "this",
	"that", "they", "them", NULL };

/* Is a pointer word said in the folded text[a, b)? */
static int
pointer_in(struct tctx *t, size_t a, size_t b)
{
	struct text_folded f = TEXT_FOLDED_INIT;
	size_t		 i;
	int		 yes = 0;

	text_fold(t->text + a, b - a, &f);
	for (i = 0; pointers[i] != NULL && !yes; i++)
		yes = dlg_word_in(f.s.buf, pointers[i], strlen(pointers[i]));
	text_folded_release(&f);
	return yes;
}

/* Verbs whose object is the device a product serves. */
static const char *const use_verbs[] = { "charge", "charges", "charging",
	"fit", "fits", "power", "powers", "powering", NULL };

/* Words that may stand between such a verb and the device. */
static const char *const between[] = { "a", "an", "the", "in", "into",
	"on", "onto", "inside", "up", "both", "my", "our", NULL };

/* The word ending before byte b of the text: [*a, *end), 0 if none. */
static int
word_before(const char *s, size_t b, size_t *a, size_t *end)
{
	while (b > 0 && !isalnum((unsigned char)s[b - 1]))
		b--;
	if (b == 0)
		return 0;
	for (*end = b; b > 0 && isalnum((unsigned char)s[b - 1]); b--)
		;
	*a = b;
	return 1;
}

/* Is s[a, b) one of the words of list? */
static int
word_is(const char *s, size_t a, size_t b, const char *const *list)
{
	size_t		 k;

	for (k = 0; list[k] != NULL; k++)
		if (b - a == strlen(list[k]) &&
		    strncasecmp(s + a, list[k], b - a) == 0)
			return 1;
	return 0;
}

int
dlg_use_verb_before(struct tctx *t, const struct entity *en)
{
	const char	*s = t->text;
	size_t		 b = en->start, a, e, w;

	/* At most two small words between: "fit in a ps5". */
	for (w = 0; w < 3 && word_before(s, b, &a, &e); w++) {
		if (word_is(s, a, e, use_verbs))
			return 1;
		if (!word_is(s, a, e, between))
			return 0;
		b = a;
	}
	return 0;
}

int
dlg_use_verb_device(struct tctx *t)
{
	size_t		 i;

	for (i = 0; i < t->e->el.n; i++)
		if (t->e->el.v[i].type == ENTITY_PRODUCT &&
		    dlg_use_verb_before(t, &t->e->el.v[i]))
			return 1;
	return 0;
}

int
dlg_context_device(struct tctx *t, const struct entity *en)
{
	const char	*top = dlg_focus_top(t, 0);

	if (en->type != ENTITY_PRODUCT || top == NULL ||
	    (en->sku != NULL && strcmp(en->sku, top) == 0) ||
	    !dlg_said_as_context(t, en))
		return 0;
	/* "It" before the device points at the focus; after it ("my
	 * iphone won't charge, can you fix it") at the device. */
	return pointer_in(t, 0, en->start);
}

int
dlg_pointed_device(struct tctx *t, const struct entity *en,
    const struct product *named, struct product *dev)
{
	const char	*sku;
	char		*list;
	int		 i, found = 0;

	if (en == NULL || dlg_said_as_context(t, en) ||
	    !pointer_in(t, en->end, t->len))
		return 0;
	list = dlg_compat_list(named);
	for (i = 0; list != NULL && i < FOCUS_MAX && !found; i++) {
		if ((sku = dlg_focus_top(t, i)) == NULL)
			break;
		memset(dev, 0, sizeof *dev);
		if (strcmp(sku, named->sku) == 0 ||
		    !dlg_load_product(t, sku, dev))
			continue;
		if (!(found = dlg_compat_lists(list, dev)))
			product_release(dev);
	}
	free(list);
	if (!found && (sku = dlg_focus_top(t, 0)) != NULL &&
	    strcmp(sku, named->sku) != 0) {
		memset(dev, 0, sizeof *dev);
		found = dlg_load_product(t, sku, dev);
	}
	return found;
}
