/*
 * dlg-push.c: a cancellation the customer confirmed in chat, sent first
 * to the system the order came from (connector.c).  The customer is
 * told it is done only when that system accepted it; when it refused,
 * they are told why and nothing is cancelled here either.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "connector.h"
#include "dlg-int.h"
#include "sources.h"

int
dlg_push_cancel(struct tctx *t, const char *order)
{
	struct sd_error	 err = SD_ERROR_INIT;
	enum push_result res;
	char		*path = sources_default_path(), *why = NULL;
	enum sd_rc	 rc;

	rc = connector_push_cancel(t->st, path, order, &res, &why, &err);
	free(path);
	if (rc == SD_OK && res != PUSH_REFUSED) {
		if (res == PUSH_ACCEPTED)
			dlg_jset_str(t->trace, "pushed", "cancel accepted");
		return 0;
	}
	slots_set(&t->slots, "order_id", order);
	dlg_cite(t, "order", order, order, "status");
	if (rc != SD_OK) {
		dlg_set_action(t, "cancel_source_unreachable", "%s",
		    sd_error_msg(&err));
		dlg_say(t, "cancel_source_unreachable");
	} else {
		slots_set(&t->slots, "reason", why);
		dlg_set_action(t, "cancel_source_refused", "the order system "
		    "refused: %s", why);
		dlg_say(t, "cancel_source_refused");
	}
	dlg_close_form(t);
	free(why);
	sd_error_clear(&err);
	return 1;
}
