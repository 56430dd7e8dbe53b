/*
 * console-desk.c: the console's agent desk: claims (take over, hand
 * back, escalate), the agent's lines and what happens to a line that
 * cannot be sent.  The rules (who holds what, who may write) are
 * desk.c's; this file says them to the agent on screen.
 *
 * A line an agent typed is never lost: it is stored, or refused with the
 * reason and put back in the input line, ready to send again once the
 * agent holds the session (or to copy elsewhere).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <curses.h>
#include <readline/readline.h>

#include "shopdesk.h"
#include "console-int.h"
#include "desk.h"
#include "history.h"
#include "paths.h"
#include "sbuf.h"
#include "template.h"

/* The session an agent command acts on, or NULL with a hint. */
static const char *
agent_target(struct console *c, const char *cmd)
{
	if (c->session == NULL || c->si.id == NULL) {
		con_note(c, "%s: no session yet (/open SESSION, or say "
		    "something first)", cmd);
		return NULL;
	}
	return c->session;
}

static void
takeover(struct console *c, const char *sid, const char *arg)
{
	struct sd_error	 err = SD_ERROR_INIT;
	char		*was = NULL;
	int		 force = 0;

	if (strcmp(arg, "--force") == 0 || strcmp(arg, "-f") == 0)
		force = 1;
	else if (*arg != '\0') {
		con_note(c, "usage: /takeover [--force]");
		return;
	}
	if (con_held(c)) {
		con_note(c, "You already hold %s.", sid);
		return;
	}
	if (desk_takeover(c->st, sid, c->agent, force, &was, &err) != SD_OK) {
		if (err.rc == SD_ERR_CONFLICT) {
			con_note(c, "/takeover refused: %s.  /takeover --force "
			    "takes it anyway and tells %s.", sd_error_msg(&err),
			    c->si.agent != NULL ? c->si.agent : "them");
			beep();
			sd_error_clear(&err);
			con_refresh_session(c);
			return;
		}
		con_fail(c, "/takeover", &err);
		return;
	}
	con_refresh_session(c);
	con_load_messages(c);
	con_prompt(c);
	if (was != NULL)
		con_note(c, "You (%s) took %s over from %s, who is told so.",
		    c->agent, sid, was);
	con_note(c, "You (%s) hold %s: your lines reach the customer as "
	    "agent lines and the bot stays quiet.  /handback returns it to "
	    "the bot.", c->agent, sid);
	free(was);
}

void
cdesk_agent(struct console *c, const char *cmd, const char *arg)
{
	struct sd_error	 err = SD_ERROR_INIT;
	const char	*sid;
	enum sd_rc	 rc;

	if ((sid = agent_target(c, cmd)) == NULL)
		return;
	if (strcmp(cmd, "/takeover") == 0) {
		takeover(c, sid, arg);
		return;
	}
	if (strcmp(cmd, "/handback") == 0)
		rc = desk_handback(c->st, sid, c->agent, &err);
	else
		rc = desk_escalate(c->st, sid, *arg != '\0' ? arg :
		    "escalated from the console", &err);
	if (rc != SD_OK) {
		if (err.rc == SD_ERR_CONFLICT) {
			con_note(c, "%s refused: %s.", cmd, sd_error_msg(&err));
			sd_error_clear(&err);
		} else
			con_fail(c, cmd, &err);
		con_refresh_session(c);
		return;
	}
	con_refresh_session(c);
	con_prompt(c);
	/* Our own escalation is no news to us: a new baseline, no alert. */
	c->queue_seen = 0;
	con_sessions_refresh(c);
	if (strcmp(cmd, "/handback") == 0)
		con_note(c, "%s is back with the bot.", sid);
	else
		con_note(c, "%s is escalated: %s", sid,
		    c->si.escalation_reason != NULL ?
		    c->si.escalation_reason : arg);
}

/* Refused: say why, and give the line back to edit or send again. */
static void
refuse(struct console *c, const char *text, const char *why)
{
	con_note(c, "Not sent: %s.  Your line is back in the input.", why);
	free(c->prefill);
	c->prefill = xstrdup(text);
	beep();
}

int
cdesk_say(struct console *c, const char *text)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct sbuf	 why = SBUF_INIT;
	long long	 id;

	if (con_held(c)) {
		if (desk_say(c->st, c->session, c->agent, text, &id,
		    &err) == SD_OK) {
			con_load_messages(c);
			con_refresh_session(c);
			return 1;
		}
		sbuf_adds(&why, sd_error_msg(&err));
		if (err.rc == SD_ERR_CONFLICT)
			sbuf_adds(&why, " (/takeover --force takes it back)");
		refuse(c, text, why.buf);
		sd_error_clear(&err);
		sbuf_release(&why);
		con_refresh_session(c);
		con_prompt(c);
		return 1;
	}
	if (!c->desk)
		return 0;
	if (c->si.agent != NULL && c->si.status != NULL &&
	    strcmp(c->si.status, "agent") == 0)
		sbuf_addf(&why, "%s holds %s; you are watching", c->si.agent,
		    c->session);
	else
		sbuf_addf(&why, "you are watching %s: /takeover to answer "
		    "the customer, /new to chat yourself", c->session);
	refuse(c, text, why.buf);
	sbuf_release(&why);
	return 1;
}

void
cdesk_claim_check(struct console *c, int was_held)
{
	if (!was_held || con_held(c) || c->si.agent == NULL ||
	    c->si.status == NULL || strcmp(c->si.status, "agent") != 0)
		return;
	con_note(c, "%s took %s over from you: your lines no longer reach "
	    "the customer.", c->si.agent, c->session);
	beep();
	con_status(c, 1, "%s took %s over from you", c->si.agent, c->session);
	con_prompt(c);
}

void
cdesk_opened(struct console *c)
{
	const struct session_info *si = &c->si;

	if (si->id == NULL)
		return;
	if (con_held(c))
		con_note(c, "You hold %s.  Your lines reach the customer.",
		    si->id);
	else if (si->agent != NULL && strcmp(si->status, "agent") == 0)
		con_note(c, "Watching %s (%s): held by %s.  /takeover --force "
		    "takes it from them.", si->id, si->user_id != NULL ?
		    si->user_id : "anonymous", si->agent);
	else
		con_note(c, "Watching %s (%s, %s, nobody holds it).  "
		    "/takeover to answer the customer, F5/F6 to step through "
		    "the turns.", si->id, si->user_id != NULL ? si->user_id :
		    "anonymous", si->status);
}

/* Customer panel. */

int
con_pane_shown(const struct console *c, int p)
{
	if (p == PANE_CONV)
		return 1;
	if (c->sessions_view)
		return 0;	/* the list takes the whole width */
	if (p == PANE_CUST)
		return c->show[p] && c->panel.cust.id != NULL;
	return c->show[p];
}

static int
panel_has(const struct console *c, const char *order)
{
	size_t	 i;

	for (i = 0; i < c->panel.norders; i++)
		if (strcmp(c->panel.orders[i].o.id, order) == 0)
			return 1;
	return 0;
}

void
cdesk_panel_load(struct console *c, const char *customer)
{
	struct sd_error	 err = SD_ERROR_INIT;

	desk_panel_release(&c->panel);
	c->dirty = 1;
	if (customer == NULL)
		return;
	if (desk_panel_load(c->st, customer, &c->panel, &err) != SD_OK) {
		desk_panel_release(&c->panel);
		con_fail(c, "the customer panel", &err);
		return;
	}
	if (c->panel_focus != NULL && !panel_has(c, c->panel_focus)) {
		free(c->panel_focus);
		c->panel_focus = NULL;
	}
}

void
cdesk_panel_session(struct console *c)
{
	const char	*user = c->si.user_id != NULL ? c->si.user_id : c->user;
	cJSON		*state, *o;

	free(c->panel_focus);
	c->panel_focus = NULL;
	if (!c->desk || user == NULL) {
		cdesk_panel_load(c, NULL);
		return;
	}
	/* The order the conversation is about, as the dialogue keeps it. */
	if (c->si.state != NULL && (state = cJSON_Parse(c->si.state)) !=
	    NULL) {
		o = cJSON_GetObjectItemCaseSensitive(state, "order");
		if (cJSON_IsString(o))
			c->panel_focus = xstrdup(o->valuestring);
		cJSON_Delete(state);
	}
	cdesk_panel_load(c, user);
	c->scroll[PANE_CUST] = 0;
}

static void
panel_order(struct console *c, struct cdoc *d, const struct desk_order *o,
    int focus)
{
	const struct order *r = &o->o;
	char		*money;
	size_t		 i;

	cdoc_line(d, 4, -1);
	cdoc_adds(d, focus ? CS_SELECT : CS_TEXT, focus ? ">" : " ");
	cdoc_addf(d, CS_BOLD, " #%s ", r->id);
	cdoc_addf(d, strcmp(r->status, "delivered") == 0 ? CS_BOT :
	    CS_SYSTEM, "%s", r->status);
	if (r->placed_at != NULL) {
		money = catalog_money(r->total, r->currency);
		cdoc_addf(d, CS_DIM, "  placed %.10s  %s", r->placed_at, money);
		free(money);
	}
	for (i = 0; i < r->nitems; i++) {
		cdoc_line(d, 7, -1);
		cdoc_addf(d, CS_TEXT, "   %lld x %s", r->items[i].qty,
		    r->items[i].name);
		cdoc_addf(d, CS_DIM, " (%s)", r->items[i].sku);
	}
	if (r->tracking_number != NULL) {
		cdoc_line(d, 7, -1);
		cdoc_addf(d, CS_DIM, "   ship ");
		cdoc_addf(d, CS_TEXT, "%s %s %s", r->carrier, r->tracking_number,
		    r->ship_status);
		if (r->delivered_at != NULL)
			cdoc_addf(d, CS_DIM, " on %.10s", r->delivered_at);
		else if (r->estimated_delivery != NULL)
			cdoc_addf(d, CS_DIM, " due %.10s", r->estimated_delivery);
	}
	cdoc_line(d, 7, -1);
	cdoc_adds(d, CS_DIM, "   return: ");
	cdoc_adds(d, strncmp(o->returns, "eligible", 8) == 0 ? CS_BOT :
	    CS_TEXT, o->returns);
	if (focus && o->event != NULL) {
		cdoc_line(d, 7, -1);
		cdoc_addf(d, CS_DIM, "   last event %.10s ", o->event_at != NULL ?
		    o->event_at : "");
		cdoc_adds(d, CS_TEXT, o->event);
	}
	(void)c;
}

/* ", seen 2026-11-20T12:05:00Z" as ", seen 11-20 12:05". */
static void
panel_when(struct cdoc *d, int style, const char *what, const char *iso)
{
	if (iso != NULL && strlen(iso) >= 16)
		cdoc_addf(d, style, "%s %.5s %.5s", what, iso + 5, iso + 11);
	else
		cdoc_addf(d, style, "%s %s", what, iso != NULL ? iso : "?");
}

/*
 * The proactive messages sent to the customer (trigger.c), newest
 * first: which trigger, when, and whether the customer's client has
 * fetched it yet; those of the session on screen are marked "here",
 * the others name their session and quote the message.  None: no
 * heading either.
 */
static void
panel_notes(struct console *c, struct cdoc *d)
{
	const struct desk_panel *p = &c->panel;
	const struct trigger_note *n;
	size_t		 i;
	int		 here;

	if (p->nnotes == 0)
		return;		/* the lines are the orders' */
	cdoc_line(d, 0, -1);
	cdoc_addf(d, CS_BOLD, "Proactive messages (%zu%s)", p->nnotes,
	    p->nnotes == DESK_PANEL_NOTES ? ", latest" : "");
	for (i = 0; i < p->nnotes; i++) {
		n = &p->notes[i];
		here = c->session != NULL && strcmp(n->session_id,
		    c->session) == 0;
		cdoc_line(d, 4, -1);
		cdoc_addf(d, here ? CS_SELECT : CS_TEXT, "  %s", n->trigger);
		if (here)
			cdoc_adds(d, CS_DIM, " here");
		else
			cdoc_addf(d, CS_DIM, " in %s", n->session_id);
		cdoc_line(d, 7, -1);
		panel_when(d, CS_DIM, "   sent", n->fired_at);
		if (n->seen_at != NULL)
			panel_when(d, CS_BOT, ", seen", n->seen_at);
		else
			cdoc_adds(d, CS_ERROR, ", not seen");
		/* Its text is in the conversation beside. */
		if (here)
			continue;
		cdoc_line(d, 7, -1);
		cdoc_addf(d, CS_DIM, "   \"%s\"", n->text);
	}
}

static void
panel_rest(struct console *c, struct cdoc *d)
{
	const struct desk_panel *p = &c->panel;
	size_t		 i;
	char		*money;

	cdoc_line(d, 0, -1);
	cdoc_addf(d, CS_BOLD, "Cart (%zu)", p->ncart);
	for (i = 0; i < p->ncart; i++) {
		money = catalog_money(p->cart[i].price, "USD");
		cdoc_line(d, 4, -1);
		cdoc_addf(d, CS_TEXT, "  %d x %s", p->cart[i].qty,
		    p->cart[i].name);
		cdoc_addf(d, CS_DIM, " %s", money);
		free(money);
	}
	panel_notes(c, d);
	cdoc_line(d, 0, -1);
	cdoc_addf(d, CS_BOLD, "Past conversations (%zu)", p->npast);
	for (i = 0; i < p->npast; i++) {
		const struct session_info *s = &p->past[i];

		cdoc_line(d, 4, -1);
		cdoc_addf(d, c->session != NULL && strcmp(s->id, c->session) ==
		    0 ? CS_SELECT : CS_TEXT, "  %s", s->id);
		cdoc_addf(d, CS_DIM, " %s %s %.16s, %lld msgs", s->status,
		    s->channel, s->updated_at, s->turns);
	}
	cdoc_line(d, 0, -1);
	cdoc_addf(d, CS_BOLD, "Feedback (%zu)", p->nratings);
	for (i = 0; i < p->nratings; i++) {
		const struct desk_rating *r = &p->ratings[i];

		cdoc_line(d, 4, -1);
		cdoc_addf(d, r->rating >= 4 ? CS_BOT : CS_ERROR, "  %s %d",
		    r->rating >= 4 ? "up" : "down", r->rating);
		cdoc_addf(d, CS_DIM, " %s %.10s", r->session_id, r->created_at);
		if (r->comment != NULL)
			cdoc_addf(d, CS_TEXT, " \"%s\"", r->comment);
	}
}

void
cdesk_panel_doc(struct console *c, struct cdoc *d, struct sbuf *title)
{
	const struct desk_panel *p = &c->panel;
	size_t		 i;

	sbuf_addf(title, "Customer %s %s", p->cust.id, p->cust.name);
	cdoc_line(d, 0, -1);
	cdoc_addf(d, CS_BOLD, "%s", p->cust.name);
	cdoc_addf(d, CS_DIM, "  %s  tier ", p->cust.id);
	cdoc_adds(d, CS_TEXT, p->cust.tier);
	cdoc_line(d, 2, -1);
	cdoc_addf(d, CS_DIM, "contact ");
	cdoc_adds(d, CS_TEXT, p->cust.email != NULL && *p->cust.email ?
	    p->cust.email : "(no email)");
	/*
	 * The order in focus first (what the agent is answering about),
	 * then cart, conversations and feedback, which are short, and the
	 * other orders last: what matters fits without scrolling.
	 */
	for (i = 0; i < p->norders; i++)
		if (c->panel_focus != NULL &&
		    strcmp(p->orders[i].o.id, c->panel_focus) == 0) {
			cdoc_line(d, 0, -1);
			cdoc_adds(d, CS_BOLD, "Order in focus");
			panel_order(c, d, &p->orders[i], 1);
		}
	panel_rest(c, d);
	cdoc_line(d, 0, -1);
	cdoc_addf(d, CS_BOLD, "Orders (%zu%s)", p->norders,
	    p->norders == DESK_PANEL_ORDERS ? ", latest" : "");
	for (i = 0; i < p->norders; i++)
		if (c->panel_focus == NULL ||
		    strcmp(p->orders[i].o.id, c->panel_focus) != 0)
			panel_order(c, d, &p->orders[i], 0);
}

static void
panel_show(struct console *c, const char *customer, const char *focus)
{
	free(c->panel_focus);
	c->panel_focus = focus != NULL ? xstrdup(focus) : NULL;
	cdesk_panel_load(c, customer);
	c->show[PANE_CUST] = 1;
	c->scroll[PANE_CUST] = 0;
}

void
cdesk_customer(struct console *c, const char *arg)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct customer	 cu;
	const char	*id = *arg != '\0' ? arg : (c->si.user_id != NULL ?
			    c->si.user_id : c->user);

	if (id == NULL) {
		con_note(c, "usage: /customer ID (Tab completes; the session "
		    "has no customer)");
		return;
	}
	if (*arg == '\0' && c->desk) {
		cdesk_panel_session(c);	/* with the conversation's order */
		c->show[PANE_CUST] = 1;
		return;
	}
	if (catalog_customer(c->st, id, &cu, &err) != SD_OK) {
		con_note(c, "/customer %s: %s", id, err.rc == SD_ERR_NOTFOUND ?
		    "no such customer" : sd_error_msg(&err));
		sd_error_clear(&err);
		return;
	}
	panel_show(c, id, NULL);
	con_status(c, 0, "customer %s (%s) in the panel", cu.id, cu.name);
	customer_release(&cu);
}

void
cdesk_order(struct console *c, const char *arg)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct order	 o;
	struct sbuf	 sb = SBUF_INIT;
	char		**ids = NULL, *cust;
	size_t		 n = 0, i;

	if (*arg == '\0') {
		con_note(c, "usage: /order NUMBER or /order PRODUCT (in the "
		    "panel customer's orders)");
		return;
	}
	memset(&o, 0, sizeof o);
	if (catalog_order(c->st, arg, &o, &err) == SD_OK) {
		panel_show(c, o.customer_id, o.id);
		con_status(c, 0, "order %s of %s in the panel", o.id,
		    o.customer_id);
		order_release(&o);
		return;
	}
	sd_error_clear(&err);
	if (c->panel.cust.id == NULL) {
		con_note(c, "/order %s: no such order (to find one by product, "
		    "open the customer first: /customer ID)", arg);
		return;
	}
	cust = xstrdup(c->panel.cust.id);
	if (desk_orders_named(c->st, cust, arg, &ids, &n, &err) != SD_OK)
		con_fail(c, "/order", &err);
	else if (n == 0)
		con_note(c, "/order %s: no such order, and none of %s's orders "
		    "holds \"%s\"", arg, cust, arg);
	else {
		panel_show(c, cust, ids[0]);
		for (i = 0; i < n; i++)
			sbuf_addf(&sb, "%s%s", i > 0 ? ", " : "", ids[i]);
		con_note(c, "Orders of %s holding \"%s\": %s (the first in "
		    "focus in the panel)", cust, arg, sb.buf);
	}
	for (i = 0; i < n; i++)
		free(ids[i]);
	free(ids);
	free(cust);
	sbuf_release(&sb);
}

int
cdesk_lookup(struct console *c, const char *q)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct order	 o;
	struct customer	 cu;

	memset(&o, 0, sizeof o);
	if (catalog_order(c->st, q, &o, &err) == SD_OK) {
		panel_show(c, o.customer_id, o.id);
		con_note(c, "Order %s (%s, customer %s) is in the customer "
		    "panel.", o.id, o.status, o.customer_id);
		order_release(&o);
		return 1;
	}
	sd_error_clear(&err);
	if (catalog_customer(c->st, q, &cu, &err) == SD_OK) {
		panel_show(c, cu.id, NULL);
		con_note(c, "Customer %s (%s) is in the customer panel.", cu.id,
		    cu.name);
		customer_release(&cu);
		return 1;
	}
	sd_error_clear(&err);
	return 0;
}

/* Notes, labels, resolve. */

void
cdesk_note(struct console *c, const char *arg)
{
	struct sd_error	 err = SD_ERROR_INIT;
	const char	*sid;

	if (*arg == '\0') {
		con_note(c, "usage: /note TEXT (a private note: agents see it, "
		    "the customer never does)");
		return;
	}
	if ((sid = agent_target(c, "/note")) == NULL)
		return;
	if (desk_note_add(c->st, sid, c->agent, arg, &err) != SD_OK) {
		con_fail(c, "/note", &err);
		return;
	}
	con_load_messages(c);
	con_status(c, 0, "private note added to %s", sid);
}

void
cdesk_label(struct console *c, const char *arg)
{
	struct sd_error	 err = SD_ERROR_INIT;
	const char	*sid, *l = arg;
	char		*all;
	int		 on = 1, changed;

	if ((sid = agent_target(c, "/label")) == NULL)
		return;
	if (*l == '-' || *l == '+') {
		on = *l == '+';
		l++;
	}
	if (*l != '\0' && desk_label(c->st, sid, l, on, &changed, &err) !=
	    SD_OK) {
		if (err.rc == SD_ERR_INVALID) {
			con_note(c, "/label: %s", sd_error_msg(&err));
			sd_error_clear(&err);
		} else
			con_fail(c, "/label", &err);
		return;
	}
	all = desk_labels(c->st, sid);
	con_note(c, "Labels of %s: %s", sid, *all != '\0' ? all :
	    "none (/label NAME adds one, /label -NAME removes it)");
	free(all);
}

void
cdesk_resolve(struct console *c, const char *arg)
{
	struct sd_error	 err = SD_ERROR_INIT;
	const char	*sid;

	if ((sid = agent_target(c, "/resolve")) == NULL)
		return;
	if (desk_resolve(c->st, sid, c->agent, arg, &err) != SD_OK) {
		if (err.rc == SD_ERR_CONFLICT) {
			con_note(c, "/resolve refused: %s.", sd_error_msg(&err));
			sd_error_clear(&err);
		} else
			con_fail(c, "/resolve", &err);
		return;
	}
	con_refresh_session(c);
	con_load_messages(c);
	con_prompt(c);
	con_note(c, "%s is resolved and closed (counted as resolved by %s).",
	    sid, c->agent);
}

/* Canned replies. */

/* The shop's canned replies, read again on each use (they are edited). */
static struct template_set *
canned_load(struct console *c, struct sd_error *err)
{
	char			*dir = paths_join(c->ctx->share_dir, "canned");
	struct template_set	*ts = template_load_dir(dir, err);

	if (ts == NULL)
		sd_error_prefix(err, "%s: ", dir);
	free(dir);
	return ts;
}

void
cdesk_canned_names(struct console *c, void (*add)(void *, const char *),
    void *arg)
{
	struct sd_error		 err = SD_ERROR_INIT;
	struct template_set	*ts;
	const char		*id;
	size_t			 i;

	if ((ts = canned_load(c, &err)) == NULL) {
		sd_error_clear(&err);
		return;
	}
	for (i = 0; (id = template_variant_id(ts, i)) != NULL; i++)
		add(arg, id);
	template_free(ts);
}

/* The order placeholders speak of: the one in focus, else the latest. */
static const struct desk_order *
canned_order(const struct console *c)
{
	size_t	 i;

	for (i = 0; c->panel_focus != NULL && i < c->panel.norders; i++)
		if (strcmp(c->panel.orders[i].o.id, c->panel_focus) == 0)
			return &c->panel.orders[i];
	return c->panel.norders > 0 ? &c->panel.orders[0] : NULL;
}

static void
canned_slots(const struct console *c, struct slots *sl)
{
	const struct desk_order *d = canned_order(c);
	const struct order *o;
	struct sbuf	 items = SBUF_INIT;
	const char	*name = c->panel.cust.name, *sp;
	size_t		 i;

	slots_set(sl, "agent", c->agent);
	if (c->panel.cust.id != NULL) {
		slots_set(sl, "name", name);
		sp = strchr(name, ' ');
		slots_setf(sl, "first_name", "%.*s", sp != NULL ?
		    (int)(sp - name) : (int)strlen(name), name);
		slots_set(sl, "customer_id", c->panel.cust.id);
		slots_set(sl, "tier", c->panel.cust.tier);
	}
	if (d == NULL)
		return;
	o = &d->o;
	slots_set(sl, "order_id", o->id);
	slots_set(sl, "order_status", o->status);
	slots_set(sl, "return", d->returns);
	for (i = 0; i < o->nitems; i++)
		sbuf_addf(&items, "%s%s", i > 0 ? ", " : "", o->items[i].name);
	if (items.len > 0)
		slots_set(sl, "items", items.buf);
	if (o->tracking_number != NULL) {
		slots_set(sl, "tracking_number", o->tracking_number);
		slots_set(sl, "carrier", o->carrier);
	}
	if (o->delivered_at != NULL || o->estimated_delivery != NULL)
		slots_setf(sl, "delivery_date", "%.10s", o->delivered_at !=
		    NULL ? o->delivered_at : o->estimated_delivery);
	sbuf_release(&items);
}

void
cdesk_canned(struct console *c, const char *arg)
{
	struct sd_error		 err = SD_ERROR_INIT;
	struct template_set	*ts;
	struct slots		 sl = SLOTS_INIT;
	struct sbuf		 out = SBUF_INIT;
	const char		*id;
	size_t			 i;

	if ((ts = canned_load(c, &err)) == NULL) {
		con_fail(c, "/canned", &err);
		return;
	}
	if (*arg == '\0' || !template_has(ts, arg)) {
		for (i = 0; (id = template_variant_id(ts, i)) != NULL; i++)
			if (i == 0 || strcmp(id, template_variant_id(ts,
			    i - 1)) != 0)
				sbuf_addf(&out, " %s", id);
		if (*arg != '\0')
			con_note(c, "/canned: no reply named %s.", arg);
		con_note(c, "Canned replies:%s (/canned NAME puts one on the "
		    "input line; Tab completes)", out.buf);
		goto out;
	}
	canned_slots(c, &sl);
	if (template_render(ts, arg, &sl, 0, &out, NULL, &err) != SD_OK) {
		con_note(c, "/canned %s: %s (the customer panel has no such "
		    "fact; open the customer or an order first)", arg,
		    sd_error_msg(&err));
		sd_error_clear(&err);
		goto out;
	}
	free(c->prefill);
	c->prefill = sbuf_detach(&out, NULL);
	con_status(c, 0, "canned reply \"%s\" on the input line: edit it, "
	    "Enter sends", arg);
out:
	sbuf_release(&out);
	slots_release(&sl);
	template_free(ts);
}
