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
#include "sbuf.h"

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
