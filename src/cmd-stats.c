/*
 * cmd-stats.c: "shopdesk stats [--json] [--from DATE] [--to DATE]", the
 * analytics of GET /api/chat/analytics in the terminal, with bars and a
 * sparkline of turns per day.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "analytics.h"
#include "cmd.h"
#include "sbuf.h"
#include "text.h"

extern const struct sd_cmd cmd_stats_entry;

/* Unicode block elements, or ASCII when the locale cannot show them. */
static int	 stats_ascii;

static double
num(const cJSON *o, const char *key)
{
	const cJSON	*v = cJSON_GetObjectItem(o, key);

	return cJSON_IsNumber(v) ? v->valuedouble : 0;
}

static int
is_null(const cJSON *o, const char *key)
{
	return !cJSON_IsNumber(cJSON_GetObjectItem(o, key));
}

static const char *
str(const cJSON *o, const char *key)
{
	const cJSON	*v = cJSON_GetObjectItem(o, key);

	return cJSON_IsString(v) ? v->valuestring : "";
}

/* A horizontal bar of width cells for value/max, in eighths of a cell. */
static void
bar(struct sbuf *sb, double value, double max, int width)
{
	static const char *const part[] = { "", "\u258f", "\u258e", "\u258d",
	    "\u258c", "\u258b", "\u258a", "\u2589" };
	long	 eighths, i;

	if (max <= 0 || value <= 0)
		return;
	eighths = (long)(value / max * width * 8 + 0.5);
	if (eighths < 1)
		eighths = 1;
	if (stats_ascii) {
		for (i = 0; i < (eighths + 4) / 8 || i == 0; i++)
			sbuf_addc(sb, '#');
		return;
	}
	for (i = 0; i < eighths / 8; i++)
		sbuf_adds(sb, "\u2588");
	sbuf_adds(sb, part[eighths % 8]);
}

/* One character per value, eight heights. */
static void
sparkline(struct sbuf *sb, const double *v, size_t n)
{
	static const char *const tick[] = { "\u2581", "\u2582", "\u2583",
	    "\u2584", "\u2585", "\u2586", "\u2587", "\u2588" };
	static const char ascii[] = "_.-=+*#@";
	double	 max = 0;
	size_t	 i;
	int	 k;

	for (i = 0; i < n; i++)
		if (v[i] > max)
			max = v[i];
	for (i = 0; i < n; i++) {
		k = max > 0 ? (int)(v[i] / max * 7 + 0.5) : 0;
		if (stats_ascii)
			sbuf_addc(sb, ascii[k]);
		else
			sbuf_adds(sb, tick[k]);
	}
}

static void
pct(struct sbuf *sb, const cJSON *o, const char *key)
{
	if (is_null(o, key))
		sbuf_adds(sb, "     -");
	else
		sbuf_addf(sb, "%5.1f%%", num(o, key) * 100);
}

/* Text cut to at most max bytes, never inside a UTF-8 sequence. */
static void
add_cut(struct sbuf *sb, const char *s, size_t max)
{
	size_t	 n = strlen(s);

	if (n <= max) {
		sbuf_adds(sb, s);
		return;
	}
	while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
		max--;
	sbuf_add(sb, s, max);
	sbuf_adds(sb, stats_ascii ? "..." : "\u2026");
}

static void
render(const cJSON *a, struct sbuf *sb)
{
	const cJSON	*o, *e, *u, *arr;
	double		*series, max;
	size_t		 n, i;

	sbuf_addf(sb, "shopdesk stats: %s .. %s\n\n",
	    cJSON_IsString(cJSON_GetObjectItem(a, "from")) ? str(a, "from") :
	    "the beginning", cJSON_IsString(cJSON_GetObjectItem(a, "to")) ?
	    str(a, "to") : "now");
	sbuf_addf(sb, "conversations  %8.0f\n", num(a, "conversations"));
	sbuf_addf(sb, "turns          %8.0f", num(a, "turns"));
	if (num(a, "conversations") > 0)
		sbuf_addf(sb, "   (%.1f per conversation)",
		    num(a, "turns") / num(a, "conversations"));
	sbuf_adds(sb, "\nanswered       ");
	pct(sb, a, "resolution_rate");
	sbuf_addf(sb, "   %.0f conversations  ", num(a, "resolved"));
	bar(sb, num(a, "resolution_rate"), 1, 20);
	sbuf_adds(sb, "\nescalated      ");
	pct(sb, a, "escalation_rate");
	sbuf_addf(sb, "   %.0f conversations  ", num(a, "escalated"));
	bar(sb, num(a, "escalation_rate"), 1, 20);
	sbuf_adds(sb, "\nfallbacks      ");
	pct(sb, a, "fallback_rate");
	sbuf_addf(sb, "   %.0f of %.0f replies  ", num(a, "fallbacks"),
	    num(a, "replies"));
	bar(sb, num(a, "fallback_rate"), 1, 20);
	o = cJSON_GetObjectItem(a, "satisfaction");
	sbuf_adds(sb, "\nsatisfaction   ");
	if (is_null(o, "mean"))
		sbuf_adds(sb, "     -   no ratings");
	else
		sbuf_addf(sb, "%4.2f/5   %.0f ratings, %.0f%% positive",
		    num(o, "mean"), num(o, "ratings"),
		    num(o, "positive_rate") * 100);
	o = cJSON_GetObjectItem(a, "factcheck");
	sbuf_adds(sb, "\nfacts backed   ");
	pct(sb, o, "accuracy");
	sbuf_addf(sb, "   %.0f of %.0f claims in %.0f replies, %.0f template "
	    "bugs", num(o, "backed"), num(o, "claims"),
	    num(o, "replies_checked"), num(o, "template_bugs"));
	o = cJSON_GetObjectItem(a, "latency_us");
	sbuf_addf(sb, "\nlatency        p50 %.2f ms  p95 %.2f ms  p99 %.2f ms"
	    "  max %.2f ms  (%.0f replies)\n", num(o, "p50") / 1e3,
	    num(o, "p95") / 1e3, num(o, "p99") / 1e3, num(o, "max") / 1e3,
	    num(o, "n"));

	arr = cJSON_GetObjectItem(a, "daily");
	n = (size_t)cJSON_GetArraySize(arr);
	if (n > 0) {
		series = xcalloc(n, sizeof *series);
		i = 0;
		max = 0;
		cJSON_ArrayForEach(e, arr) {
			series[i] = num(e, "turns");
			if (series[i] > max)
				max = series[i];
			i++;
		}
		sbuf_adds(sb, "\nturns per day  ");
		sparkline(sb, series, n);
		sbuf_addf(sb, "  %s .. %s, peak %.0f\n",
		    str(cJSON_GetArrayItem(arr, 0), "day"),
		    str(cJSON_GetArrayItem(arr, (int)n - 1), "day"), max);
		sbuf_adds(sb, "  day         conversations  turns\n");
		cJSON_ArrayForEach(e, arr) {
			sbuf_addf(sb, "  %-10s  %13.0f  %5.0f  ", str(e, "day"),
			    num(e, "conversations"), num(e, "turns"));
			bar(sb, num(e, "turns"), max, 30);
			sbuf_addc(sb, '\n');
		}
		free(series);
	}

	arr = cJSON_GetObjectItem(a, "intents");
	if (cJSON_GetArraySize(arr) > 0) {
		sbuf_adds(sb, "\nintents\n");
		max = num(cJSON_GetArrayItem(arr, 0), "count");
		cJSON_ArrayForEach(e, arr) {
			sbuf_addf(sb, "  %-24s %6.0f  %5.1f%%  ", str(e, "intent"),
			    num(e, "count"), num(e, "share") * 100);
			bar(sb, num(e, "count"), max, 24);
			sbuf_addc(sb, '\n');
		}
	}

	arr = cJSON_GetObjectItem(a, "failing");
	if (cJSON_GetArraySize(arr) > 0) {
		sbuf_adds(sb, "\nfailing utterances, by intent\n");
		cJSON_ArrayForEach(e, arr) {
			sbuf_addf(sb, "  %s (%.0f)\n", str(e, "intent"),
			    num(e, "count"));
			cJSON_ArrayForEach(u, cJSON_GetObjectItem(e,
			    "utterances")) {
				sbuf_addf(sb, "    %4.0f  \"", num(u, "count"));
				add_cut(sb, str(u, "text"), 60);
				sbuf_adds(sb, "\"\n");
			}
		}
	}
}

/* A ratio as a percentage, or "-" when null. */
static void
qpct(struct sbuf *sb, const cJSON *o, const char *key, int width)
{
	if (is_null(o, key))
		sbuf_addf(sb, "%*s", width, "-");
	else
		sbuf_addf(sb, "%*.1f%%", width - 1, num(o, key) * 100);
}

/* Groups of a dimension: the first ten, by turns. */
static void
render_groups(const cJSON *q, const char *dim, const char *title,
    struct sbuf *sb)
{
	const cJSON	*arr = cJSON_GetObjectItem(q, dim), *g, *r, *h;
	struct sbuf	 name = SBUF_INIT;
	size_t		 w;
	int		 i = 0;

	if (cJSON_GetArraySize(arr) == 0)
		return;
	sbuf_addf(sb, "\n  by %-22s turns relevance accuracy  rating"
	    "  resolved/not/unknown\n", title);
	cJSON_ArrayForEach(g, arr) {
		if (i++ == 10) {
			sbuf_addf(sb, "    (%d more)\n",
			    cJSON_GetArraySize(arr) - 10);
			break;
		}
		r = cJSON_GetObjectItem(g, "resolution");
		h = cJSON_GetObjectItem(g, "helpfulness");
		sbuf_reset(&name);
		add_cut(&name, str(g, "name"), 22);
		w = text_width(name.buf, name.len);
		sbuf_addf(sb, "    %s%*s%6.0f ", name.buf,
		    (int)(w < 23 ? 23 - w : 0), "", num(g, "turns"));
		qpct(sb, g, "relevance", 9);
		qpct(sb, g, "accuracy", 9);
		if (is_null(h, "mean"))
			sbuf_adds(sb, "       -");
		else
			sbuf_addf(sb, "  %4.2f/5", num(h, "mean"));
		sbuf_addf(sb, "  %.0f/%.0f/%.0f\n", num(r, "resolved"),
		    num(r, "not_resolved"), num(r, "unknown"));
	}
	sbuf_release(&name);
}

/* The honest resolution and the per-reply measures (quality). */
static void
render_quality(const cJSON *a, struct sbuf *sb)
{
	const cJSON	*q = cJSON_GetObjectItem(a, "quality"), *r, *w, *e;
	const char	*sep = "";

	if (q == NULL)
		return;
	r = cJSON_GetObjectItem(q, "resolution");
	sbuf_addf(sb, "\nresolution, from the customers' signals (%.0f "
	    "conversations)\n", num(r, "conversations"));
	sbuf_adds(sb, "  resolved     ");
	qpct(sb, r, "resolution_rate", 7);
	sbuf_addf(sb, "  %.0f  ", num(r, "resolved"));
	bar(sb, num(r, "resolution_rate"), 1, 20);
	sbuf_adds(sb, "\n  not resolved ");
	qpct(sb, r, "not_resolved_rate", 7);
	sbuf_addf(sb, "  %.0f  ", num(r, "not_resolved"));
	bar(sb, num(r, "not_resolved_rate"), 1, 20);
	w = cJSON_GetObjectItem(r, "reasons");
	if (num(r, "not_resolved") > 0) {
		sbuf_adds(sb, "\n    ");
		cJSON_ArrayForEach(e, w) {
			if (e->valuedouble <= 0)
				continue;
			sbuf_addf(sb, "%s%s %.0f", sep, e->string,
			    e->valuedouble);
			sep = ", ";
		}
	}
	sbuf_adds(sb, "\n  unknown      ");
	qpct(sb, r, "unknown_rate", 7);
	sbuf_addf(sb, "  %.0f, %.0f of them ended on an answer\n",
	    num(r, "unknown"), num(r, "assumed"));
	sbuf_adds(sb, "  Intercom Fin's rule (answered, not escalated) would "
	    "say");
	qpct(sb, r, "fin_rate", 7);
	sbuf_adds(sb, "\nrelevance     ");
	qpct(sb, q, "relevance", 7);
	sbuf_adds(sb, "   of the question's key terms in the cited context"
	    "\naccuracy      ");
	qpct(sb, q, "accuracy", 7);
	sbuf_addf(sb, "   %.0f of %.0f claims backed\nhelpfulness   ",
	    num(q, "backed"), num(q, "claims"));
	e = cJSON_GetObjectItem(q, "helpfulness");
	if (is_null(e, "mean"))
		sbuf_adds(sb, "      -   no ratings");
	else
		sbuf_addf(sb, " %4.2f/5   %.0f ratings, %.0f%% positive",
		    num(e, "mean"), num(e, "ratings"),
		    num(e, "positive_rate") * 100);
	e = cJSON_GetObjectItem(q, "feelings");
	sbuf_addf(sb, "\nfeelings      %.0f frustrated, %.0f angry, %.0f urgent"
	    " of %.0f turns\n", num(e, "frustrated"), num(e, "angry"),
	    num(e, "urgent"), num(q, "turns"));
	render_groups(q, "by_intent", "intent", sb);
	render_groups(q, "by_variant", "template variant", sb);
	render_groups(q, "by_generator", "generator", sb);
	render_groups(q, "by_channel", "channel", sb);
	render_groups(q, "by_day", "day", sb);
}

/* A pattern or gap: its terms, count and example messages. */
static void
render_cluster(const cJSON *c, struct sbuf *sb)
{
	const cJSON	*e;
	const char	*sep = "";

	sbuf_addf(sb, "    %4.0f  ", num(c, "count"));
	add_cut(sb, *str(c, "terms") != '\0' ? str(c, "terms") :
	    "(no key terms)", 50);
	e = cJSON_GetObjectItem(c, "intents");
	if (cJSON_GetArraySize(e) > 0) {
		sbuf_adds(sb, "  [");
		cJSON_ArrayForEach(e, cJSON_GetObjectItem(c, "intents")) {
			sbuf_addf(sb, "%s%s", sep, e->valuestring);
			sep = " ";
		}
		sbuf_addc(sb, ']');
	}
	sbuf_addc(sb, '\n');
	cJSON_ArrayForEach(e, cJSON_GetObjectItem(c, "examples")) {
		sbuf_adds(sb, "          \"");
		add_cut(sb, e->valuestring, 66);
		sbuf_adds(sb, "\"\n");
	}
}

/* stats --failures: failing turns by intent, then by what was asked. */
static void
render_failures(const cJSON *q, struct sbuf *sb)
{
	const cJSON	*arr = cJSON_GetObjectItem(q, "failures"), *f, *e;
	const char	*sep;

	if (cJSON_GetArraySize(arr) == 0) {
		sbuf_adds(sb, "no failing turns\n");
		return;
	}
	sbuf_adds(sb, "failure patterns, by intent\n");
	cJSON_ArrayForEach(f, arr) {
		sbuf_addf(sb, "\n  %s: %.0f turns (", str(f, "intent"),
		    num(f, "count"));
		sep = "";
		cJSON_ArrayForEach(e, cJSON_GetObjectItem(f, "reasons")) {
			if (e->valuedouble <= 0)
				continue;
			sbuf_addf(sb, "%s%s %.0f", sep, e->string,
			    e->valuedouble);
			sep = ", ";
		}
		sbuf_adds(sb, ")\n");
		cJSON_ArrayForEach(e, cJSON_GetObjectItem(f, "patterns"))
			render_cluster(e, sb);
	}
}

/* stats --gaps: questions the knowledge base answered badly. */
static void
render_gaps(const cJSON *q, struct sbuf *sb)
{
	const cJSON	*arr = cJSON_GetObjectItem(q, "gaps"), *g;

	if (cJSON_GetArraySize(arr) == 0) {
		sbuf_adds(sb, "no content gaps\n");
		return;
	}
	sbuf_adds(sb, "content gaps: questions the knowledge base could not "
	    "answer well\n(write an FAQ entry or document for each; see "
	    "shopdesk ingest)\n\n");
	cJSON_ArrayForEach(g, arr)
		render_cluster(g, sb);
}

static int
cmd_stats_run(struct sd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "json",	no_argument,		NULL, 'j' },
		{ "from",	required_argument,	NULL, 'f' },
		{ "to",		required_argument,	NULL, 't' },
		{ "failures",	no_argument,		NULL, 'F' },
		{ "gaps",	no_argument,		NULL, 'G' },
		{ NULL,		0,			NULL, 0 }
	};
	struct sd_error	 err = SD_ERROR_INIT;
	struct sbuf	 out = SBUF_INIT;
	const char	*from_arg = NULL, *to_arg = NULL;
	char		*from = NULL, *to = NULL, *json;
	cJSON		*a = NULL, *q, *part;
	const char	*only = NULL;	/* "failures" or "gaps" */
	int		 ch, as_json = 0, status = SD_EXIT_FAIL;

	while ((ch = getopt_long(argc, argv, "jf:t:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'j':
			as_json = 1;
			break;
		case 'f':
			from_arg = optarg;
			break;
		case 't':
			to_arg = optarg;
			break;
		case 'F':
		case 'G':
			if (only != NULL)
				return cmd_usage(&cmd_stats_entry);
			only = ch == 'F' ? "failures" : "gaps";
			break;
		default:
			return cmd_usage(&cmd_stats_entry);
		}
	}
	if (optind != argc)
		return cmd_usage(&cmd_stats_entry);
	if (from_arg != NULL &&
	    analytics_parse_bound(from_arg, 0, &from, &err) != SD_OK) {
		sd_error_prefix(&err, "--from: ");
		err.rc = SD_ERR_USAGE;
		goto out;
	}
	if (to_arg != NULL &&
	    analytics_parse_bound(to_arg, 1, &to, &err) != SD_OK) {
		sd_error_prefix(&err, "--to: ");
		err.rc = SD_ERR_USAGE;
		goto out;
	}
	if (analytics_compute(ctx->st, from, to, 0, &a, &err) != SD_OK)
		goto out;
	if (only != NULL) {
		/* Only the report asked for, with the range. */
		q = cJSON_GetObjectItem(a, "quality");
		part = cJSON_DetachItemFromObject(q, only);
		q = cJSON_CreateObject();
		cJSON_AddItemToObject(q, "from", cJSON_DetachItemFromObject(a,
		    "from"));
		cJSON_AddItemToObject(q, "to", cJSON_DetachItemFromObject(a,
		    "to"));
		cJSON_AddItemToObject(q, only, part);
		cJSON_Delete(a);
		a = q;
	}
	if (as_json) {
		json = cJSON_PrintUnformatted(a);
		printf("%s\n", json);
		free(json);
	} else {
		stats_ascii = MB_CUR_MAX == 1;
		if (only == NULL) {
			render(a, &out);
			render_quality(a, &out);
		} else if (strcmp(only, "failures") == 0)
			render_failures(a, &out);
		else
			render_gaps(a, &out);
		fputs(out.buf, stdout);
	}
	status = SD_EXIT_OK;
out:
	if (status != SD_EXIT_OK)
		status = cmd_error(&cmd_stats_entry, &err);
	cJSON_Delete(a);
	sbuf_release(&out);
	sd_error_clear(&err);
	free(from);
	free(to);
	return status;
}

const struct sd_cmd cmd_stats_entry = {
	.name = "stats",
	.usage = "stats [--json] [--failures | --gaps] [--from DATE] "
	    "[--to DATE]",
	.summary = "how the agent does: resolution, fallbacks, satisfaction",
	.flags = SD_CMD_DB,
	.run = cmd_stats_run,
};
