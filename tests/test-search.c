/*
 * test-search.c: the retrieval module on rows inserted with SQL: field
 * weights, filters, typos, synonyms, FTS5 syntax in the text, empty and
 * unicode queries, documents beside products, the vocabulary triggers
 * and the synonym table's API.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "search.h"
#include "store.h"
#include "tap.h"

static struct store *st;

static void
product(const char *sku, const char *name, const char *brand,
    const char *category, const char *desc, double price, int stock,
    const char *tags)
{
	static const char sql[] = "INSERT INTO products(sku, name, brand,"
	    " category, description, price, stock, tags, created_at,"
	    " updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'now', 'now')";
	sqlite3_stmt	*s = store_prepare(st, sql, NULL);

	sqlite3_bind_text(s, 1, sku, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, brand, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, category, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 5, desc, -1, SQLITE_STATIC);
	sqlite3_bind_double(s, 6, price);
	sqlite3_bind_int(s, 7, stock);
	sqlite3_bind_text(s, 8, tags, -1, SQLITE_STATIC);
	if (sqlite3_step(s) != SQLITE_DONE)
		diag("insert %s: %s", sku, sqlite3_errmsg(store_db(st)));
	sqlite3_reset(s);
}

static void
document(long long id, const char *key, const char *kind, const char *title,
    const char *heading, const char *text)
{
	static const char dsql[] = "INSERT INTO documents(id, doc_key, kind,"
	    " title, body, created_at, updated_at)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, 'now', 'now')";
	static const char csql[] = "INSERT INTO chunks(document_id, seq,"
	    " heading, text) VALUES (?1, 0, ?2, ?3)";
	sqlite3_stmt	*s = store_prepare(st, dsql, NULL);

	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_text(s, 2, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, title, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 5, text, -1, SQLITE_STATIC);
	if (sqlite3_step(s) != SQLITE_DONE)
		diag("insert %s: %s", key, sqlite3_errmsg(store_db(st)));
	sqlite3_reset(s);
	s = store_prepare(st, csql, NULL);
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_text(s, 2, heading, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, text, -1, SQLITE_STATIC);
	if (sqlite3_step(s) != SQLITE_DONE)
		diag("insert chunk %s: %s", key, sqlite3_errmsg(store_db(st)));
	sqlite3_reset(s);
}

/* Run a query; returns the hits' ids joined by spaces (static). */
static const char *
run(struct search_query *q, enum sd_rc *rcp, struct search_result *keep)
{
	static char	 buf[4096];
	struct search_result res;
	struct sd_error	 err = SD_ERROR_INIT;
	enum sd_rc	 rc;
	size_t		 i;

	buf[0] = '\0';
	rc = search_run(st, q, &res, &err);
	if (rcp != NULL)
		*rcp = rc;
	if (rc != SD_OK)
		diag("search \"%s\": %s", q->text, sd_error_msg(&err));
	for (i = 0; i < res.n; i++) {
		if (i > 0)
			strncat(buf, " ", sizeof buf - strlen(buf) - 1);
		strncat(buf, res.hits[i].id, sizeof buf - strlen(buf) - 1);
	}
	if (keep != NULL)
		*keep = res;
	else
		search_result_free(&res);
	sd_error_clear(&err);
	return buf;
}

static const char *
find(const char *text)
{
	struct search_query q = SEARCH_QUERY_INIT;

	q.text = text;
	return run(&q, NULL, NULL);
}

/* The first id of a result list ("" when none). */
static const char *
first(const char *ids)
{
	static char	 one[256];
	size_t		 n = strcspn(ids, " ");

	snprintf(one, sizeof one, "%.*s", (int)n, ids);
	return one;
}

static int
has(const char *ids, const char *id)
{
	size_t	 n = strlen(id);
	const char *p = ids;

	while ((p = strstr(p, id)) != NULL) {
		if ((p == ids || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
			return 1;
		p += n;
	}
	return 0;
}

static void
seed(void)
{
	product("LAP-1", "Lenovo ThinkPad X1 Carbon", "Lenovo", "laptops",
	    "A business laptop with a long battery life.", 1499, 5,
	    "laptops business");
	product("LAP-2", "Asus Zenbook 14", "Asus", "laptops",
	    "Light laptop; compared with a ThinkPad it is thinner.", 999, 0,
	    "laptops");
	product("PHO-1", "Samsung Galaxy S21", "Samsung", "smartphones",
	    "Android smartphone with a bright screen.", 699, 3,
	    "smartphones android");
	product("PHO-2", "Apple iPhone 13", "Apple", "smartphones",
	    "The iPhone 13 has a fast chip.", 799, 8, "smartphones apple");
	product("SOF-1", "Oslo Sofa", "Nordic", "furniture",
	    "A three-seat sofa in grey fabric.", 899, 2, "furniture sofas");
	product("COU-1", "Camden Couch", "Nordic", "furniture",
	    "A couch for small rooms.", 699, 2, "furniture");
	product("CAF-1", "Café Crème Coffee Beans", "Brûlerie", "groceries",
	    "Whole beans, medium roast.", 12.5, 40, "coffee");
	product("SNK-1", "Runner Sneakers", "Stride", "shoes",
	    "Light sneakers for running; size 10 available.", 89, 12,
	    "shoes sneakers");
	product("HDP-1", "Quiet Headphones", "Hush", "audio",
	    "Over-ear headphones with noise cancelling.", 199, 4, "audio");
	document(1, "policy-returns", "policy", "Return policy", "Returns",
	    "You may return any item within 30 days of delivery for a refund.");
	document(2, "faq-shipping", "faq", "How long does shipping take?",
	    "", "Orders ship within two business days.");
}

int
main(void)
{
	struct search_query q = SEARCH_QUERY_INIT;
	struct search_result res;
	struct sd_error	 err = SD_ERROR_INIT;
	char		*dir = tap_tmpdir(), *path, *tsv;
	const char	*ids;
	const char	*syns[] = { "sofa" };
	const char	*bad[] = { "" };
	long long	 n = 0;
	enum sd_rc	 rc;
	FILE		*fp;
	size_t		 i;
	int		 ok_all;
	double		 s1, s2, s3 = -3;
	struct store	*other;

	path = xasprintf("%s/t.db", dir);
	st = store_open(path, NULL, &err);
	ok(st != NULL, "open a fresh store");
	if (st == NULL)
		return 1;
	seed();

	/* Field weights: a name match outranks a description match. */
	ids = find("thinkpad");
	is_str(first(ids), "LAP-1", "name match ranks above description: %s",
	    ids);
	ok(has(ids, "LAP-2"), "description match is still found");
	ids = find("lenovo");
	is_str(first(ids), "LAP-1", "brand match found");

	/* Filters. */
	q.text = "laptop";
	q.max_price = 1000;
	ids = run(&q, NULL, NULL);
	is_str(ids, "LAP-2", "--max-price keeps the cheaper laptop");
	q = (struct search_query)SEARCH_QUERY_INIT;
	q.text = "laptop";
	q.in_stock = 1;
	ids = run(&q, NULL, NULL);
	is_str(ids, "LAP-1", "--in-stock drops the laptop out of stock");
	q = (struct search_query)SEARCH_QUERY_INIT;
	q.text = "light";
	q.category = "shoes";
	ids = run(&q, NULL, NULL);
	is_str(ids, "SNK-1", "--category keeps one category");
	q = (struct search_query)SEARCH_QUERY_INIT;
	q.text = "laptop";
	q.min_price = 1000;
	ids = run(&q, NULL, NULL);
	is_str(ids, "LAP-1", "--min-price");
	q = (struct search_query)SEARCH_QUERY_INIT;
	q.text = "laptop under 1200";
	ids = run(&q, NULL, &res);
	is_str(ids, "LAP-2", "price words: \"under 1200\" is a bound");
	ok(res.max_price == 1200, "the bound is reported");
	search_result_free(&res);
	q.price_words = 0;
	ids = run(&q, NULL, NULL);
	ok(has(ids, "LAP-1"), "price words off: no bound");

	/* Typos. */
	q = (struct search_query)SEARCH_QUERY_INIT;
	q.text = "thinkpd";
	ids = run(&q, NULL, &res);
	is_str(first(ids), "LAP-1", "thinkpd -> thinkpad");
	ok(res.corrected != NULL && strstr(res.corrected, "thinkpad") != NULL,
	    "correction reported: %s", res.corrected ? res.corrected : "");
	search_result_free(&res);
	is_str(first(find("galxy")), "PHO-1", "galxy -> galaxy");
	is_str(first(find("iphnoe")), "PHO-2", "iphnoe -> iphone (swap)");
	is_str(first(find("samsnug galxy")), "PHO-1", "two typos");
	is_str(find("zq"), "", "short words are not corrected");
	is_str(find("xyzzyplugh"), "", "no results for an unknown word");

	/* Synonyms. */
	ok(synonyms_add(st, "couch", syns, 1, "shop", &n, &err) == SD_OK &&
	    n == 1, "add couch -> sofa");
	ids = find("couch");
	is_str(first(ids), "COU-1", "the shopper's own word ranks first");
	ok(has(ids, "SOF-1"), "the synonym finds the sofa too: %s", ids);
	syns[0] = "Sofa";
	ok(synonyms_add(st, "COUCH", syns, 1, "shop", &n, &err) == SD_OK &&
	    n == 0, "adding the same pair again (other case) adds nothing");
	syns[0] = "headphones";
	synonyms_add(st, "earbuds", syns, 1, "shop", &n, &err);
	is_str(first(find("earbuds")), "HDP-1", "earbuds -> headphones");
	syns[0] = "sneakers";
	synonyms_add(st, "running shoes", syns, 1, "shop", &n, &err);
	is_str(first(find("running shoes")), "SNK-1", "two-word term");
	ok(synonyms_remove(st, "couch", "sofa", &n, &err) == SD_OK && n == 1,
	    "remove a pair");
	ok(!has(find("couch"), "SOF-1"), "removed synonym no longer used");
	ok(synonyms_remove(st, "couch", NULL, &n, &err) == SD_ERR_NOTFOUND,
	    "removing what is not there is NOTFOUND");
	rc = synonyms_add(st, "tv", bad, 1, "shop", &n, &err);
	ok(rc == SD_ERR_INVALID, "an empty synonym is refused: %s",
	    sd_error_msg(&err));

	tsv = xasprintf("%s/syn.tsv", dir);
	fp = fopen(tsv, "w");
	fputs("# comment\ntelly\ttv\ttelevision\n\nnotebook\n", fp);
	fclose(fp);
	rc = synonyms_import(st, tsv, "shop", &n, &err);
	ok(rc == SD_ERR_PARSE && strstr(sd_error_msg(&err), "syn.tsv:4:") !=
	    NULL, "a bad line is named: %s", sd_error_msg(&err));
	ok(synonyms_remove(st, "telly", NULL, &n, &err) == SD_ERR_NOTFOUND,
	    "a failed import changes nothing");
	fp = fopen(tsv, "w");
	fputs("telly\ttv\ttelevision\n#@source wordnet\nsettee\tsofa\n", fp);
	fclose(fp);
	ok(synonyms_import(st, tsv, "shop", &n, &err) == SD_OK && n == 3,
	    "import three pairs");
	free(tsv);

	/* FTS5 syntax is text. */
	{
		static const char *const nasty[] = {
			"size: 10", "\"sofa", "sofa\"\"", "(sofa", "sofa)",
			"sofa AND", "AND OR NOT", "*", "sof*", "-sofa",
			"NEAR(sofa couch)", "name:sofa", "^sofa", "{sofa}",
			"sofa + couch", "'; DROP TABLE products; --",
		};

		ok_all = 1;
		for (i = 0; i < sizeof nasty / sizeof nasty[0]; i++) {
			q = (struct search_query)SEARCH_QUERY_INIT;
			q.text = nasty[i];
			run(&q, &rc, NULL);
			if (rc != SD_OK) {
				diag("failed on %s", nasty[i]);
				ok_all = 0;
			}
		}
		ok(ok_all, "FTS5 syntax in the text never errors");
		ok(has(find("size: 10"), "SNK-1"), "\"size: 10\" finds size 10");
		is_str(first(find("(sofa")), "SOF-1", "parenthesis ignored");
		ok(store_count(st, "products") == 9, "products intact");
	}

	/* Empty, unicode, invalid. */
	q = (struct search_query)SEARCH_QUERY_INIT;
	q.text = "";
	ids = run(&q, &rc, NULL);
	ok(rc == SD_OK && *ids == '\0', "empty query: no hits, no error");
	q.text = "  !!! ...  ";
	ids = run(&q, &rc, NULL);
	ok(rc == SD_OK && *ids == '\0', "punctuation only: no hits");
	q.text = NULL;
	ids = run(&q, &rc, NULL);
	ok(rc == SD_OK && *ids == '\0', "NULL text: no hits");
	is_str(first(find("cafe creme")), "CAF-1", "diacritics folded");
	is_str(first(find("CAFÉ")), "CAF-1", "case folded");
	is_str(first(find("brulerie")), "CAF-1", "brand with diacritics");
	q.text = "caf\xc3";
	run(&q, &rc, NULL);
	is_int(rc, SD_ERR_INVALID, "invalid UTF-8 is refused");
	ok(*find("the") != '\0', "stop words only: searched as is");

	/* Documents beside products. */
	q = (struct search_query)SEARCH_QUERY_INIT;
	q.text = "return policy";
	ids = run(&q, NULL, &res);
	is_str(first(ids), "policy-returns", "a policy for a policy question");
	ok(res.n > 0 && res.hits[0].kind == SEARCH_POLICY, "its kind");
	ok(res.n > 0 && strstr(res.hits[0].snippet, "[return]") != NULL,
	    "snippet marks the match: %s", res.n ? res.hits[0].snippet : "");
	/* Snippets left for later: the same text, made on demand. */
	q.lazy_snippets = 1;
	{
		struct search_result lz;
		size_t		 at = 0;

		run(&q, NULL, &lz);
		ok(lz.n == res.n && lz.n > 0 && lz.hits[0].snippet == NULL,
		    "lazy: the same hits, no snippet yet");
		ok(search_snippets(st, &lz, &at, 1, &err) == SD_OK &&
		    lz.n > 0 && res.n > 0 && lz.hits[0].snippet != NULL &&
		    strcmp(lz.hits[0].snippet, res.hits[0].snippet) == 0,
		    "lazy: search_snippets makes the same snippet");
		at = lz.n;
		ok(search_snippets(st, &lz, &at, 1, &err) != SD_OK,
		    "lazy: a hit out of range is an error");
		sd_error_clear(&err);
		search_result_free(&lz);
	}
	q.lazy_snippets = 0;
	search_result_free(&res);
	q.kinds = SEARCH_KIND_BIT(SEARCH_PRODUCT);
	ok(!has(run(&q, NULL, NULL), "policy-returns"), "kinds filter");
	q.kinds = SEARCH_KIND_BIT(SEARCH_FAQ);
	is_str(run(&q, NULL, NULL), "", "faq only: the policy is left out");
	/* The kinds are kept in memory: another connection's edit shows. */
	other = store_open(path, NULL, &err);
	ok(other != NULL, "a second connection");
	if (other != NULL) {
		store_exec(other, "UPDATE documents SET kind = 'faq'"
		    " WHERE doc_key = 'policy-returns'", &err);
		store_close(other);
	}
	is_str(first(run(&q, NULL, NULL)), "policy-returns",
	    "faq only: the document another connection made a FAQ");
	store_exec(st, "UPDATE documents SET kind = 'policy'"
	    " WHERE doc_key = 'policy-returns'", &err);
	is_str(run(&q, NULL, NULL), "", "and a policy again (this one)");
	/* An A/B arm's weight per kind reorders what the tables found. */
	q = (struct search_query)SEARCH_QUERY_INIT;
	q.text = "laptop return";
	ids = run(&q, NULL, NULL);
	is_str(first(ids), "policy-returns", "unweighted: the policy first");
	{
		double	 w[SEARCH_NKINDS] = { 1, 1, 1, 1, 1 };

		w[SEARCH_PRODUCT] = 4;
		q.kind_weight = w;
		ids = run(&q, NULL, &res);
		ok(strncmp(first(ids), "LAP-", 4) == 0 && has(ids,
		    "policy-returns"), "products weighted 4: a laptop "
		    "first, the policy still listed: %s", ids);
		search_result_free(&res);
		w[SEARCH_PRODUCT] = 1;
		w[SEARCH_POLICY] = 0.1;
		ids = run(&q, NULL, NULL);
		ok(strcmp(first(ids), "policy-returns") != 0,
		    "the policy weighted 0.1 is not first: %s", ids);
		q.kind_weight = NULL;
	}
	q = (struct search_query)SEARCH_QUERY_INIT;
	q.text = "sofa";
	ids = run(&q, NULL, &res);
	ok(res.n > 0 && res.hits[0].kind == SEARCH_PRODUCT &&
	    res.hits[0].price == 899 && strcmp(res.hits[0].currency,
	    "USD") == 0 && res.hits[0].stock == 2 &&
	    strcmp(res.hits[0].category, "furniture") == 0,
	    "product fields filled");
	ok(res.n > 0 && res.hits[0].score > 0, "scores are positive");
	search_result_free(&res);
	q.text = "laptop";
	q.limit = 1;
	ids = run(&q, NULL, NULL);
	ok(*ids != '\0' && strchr(ids, ' ') == NULL, "limit 1: one hit");

	/*
	 * Rows with every word first: with room for one hit the strict
	 * pass suffices, with room for more the rows with any word join,
	 * and a row scores the same either way.
	 */
	q = (struct search_query)SEARCH_QUERY_INIT;
	q.text = "business laptop";
	q.limit = 1;
	q.kinds = SEARCH_KIND_BIT(SEARCH_PRODUCT);
	ids = run(&q, NULL, &res);
	is_str(ids, "LAP-1", "all words: the row that has both");
	ok(res.expr != NULL && strstr(res.expr, " AND ") != NULL,
	    "the strict expression ran: %s", res.expr ? res.expr : "");
	s1 = res.n > 0 ? res.hits[0].score : -1;
	search_result_free(&res);
	q.limit = 10;
	q.kinds = 0;
	ids = run(&q, NULL, &res);
	ok(has(ids, "LAP-2") && has(ids, "faq-shipping"),
	    "too few with all words: any word will do: %s", ids);
	ok(res.n > 0 && res.hits[0].score == s1 &&
	    strcmp(res.hits[0].id, "LAP-1") == 0,
	    "same top row, same score under both");
	search_result_free(&res);

	/*
	 * Document counts are kept per connection: after a write, this
	 * connection scores as a fresh one does.
	 */
	q.text = "runner sneakers";
	q.limit = 1;
	run(&q, NULL, &res);
	s1 = res.n > 0 ? res.hits[0].score : -1;
	search_result_free(&res);
	product("SNK-2", "Trail Sneakers", "Stride", "shoes",
	    "Sneakers for trails.", 99, 3, "shoes sneakers");
	run(&q, NULL, &res);
	s2 = res.n > 0 ? res.hits[0].score : -1;
	search_result_free(&res);
	other = store_open(path, NULL, &err);
	ok(other != NULL, "a second connection");
	if (other != NULL) {
		struct store *mine = st;

		st = other;
		run(&q, NULL, &res);
		s3 = res.n > 0 ? res.hits[0].score : -2;
		search_result_free(&res);
		st = mine;
		store_close(other);
	}
	ok(s2 != s1, "a new row changes the score (%g -> %g)", s1, s2);
	ok(s2 == s3, "counts follow the write (%g, fresh %g)", s2, s3);
	store_exec(st, "DELETE FROM products WHERE sku = 'SNK-2'", &err);
	q = (struct search_query)SEARCH_QUERY_INIT;

	/* The vocabulary follows the catalog. */
	store_exec(st, "UPDATE products SET name = 'Lenovo Yoga Slim'"
	    " WHERE sku = 'LAP-1'", &err);
	is_str(first(find("yoag")), "LAP-1", "a renamed product's new word");
	store_exec(st, "DELETE FROM products WHERE sku = 'PHO-1'", &err);
	is_str(find("galxy"), "", "a deleted product's words are gone");
	ok(store_count(st, "term_vocab") > 0, "vocabulary kept");
	/* Kept in memory per connection: another one's commit is seen. */
	is_str(find("zorblx"), "", "no zorblax yet (its letters now read)");
	other = store_open(path, NULL, &err);
	ok(other != NULL, "a second connection");
	if (other != NULL) {
		struct store *mine = st;

		st = other;
		product("ZOR-1", "Zorblax Widget", "Acme", "gadgets",
		    "A widget.", 19, 5, "widget");
		st = mine;
		store_close(other);
	}
	is_str(first(find("zorblx")), "ZOR-1",
	    "a word another connection added corrects a typo");

	/* Edit distance. */
	is_int(search_edit_distance("galxy", "galaxy", 2), 1, "insertion");
	is_int(search_edit_distance("iphnoe", "iphone", 2), 1, "transposition");
	is_int(search_edit_distance("kitten", "sitting", 5), 3, "classic");
	is_int(search_edit_distance("kitten", "sitting", 1), 2, "bounded");
	is_int(search_edit_distance("café", "cafe", 2), 1, "by code point");

	store_close(st);
	tap_rmtree(dir);
	free(dir);
	free(path);
	sd_error_clear(&err);
	done_testing();
	return exit_status();
}
