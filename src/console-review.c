/*
 * console-review.c: the console's review mode.  /review lists the turns
 * most worth a look (review.h's queue) in the conversation pane; Enter
 * opens one: its session is watched, the turn selected, so the context
 * and debug panes show what it retrieved, its intent, confidence and
 * entities, and a review card on top of the debug pane says what the
 * reviewer has said of it.  /review good|bad|intent|product|order|
 * entity|reply then store the review at once (review.c checks each
 * against the model and the store), and /review next moves on.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "shopdesk.h"
#include "console-int.h"
#include "entity.h"
#include "intent.h"
#include "review.h"
#include "sbuf.h"

static const char *const subcommands[] = { "all", "next", "good", "bad",
    "intent", "product", "order", "entity", "reply", "clear", "done",
    NULL };

static void
queue_free(struct console *c)
{
	size_t	 i;

	for (i = 0; i < c->nrq; i++)
		review_turn_release(&c->rq[i]);
	free(c->rq);
	c->rq = NULL;
	c->nrq = 0;
}

static void
queue_load(struct console *c)
{
	struct sd_error	 err = SD_ERROR_INIT;

	queue_free(c);
	if (review_queue(c->st, 200, c->rq_all, &c->rq, &c->nrq, &err) !=
	    SD_OK)
		con_fail(c, "/review", &err);
	if (c->rq_sel >= c->nrq)
		c->rq_sel = c->nrq > 0 ? c->nrq - 1 : 0;
}

/* The turn under review, read again after a change. */
static int
current_load(struct console *c, long long id)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct review_turn t;

	if (review_turn_get(c->st, id, &t, &err) != SD_OK) {
		con_note(c, "/review %lld: %s", id, sd_error_msg(&err));
		sd_error_clear(&err);
		return -1;
	}
	review_turn_release(&c->rv);
	c->rv = t;
	return 0;
}

/* Open turn id: watch its session with the turn selected. */
static void
open_turn(struct console *c, long long id)
{
	if (current_load(c, id) != 0)
		return;
	c->review_view = 0;
	c->sessions_view = 0;
	con_switch(c, c->rv.session_id, 1);
	con_select_turn(c, c->rv.number);
	con_prompt(c);
	con_status(c, 0, "reviewing turn %lld (%s#%ld): /review good|bad, "
	    "intent, product, order, entity, reply; /review next",
	    c->rv.id, c->rv.session_id, c->rv.number);
}

/* The first unreviewed turn of the queue other than the current one. */
static void
next_turn(struct console *c)
{
	size_t	 i;

	queue_load(c);
	for (i = 0; i < c->nrq; i++)
		if (c->rq[i].id != c->rv.id &&
		    c->rq[i].review.verdict == REVIEW_NONE) {
			open_turn(c, c->rq[i].id);
			return;
		}
	con_note(c, "/review next: the queue is empty, nothing else to "
	    "review.");
}

/* Store r as the current turn's review; say what is stored now. */
static void
save(struct console *c, struct review *r)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct sbuf	 sb = SBUF_INIT;

	free(r->reviewer);
	r->reviewer = xstrdup(c->agent);
	if (review_save(c->st, r, &err) != SD_OK) {
		con_note(c, "/review: %s", sd_error_msg(&err));
		sd_error_clear(&err);
		return;
	}
	current_load(c, r->turn);
	review_describe(&c->rv.review, &sb);
	con_status(c, 0, "turn %lld: %s", c->rv.id, sb.buf);
	sbuf_release(&sb);
	c->dirty = 1;
}

/* /review VERB ARG on the current turn. */
static void
edit(struct console *c, const char *verb, const char *arg)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct review	 r;
	char		**slot = NULL;

	review_copy(&r, &c->rv.review);
	r.turn = c->rv.id;
	if (strcmp(verb, "good") == 0 || strcmp(verb, "bad") == 0)
		r.verdict = review_verdict_parse(verb);
	else if (*arg == '\0') {
		con_note(c, "usage: /review %s %s", verb,
		    strcmp(verb, "entity") == 0 ? "TYPE=VALUE" :
		    strcmp(verb, "intent") == 0 ? "NAME (Tab completes)" :
		    strcmp(verb, "product") == 0 ? "SKU|NAME (Tab completes)" :
		    strcmp(verb, "order") == 0 ? "ID" : "TEXT");
		goto out;
	} else if (strcmp(verb, "entity") == 0) {
		if (review_add_entity(&r, arg, &err) != SD_OK) {
			con_note(c, "/review entity: %s", sd_error_msg(&err));
			goto out;
		}
	} else if (strcmp(verb, "intent") == 0)
		slot = &r.intent;
	else if (strcmp(verb, "product") == 0)
		slot = &r.product;
	else if (strcmp(verb, "order") == 0)
		slot = &r.order_id;
	else
		slot = &r.reply;
	if (slot != NULL) {
		free(*slot);
		*slot = xstrdup(arg);
	}
	/* A correction says the turn went wrong, unless said otherwise. */
	if (r.verdict == REVIEW_NONE)
		r.verdict = REVIEW_BAD;
	save(c, &r);
out:
	sd_error_clear(&err);
	review_release(&r);
}

void
creview_cmd(struct console *c, const char *arg)
{
	struct sd_error	 err = SD_ERROR_INIT;
	const char	*sp = strchr(arg, ' ');
	size_t		 k = sp != NULL ? (size_t)(sp - arg) : strlen(arg);
	char		*verb = xstrndup(arg, k), *end;
	long long	 id;

	for (arg += k; *arg == ' '; arg++)
		;
	if (k == 0 || strcmp(verb, "all") == 0) {
		c->rq_all = k > 0;
		c->review_view = 1;
		c->sessions_view = 0;
		c->scroll[PANE_CONV] = 0;
		queue_load(c);
	} else if ((id = strtoll(verb, &end, 10)) > 0 && *end == '\0')
		open_turn(c, id);
	else if (strcmp(verb, "next") == 0)
		next_turn(c);
	else if (strcmp(verb, "good") != 0 && strcmp(verb, "bad") != 0 &&
	    strcmp(verb, "intent") != 0 && strcmp(verb, "product") != 0 &&
	    strcmp(verb, "order") != 0 && strcmp(verb, "entity") != 0 &&
	    strcmp(verb, "reply") != 0 && strcmp(verb, "clear") != 0 &&
	    strcmp(verb, "done") != 0)
		con_note(c, "usage: /review [all|TURN|next|good|bad|intent "
		    "NAME|product SKU|order ID|entity TYPE=VALUE|reply TEXT|"
		    "clear|done]");
	else if (c->rv.id == 0)
		con_note(c, "/review %s: no turn under review (/review lists "
		    "them, /review TURN opens one)", verb);
	else if (strcmp(verb, "done") == 0) {
		review_turn_release(&c->rv);
		con_status(c, 0, "review closed");
	} else if (strcmp(verb, "clear") == 0) {
		if (review_clear(c->st, c->rv.id, &err) != SD_OK)
			con_note(c, "/review clear: %s", sd_error_msg(&err));
		else {
			current_load(c, c->rv.id);
			con_status(c, 0, "turn %lld: review cleared", c->rv.id);
		}
	} else
		edit(c, verb, arg);
	sd_error_clear(&err);
	free(verb);
	c->dirty = 1;
}

int
creview_key(struct console *c, int ch)
{
	switch (ch) {
	case KEY_UP:
		if (c->rq_sel > 0)
			c->rq_sel--;
		return 1;
	case KEY_DOWN:
		if (c->rq_sel + 1 < c->nrq)
			c->rq_sel++;
		return 1;
	case '\n':
	case '\r':
	case KEY_ENTER:
		if (c->rq_sel < c->nrq)
			open_turn(c, c->rq[c->rq_sel].id);
		return 1;
	case 27:
		c->review_view = 0;
		return 1;
	case KEY_F(4):
		c->review_view = 0;	/* and on to the sessions view */
		return 0;
	}
	return 0;
}

static void
cut_line(struct cdoc *d, int style, const char *s, size_t max)
{
	size_t	 n = strlen(s);

	while (n > max && max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
		max--;
	cdoc_add(d, style, s, n > max ? max : n);
	if (n > max)
		cdoc_adds(d, CS_DIM, "...");
}

void
creview_queue_doc(struct console *c, struct cdoc *d, struct sbuf *title)
{
	const struct review_turn *t;
	char		*where;
	size_t		 i;
	int		 sel;

	sbuf_addf(title, "Review queue (%zu%s)", c->nrq, c->rq_all ?
	    ", reviewed too" : "");
	cdoc_line(d, 0, -1);
	cdoc_adds(d, CS_DIM, "Up/Down select, Enter opens the turn, Esc "
	    "closes.  The turns most worth a look first: feedback, feelings, "
	    "fallbacks, low confidence, low relevance.  /review all lists "
	    "reviewed turns too.");
	cdoc_line(d, 0, -1);
	cdoc_addf(d, CS_BOLD, "  %6s %5s  %-12s %-20s %4s", "turn",
	    "score", "session#n", "intent", "conf");
	if (c->nrq == 0) {
		cdoc_line(d, 2, -1);
		cdoc_adds(d, CS_DIM, "  (nothing to review)");
	}
	for (i = 0; i < c->nrq; i++) {
		t = &c->rq[i];
		sel = i == c->rq_sel;
		cdoc_line(d, 4, (long)i);
		cdoc_adds(d, sel ? CS_SELECT : CS_TEXT, sel ? "> " : "  ");
		cdoc_addf(d, sel ? CS_SELECT : CS_BOLD, "%6lld", t->id);
		where = xasprintf("%s#%ld", t->session_id, t->number);
		cdoc_addf(d, CS_TEXT, " %5.1f  ", t->score);
		cdoc_addf(d, CS_DIM, "%-12s", where);
		free(where);
		cdoc_addf(d, CS_TEXT, " %-20.20s %4.2f  ", t->intent != NULL ?
		    t->intent : "-", t->confidence);
		if (t->review.verdict != REVIEW_NONE)
			cdoc_addf(d, CS_SYSTEM, "[%s]",
			    review_verdict_name(t->review.verdict));
		cdoc_line(d, 20, (long)i);
		cdoc_adds(d, CS_DIM, "          why:      ");
		cdoc_adds(d, CS_ERROR, t->why);
		cdoc_line(d, 20, (long)i);
		cdoc_adds(d, CS_DIM, "          customer: ");
		cut_line(d, CS_USER, t->text, 90);
		cdoc_line(d, 20, (long)i);
		cdoc_adds(d, CS_DIM, "          bot:      ");
		cut_line(d, CS_BOT, t->reply != NULL ? t->reply : "(no reply)",
		    90);
	}
}

void
creview_card(struct console *c, struct cdoc *d, long turn)
{
	const struct review	*r = &c->rv.review;
	struct sbuf		 sb = SBUF_INIT;

	if (c->rv.id == 0 || c->session == NULL ||
	    strcmp(c->rv.session_id, c->session) != 0 || c->rv.number != turn)
		return;
	cdoc_line(d, 2, -1);
	cdoc_addf(d, CS_BOLD, "Review of turn #%ld (line %lld)", turn,
	    c->rv.id);
	cdoc_addf(d, CS_DIM, "  score %.1f%s%s", c->rv.score,
	    *c->rv.why != '\0' ? ": " : "", c->rv.why);
	cdoc_line(d, 2, -1);
	review_describe(r, &sb);
	cdoc_adds(d, r->verdict == REVIEW_BAD ? CS_ERROR : r->verdict ==
	    REVIEW_GOOD ? CS_CITED : CS_DIM, sb.buf);
	if (r->reply != NULL) {
		cdoc_line(d, 2, -1);
		cdoc_adds(d, CS_DIM, "should say: ");
		cdoc_adds(d, CS_BOT, r->reply);
	}
	cdoc_line(d, 2, -1);
	cdoc_adds(d, CS_DIM, "/review good|bad, intent NAME, product SKU, "
	    "order ID, entity TYPE=VALUE, reply TEXT, clear, next, done");
	cdoc_line(d, 0, -1);
	sbuf_release(&sb);
}

int
creview_complete(struct console *c, const char *line, size_t ws,
    size_t point, void (*add)(void *, const char *), void *arg)
{
	const char *const *names;
	const char	*w = line + ws;
	size_t		 n, i, len = point - ws;

	(void)c;
	if (ws == 8) {		/* the word after /review */
		for (i = 0; subcommands[i] != NULL; i++)
			if (strncmp(subcommands[i], w, len) == 0)
				add(arg, subcommands[i]);
		return 1;
	}
	if (strncmp(line + 8, "intent ", 7) == 0 && ws == 15) {
		names = intent_names(&n);
		for (i = 0; i < n; i++)
			if (strncmp(names[i], w, len) == 0)
				add(arg, names[i]);
		return 1;
	}
	if (strncmp(line + 8, "entity ", 7) == 0 && ws == 15) {
		for (i = 0; i < ENTITY_NTYPES; i++)
			if (strncmp(entity_type_name((enum entity_type)i), w,
			    len) == 0)
				add(arg, entity_type_name(
				    (enum entity_type)i));
		return 1;
	}
	/* products and orders: the console's own completion of them */
	return strncmp(line + 8, "product ", 8) != 0 &&
	    strncmp(line + 8, "order ", 6) != 0;
}

void
creview_free(struct console *c)
{
	queue_free(c);
	review_turn_release(&c->rv);
}
