/*
 * dlg-notify.c: the customer's say over proactive messages (trigger.c)
 * from the chat itself: "stop these messages" opts out everywhere,
 * "you can message me again" opts back in, and "tell me when it's back
 * in stock" watches the product in question for its return or a price
 * drop.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "dlg-int.h"
#include "trigger.h"

static const char *const sending[] = { "send", "sending", "these",
	"those", "your", "all", NULL };
static const char *const messages[] = { "messages", "message",
	"notifications", "notification", "offers", "emails", "texts",
	"reminders", "spam", NULL };
static const char *const again[] = { "again", "resume", "restart",
	"resubscribe", NULL };
static const char *const tell[] = { "tell", "notify", "alert", "ping",
	"know", "message", "email", "text", NULL };
/* "back" alone is too common ("when is my order back"). */
static const char *const back[] = { "stock", "restocked", "restock",
	"available", NULL };

/*
 * "stop sending these messages", "unsubscribe", "no more offers",
 * "don't send me emails" (-1), and "send me offers again" (1); 0 for
 * anything else ("I got no messages about my order" is no opt-out).
 */
static int
optout_asked(struct tctx *t)
{
	int	 msgs = dlg_has_any(t, messages);

	if (dlg_has_word(t, "unsubscribe") || (msgs && ((dlg_has_word(t,
	    "stop") && dlg_has_any(t, sending)) || (dlg_has_word(t, "no") &&
	    dlg_has_word(t, "more")) || ((dlg_has_word(t, "don't") ||
	    dlg_has_word(t, "dont")) && dlg_has_word(t, "send")))))
		return dlg_has_any(t, again) && !dlg_has_word(t, "stop") ?
		    1 : -1;
	if (dlg_has_word(t, "resubscribe") || (dlg_has_any(t, messages) &&
	    dlg_has_word(t, "again") && (dlg_has_word(t, "send") ||
	    dlg_has_word(t, "message") || dlg_has_word(t, "resume"))))
		return 1;
	return 0;
}

static int
watch_asked(struct tctx *t)
{
	return dlg_has_any(t, tell) && dlg_has_any(t, back) &&
	    (dlg_has_word(t, "when") || dlg_has_word(t, "once") ||
	    dlg_has_word(t, "if"));
}

/*
 * Watch p for the customer (trigger.c sends the message when it is back)
 * and say so.
 */
void
dlg_watch_product(struct tctx *t, const struct product *p)
{
	struct sd_error	 err = SD_ERROR_INIT;

	dlg_product_slots(t, p, "");
	dlg_cite(t, "product", p->sku, p->name, "stock");
	if (trigger_watch(t->st, t->user_id, p->sku, &err) != SD_OK) {
		cJSON_AddStringToObject(t->trace, "error", sd_error_msg(&err));
		sd_error_clear(&err);
		dlg_set_action(t, "watch_failed", "could not record the watch");
		dlg_say(t, "watch_failed");
	} else {
		dlg_set_action(t, "watch", "watching %s (stock %lld)", p->sku,
		    p->stock);
		dlg_say(t, p->stock > 0 ? "watch_in_stock" : "watch_out");
	}
}

static void
watch(struct tctx *t)
{
	struct product	 p;

	memset(&p, 0, sizeof p);
	if (!dlg_target_product(t, &p)) {
		dlg_set_action(t, "watch_which", "no product to watch");
		dlg_say(t, "watch_which");
		return;
	}
	dlg_watch_product(t, &p);
	product_release(&p);
}

int
dlg_handle_notify(struct tctx *t)
{
	struct sd_error	 err = SD_ERROR_INIT;
	int		 o = optout_asked(t);

	if (o == 0 && !watch_asked(t))
		return 0;
	/* A visitor asks how it works ("how do I stop your emails"): the
	 * FAQ says, where it answers well; else, sign in first. */
	if (!t->have_cust && dlg_handle_kb_strong(t, KB_STORE_KINDS,
	    KB_STRONG))
		return 1;
	if (!t->have_cust) {
		dlg_set_action(t, "notify_signin", "an anonymous customer");
		dlg_say(t, "notify_signin");
		return 1;
	}
	if (o == 0) {
		watch(t);
		return 1;
	}
	if (trigger_optout(t->st, t->user_id, o < 0, &err) != SD_OK) {
		cJSON_AddStringToObject(t->trace, "error", sd_error_msg(&err));
		sd_error_clear(&err);
		return 0;
	}
	dlg_set_action(t, o < 0 ? "optout" : "optin", "proactive messages %s",
	    o < 0 ? "stopped" : "resumed");
	dlg_say(t, o < 0 ? "optout" : "optin");
	return 1;
}
