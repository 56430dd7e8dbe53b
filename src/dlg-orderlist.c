/*
 * dlg-orderlist.c: the orders the bot just listed to choose from, and
 * what an answer to that list means: an index ("2", "#2"), "the other
 * one" (two listed, one in focus), a word of one order's items ("the
 * ipad one") or how it stands ("the delayed one"); and "another order",
 * which is none of those in focus.
 * dlg-orderpick.c uses these before its own rules.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "store.h"
#include "dlg-int.h"

/* "An order", "another order": a new one, not the order in focus. */
int
dlg_order_indefinite(struct tctx *t)
{
	static const char *const words[] = { "an order", "another order",
	    "a different order", "other order", "other orders",
	    "one of my orders", "an older order", "a recent order", NULL };

	return dlg_has_any(t, words);
}

/*
 * Of the orders just listed, the one a bare index ("2", "#2", "number
 * 2") or "the other one" (two listed, one of them in focus) means, or
 * NULL.
 */
const char *
dlg_order_choice_said(struct tctx *t, const char **how)
{
	static const char *const frame[] = { "number", "no", "nr", "option",
	    "the", "order", "one", "pls", "please", NULL };
	static const char *const other[] = { "the other one", "the other",
	    "other one", "the other order", NULL };
	cJSON		*ch = cJSON_GetObjectItemCaseSensitive(t->state,
	    "order_choices");
	struct text_token *tok = NULL;
	const char	*focus = dlg_order_focus(t), *id;
	size_t		 cap = 0, n, i, len;
	int		 k = cJSON_IsArray(ch) ? cJSON_GetArraySize(ch) : 0;
	int		 pick = -1, more = 0;
	const char *const *f;

	if (k < 2)
		return NULL;
	if (k == 2 && focus != NULL && dlg_has_any(t, other)) {
		for (i = 0; i < 2; i++) {
			id = dlg_jstr(cJSON_GetArrayItem(ch, (int)i), "id");
			if (id != NULL && strcmp(id, focus) == 0) {
				*how = "the other of two listed";
				return dlg_jstr(cJSON_GetArrayItem(ch,
				    1 - (int)i), "id");
			}
		}
		return NULL;
	}
	n = text_tokenize(t->text, t->len, &tok, &cap);
	for (i = 0; i < n; i++) {
		len = tok[i].end - tok[i].start;
		if (len == 1 && t->text[tok[i].start] >= '1' &&
		    t->text[tok[i].start] <= '9' && pick < 0) {
			pick = t->text[tok[i].start] - '1';
			continue;
		}
		for (f = frame; *f != NULL; f++)
			if (strlen(*f) == len && strncasecmp(*f,
			    t->text + tok[i].start, len) == 0)
				break;
		more += *f == NULL;
	}
	free(tok);
	if (pick < 0 || pick >= k || more > 0)
		return NULL;
	*how = "the index of an order listed";
	return dlg_jstr(cJSON_GetArrayItem(ch, pick), "id");
}

/* Words in an answer that picks a listed order by its item. */
#define LISTED_WORDS	10

/*
 * Does one item of o hold every word of the product named ("the galaxy
 * book": not the Galaxy Buds)?  With no product named, any does.
 */
static int
covers_product(struct tctx *t, const struct order *o)
{
	const struct entity *pe = dlg_first_entity(t, ENTITY_PRODUCT);
	struct text_token *tok = NULL;
	size_t		 cap = 0, n, i, j, k, len;
	char		 w[64];
	int		 all = 0;

	if (pe == NULL || pe->end <= pe->start || pe->end > t->len)
		return 1;
	n = text_tokenize(t->text + pe->start, pe->end - pe->start, &tok,
	    &cap);
	for (j = 0; j < o->nitems && !all; j++) {
		all = 1;
		for (i = 0; i < n && all; i++) {
			len = tok[i].end - tok[i].start;
			if (len < 3 || len >= sizeof w || !tok[i].has_alpha)
				continue;
			for (k = 0; k < len; k++)
				w[k] = (char)tolower((unsigned char)
				    t->text[pe->start + tok[i].start + k]);
			all = dlg_name_word(o->items[j].name, w, len);
		}
	}
	free(tok);
	return all;
}

/*
 * "The ipad one, until when?" right after orders were listed: the one
 * listed order with an item whose name holds a word said (every word
 * of the product named, when one is), or NULL.
 */
const char *
dlg_order_listed_item(struct tctx *t)
{
	cJSON		*ch = cJSON_GetObjectItemCaseSensitive(t->state,
	    "order_choices"), *c;
	struct text_token *tok = NULL;
	struct order	 o;
	struct sd_error	 err = SD_ERROR_INIT;
	const char	*hit = NULL, *id;
	size_t		 cap = 0, n;
	int		 hits = 0;

	if (!cJSON_IsArray(ch) || cJSON_GetArraySize(ch) < 2)
		return NULL;
	n = text_tokenize(t->text, t->len, &tok, &cap);
	free(tok);
	if (n > LISTED_WORDS)
		return NULL;
	dlg_retrieve_begin(t);
	cJSON_ArrayForEach(c, ch) {
		if ((id = dlg_jstr(c, "id")) == NULL ||
		    catalog_order(t->st, id, &o, &err) != SD_OK) {
			sd_error_clear(&err);
			continue;
		}
		if (dlg_order_word_said(t, &o, NULL) &&
		    covers_product(t, &o)) {
			hit = id;
			hits++;
		}
		order_release(&o);
	}
	dlg_retrieve_end(t);
	return hits == 1 ? hit : NULL;
}

/*
 * The ways a customer names an order by how it stands, first match
 * first ("hasn't shipped" before "shipped"): the order's status, and
 * for a shipped one the carrier's status of its shipment (NULL: any).
 */
static const struct {
	const char	*words[8];
	const char	*status;
	const char	*ship;
} status_said[] = {
	{ { "hasn't shipped", "hasnt shipped", "not shipped",
	    "still processing", "being processed", "processing",
	    "not sent", NULL }, "processing", NULL },
	{ { "out for delivery", "arriving today", "coming today", NULL },
	    "shipped", "out_for_delivery" },
	{ { "delayed", "delay", "exception", "stuck", "late", NULL },
	    "shipped", "exception" },
	{ { "in transit", NULL }, "shipped", "in_transit" },
	{ { "on its way", "on the way", "shipped", "coming", NULL },
	    "shipped", NULL },
	{ { "cancelled", "canceled", NULL }, "cancelled", NULL },
	{ { "refunded", NULL }, "refunded", NULL },
	{ { "returning", "being returned", "sending back", "return open",
	    NULL }, "return_requested", NULL },
	{ { "delivered", "arrived", "already came", "already got",
	    NULL }, "delivered", NULL },
};

/* Does o stand as the status_said entry k says? */
static int
stands(const struct order *o, size_t k)
{
	if (strcmp(o->status, status_said[k].status) != 0)
		return 0;
	return status_said[k].ship == NULL || (o->ship_status != NULL &&
	    strcmp(o->ship_status, status_said[k].ship) == 0);
}

/*
 * "The one out for delivery", "the delayed one" right after orders were
 * listed: the one listed order that stands so, or NULL (none or
 * several do, or the words say no status).
 */
const char *
dlg_order_listed_status(struct tctx *t)
{
	cJSON		*ch = cJSON_GetObjectItemCaseSensitive(t->state,
	    "order_choices"), *c;
	struct text_token *tok = NULL;
	struct order	 o;
	struct sd_error	 err = SD_ERROR_INIT;
	const char	*hit = NULL, *id;
	size_t		 cap = 0, n, k;
	int		 hits = 0;

	if (!cJSON_IsArray(ch) || cJSON_GetArraySize(ch) < 2)
		return NULL;
	n = text_tokenize(t->text, t->len, &tok, &cap);
	free(tok);
	if (n > LISTED_WORDS)
		return NULL;
	for (k = 0; k < sizeof status_said / sizeof status_said[0]; k++)
		if (dlg_has_any(t, status_said[k].words))
			break;
	if (k == sizeof status_said / sizeof status_said[0])
		return NULL;
	dlg_retrieve_begin(t);
	cJSON_ArrayForEach(c, ch) {
		if ((id = dlg_jstr(c, "id")) == NULL ||
		    catalog_order(t->st, id, &o, &err) != SD_OK) {
			sd_error_clear(&err);
			continue;
		}
		if (stands(&o, k)) {
			hit = id;
			hits++;
		}
		order_release(&o);
	}
	dlg_retrieve_end(t);
	dlg_jset_str(t->trace, "order_status_said", status_said[k].status);
	return hits == 1 ? hit : NULL;
}
