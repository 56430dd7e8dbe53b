/*
 * review-story.c: the reviewed conversations as test stories (the format
 * shopdesk test runs, shopdesk(1) STORIES), so that every mistake a
 * reviewer fixed stays fixed.  A story replays its session's customer
 * lines from the first to the last reviewed one, as the same customer;
 * a reviewed line is followed by what it should have been:
 *
 *	intent:      the corrected intent (marked good: the one it had)
 *	action:      marked good only: the action it took
 *	entity:      each corrected entity, TYPE=VALUE
 *	about:       the product (SKU) or order it should have been about
 *	reply-like:  the reply it should have given
 *
 * Lines are masked as every export is (mask.h): a story file is shared
 * and kept in version control.  Agents' lines are not replayed (the
 * story's bot answers in their place).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "history.h"
#include "mask.h"
#include "review.h"
#include "sbuf.h"
#include "store.h"

/* A story line: key, then value on one line, masked. */
static void
put(FILE *fp, const char *key, const char *value)
{
	struct sbuf	 sb = SBUF_INIT;
	size_t		 i;

	mask_personal(value, &sb);
	for (i = 0; i < sb.len; i++)	/* a story line is one line */
		if (sb.buf[i] == '\n' || sb.buf[i] == '\r')
			sb.buf[i] = ' ';
	sbuf_trim(&sb);
	fprintf(fp, "%s%s\n", key, sb.buf);
	sbuf_release(&sb);
}

/* The expectations of reviewed turn t; 0 when it has none to give. */
static int
expectations(FILE *fp, const struct review_turn *t)
{
	const struct review	*r = &t->review;
	size_t			 i;
	int			 n = 0;

	if (r->intent != NULL) {
		fprintf(fp, "intent: %s\n", r->intent);
		n++;
	} else if (r->verdict == REVIEW_GOOD && t->intent != NULL) {
		fprintf(fp, "intent: %s\n", t->intent);
		n++;
	}
	if (r->verdict == REVIEW_GOOD && t->action != NULL) {
		fprintf(fp, "action: %s\n", t->action);
		n++;
	}
	for (i = 0; i < r->nentities; i++, n++)
		fprintf(fp, "entity: %s=%s\n", r->entities[i].type,
		    r->entities[i].value);
	if (r->product != NULL) {
		fprintf(fp, "about: %s\n", r->product);
		n++;
	}
	if (r->order_id != NULL) {
		fprintf(fp, "about: %s\n", r->order_id);
		n++;
	}
	if (r->reply != NULL) {
		put(fp, "reply-like: ", r->reply);
		n++;
	}
	return n;
}

/* Sessions with reviews, in the order of their first reviewed turn. */
static enum sd_rc
reviewed_sessions(struct store *st, char ***ids, size_t *n,
    struct sd_error *err)
{
	static const char sql[] =
	    "SELECT u.session_id FROM reviews r"
	    " JOIN messages u ON u.id = r.user_msg_id"
	    " GROUP BY u.session_id ORDER BY min(u.id)";
	sqlite3_stmt	*s;
	int		 r;

	*ids = NULL;
	*n = 0;
	if ((s = store_prepare(st, sql, err)) == NULL)
		return err != NULL ? err->rc : SD_ERR_DB;
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		*ids = xrealloc(*ids, (*n + 1) * sizeof **ids);
		(*ids)[(*n)++] = xstrdup((const char *)
		    sqlite3_column_text(s, 0));
	}
	sqlite3_reset(s);
	if (r != SQLITE_DONE)
		return store_fail(st, err, "review: reviewed sessions");
	return SD_OK;
}

/* One session's story; *wrote is set when it had an expectation. */
static enum sd_rc
story(struct store *st, FILE *fp, const char *sid, long long *skipped,
    int *wrote, struct sd_error *err)
{
	struct message_info *m = NULL;
	struct review_turn *t = NULL;
	struct sbuf	 body = SBUF_INIT;
	size_t		 n = 0, i, last = 0, k = 0;
	char		*buf = NULL;
	size_t		 len = 0;
	FILE		*mem = NULL;
	const char	*who = NULL;
	enum sd_rc	 rc;
	int		 checks = 0;

	*wrote = 0;
	if ((rc = history_messages(st, sid, 0, 0, 0, &m, &n, err)) != SD_OK)
		goto out;
	t = xcalloc(n > 0 ? n : 1, sizeof *t);
	for (i = 0; i < n; i++) {
		if (strcmp(m[i].role, "user") != 0)
			continue;
		if ((rc = review_turn_get(st, m[i].id, &t[i], err)) != SD_OK)
			goto out;
		if (t[i].review.verdict != REVIEW_NONE)
			last = i + 1;
	}
	if ((mem = open_memstream(&buf, &len)) == NULL) {
		rc = sd_fail(err, SD_ERR_IO, "review: no memory for a story");
		goto out;
	}
	for (i = 0; i < last; i++) {
		if (t[i].id == 0)
			continue;
		who = t[i].user_id;
		put(mem, "> ", m[i].text);
		if (t[i].review.verdict == REVIEW_NONE)
			continue;
		if ((k = (size_t)expectations(mem, &t[i])) == 0) {
			(*skipped)++;
			fprintf(mem, "# turn %lld was marked bad with nothing "
			    "corrected\n", t[i].id);
		}
		checks += (int)k;
	}
	fclose(mem);
	mem = NULL;
	if (checks == 0)
		goto out;
	sbuf_addf(&body, "story: %s, reviewed\n", sid);
	if (who != NULL)
		sbuf_addf(&body, "user: %s\n", who);
	fprintf(fp, "%s%s\n", body.buf, buf);
	*wrote = 1;
out:
	if (mem != NULL)
		fclose(mem);
	free(buf);
	for (i = 0; i < n; i++) {
		review_turn_release(&t[i]);
		message_info_release(&m[i]);
	}
	free(t);
	free(m);
	sbuf_release(&body);
	return rc;
}

enum sd_rc
review_stories(struct store *st, FILE *fp, long long *count,
    long long *skipped, struct sd_error *err)
{
	char		**ids = NULL;
	size_t		 n = 0, i;
	enum sd_rc	 rc;
	int		 wrote;

	*count = 0;
	*skipped = 0;
	if ((rc = store_begin_read(st, err)) != SD_OK)
		return rc;
	if ((rc = reviewed_sessions(st, &ids, &n, err)) != SD_OK)
		goto out;
	fprintf(fp, "# Reviewed conversations (shopdesk export stories): "
	    "each reviewed turn\n# expects what the reviewer said it "
	    "should have been.\n\n");
	for (i = 0; i < n && rc == SD_OK; i++) {
		rc = story(st, fp, ids[i], skipped, &wrote, err);
		*count += wrote;
	}
out:
	store_rollback(st);
	for (i = 0; i < n; i++)
		free(ids[i]);
	free(ids);
	return rc;
}
