/*
 * analytics-qread.c: the "quality" object from the running totals that
 * analytics-qtotals.c keeps (see there): the sums of the days of the
 * range, the sessions a bound cuts walked again over the range, and the
 * turns the failure and gap reports group.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "analytics.h"
#include "analytics-int.h"
#include "store.h"

#define NQ		ANALYTICS_NQ
#define Q_OUTCOME	9	/* u, r, n: by enum quality_outcome */

#define Q_SUMS "sum(turns), sum(replies), sum(rel_n), sum(rel_sum)," \
	" sum(claims), sum(backed), sum(ratings), sum(rating_sum)," \
	" sum(rating_pos), sum(u), sum(r), sum(n), sum(frustrated)," \
	" sum(angry), sum(urgent)"

static void
qagg_add_v(struct analytics_qagg *g, const long long v[NQ])
{
	g->turns += v[0];
	g->replies += v[1];
	g->rel_n += v[2];
	g->rel_sum += v[3];
	g->claims += v[4];
	g->backed += v[5];
	g->ratings += v[6];
	g->rating_sum += v[7];
	g->rating_pos += v[8];
	g->outcome[0] += v[9];
	g->outcome[1] += v[10];
	g->outcome[2] += v[11];
	g->frustrated += v[12];
	g->angry += v[13];
	g->urgent += v[14];
}

static struct analytics_qagg *
group_find(struct analytics_qparts *p, int d, const char *k,
    struct analytics_names *nm)
{
	size_t	 j;

	for (j = 0; j < p->ng[d]; j++)
		if (strcmp(p->g[d][j].key, k) == 0)
			return &p->g[d][j];
	p->g[d] = xrealloc(p->g[d], (p->ng[d] + 1) * sizeof *p->g[d]);
	memset(&p->g[d][p->ng[d]], 0, sizeof p->g[d][0]);
	p->g[d][p->ng[d]].key = analytics_names_keep(nm, k);
	return &p->g[d][p->ng[d]++];
}

/* ?1, ?2 the days, ?3 the key (0: all). */
#define QDAY_SCOPE	" (?3 = 0 OR key_id = ?3) AND day >= ?1 AND day <= ?2"

static void
bind_days(sqlite3_stmt *s, const char *from, const char *to, long long key)
{
	sqlite3_bind_text(s, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, to, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 3, key);
}

/* The groups of every dimension, and the whole, from the totals. */
static enum sd_rc
read_groups(struct store *st, const char *from, const char *to,
    long long key_id, struct analytics_qparts *p, struct analytics_names *nm,
    struct sd_error *err)
{
	static const char sql[] = "SELECT dim, name, " Q_SUMS
	    " FROM stats_quality WHERE" QDAY_SCOPE " GROUP BY dim, name"
	    " UNION ALL SELECT 'all', day, " Q_SUMS " FROM stats_quality"
	    " WHERE" QDAY_SCOPE " AND dim = 'intent' GROUP BY day";
	sqlite3_stmt	*s;
	long long	 v[NQ];
	const char	*dim;
	int		 r, d, i;

	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	bind_days(s, from, to, key_id);
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		dim = (const char *)sqlite3_column_text(s, 0);
		for (d = 0; d < QD_NDIM; d++)
			if (strcmp(dim, analytics_qdim_name(
			    (enum analytics_qdim)d)) == 0)
				break;
		if (d == QD_NDIM)
			continue;
		for (i = 0; i < NQ; i++)
			v[i] = sqlite3_column_int64(s, 2 + i);
		qagg_add_v(group_find(p, d, (const char *)
		    sqlite3_column_text(s, 1), nm), v);
		if (d == QD_ALL)
			qagg_add_v(&p->all, v);
	}
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	if (r != SQLITE_DONE)
		return store_fail(st, err, "read the quality totals");
	return SD_OK;
}

static enum sd_rc
read_convs(struct store *st, const char *from, const char *to,
    long long key_id, struct analytics_qparts *p, struct sd_error *err)
{
	static const char sql[] = "SELECT outcome, why, assumed, sum(n)"
	    " FROM stats_qconv WHERE" QDAY_SCOPE " GROUP BY 1, 2, 3";
	sqlite3_stmt	*s;
	long long	 n;
	int		 r, o, w;

	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	bind_days(s, from, to, key_id);
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		o = sqlite3_column_int(s, 0);
		w = sqlite3_column_int(s, 1);
		n = sqlite3_column_int64(s, 3);
		if (o < 0 || o > 2 || w < 0 || w >= QR_N)
			continue;
		p->convs += n;
		p->c[o] += n;
		p->why[w] += n;
		p->assumed += sqlite3_column_int(s, 2) ? n : 0;
	}
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	if (r != SQLITE_DONE)
		return store_fail(st, err, "read the conversations' outcomes");
	return SD_OK;
}

/* Turn r's outcome count (as o) moved by delta in every group. */
static void
outcome_move(struct analytics_qparts *p, const struct analytics_qrow *r,
    int o, long long delta, struct analytics_names *nm)
{
	int	 d;

	p->all.outcome[o] += delta;
	group_find(p, QD_ALL, r->day, nm)->outcome[o] += delta;
	for (d = QD_INTENT; d < QD_NDIM; d++)
		group_find(p, d, analytics_qdim_key(r,
		    (enum analytics_qdim)d), nm)->outcome[o] += delta;
}

/*
 * A session cut by a bound: take out what the totals counted of its
 * conversation in the range, walk its turns in the range instead.
 */
static enum sd_rc
straddler(struct store *st, const char *sid, const char *from,
    const char *to, struct analytics_qparts *p, struct analytics_names *nm,
    struct sd_error *err)
{
	struct analytics_qrow *v = NULL;
	struct analytics_qsess	 q;
	long long	 key_id;
	size_t		 n = 0, i, a, b;
	enum sd_rc	 rc;

	if ((rc = analytics_qsess_load(st, sid, &q, err)) != SD_OK ||
	    !q.found ||
	    (rc = analytics_quality_load_session(st, sid, &v, &n, &key_id,
	    err)) != SD_OK)
		goto out;
	if (strcmp(q.first_day, from) >= 0) {
		p->convs--;
		p->c[q.outcome]--;
		p->why[q.why]--;
		p->assumed -= q.assumed;
	}
	for (a = 0; a < n && strcmp(v[a].day, from) < 0; a++)
		;
	for (b = a; b < n && strcmp(v[b].day, to) <= 0; b++)
		outcome_move(p, &v[b], q.outcome, -1, nm);
	if (a == b)
		goto out;
	analytics_qrows_walk(v, a, b);
	for (i = a; i < b; i++)
		outcome_move(p, &v[i], v[i].outcome, 1, nm);
	p->convs++;
	p->c[v[a].outcome]++;
	p->why[v[a].why]++;
	p->assumed += v[a].assumed;
out:
	analytics_qrows_release(v, n);
	return rc;
}

static enum sd_rc
straddlers(struct store *st, const char *from, const char *to,
    long long key_id, struct analytics_qparts *p, struct analytics_names *nm,
    struct sd_error *err)
{
	static const char sql[] = "SELECT session_id FROM stats_qsession"
	    " WHERE first_day < last_day AND last_day >= ?1"
	    " AND first_day <= ?2 AND (first_day < ?1 OR last_day > ?2)"
	    " AND (?3 = 0 OR key_id = ?3)";
	sqlite3_stmt	*s;
	struct analytics_names	 ids = { NULL, 0 };
	size_t		 i;
	enum sd_rc	 rc = SD_OK;
	int		 r;

	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	bind_days(s, from, to, key_id);
	while ((r = sqlite3_step(s)) == SQLITE_ROW)
		analytics_names_keep(&ids, (const char *)
		    sqlite3_column_text(s, 0));
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	if (r != SQLITE_DONE)
		rc = store_fail(st, err, "read the sessions across days");
	for (i = 0; i < ids.n && rc == SD_OK; i++)
		rc = straddler(st, ids.v[i], from, to, p, nm, err);
	analytics_names_free(&ids);
	return rc;
}

/*
 * The turns stats_qfail keeps in the range, but for the sessions a
 * bound cuts (walked again from their turns), as the reports need them.
 */
static enum sd_rc
kept_failing(struct store *st, const char *from, const char *to,
    long long key_id, struct analytics_qrow **out, size_t *nout,
    struct sd_error *err)
{
	static const char sql[] = "SELECT session_id, user_msg_id, day,"
	    " intent, terms, text, bits FROM stats_qfail"
	    " WHERE day >= ?1 AND day <= ?2 AND (?3 = 0 OR key_id = ?3)"
	    " AND session_id NOT IN (SELECT session_id FROM stats_qsession"
	    " WHERE first_day < last_day AND (first_day < ?1"
	    " OR last_day > ?2)) ORDER BY session_id, user_msg_id";
	struct analytics_qrow *v = NULL, *q;
	sqlite3_stmt	*s;
	size_t		 n = 0, cap = 0;
	int		 r;

	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	bind_days(s, from, to, key_id);
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? 2 * cap : 256;
			v = xrealloc(v, cap * sizeof *v);
		}
		q = &v[n++];
		memset(q, 0, sizeof *q);
		q->session_id = xstrdup((const char *)sqlite3_column_text(s,
		    0));
		q->user_msg_id = sqlite3_column_int64(s, 1);
		q->day = xstrdup((const char *)sqlite3_column_text(s, 2));
		q->intent = xstrdup((const char *)sqlite3_column_text(s, 3));
		q->terms = xstrdup((const char *)sqlite3_column_text(s, 4));
		q->text = xstrdup((const char *)sqlite3_column_text(s, 5));
		q->bits = (unsigned)sqlite3_column_int(s, 6);
		q->kept = 1;
	}
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	*out = v;
	*nout = n;
	if (r != SQLITE_DONE)
		return store_fail(st, err, "read the failing turns");
	return SD_OK;
}

static int
row_before(const struct analytics_qrow *a, const struct analytics_qrow *b)
{
	int	 c = strcmp(a->session_id, b->session_id);

	return c < 0 || (c == 0 && a->user_msg_id < b->user_msg_id);
}

/* Both lists, in the order the walk over the turns gives. */
static enum sd_rc
failing_turns(struct store *st, const struct analytics_range *rg,
    const char *from, const char *to, struct analytics_qrow **out,
    size_t *n, struct sd_error *err)
{
	struct analytics_qrow *a = NULL, *b = NULL, *v;
	size_t		 na = 0, nb = 0, i = 0, j = 0, k = 0;
	enum sd_rc	 rc;

	*out = NULL;
	*n = 0;
	if ((rc = kept_failing(st, from, to, rg->key_id, &a, &na, err)) !=
	    SD_OK || (rc = analytics_quality_load_cut(st, rg, from, to, &b,
	    &nb, err)) != SD_OK) {
		analytics_qrows_release(a, na);
		analytics_qrows_release(b, nb);
		return rc;
	}
	v = xcalloc(na + nb + 1, sizeof *v);
	while (i < na || j < nb)
		v[k++] = j == nb || (i < na && row_before(&a[i], &b[j])) ?
		    a[i++] : b[j++];
	free(a);
	free(b);
	*out = v;
	*n = k;
	return SD_OK;
}

enum sd_rc
analytics_qtotals_emit(struct store *st, const struct analytics_range *rg,
    cJSON *o, struct sd_error *err)
{
	struct analytics_qparts p;
	struct analytics_qrow *fv = NULL;
	struct analytics_names	 nm = { NULL, 0 };
	char		 from[11], to[11];
	size_t		 fn = 0;
	int		 d;
	enum sd_rc	 rc;

	memset(&p, 0, sizeof p);
	snprintf(from, sizeof from, "%.10s", rg->from != NULL ? rg->from : "");
	snprintf(to, sizeof to, "%.10s", rg->to != NULL ? rg->to : "~");
	if ((rc = read_convs(st, from, to, rg->key_id, &p, err)) == SD_OK &&
	    (rc = read_groups(st, from, to, rg->key_id, &p, &nm, err)) ==
	    SD_OK &&
	    (rc = straddlers(st, from, to, rg->key_id, &p, &nm, err)) ==
	    SD_OK &&
	    (rc = failing_turns(st, rg, from, to, &fv, &fn, err)) == SD_OK)
		analytics_quality_build(o, &p, fv, fn);
	analytics_qrows_release(fv, fn);
	for (d = 0; d < QD_NDIM; d++)
		free(p.g[d]);
	analytics_names_free(&nm);
	return rc;
}
