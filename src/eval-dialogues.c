/*
 * eval-dialogues.c: "shopdesk eval dialogues FILE|DIR..." runs whole
 * labelled conversations through the engine and judges every reply.
 *
 * The files are JSONL, one conversation a line (the format of
 * tests/data/dialogues and ../shared/data/conversations):
 *
 *	{"id": "d001", "user": "C1001" or null, "category": "...",
 *	 "turns": [{"text": "...", "expect": {"about": ["LAP-1163", "12345"],
 *	            "must": [ERE...], "must_not": [ERE...],
 *	            "action_hint": "..."}}]}
 *
 * judge.c decides whether each reply is right and whether it is about
 * another product or order.  A conversation passes when all its turns
 * do.  The report gives turns, conversations and wrong-item turns, all
 * together, per category and per file; "regex" counts the turns whose
 * must and must_not patterns alone hold.
 *
 * Each conversation runs in a new session on its own copy of a demo
 * store seeded once per run (a file copy takes about a millisecond where
 * seeding and training take a second), so one conversation's cart,
 * cancellations and addresses never leak into the next.  Replies come
 * from the templates, as in "shopdesk test": the figures do not depend
 * on a language model being configured.
 */
#include "config.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cJSON.h>

#include "shopdesk.h"
#include "cmd.h"
#include "engine.h"
#include "eval.h"
#include "ingest.h"
#include "convfile.h"
#include "judge.h"
#include "sbuf.h"
#include "search.h"
#include "store.h"

/* The clock both conversation sets were written against. */
#define DLG_DEFAULT_NOW	"2026-11-20T12:00:00Z"

/* Figures of one group (all, a category, a file). */
struct dlg_tally {
	char		*name;
	long		 convs, convs_ok;	/* conversations, all turns passed */
	long		 turns, turns_ok;	/* turns, passed */
	long		 regex_ok;		/* turns passing must/must_not */
	long		 wrong;			/* turns about another item */
	char		*text;			/* --by-rule: the rule's text */
};

/* One run of the evaluation. */
struct dlg_run {
	const char	*share_dir;	/* the demo store's data (not owned) */
	char		*dir;		/* scratch directory */
	char		*template_db;	/* the seeded store */
	struct store	*tmpl;		/* open on template_db, for the judge */
	struct judge	*judge;		/* reads tmpl */
	int		 verbose, json;	/* --verbose, --json */
	int		 by_rule;	/* --by-rule */
	struct dlg_tally all;
	struct dlg_tally *cats;		/* per category, in order seen */
	size_t		 ncats;
	struct dlg_tally *files;	/* per file, in order given */
	size_t		 nfiles;
	struct dlg_tally *rules;	/* --by-rule: per rule, in order seen */
	size_t		 nrules;
	cJSON		*failures;	/* --json --verbose: failing turns */
};

static double
rate(long a, long b)
{
	return b == 0 ? 0 : (double)a / (double)b;
}

/* The scratch stores. */

static enum sd_rc
copy_file(const char *from, const char *to, struct sd_error *err)
{
	struct sbuf	 data = SBUF_INIT;
	FILE		*fp = NULL;
	enum sd_rc	 rc = SD_OK;

	if (sbuf_read_file(&data, from) != 0) {
		if (errno != ENOENT)	/* no -wal file is the usual case */
			rc = sd_fail(err, SD_ERR_IO, "%s: %s", from,
			    strerror(errno));
		goto out;
	}
	if ((fp = fopen(to, "w")) == NULL ||
	    fwrite(data.buf, 1, data.len, fp) != data.len ||
	    fflush(fp) != 0)
		rc = sd_fail(err, SD_ERR_IO, "%s: %s", to, strerror(errno));
out:
	if (fp != NULL)
		fclose(fp);
	sbuf_release(&data);
	return rc;
}

static const char *const db_sides[] = { "", "-wal", "-history",
	"-history-wal", "-shm", "-history-shm" };

/* Copy the template store (and its history file) to path. */
static enum sd_rc
copy_store(const struct dlg_run *r, const char *path, struct sd_error *err)
{
	char		*from, *to;
	size_t		 i;
	enum sd_rc	 rc = SD_OK;

	for (i = 0; i < 4 && rc == SD_OK; i++) {	/* not the -shm */
		from = xasprintf("%s%s", r->template_db, db_sides[i]);
		to = xasprintf("%s%s", path, db_sides[i]);
		rc = copy_file(from, to, err);
		free(from);
		free(to);
	}
	return rc;
}

static void
remove_store(const char *path)
{
	char	*p;
	size_t	 i;

	for (i = 0; i < sizeof db_sides / sizeof db_sides[0]; i++) {
		p = xasprintf("%s%s", path, db_sides[i]);
		unlink(p);
		free(p);
	}
}

/*
 * Seed the template store once: the demo data, the synonyms, and the
 * intent model an engine trains on first open (the slow part).  It is
 * then closed, so its files are whole, and reopened for the judge's
 * catalog look-ups, which only read.
 */
static enum sd_rc
seed_template(struct dlg_run *r, struct sd_error *err)
{
	const char	*tmp = getenv("TMPDIR");
	struct store	*st = NULL;
	struct engine	*e = NULL;
	enum sd_rc	 rc = SD_ERR_IO;

	/*
	 * Every turn commits to the conversation's store, and on a disk
	 * each commit waits for fsync: the 413 turns of tests/data/dialogues
	 * took 13.5 s in /tmp and 4.8 s in /dev/shm.  The stores are
	 * scratch, so memory is the place when TMPDIR does not say.
	 */
	if (tmp == NULL || *tmp == '\0')
		tmp = access("/dev/shm", W_OK | X_OK) == 0 ? "/dev/shm" :
		    "/tmp";
	r->dir = xasprintf("%s/shopdesk-dialogues.XXXXXX", tmp);
	if (mkdtemp(r->dir) == NULL) {
		rc = sd_fail(err, SD_ERR_IO, "%s: %s", r->dir, strerror(errno));
		free(r->dir);
		r->dir = NULL;
		return rc;
	}
	r->template_db = xasprintf("%s/template.db", r->dir);
	if ((st = store_open(r->template_db, NULL, err)) == NULL ||
	    (rc = ingest_seed_demo(st, r->share_dir, err)) != SD_OK ||
	    (rc = synonyms_seed(st, r->share_dir, err)) != SD_OK)
		goto out;
	if ((e = engine_open(st, r->share_dir, err)) == NULL) {
		rc = err->rc;
		goto out;
	}
	engine_close(e);
	store_close(st);
	st = NULL;
	if ((r->tmpl = store_open(r->template_db, NULL, err)) == NULL ||
	    (r->judge = judge_open(r->tmpl, err)) == NULL) {
		rc = err->rc;
		goto out;
	}
	rc = SD_OK;
out:
	if (st != NULL)
		store_close(st);
	if (rc != SD_OK)
		sd_error_prefix(err, "seeding the demo store: ");
	return rc;
}

/* Running. */

static struct dlg_tally *
tally_of(struct dlg_tally **v, size_t *n, const char *name)
{
	size_t	 i;

	for (i = 0; i < *n; i++)
		if (strcmp((*v)[i].name, name) == 0)
			return &(*v)[i];
	*v = xrealloc(*v, (*n + 1) * sizeof **v);
	memset(&(*v)[*n], 0, sizeof **v);
	(*v)[*n].name = xstrdup(name);
	return &(*v)[(*n)++];
}

static void
print_failure(const struct convfile_conv *c, size_t k,
    const struct judge_verdict *v, const char *reply, const char *rule)
{
	const char	*p;

	printf("FAIL %s:%lu %s turn %zu (%s)\n  > %s\n", c->file, c->line,
	    c->id, k + 1, c->category, c->turns[k].text);
	printf("  rule: %s\n", rule);
	for (p = v->why.buf; *p != '\0'; p = strchr(p, '\n') + 1)
		printf("  %.*s\n", (int)(strchr(p, '\n') - p), p);
	fputs("  reply: ", stdout);
	for (p = reply; *p != '\0'; p++) {
		putchar(*p);
		if (*p == '\n')
			fputs("         ", stdout);
	}
	putchar('\n');
}

static void
note_failure(struct dlg_run *r, const struct convfile_conv *c, size_t k,
    const struct judge_verdict *v, const struct turn *tu, const char *rule)
{
	cJSON		*o, *why;
	const char	*p;
	char		*line;

	if (!r->json) {
		print_failure(c, k, v, tu->reply, rule);
		return;
	}
	o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "file", c->file);
	cJSON_AddNumberToObject(o, "line", (double)c->line);
	cJSON_AddStringToObject(o, "id", c->id);
	cJSON_AddNumberToObject(o, "turn", (double)(k + 1));
	cJSON_AddStringToObject(o, "category", c->category);
	cJSON_AddStringToObject(o, "text", c->turns[k].text);
	cJSON_AddStringToObject(o, "reply", tu->reply);
	cJSON_AddStringToObject(o, "action", tu->action ? tu->action : "");
	cJSON_AddBoolToObject(o, "wrong_item", v->wrong);
	cJSON_AddStringToObject(o, "rule", rule);
	why = cJSON_AddArrayToObject(o, "failed");
	for (p = v->why.buf; *p != '\0'; p = strchr(p, '\n') + 1) {
		line = xstrndup(p, (size_t)(strchr(p, '\n') - p));
		cJSON_AddItemToArray(why, cJSON_CreateString(line));
		free(line);
	}
	cJSON_AddItemToArray(r->failures, o);
}

/*
 * Count a turn (v) or, with v NULL, a conversation (passed or not) in
 * the three groups it belongs to: all, its category, its file.
 */
static void
count(struct dlg_run *r, const struct convfile_conv *c,
    const struct judge_verdict *v, int conv_pass)
{
	struct dlg_tally *g[3];
	size_t		 i;

	g[0] = &r->all;
	g[1] = tally_of(&r->cats, &r->ncats, c->category);
	g[2] = tally_of(&r->files, &r->nfiles, c->file);
	for (i = 0; i < 3; i++) {
		if (v == NULL) {
			g[i]->convs++;
			g[i]->convs_ok += conv_pass;
			continue;
		}
		g[i]->turns++;
		g[i]->turns_ok += v->pass;
		g[i]->regex_ok += v->regex_pass;
		g[i]->wrong += v->wrong;
	}
}

/* By rule. */

/*
 * A rule written without an id, as a key: the prefix, then the text in
 * lower case with each run of other characters one "-", cut at 48 bytes.
 */
static char *
rule_slug(const char *prefix, const char *text)
{
	struct sbuf	 b = SBUF_INIT;
	size_t		 start = strlen(prefix);
	const char	*p;
	int		 gap = 0;

	sbuf_adds(&b, prefix);
	for (p = text; *p != '\0' && b.len < 48; p++) {
		if (!isalnum((unsigned char)*p)) {
			gap = 1;
			continue;
		}
		if (gap && b.len > start)
			sbuf_addc(&b, '-');
		gap = 0;
		sbuf_addc(&b, tolower((unsigned char)*p));
	}
	return sbuf_detach(&b, NULL);
}

/*
 * How the turn's product or order was chosen, as a short stable key
 * (*text the rule's words, or NULL): the trace's "reference" rule (its
 * "rule_id"), unless it picked nothing and the product was then chosen
 * otherwise; else the "product_resolution", as "product:<how>"; else the
 * "order_resolution", as "order:<how>"; else "-", no rule.
 */
static char *
rule_key(const cJSON *trace, const char **text)
{
	const cJSON	*ref, *id, *rule, *how;

	*text = NULL;
	ref = cJSON_GetObjectItemCaseSensitive(trace, "reference");
	rule = cJSON_GetObjectItemCaseSensitive(ref, "rule");
	id = cJSON_GetObjectItemCaseSensitive(ref, "rule_id");
	how = cJSON_GetObjectItemCaseSensitive(trace, "product_resolution");
	if (cJSON_IsString(rule) && (!cJSON_IsString(how) ||
	    cJSON_IsString(cJSON_GetObjectItemCaseSensitive(ref, "picked")))) {
		*text = rule->valuestring;
		return cJSON_IsString(id) ? xstrdup(id->valuestring) :
		    rule_slug("", rule->valuestring);
	}
	if (cJSON_IsString(how)) {
		*text = how->valuestring;
		return rule_slug("product:", how->valuestring);
	}
	how = cJSON_GetObjectItemCaseSensitive(trace, "order_resolution");
	if (cJSON_IsString(how)) {
		*text = how->valuestring;
		return rule_slug("order:", how->valuestring);
	}
	return xstrdup("-");
}

static void
count_rule(struct dlg_run *r, const char *key, const char *text,
    const struct judge_verdict *v)
{
	struct dlg_tally *g = tally_of(&r->rules, &r->nrules, key);

	if (g->text == NULL && text != NULL)
		g->text = xstrdup(text);
	g->turns++;
	g->turns_ok += v->pass;
	g->wrong += v->wrong;
}

/* Run one conversation on its own copy of the template store. */
static enum sd_rc
run_conv(struct dlg_run *r, struct convfile_conv *c, struct sd_error *err)
{
	char		*path = xasprintf("%s/conversation.db", r->dir);
	char		*session = NULL;
	struct store	*st = NULL;
	struct engine	*e = NULL;
	struct turn	 tu;
	struct judge_verdict v = { 0, 0, 0, SBUF_INIT };
	size_t		 k;
	int		 all_pass = 1;
	enum sd_rc	 rc;
	const char	*text;
	char		*key;

	if ((rc = copy_store(r, path, err)) != SD_OK)
		goto out;
	if ((st = store_open(path, NULL, err)) == NULL ||
	    (e = engine_open(st, r->share_dir, err)) == NULL) {
		rc = err->rc;
		goto out;
	}
	for (k = 0; k < c->nturns; k++) {
		struct judge_turn *t = &c->turns[k];

		if ((rc = engine_turn(e, ENGINE_REPLAY, session, c->user,
		    t->text, strlen(t->text), &tu, err)) != SD_OK) {
			sd_error_prefix(err, "%s:%lu: %s turn %zu: ", c->file,
			    c->line, c->id, k + 1);
			goto out;
		}
		if (session == NULL)
			session = xstrdup(tu.session_id);
		sbuf_reset(&v.why);
		judge_reply(r->judge, t, tu.reply, tu.trace, &v);
		count(r, c, &v, 0);
		all_pass &= v.pass;
		key = rule_key(tu.trace, &text);
		if (r->by_rule)
			count_rule(r, key, text, &v);
		if (!v.pass && r->verbose)
			note_failure(r, c, k, &v, &tu, key);
		free(key);
		turn_release(&tu);
	}
	count(r, c, NULL, all_pass);
out:
	engine_close(e);
	if (st != NULL)
		store_close(st);
	remove_store(path);
	free(path);
	free(session);
	sbuf_release(&v.why);
	return rc;
}

/* Reporting. */

static cJSON *
tally_json(const struct dlg_tally *t)
{
	cJSON	*o = cJSON_CreateObject();

	cJSON_AddStringToObject(o, "name", t->name);
	cJSON_AddNumberToObject(o, "conversations", (double)t->convs);
	cJSON_AddNumberToObject(o, "conversations_passed",
	    (double)t->convs_ok);
	cJSON_AddNumberToObject(o, "conversation_rate",
	    rate(t->convs_ok, t->convs));
	cJSON_AddNumberToObject(o, "turns", (double)t->turns);
	cJSON_AddNumberToObject(o, "turns_passed", (double)t->turns_ok);
	cJSON_AddNumberToObject(o, "turn_rate", rate(t->turns_ok, t->turns));
	cJSON_AddNumberToObject(o, "turns_passed_regex", (double)t->regex_ok);
	cJSON_AddNumberToObject(o, "regex_rate", rate(t->regex_ok, t->turns));
	cJSON_AddNumberToObject(o, "wrong_item_turns", (double)t->wrong);
	cJSON_AddNumberToObject(o, "wrong_item_rate",
	    rate(t->wrong, t->turns));
	return o;
}

/* Most wrong-item turns first, then most turns, then by key. */
static int
rule_cmp(const void *a, const void *b)
{
	const struct dlg_tally *x = a, *y = b;

	if (x->wrong != y->wrong)
		return x->wrong > y->wrong ? -1 : 1;
	if (x->turns != y->turns)
		return x->turns > y->turns ? -1 : 1;
	return strcmp(x->name, y->name);
}

static cJSON *
rules_json(const struct dlg_run *r)
{
	cJSON	*a = cJSON_CreateArray(), *o;
	size_t	 i;

	for (i = 0; i < r->nrules; i++) {
		const struct dlg_tally *t = &r->rules[i];

		o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "rule", t->name);
		if (t->text != NULL)
			cJSON_AddStringToObject(o, "text", t->text);
		cJSON_AddNumberToObject(o, "turns", (double)t->turns);
		cJSON_AddNumberToObject(o, "turns_passed", (double)t->turns_ok);
		cJSON_AddNumberToObject(o, "wrong_item_turns",
		    (double)t->wrong);
		cJSON_AddNumberToObject(o, "precision",
		    rate(t->turns_ok, t->turns_ok + t->wrong));
		cJSON_AddItemToArray(a, o);
	}
	return a;
}

/*
 * Per rule: the turns it decided, passed, about the wrong item, and its
 * precision, passed of passed and wrong.
 */
static void
report_rules(const struct dlg_run *r)
{
	size_t	 i;

	printf("\n%-40s %5s %5s %5s %6s  %s\n", "rule", "turns", "pass",
	    "wrong", "prec", "text");
	for (i = 0; i < r->nrules; i++) {
		const struct dlg_tally *t = &r->rules[i];

		printf("%-40s %5ld %5ld %5ld %5.1f%%  %s\n", t->name, t->turns,
		    t->turns_ok, t->wrong,
		    100 * rate(t->turns_ok, t->turns_ok + t->wrong),
		    t->text != NULL ? t->text : "");
	}
}

static void
report_json(struct dlg_run *r, const char *now)
{
	cJSON	*root = cJSON_CreateObject(), *a;
	char	*s;
	size_t	 i;

	cJSON_AddStringToObject(root, "now", now);
	cJSON_AddItemToObject(root, "overall", tally_json(&r->all));
	a = cJSON_AddArrayToObject(root, "categories");
	for (i = 0; i < r->ncats; i++)
		cJSON_AddItemToArray(a, tally_json(&r->cats[i]));
	a = cJSON_AddArrayToObject(root, "files");
	for (i = 0; i < r->nfiles; i++)
		cJSON_AddItemToArray(a, tally_json(&r->files[i]));
	if (r->by_rule)
		cJSON_AddItemToObject(root, "rules", rules_json(r));
	if (r->failures != NULL) {
		cJSON_AddItemToObject(root, "failures", r->failures);
		r->failures = NULL;
	}
	s = cJSON_PrintUnformatted(root);
	puts(s);
	free(s);
	cJSON_Delete(root);
}

static void
print_row(const char *label, const struct dlg_tally *t)
{
	printf("%-28s %5ld %5ld %5.1f%% %5.1f%%  %4ld %4ld %5.1f%%  %4ld "
	    "%5.1f%%\n", label, t->turns, t->turns_ok,
	    100 * rate(t->turns_ok, t->turns),
	    100 * rate(t->regex_ok, t->turns), t->convs, t->convs_ok, 100 * rate(t->convs_ok, t->convs),
	    t->wrong, 100 * rate(t->wrong, t->turns));
}

static void
report_text(const struct dlg_run *r)
{
	size_t	 i;

	printf("%-28s %5s %5s %6s %6s  %4s %4s %6s  %4s %6s\n", "",
	    "turns", "pass", "rate", "regex", "conv", "pass", "rate", "wrong",
	    "rate");
	print_row("all", &r->all);
	for (i = 0; i < r->ncats; i++)
		print_row(r->cats[i].name, &r->cats[i]);
	for (i = 0; i < r->nfiles; i++)
		print_row(r->files[i].name, &r->files[i]);
}

static void
run_release(struct dlg_run *r)
{
	size_t	 i;

	judge_free(r->judge);
	for (i = 0; i < r->ncats; i++)
		free(r->cats[i].name);
	for (i = 0; i < r->nfiles; i++)
		free(r->files[i].name);
	for (i = 0; i < r->nrules; i++) {
		free(r->rules[i].name);
		free(r->rules[i].text);
	}
	free(r->cats);
	free(r->files);
	free(r->rules);
	cJSON_Delete(r->failures);
	if (r->tmpl != NULL)
		store_close(r->tmpl);
	if (r->template_db != NULL)
		remove_store(r->template_db);
	if (r->dir != NULL)
		rmdir(r->dir);
	free(r->template_db);
	free(r->dir);
}

extern const struct sd_cmd cmd_eval_entry;

static void
dialogues_usage(FILE *fp)
{
	fprintf(fp, "usage: shopdesk eval dialogues [--json] [--verbose] "
	    "[--by-rule] [--now TIME] FILE|DIR...\n"
	    "  --json      one JSON object\n"
	    "  --verbose   every failed turn, with the rule that chose its "
	    "product or order\n"
	    "  --by-rule   per rule that chose the product or order: turns, "
	    "passed,\n"
	    "              about the wrong item, precision\n"
	    "  --now TIME  the store clock (default SHOPDESK_NOW, else %s)\n",
	    DLG_DEFAULT_NOW);
}

int
eval_dialogues_main(struct sd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "json",	no_argument,		NULL, 'j' },
		{ "verbose",	no_argument,		NULL, 'v' },
		{ "by-rule",	no_argument,		NULL, 'r' },
		{ "now",	required_argument,	NULL, 'n' },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL,		0,			NULL, 0 }
	};
	struct sd_error	 err = SD_ERROR_INIT;
	struct dlg_run	 r;
	struct convfile_conv	*convs = NULL;
	char		**files = NULL;
	const char	*now = getenv("SHOPDESK_NOW");
	size_t		 nconvs = 0, nfiles = 0, i;
	int		 ch, status = SD_EXIT_FAIL;

	memset(&r, 0, sizeof r);
	r.all.name = "all";
	r.share_dir = ctx->share_dir;
	while ((ch = getopt_long(argc, argv, "jvrn:h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'r':
			r.by_rule = 1;
			break;
		case 'h':
			dialogues_usage(stdout);
			return SD_EXIT_OK;
		case 'j':
			r.json = 1;
			break;
		case 'v':
			r.verbose = 1;
			break;
		case 'n':
			now = optarg;
			break;
		default:
			dialogues_usage(stderr);
			return SD_EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		dialogues_usage(stderr);
		return SD_EXIT_USAGE;
	}
	/* Facts in the files are true at one instant: pin the clock. */
	if (now == NULL || *now == '\0')
		now = DLG_DEFAULT_NOW;
	setenv("SHOPDESK_NOW", now, 1);
	for (i = (size_t)optind; i < (size_t)argc; i++)
		if (convfile_paths(argv[i], &files, &nfiles, &err) != SD_OK)
			goto out;
	for (i = 0; i < nfiles; i++)
		if (convfile_read(files[i], &convs, &nconvs, &err) != SD_OK)
			goto out;
	if (r.json && r.verbose)
		r.failures = cJSON_CreateArray();
	if (seed_template(&r, &err) != SD_OK)
		goto out;
	for (i = 0; i < nconvs; i++)
		if (run_conv(&r, &convs[i], &err) != SD_OK)
			goto out;
	if (r.nrules > 1)
		qsort(r.rules, r.nrules, sizeof *r.rules, rule_cmp);
	if (r.json)
		report_json(&r, now);
	else {
		report_text(&r);
		if (r.by_rule)
			report_rules(&r);
	}
	status = SD_EXIT_OK;
out:
	if (status != SD_EXIT_OK)
		fprintf(stderr, "shopdesk eval dialogues: %s\n",
		    sd_error_msg(&err));
	sd_error_clear(&err);
	for (i = 0; i < nconvs; i++)
		convfile_release(&convs[i]);
	free(convs);
	for (i = 0; i < nfiles; i++)
		free(files[i]);
	free(files);
	run_release(&r);
	return status;
}
