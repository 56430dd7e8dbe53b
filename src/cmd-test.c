/*
 * cmd-test.c: "shopdesk test FILE|DIR...": run conversation stories and
 * check each turn against its expectations.  Story files (*.story) hold:
 *
 *	# a comment
 *	story: gaming laptop under budget	(starts a story: a new session)
 *	user: C1001				(who talks; optional)
 *	> I'm looking for a gaming laptop under $1500
 *	intent: recommendation			(expectations of that turn)
 *	action: recommend
 *	entity: price				(or entity: product=SKU)
 *	contains: ROG Strix G15
 *	not-contains: sorry
 *	escalated: no
 *	about: LAP-1008				(the product or order it was
 *						 about: cited, named, in focus)
 *	reply-like: The ROG Strix G15 costs $1,299.
 *						(two thirds of its key terms)
 *
 * Stories run on a scratch copy of the database, so cancelling an order
 * in a story changes nothing real.  --ingested runs the conversations
 * shopdesk ingest stored as training data too (run_ingested).
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "cmd.h"
#include "corpus.h"
#include "engine.h"
#include "intent.h"
#include "quality.h"
#include "sbuf.h"
#include "store.h"

extern const struct sd_cmd cmd_test_entry;

struct runner {
	struct engine	*e;
	int		 verbose;
	long		 stories, failed_stories;
	long		 turns, failed_turns;
	long		 checks, failed_checks;
};

/* Does the turn's entity list have type (and value or sku when given)? */
static int
has_entity(const cJSON *trace, const char *spec)
{
	const cJSON	*ents = cJSON_GetObjectItemCaseSensitive(trace,
	    "entities"), *en;
	const char	*eq = strchr(spec, '=');
	size_t		 tlen = eq ? (size_t)(eq - spec) : strlen(spec);

	cJSON_ArrayForEach(en, ents) {
		const cJSON *ty = cJSON_GetObjectItemCaseSensitive(en, "type");
		const cJSON *v;

		if (!cJSON_IsString(ty) || strlen(ty->valuestring) != tlen ||
		    strncmp(ty->valuestring, spec, tlen) != 0)
			continue;
		if (eq == NULL)
			return 1;
		v = cJSON_GetObjectItemCaseSensitive(en, "value");
		if (cJSON_IsString(v) && strcasecmp(v->valuestring, eq + 1) == 0)
			return 1;
		v = cJSON_GetObjectItemCaseSensitive(en, "sku");
		if (cJSON_IsString(v) && strcmp(v->valuestring, eq + 1) == 0)
			return 1;
		v = cJSON_GetObjectItemCaseSensitive(en, "category");
		if (cJSON_IsString(v) && strcmp(v->valuestring, eq + 1) == 0)
			return 1;
		v = cJSON_GetObjectItemCaseSensitive(en, "attribute");
		if (cJSON_IsString(v) && strcmp(v->valuestring, eq + 1) == 0)
			return 1;
	}
	return 0;
}

static const char *
trace_str(const cJSON *trace, const char *a, const char *b)
{
	const cJSON	*it = cJSON_GetObjectItemCaseSensitive(trace, a);

	if (b != NULL)
		it = cJSON_GetObjectItemCaseSensitive(it, b);
	return cJSON_IsString(it) ? it->valuestring : "";
}

/*
 * Was the turn about id (a SKU or an order number)?  It was when the
 * reply cited it, an entity named it, or the conversation's focus is on
 * it afterwards (a follow-up such as "is it in stock?" names nothing).
 */
static int
is_about(const cJSON *trace, const char *id)
{
	const cJSON	*it, *after = cJSON_GetObjectItem(trace, "state_after");
	const char	*v;

	cJSON_ArrayForEach(it, cJSON_GetObjectItem(trace, "retrieved"))
		if (cJSON_IsTrue(cJSON_GetObjectItem(it, "cited")) &&
		    (v = cJSON_GetStringValue(cJSON_GetObjectItem(it,
		    "id"))) != NULL && strcmp(v, id) == 0)
			return 1;
	cJSON_ArrayForEach(it, cJSON_GetObjectItem(trace, "entities"))
		if (((v = cJSON_GetStringValue(cJSON_GetObjectItem(it,
		    "sku"))) != NULL && strcmp(v, id) == 0) ||
		    ((v = cJSON_GetStringValue(cJSON_GetObjectItem(it,
		    "type"))) != NULL && strcmp(v, "order_id") == 0 &&
		    (v = cJSON_GetStringValue(cJSON_GetObjectItem(it,
		    "value"))) != NULL && strcmp(v, id) == 0))
			return 1;
	cJSON_ArrayForEach(it, cJSON_GetObjectItem(after, "focus"))
		if (cJSON_IsString(it) && strcmp(it->valuestring, id) == 0)
			return 1;
	v = cJSON_GetStringValue(cJSON_GetObjectItem(after, "order"));
	return v != NULL && strcmp(v, id) == 0;
}

/*
 * Does the reply say what want says?  At least two thirds of want's key
 * terms (as the relevance measure finds them, quality.h) are in it:
 * a reply worded otherwise passes, one about something else does not.
 */
static int
reply_like(const char *reply, const char *want)
{
	struct quality_turn q;
	cJSON		*t = cJSON_CreateObject();
	int		 okv;

	cJSON_AddStringToObject(t, "reply", reply);
	quality_measure(t, want, &q);
	okv = q.covered * 3 >= q.asked * 2;
	quality_turn_release(&q);
	cJSON_Delete(t);
	return okv;
}

/* Check one expectation line against the turn; 1 when it holds. */
static int
check(const struct turn *tu, const char *key, const char *want,
    struct sbuf *diff)
{
	const char	*got = NULL;
	int		 okv;

	if (strcmp(key, "intent") == 0)
		got = trace_str(tu->trace, "intent", "name");
	else if (strcmp(key, "action") == 0)
		got = tu->action;
	else if (strcmp(key, "template") == 0)
		got = trace_str(tu->trace, "template", NULL);
	if (got != NULL) {
		okv = strcmp(got, want) == 0 ||
		    (strcmp(key, "template") == 0 &&
		    strncmp(got, want, strlen(want)) == 0 &&
		    got[strlen(want)] == '#');
		if (!okv)
			sbuf_addf(diff, "    %s: expected %s, got %s\n", key,
			    want, got);
		return okv;
	}
	if (strcmp(key, "contains") == 0 || strcmp(key, "not-contains") == 0) {
		okv = strcasestr(tu->reply, want) != NULL;
		if (key[0] == 'n')
			okv = !okv;
		if (!okv)
			sbuf_addf(diff, "    %s: \"%s\"\n", key, want);
		return okv;
	}
	if (strcmp(key, "entity") == 0) {
		okv = has_entity(tu->trace, want);
		if (!okv) {
			char *got_ents = cJSON_PrintUnformatted(
			    cJSON_GetObjectItem(tu->trace, "entities"));

			sbuf_addf(diff, "    entity: expected %s, got %s\n",
			    want, got_ents);
			free(got_ents);
		}
		return okv;
	}
	if (strcmp(key, "about") == 0 || strcmp(key, "reply-like") == 0) {
		okv = key[0] == 'a' ? is_about(tu->trace, want) :
		    reply_like(tu->reply, want);
		if (!okv)
			sbuf_addf(diff, "    %s: \"%s\"\n", key, want);
		return okv;
	}
	if (strcmp(key, "escalated") == 0) {
		okv = tu->escalated == (strcmp(want, "yes") == 0);
		if (!okv)
			sbuf_addf(diff, "    escalated: expected %s\n", want);
		return okv;
	}
	sbuf_addf(diff, "    unknown expectation \"%s\"\n", key);
	return 0;
}

/* Run the stories of one file. */
static enum sd_rc
run_file(struct runner *r, const char *path, struct sd_error *err)
{
	FILE		*fp;
	struct sbuf	 line = SBUF_INIT, diff = SBUF_INIT, name = SBUF_INIT;
	struct turn	 tu;
	char		*user = NULL, *session = NULL, *colon;
	unsigned long	 lineno = 0, turnline = 0;
	int		 have_turn = 0, story_failed = 0, in_story = 0;
	int		 turn_failed = 0;
	enum sd_rc	 rc = SD_OK;

	memset(&tu, 0, sizeof tu);
	if ((fp = fopen(path, "r")) == NULL)
		return sd_fail(err, SD_ERR_IO, "%s: %s", path, strerror(errno));

#define END_TURN() do {							\
	if (have_turn) {						\
		if (turn_failed) {					\
			printf("  FAIL %s:%lu: > %s\n%s    reply: %s\n",	\
			    path, turnline, cJSON_GetObjectItem(tu.trace,	\
			    "text")->valuestring, diff.buf, tu.reply);	\
			r->failed_turns++;				\
			story_failed = 1;				\
		} else if (r->verbose)					\
			printf("  ok   %s:%lu\n", path, turnline);		\
		turn_release(&tu);					\
		have_turn = 0;						\
		turn_failed = 0;					\
		sbuf_reset(&diff);					\
	}								\
} while (0)
#define END_STORY() do {						\
	END_TURN();							\
	if (in_story) {							\
		r->stories++;						\
		if (story_failed)					\
			r->failed_stories++;				\
		printf("%s %s\n", story_failed ? "not ok" : "ok", name.buf); \
	}								\
	story_failed = 0;						\
	free(session);							\
	session = NULL;							\
} while (0)

	while (sbuf_getline(&line, fp) == 0) {
		lineno++;
		sbuf_trim(&line);
		if (line.len == 0 || line.buf[0] == '#')
			continue;
		if (line.buf[0] == '>') {
			END_TURN();
			if (!in_story) {
				rc = sd_fail(err, SD_ERR_PARSE, "%s:%lu: a "
				    "turn before the first \"story:\" line",
				    path, lineno);
				break;
			}
			turnline = lineno;
			if (engine_turn(r->e, ENGINE_REPLAY, session, user,
			    line.buf + 1 + (line.buf[1] == ' '), line.len - 1 -
			    (line.buf[1] == ' '), &tu, err) != SD_OK) {
				sd_error_prefix(err, "%s:%lu: ", path, lineno);
				rc = err->rc;
				break;
			}
			if (session == NULL)
				session = xstrdup(tu.session_id);
			have_turn = 1;
			r->turns++;
			continue;
		}
		if ((colon = strchr(line.buf, ':')) == NULL) {
			rc = sd_fail(err, SD_ERR_PARSE, "%s:%lu: expected "
			    "\"key: value\" or \"> text\"", path, lineno);
			break;
		}
		*colon = '\0';
		colon++;
		while (*colon == ' ')
			colon++;
		if (strcmp(line.buf, "story") == 0) {
			END_STORY();
			in_story = 1;
			sbuf_reset(&name);
			sbuf_addf(&name, "%s: %s", path, colon);
			free(user);
			user = NULL;
		} else if (strcmp(line.buf, "user") == 0) {
			free(user);
			user = *colon ? xstrdup(colon) : NULL;
		} else if (!have_turn) {
			rc = sd_fail(err, SD_ERR_PARSE, "%s:%lu: \"%s\" before "
			    "any turn", path, lineno, line.buf);
			break;
		} else {
			r->checks++;
			if (!check(&tu, line.buf, colon, &diff)) {
				r->failed_checks++;
				turn_failed = 1;
			}
		}
	}
	if (rc == SD_OK) {
		END_STORY();
	} else {
		if (have_turn)
			turn_release(&tu);
		free(session);
	}
#undef END_TURN
#undef END_STORY
	fclose(fp);
	free(user);
	sbuf_release(&line);
	sbuf_release(&diff);
	sbuf_release(&name);
	return rc;
}

/*
 * The conversations shopdesk ingest stored, as stories: each customer
 * line is a turn, expected to get its labelled intent (corpus.h); the
 * agent's lines are not compared, a reply may be worded otherwise.
 */
static enum sd_rc
run_ingested(struct runner *r, struct store *st, struct sd_error *err)
{
	struct corpus_conv *v = NULL;
	struct sbuf	 diff = SBUF_INIT;
	struct turn	 tu;
	const char	*want;
	char		*session = NULL, *canon;
	size_t		 n = 0, i, k;
	int		 failed;
	enum sd_rc	 rc;

	if ((rc = corpus_list(st, &v, &n, err)) != SD_OK)
		return rc;
	for (i = 0; i < n && rc == SD_OK; i++) {
		failed = 0;
		for (k = 0; k < v[i].nturns && rc == SD_OK; k++) {
			if (v[i].turns[k].agent)
				continue;
			if ((rc = engine_turn(r->e, ENGINE_REPLAY, session,
			    NULL, v[i].turns[k].text,
			    strlen(v[i].turns[k].text), &tu, err)) != SD_OK) {
				sd_error_prefix(err, "conversation %s: ",
				    v[i].id);
				break;
			}
			if (session == NULL)
				session = xstrdup(tu.session_id);
			r->turns++;
			if ((want = corpus_turn_intent(&v[i], k)) != NULL) {
				canon = xstrdup(intent_names(NULL)[
				    intent_map_name(want)]);
				r->checks++;
				sbuf_reset(&diff);
				if (!check(&tu, "intent", canon, &diff)) {
					printf("  FAIL ingested %s turn %zu: "
					    "> %s\n%s", v[i].id, k + 1,
					    v[i].turns[k].text, diff.buf);
					r->failed_checks++;
					r->failed_turns++;
					failed = 1;
				} else if (r->verbose)
					printf("  ok   ingested %s turn %zu\n",
					    v[i].id, k + 1);
				free(canon);
			}
			turn_release(&tu);
		}
		free(session);
		session = NULL;
		r->stories++;
		r->failed_stories += failed;
		printf("%s ingested: %s\n", failed ? "not ok" : "ok", v[i].id);
	}
	corpus_convs_free(v, n);
	sbuf_release(&diff);
	return rc;
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static enum sd_rc
run_path(struct runner *r, const char *path, struct sd_error *err)
{
	struct stat	 sb;
	DIR		*d;
	struct dirent	*de;
	char		**names = NULL, *p;
	size_t		 n = 0, i, len;
	enum sd_rc	 rc = SD_OK;

	if (stat(path, &sb) != 0)
		return sd_fail(err, SD_ERR_IO, "%s: %s", path, strerror(errno));
	if (!S_ISDIR(sb.st_mode))
		return run_file(r, path, err);
	if ((d = opendir(path)) == NULL)
		return sd_fail(err, SD_ERR_IO, "%s: %s", path, strerror(errno));
	while ((de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (len > 6 && strcmp(de->d_name + len - 6, ".story") == 0) {
			names = xrealloc(names, (n + 1) * sizeof *names);
			names[n++] = xstrdup(de->d_name);
		}
	}
	closedir(d);
	qsort(names, n, sizeof *names, name_cmp);
	for (i = 0; i < n; i++) {
		p = xasprintf("%s/%s", path, names[i]);
		if (rc == SD_OK)
			rc = run_file(r, p, err);
		free(p);
		free(names[i]);
	}
	free(names);
	return rc;
}

/*
 * Copy schema name of src to the file path with SQLite's backup API.
 */
static enum sd_rc
copy_schema(struct store *src, const char *name, const char *path,
    struct sd_error *err)
{
	sqlite3		*dst = NULL;
	sqlite3_backup	*b;
	enum sd_rc	 rc = SD_OK;

	if (sqlite3_open(path, &dst) != SQLITE_OK ||
	    (b = sqlite3_backup_init(dst, "main", store_db(src), name)) ==
	    NULL) {
		rc = sd_fail(err, SD_ERR_DB, "copy database: %s",
		    sqlite3_errmsg(dst));
		sqlite3_close(dst);
		return rc;
	}
	sqlite3_backup_step(b, -1);
	if (sqlite3_backup_finish(b) != SQLITE_OK)
		rc = sd_fail(err, SD_ERR_DB, "copy database: %s",
		    sqlite3_errmsg(dst));
	sqlite3_close(dst);
	return rc;
}

/*
 * Copy the database to a scratch file, the conversation log (the
 * history file beside it) too, so stories see the store as it is.
 */
struct store *
cmd_scratch_copy(struct store *src, char **path, struct sd_error *err)
{
	const char	*tmp = getenv("TMPDIR");
	char		*dir, *hpath;
	struct store	*st;
	enum sd_rc	 rc;

	dir = xasprintf("%s/shopdesk-test.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (mkdtemp(dir) == NULL) {
		sd_fail(err, SD_ERR_IO, "%s: %s", dir, strerror(errno));
		free(dir);
		return NULL;
	}
	*path = xasprintf("%s/stories.db", dir);
	free(dir);
	hpath = store_history_path(*path);
	rc = copy_schema(src, "main", *path, err);
	if (rc == SD_OK)
		rc = copy_schema(src, "history", hpath, err);
	free(hpath);
	if (rc != SD_OK)
		return NULL;
	st = store_open(*path, NULL, err);
	return st;
}

void
cmd_scratch_remove(char *path)
{
	static const char *const sides[] = { "-wal", "-shm", "-history",
	    "-history-wal", "-history-shm" };
	char	*slash;
	char	*side;
	size_t	 i;

	if (path == NULL)
		return;
	unlink(path);
	for (i = 0; i < sizeof sides / sizeof sides[0]; i++) {
		side = xasprintf("%s%s", path, sides[i]);
		unlink(side);
		free(side);
	}
	if ((slash = strrchr(path, '/')) != NULL) {
		*slash = '\0';
		rmdir(path);
	}
	free(path);
}

static int
cmd_test_run(struct sd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "verbose",	no_argument,	NULL, 'v' },
		{ "ingested",	no_argument,	NULL, 'i' },
		{ "help",	no_argument,	NULL, 'h' },
		{ NULL,		0,		NULL, 0 }
	};
	struct sd_error	 err = SD_ERROR_INIT;
	struct runner	 r;
	struct store	*st;
	char		*path = NULL;
	int		 ch, i, status = SD_EXIT_OK, ingested = 0;

	memset(&r, 0, sizeof r);
	while ((ch = getopt_long(argc, argv, "vih", longopts, NULL)) != -1) {
		switch (ch) {
		case 'v':
			r.verbose = 1;
			break;
		case 'i':
			ingested = 1;
			break;
		default:
			return cmd_usage(&cmd_test_entry);
		}
	}
	if (optind >= argc && !ingested)
		return cmd_usage(&cmd_test_entry);
	if ((st = cmd_scratch_copy(ctx->st, &path, &err)) == NULL) {
		cmd_scratch_remove(path);
		return cmd_error(&cmd_test_entry, &err);
	}
	if ((r.e = engine_open(st, ctx->share_dir, &err)) == NULL) {
		store_close(st);
		cmd_scratch_remove(path);
		return cmd_error(&cmd_test_entry, &err);
	}
	for (i = optind; i < argc; i++)
		if (run_path(&r, argv[i], &err) != SD_OK) {
			status = cmd_error(&cmd_test_entry, &err);
			break;
		}
	if (status == SD_EXIT_OK && ingested &&
	    run_ingested(&r, st, &err) != SD_OK)
		status = cmd_error(&cmd_test_entry, &err);
	printf("%ld stories, %ld failed; %ld turns, %ld failed; "
	    "%ld checks, %ld failed\n", r.stories, r.failed_stories, r.turns,
	    r.failed_turns, r.checks, r.failed_checks);
	if (status == SD_EXIT_OK && (r.failed_stories > 0 || r.stories == 0))
		status = SD_EXIT_FAIL;
	engine_close(r.e);
	store_close(st);
	cmd_scratch_remove(path);
	return status;
}

const struct sd_cmd cmd_test_entry = {
	.name = "test",
	.usage = "test [--verbose] [--ingested] [FILE|DIR...]",
	.summary = "run conversation stories and check their expectations",
	.flags = SD_CMD_DB,
	.run = cmd_test_run,
};
