/*
 * console-trace.c renders a turn's trace as the console's styled text
 * (console-doc.c): the context pane (what retrieval returned and what the
 * reply cited), the debug pane (intent, feelings, entities, the state
 * before and after, the action, the LLM's call) and the fact check's
 * marks on a reply.  No curses here either.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "console-doc.h"
#include "sbuf.h"

static const char *
jstr(const cJSON *o, const char *key)
{
	const cJSON	*v = cJSON_GetObjectItemCaseSensitive(o, key);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static int
jnum(const cJSON *o, const char *key, double *out)
{
	const cJSON	*v = cJSON_GetObjectItemCaseSensitive(o, key);

	if (!cJSON_IsNumber(v))
		return 0;
	*out = v->valuedouble;
	return 1;
}

/* A score bar of width cells for x in [0, 1]. */
static void
bar(struct cdoc *d, double x, int width)
{
	int	 i, full;

	if (x < 0)
		x = 0;
	if (x > 1)
		x = 1;
	full = (int)(x * width + 0.5);
	for (i = 0; i < width; i++) {
		if (i < full)
			cdoc_adds(d, CS_BAR, cdoc_unicode ? "\xe2\x96\x88" : "#");
		else
			cdoc_adds(d, CS_DIM, cdoc_unicode ? "\xe2\x96\x91" :
			    ".");
	}
}

/* A value as short text: strings bare, the rest as compact JSON. */
static void
add_value(struct cdoc *d, int style, const cJSON *v)
{
	char	*s;

	if (cJSON_IsString(v)) {
		cdoc_adds(d, style, v->valuestring);
		return;
	}
	if ((s = cJSON_PrintUnformatted(v)) != NULL) {
		cdoc_adds(d, style, s);
		free(s);
	}
}

/* Text with [marked] words in bold (search snippets mark matches so). */
static void
add_marked(struct cdoc *d, int style, const char *s)
{
	const char	*o, *c;

	while ((o = strchr(s, '[')) != NULL && (c = strchr(o, ']')) != NULL) {
		cdoc_add(d, style, s, (size_t)(o - s));
		cdoc_add(d, CS_BOLD, o + 1, (size_t)(c - o - 1));
		s = c + 1;
	}
	cdoc_adds(d, style, s);
}

static int
was_cited(const cJSON *trace, const cJSON *item)
{
	const cJSON	*c, *cits;
	const char	*id = jstr(item, "id");

	c = cJSON_GetObjectItemCaseSensitive(item, "cited");
	if (cJSON_IsBool(c))
		return cJSON_IsTrue(c);
	/* Older traces: look the id up in the citations. */
	cits = cJSON_GetObjectItemCaseSensitive(trace, "citations");
	if (id == NULL || !cJSON_IsArray(cits))
		return 0;
	cJSON_ArrayForEach(c, cits) {
		const char *cid = cJSON_IsString(c) ? c->valuestring :
		    jstr(c, "id");

		if (cid != NULL && strcmp(cid, id) == 0)
			return 1;
	}
	return 0;
}

void
cdoc_context(struct cdoc *d, const cJSON *trace, long turn)
{
	const cJSON	*ret, *it, *cits;
	int		 n = 0, ncited = 0;
	double		 score;
	const char	*s;

	ret = cJSON_GetObjectItemCaseSensitive(trace, "retrieved");
	cJSON_ArrayForEach(it, ret) {
		n++;
		ncited += was_cited(trace, it);
	}
	cdoc_line(d, 0, -1);
	cdoc_addf(d, CS_BOLD, "Turn #%ld: ", turn);
	cdoc_addf(d, CS_TEXT, "%d retrieved, %d cited", n, ncited);
	if (n == 0) {
		cdoc_line(d, 2, -1);
		cdoc_adds(d, CS_DIM, "(nothing retrieved for this turn)");
	}
	cJSON_ArrayForEach(it, ret) {
		int cited = was_cited(trace, it);

		cdoc_line(d, 4, -1);
		if (cited)
			cdoc_adds(d, CS_CITED, cdoc_unicode ? "\xe2\x98\x85 " :
			    "* ");
		else
			cdoc_adds(d, CS_DIM, "  ");
		s = jstr(it, "kind");
		cdoc_addf(d, CS_DIM, "%-8s ", s != NULL ? s : "?");
		s = jstr(it, "id");
		cdoc_addf(d, CS_TEXT, "%s ", s != NULL ? s : "?");
		if (jnum(it, "score", &score))
			cdoc_addf(d, CS_DIM, "%.2f ", score);
		s = jstr(it, "title");
		if (s != NULL)
			cdoc_adds(d, cited ? CS_CITED : CS_BOLD, s);
		s = jstr(it, "snippet");
		if (s != NULL && *s != '\0') {
			cdoc_line(d, 4, -1);
			cdoc_adds(d, CS_TEXT, "    ");
			add_marked(d, CS_DIM, s);
		}
	}
	cits = cJSON_GetObjectItemCaseSensitive(trace, "citations");
	if (cJSON_IsArray(cits) && cJSON_GetArraySize(cits) > 0) {
		cdoc_line(d, 2, -1);
		cdoc_adds(d, CS_BOLD, "cites ");
		n = 0;
		cJSON_ArrayForEach(it, cits) {
			if (n++ > 0)
				cdoc_adds(d, CS_DIM, ", ");
			if (cJSON_IsObject(it)) {
				s = jstr(it, "id");
				cdoc_adds(d, CS_CITED, s != NULL ? s : "?");
				if ((s = jstr(it, "fields")) != NULL)
					cdoc_addf(d, CS_DIM, " (%s)", s);
			} else
				add_value(d, CS_CITED, it);
		}
	}
}

/* The customer's text with each entity's span highlighted. */
static void
text_with_spans(struct cdoc *d, const char *text, const cJSON *ents)
{
	size_t		 len = strlen(text), i, a, b;
	unsigned char	*mark;
	const cJSON	*e;
	double		 s, t;

	mark = xcalloc(len + 1, 1);
	cJSON_ArrayForEach(e, ents) {
		if (!jnum(e, "start", &s) || !jnum(e, "end", &t) || s < 0 ||
		    t > (double)len || s >= t)
			continue;
		for (i = (size_t)s; i < (size_t)t; i++)
			mark[i] = 1;
	}
	/* Never split a code point: a mark covers all its bytes. */
	for (i = 1; i < len; i++)
		if (((unsigned char)text[i] & 0xc0) == 0x80)
			mark[i] = mark[i - 1];
	for (a = 0; a < len; a = b) {
		for (b = a; b < len && mark[b] == mark[a]; b++)
			;
		cdoc_add(d, mark[a] ? CS_ENTITY : CS_USER, text + a, b - a);
	}
	free(mark);
}

static void
state_block(struct cdoc *d, const cJSON *before, const cJSON *after)
{
	const cJSON	*v, *old, *sub;
	int		 n, changed;

	if (!cJSON_IsObject(after)) {
		cdoc_line(d, 2, -1);
		cdoc_adds(d, CS_DIM, "  (no state)");
		return;
	}
	if (after->child == NULL) {
		cdoc_line(d, 2, -1);
		cdoc_adds(d, CS_DIM, "  (empty)");
	}
	cJSON_ArrayForEach(v, after) {
		old = cJSON_IsObject(before) ?
		    cJSON_GetObjectItemCaseSensitive(before, v->string) : NULL;
		changed = old == NULL || !cJSON_Compare(old, v, 1);
		cdoc_line(d, 6, -1);
		cdoc_addf(d, changed ? CS_CHANGED : CS_DIM, "%s%-9s ",
		    changed ? "*" : " ", v->string);
		if (cJSON_IsObject(v)) {
			n = 0;
			if (v->child == NULL)
				cdoc_adds(d, CS_DIM, "{}");
			cJSON_ArrayForEach(sub, v) {
				if (n++ > 0)
					cdoc_adds(d, CS_DIM, ", ");
				cdoc_addf(d, CS_DIM, "%s=", sub->string);
				add_value(d, CS_TEXT, sub);
			}
		} else if (cJSON_IsArray(v)) {
			n = 0;
			if (v->child == NULL)
				cdoc_adds(d, CS_DIM, "[]");
			cJSON_ArrayForEach(sub, v) {
				if (n++ > 0)
					cdoc_adds(d, CS_DIM, ", ");
				add_value(d, CS_TEXT, sub);
			}
		} else
			add_value(d, CS_TEXT, v);
	}
	/* What the turn dropped. */
	if (cJSON_IsObject(before))
		cJSON_ArrayForEach(v, before)
			if (cJSON_GetObjectItemCaseSensitive(after,
			    v->string) == NULL) {
				cdoc_line(d, 6, -1);
				cdoc_addf(d, CS_CHANGED, "-%-9s ", v->string);
				cdoc_adds(d, CS_DIM, "(cleared)");
			}
}

/* A verdict's mark: a tick for support, a cross for the rest. */
static const char *
verdict_sign(const char *v)
{
	int	 good = v != NULL && strcmp(v, "supported") == 0;

	if (cdoc_unicode)
		return good ? "\xe2\x9c\x93" : "\xe2\x9c\x97";
	return good ? "ok" : "x";
}

/*
 * The generation of the turn (model, why, cost, why it fell back) and
 * every fact-checked claim with its verdict and the row that decided it.
 */
static void
llm_block(struct cdoc *d, const cJSON *trace)
{
	const cJSON	*llm, *fc, *it, *ev, *tok;
	const char	*s, *v;
	double		 x, y;
	int		 n[4] = { 0, 0, 0, 0 };
	static const char *const names[] = { "supported", "corrected",
	    "contradicted", "unknown_product_removed" };
	size_t		 i;

	llm = cJSON_GetObjectItemCaseSensitive(trace, "llm");
	fc = cJSON_GetObjectItemCaseSensitive(trace, "factcheck");
	if (cJSON_IsObject(llm)) {
		cdoc_line(d, 8, -1);
		cdoc_adds(d, CS_DIM, "llm     ");
		cdoc_addf(d, CS_BOLD, "%s", jstr(llm, "model") != NULL ?
		    jstr(llm, "model") : "?");
		if (jnum(llm, "latency_ms", &x))
			cdoc_addf(d, CS_TEXT, "  %.0f ms", x);
		tok = cJSON_GetObjectItemCaseSensitive(llm, "tokens");
		if (jnum(tok, "prompt", &x) && jnum(tok, "completion", &y))
			cdoc_addf(d, CS_TEXT, "  tokens %.0f+%.0f", x, y);
		if (jnum(llm, "attempts", &x))
			cdoc_addf(d, CS_TEXT, "  attempts %.0f", x);
		if ((s = jstr(llm, "why")) != NULL)
			cdoc_addf(d, CS_DIM, "  (%s)", s);
		if ((s = jstr(llm, "note")) != NULL) {
			cdoc_line(d, 10, -1);
			cdoc_addf(d, CS_DIM, "        %s", s);
		}
		if ((s = jstr(llm, "fallback_reason")) != NULL) {
			cdoc_line(d, 10, -1);
			cdoc_adds(d, CS_DIM, "        ");
			cdoc_addf(d, CS_ERROR, "fell back: %s", s);
		}
	}
	if (!cJSON_IsArray(fc))
		return;
	cJSON_ArrayForEach(it, fc)
		for (i = 0; i < 4; i++)
			if ((v = jstr(it, "verdict")) != NULL &&
			    strcmp(v, names[i]) == 0)
				n[i]++;
	cdoc_line(d, 8, -1);
	cdoc_adds(d, CS_DIM, "facts   ");
	cdoc_addf(d, CS_TEXT, "%d claim%s", cJSON_GetArraySize(fc),
	    cJSON_GetArraySize(fc) == 1 ? "" : "s");
	for (i = 0; i < 4; i++)
		if (n[i] > 0)
			cdoc_addf(d, i == 0 ? CS_TEXT : CS_CHANGED, ", %d %s",
			    n[i], names[i]);
	cJSON_ArrayForEach(it, fc) {
		v = jstr(it, "verdict");
		cdoc_line(d, 10, -1);
		cdoc_addf(d, v != NULL && strcmp(v, "supported") == 0 ?
		    CS_BAR : CS_ERROR, "  %s ", verdict_sign(v));
		cdoc_addf(d, CS_TEXT, "%s ", jstr(it, "kind") != NULL ?
		    jstr(it, "kind") : "?");
		cdoc_addf(d, CS_BOLD, "%s", v != NULL ? v : "?");
		if ((s = jstr(it, "claim")) != NULL)
			cdoc_addf(d, CS_TEXT, " \"%s\"", s);
		if ((s = jstr(it, "corrected")) != NULL)
			cdoc_addf(d, CS_CHANGED, " -> %s", s);
		ev = cJSON_GetObjectItemCaseSensitive(it, "evidence");
		if (!cJSON_IsObject(ev))
			continue;
		cdoc_line(d, 10, -1);
		cdoc_addf(d, CS_DIM, "    %s %s %s", jstr(ev, "kind") != NULL ?
		    jstr(ev, "kind") : "?", jstr(ev, "id") != NULL ?
		    jstr(ev, "id") : "-", jstr(ev, "field") != NULL ?
		    jstr(ev, "field") : "?");
		if ((s = jstr(ev, "value")) != NULL)
			cdoc_addf(d, CS_DIM, " = %s", s);
	}
}

/* Where a claim's mark goes: after text in reply, from *from on. */
static int
mark_at(const char *reply, const char *text, size_t *from, size_t *at)
{
	const char	*p;

	if (text == NULL || *text == '\0')
		return 0;
	if ((p = strstr(reply + *from, text)) == NULL &&
	    (p = strstr(reply, text)) == NULL)
		return 0;
	*at = (size_t)(p - reply) + strlen(text);
	*from = *at;
	return 1;
}

struct vmark {
	size_t		 at;	/* byte offset in the reply */
	size_t		 seq;	/* claim order, for a stable sort */
	char		*text;
};

static int
vmark_cmp(const void *a, const void *b)
{
	const struct vmark *x = a, *y = b;

	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void
cdoc_verdicts(const char *reply, const cJSON *trace, struct sbuf *out)
{
	const cJSON	*fc, *llm, *it;
	struct vmark	*m = NULL;
	struct sbuf	 tail = SBUF_INIT;
	const char	*v, *kind, *claim, *fix, *why, *gen;
	size_t		 n = 0, len = strlen(reply), from = 0, at, i, pos = 0;
	int		 found;

	sbuf_reset(out);
	fc = cJSON_GetObjectItemCaseSensitive(trace, "factcheck");
	llm = cJSON_GetObjectItemCaseSensitive(trace, "llm");
	gen = jstr(trace, "generator");
	why = jstr(llm, "fallback_reason");
	if (cJSON_IsArray(fc))
		m = xcalloc((size_t)cJSON_GetArraySize(fc) + 1, sizeof *m);
	cJSON_ArrayForEach(it, fc) {
		v = jstr(it, "verdict");
		kind = jstr(it, "kind") != NULL ? jstr(it, "kind") : "claim";
		claim = jstr(it, "claim") != NULL ? jstr(it, "claim") : "?";
		fix = jstr(it, "corrected");
		/* A reply the template replaced holds none of the claims. */
		found = gen != NULL && strcmp(gen, "llm") == 0 && v != NULL &&
		    (strcmp(v, "supported") == 0 || strcmp(v, "corrected") ==
		    0) && mark_at(reply, fix != NULL ? fix : claim, &from, &at);
		if (found) {
			m[n].at = at;
			m[n].seq = n;
			if (fix != NULL)
				m[n].text = xasprintf(" [%s %s: said %s]",
				    verdict_sign(v), kind, claim);
			else
				m[n].text = xasprintf(" [%s %s]",
				    verdict_sign(v), kind);
			n++;
			continue;
		}
		sbuf_addf(&tail, " %c[%s %s %s: %s]%c", CDOC_MARK_ON,
		    verdict_sign(v), kind, v != NULL && strcmp(v,
		    "unknown_product_removed") == 0 ? "removed" :
		    (v != NULL ? v : "?"), claim, CDOC_MARK_OFF);
	}
	if (why != NULL && (gen == NULL || strcmp(gen, "llm") != 0))
		sbuf_addf(&tail, " %c[%s generated reply not used: %s]%c",
		    CDOC_MARK_ON, verdict_sign(NULL), why, CDOC_MARK_OFF);
	if (n > 1)
		qsort(m, n, sizeof *m, vmark_cmp);
	for (i = 0; i < n; i++) {
		sbuf_add(out, reply + pos, m[i].at - pos);
		sbuf_addf(out, "%c%s%c", CDOC_MARK_ON, m[i].text,
		    CDOC_MARK_OFF);
		pos = m[i].at;
		free(m[i].text);
	}
	sbuf_add(out, reply + pos, len - pos);
	sbuf_add(out, tail.buf, tail.len);
	sbuf_release(&tail);
	free(m);
}

/*
 * How the customer feels, as the trace's "feeling" has it: the label,
 * its score with a bar, and whether the message is urgent.  Anything but
 * "none" is worth a look.
 */
static void
feeling_line(struct cdoc *d, const cJSON *f)
{
	const char	*label;
	double		 x;

	if (!cJSON_IsObject(f) || (label = jstr(f, "label")) == NULL)
		return;
	cdoc_line(d, 24, -1);
	cdoc_adds(d, CS_DIM, "feeling ");
	cdoc_addf(d, strcmp(label, "none") != 0 ? CS_ERROR : CS_BOLD,
	    "%-16s ", label);
	if (jnum(cJSON_GetObjectItemCaseSensitive(f, "scores"), label, &x)) {
		cdoc_addf(d, CS_TEXT, "%.2f ", x);
		bar(d, x, 8);
	}
	if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(f, "urgent")))
		cdoc_adds(d, CS_ERROR, " urgent");
}

/* One line per entity: type, value, span, extractor, and what else the
 * extractor said. */
static void
entity_lines(struct cdoc *d, const cJSON *ents)
{
	const cJSON	*it, *v;
	const char	*s;
	double		 x, y;

	cJSON_ArrayForEach(it, ents) {
		const cJSON *f;

		cdoc_line(d, 10, -1);
		cdoc_addf(d, CS_TEXT, "  %-9s ", jstr(it, "type") != NULL ?
		    jstr(it, "type") : "?");
		v = cJSON_GetObjectItemCaseSensitive(it, "value");
		cdoc_adds(d, CS_ENTITY, "");
		if (v != NULL)
			add_value(d, CS_ENTITY, v);
		if (jnum(it, "start", &x) && jnum(it, "end", &y))
			cdoc_addf(d, CS_DIM, " [%.0f,%.0f)", x, y);
		if ((s = jstr(it, "extractor")) != NULL)
			cdoc_addf(d, CS_DIM, " by %s", s);
		/* Whatever else the extractor said (sku, normalized...). */
		cJSON_ArrayForEach(f, it) {
			if (strcmp(f->string, "type") == 0 ||
			    strcmp(f->string, "value") == 0 ||
			    strcmp(f->string, "start") == 0 ||
			    strcmp(f->string, "end") == 0 ||
			    strcmp(f->string, "extractor") == 0 ||
			    strcmp(f->string, "text") == 0 ||
			    cJSON_IsNull(f))
				continue;
			cdoc_addf(d, CS_DIM, " %s=", f->string);
			add_value(d, CS_DIM, f);
		}
	}
}

/* The time of each stage of the turn, in microseconds, then the total. */
static void
timing_line(struct cdoc *d, const cJSON *tm)
{
	static const char *const stages[] = { "normalize", "understand",
	    "state", "retrieve", "decide", "respond", "check", "persist" };
	const cJSON	*it;
	double		 x;
	int		 i;

	if (cJSON_IsObject(tm)) {
		cdoc_line(d, 8, -1);
		cdoc_adds(d, CS_DIM, "time    ");
		for (i = 0; i < (int)(sizeof stages / sizeof stages[0]); i++)
			if (jnum(tm, stages[i], &x))
				cdoc_addf(d, CS_TEXT, "%s %.0f  ", stages[i],
				    x);
		/* Stages this build does not know of, then the total. */
		cJSON_ArrayForEach(it, tm) {
			int known = strcmp(it->string, "total") == 0;

			for (i = 0; !known && i < (int)(sizeof stages /
			    sizeof stages[0]); i++)
				known = strcmp(it->string, stages[i]) == 0;
			if (!known && cJSON_IsNumber(it))
				cdoc_addf(d, CS_TEXT, "%s %.0f  ", it->string,
				    it->valuedouble);
		}
		if (jnum(tm, "total", &x))
			cdoc_addf(d, CS_BOLD, "total %.0f %s", x,
			    cdoc_unicode ? "\xc2\xb5s" : "us");
	}
}

void
cdoc_debug(struct cdoc *d, const cJSON *trace, long turn)
{
	const cJSON	*in, *rk, *it, *ents, *v;
	const char	*s, *text;
	double		 x, y;
	int		 i;

	in = cJSON_GetObjectItemCaseSensitive(trace, "intent");
	cdoc_line(d, 0, -1);
	cdoc_addf(d, CS_BOLD, "Turn #%ld ", turn);
	if (jnum(trace, "message_id", &x) && x > 0)
		cdoc_addf(d, CS_DIM, "(message %.0f)", x);

	cdoc_line(d, 24, -1);
	cdoc_adds(d, CS_DIM, "intent  ");
	s = jstr(in, "name");
	cdoc_addf(d, CS_BOLD, "%-16s ", s != NULL ? s : "?");
	if (jnum(in, "confidence", &x)) {
		cdoc_addf(d, CS_TEXT, "%.2f ", x);
		bar(d, x, 8);
	}
	rk = cJSON_GetObjectItemCaseSensitive(trace, "ranking");
	i = 0;
	cJSON_ArrayForEach(it, rk) {
		if (i++ == 0 && s != NULL && jstr(it, "name") != NULL &&
		    strcmp(jstr(it, "name"), s) == 0)
			continue;	/* the top one is shown above */
		if (i > 5)
			break;
		/* An alternative that rounds to 0.00 tells nothing. */
		if (jnum(it, "confidence", &x) && x < 0.005)
			continue;
		cdoc_line(d, 24, -1);
		cdoc_adds(d, CS_DIM, "        ");
		cdoc_addf(d, CS_TEXT, "%-16s ", jstr(it, "name") != NULL ?
		    jstr(it, "name") : "?");
		if (jnum(it, "confidence", &x)) {
			cdoc_addf(d, CS_DIM, "%.2f ", x);
			bar(d, x, 8);
		}
	}
	v = cJSON_GetObjectItemCaseSensitive(trace, "verdict");
	if (cJSON_IsObject(v)) {
		cdoc_line(d, 8, -1);
		cdoc_adds(d, CS_DIM, "verdict ");
		s = jstr(v, "name");
		/* Anything but a plain acceptance is worth a look. */
		cdoc_adds(d, s != NULL && strcmp(s, "ok") != 0 &&
		    strcmp(s, "accept") != 0 ? CS_ERROR : CS_BOLD,
		    s != NULL ? s : "?");
		if (jnum(v, "threshold", &x))
			cdoc_addf(d, CS_TEXT, "  threshold %.2f", x);
		if (jnum(v, "margin", &y))
			cdoc_addf(d, CS_TEXT, "  margin %.2f", y);
		if ((s = jstr(v, "reason")) != NULL && *s != '\0')
			cdoc_addf(d, CS_DIM, "  (%s)", s);
	}

	feeling_line(d, cJSON_GetObjectItemCaseSensitive(trace, "feeling"));

	text = jstr(trace, "text");
	ents = cJSON_GetObjectItemCaseSensitive(trace, "entities");
	if (text != NULL) {
		cdoc_line(d, 8, -1);
		cdoc_adds(d, CS_DIM, "text    ");
		text_with_spans(d, text, ents);
	}
	v = cJSON_GetObjectItemCaseSensitive(trace, "input");
	if (cJSON_IsObject(v)) {
		cdoc_line(d, 8, -1);
		cdoc_adds(d, CS_DIM, "input   ");
		add_value(d, CS_ERROR, v);
	}
	cdoc_line(d, 8, -1);
	cdoc_addf(d, CS_DIM, "entities %d", cJSON_GetArraySize(ents));
	entity_lines(d, ents);

	cdoc_line(d, 8, -1);
	cdoc_adds(d, CS_DIM, "action  ");
	cdoc_adds(d, CS_BOLD, jstr(trace, "action") != NULL ?
	    jstr(trace, "action") : "?");
	if ((s = jstr(trace, "reason")) != NULL && *s != '\0')
		cdoc_addf(d, CS_TEXT, ": %s", s);
	v = cJSON_GetObjectItemCaseSensitive(trace, "escalated");
	if (cJSON_IsTrue(v))
		cdoc_adds(d, CS_ERROR, " [escalated]");
	cdoc_line(d, 8, -1);
	cdoc_adds(d, CS_DIM, "reply   ");
	cdoc_addf(d, CS_TEXT, "%s", jstr(trace, "generator") != NULL ?
	    jstr(trace, "generator") : "?");
	if ((s = jstr(trace, "template")) != NULL)
		cdoc_addf(d, CS_DIM, " %s", s);
	llm_block(d, trace);

	timing_line(d, cJSON_GetObjectItemCaseSensitive(trace, "timings_us"));

	/* Last: the longest part. */
	cdoc_line(d, 8, -1);
	cdoc_adds(d, CS_DIM, "state");
	state_block(d, cJSON_GetObjectItemCaseSensitive(trace, "state_before"),
	    cJSON_GetObjectItemCaseSensitive(trace, "state_after"));
}
