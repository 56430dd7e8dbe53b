/*
 * cmd-search.c: "shopdesk search [options] QUERY": ranked products and
 * documents with their source, id, score and a snippet, as text or JSON.
 * With a server configured and embeddings stored for its model (see
 * "shopdesk embed"), BM25 fuses with vector search (vsearch.c), the same
 * retrieval the conversation engine uses.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "cmd.h"
#include "generate.h"
#include "sbuf.h"
#include "search.h"
#include "vector.h"

extern const struct sd_cmd cmd_search_entry;

static int
parse_number(const char *opt, const char *s, double *v)
{
	char	*end;

	errno = 0;
	*v = strtod(s, &end);
	if (end == s || *end != '\0' || errno != 0 || *v < 0) {
		fprintf(stderr, "shopdesk search: %s: \"%s\" is not a "
		    "non-negative number\n", opt, s);
		return -1;
	}
	return 0;
}

/* "--kind product,faq" (repeatable) into a kind bit set. */
static int
parse_kinds(const char *s, unsigned *kinds)
{
	char	*copy = xstrdup(s), *p, *save = NULL;
	int	 k, rc = 0;

	for (p = strtok_r(copy, ",", &save); p != NULL;
	    p = strtok_r(NULL, ",", &save)) {
		if (strcmp(p, "document") == 0 || strcmp(p, "doc") == 0) {
			*kinds |= SEARCH_DOC_KINDS;
			continue;
		}
		if ((k = search_kind_parse(p)) < 0) {
			fprintf(stderr, "shopdesk search: --kind: no kind "
			    "\"%s\" (product, faq, policy, manual, ticket, "
			    "document)\n", p);
			rc = -1;
			break;
		}
		*kinds |= SEARCH_KIND_BIT(k);
	}
	free(copy);
	return rc;
}

static void
json_hit(struct sbuf *b, const struct search_hit *h, const struct vec_rank *r)
{
	sbuf_adds(b, "{\"kind\":");
	sbuf_add_json_str(b, search_kind_name(h->kind),
	    strlen(search_kind_name(h->kind)));
	sbuf_adds(b, ",\"id\":");
	sbuf_add_json_str(b, h->id, strlen(h->id));
	sbuf_adds(b, ",\"title\":");
	sbuf_add_json_str(b, h->title, strlen(h->title));
	sbuf_addf(b, ",\"score\":%.6f,\"snippet\":", h->score);
	sbuf_add_json_str(b, h->snippet, strlen(h->snippet));
	sbuf_addf(b, ",\"rowid\":%lld", h->rowid);
	if (h->kind == SEARCH_PRODUCT) {
		sbuf_addf(b, ",\"price\":%.2f,\"currency\":", h->price);
		sbuf_add_json_str(b, h->currency, strlen(h->currency));
		sbuf_adds(b, ",\"category\":");
		sbuf_add_json_str(b, h->category, strlen(h->category));
		sbuf_adds(b, ",\"brand\":");
		if (h->brand != NULL)
			sbuf_add_json_str(b, h->brand, strlen(h->brand));
		else
			sbuf_adds(b, "null");
		sbuf_addf(b, ",\"stock\":%lld", h->stock);
	} else {
		sbuf_adds(b, ",\"heading\":");
		sbuf_add_json_str(b, h->heading, strlen(h->heading));
	}
	if (r != NULL)
		sbuf_addf(b, ",\"bm25_rank\":%d,\"bm25_score\":%.6f,"
		    "\"vector_rank\":%d,\"vector_score\":%.6f,"
		    "\"fused_score\":%.6f", r->bm25_rank, r->bm25_score,
		    r->vector_rank, r->vector_score, r->fused);
	sbuf_addc(b, '}');
}

static void
text_hit(size_t i, const struct search_hit *h, const struct vec_rank *r)
{
	printf("%2zu. %-7s %-16s %.3f  %s", i + 1, search_kind_name(h->kind),
	    h->id, h->score, h->title);
	if (h->kind == SEARCH_PRODUCT) {
		printf("  (%.2f %s, %s%s%s, %s)\n", h->price, h->currency,
		    h->brand != NULL ? h->brand : "",
		    h->brand != NULL ? ", " : "", h->category,
		    h->stock > 0 ? "in stock" : "out of stock");
	} else if (*h->heading != '\0')
		printf(" / %s\n", h->heading);
	else
		printf("\n");
	if (*h->snippet != '\0')
		printf("    %s\n", h->snippet);
	if (r == NULL)
		return;
	printf("    (bm25 ");
	if (r->bm25_rank > 0)
		printf("#%d %.3f", r->bm25_rank, r->bm25_score);
	else
		printf("-");
	printf(", vector ");
	if (r->vector_rank > 0)
		printf("#%d %.3f", r->vector_rank, r->vector_score);
	else
		printf("-");
	printf(")\n");
}

/*
 * The retriever when vectors are wanted: want 1 (--vector) insists,
 * -1 (--no-vector) refuses, 0 uses them when a server is configured
 * and embeddings exist.  NULL: BM25 alone (or an error when *fail).
 */
static struct vec_retriever *
open_retriever(struct sd_ctx *ctx, int want, struct generator **g,
    int *fail, struct sd_error *err)
{
	struct gen_config c;
	struct vec_retriever *r = NULL;

	*g = NULL;
	*fail = 0;
	if (want < 0)
		return NULL;
	if (gen_config_load(&c, ctx, err) != SD_OK) {
		*fail = 1;
		goto out;
	}
	if (c.url == NULL || c.vector_weight <= 0) {
		if (want > 0) {
			sd_fail(err, SD_ERR_USAGE, "--vector needs a server "
			    "(--llm-url or SHOPDESK_LLM_URL) and a "
			    "vector_weight above 0");
			*fail = 1;
		}
		goto out;
	}
	c.mode = GEN_AUTO;
	if ((*g = generator_open(ctx->st, &c, err)) == NULL) {
		*fail = 1;
		goto out;
	}
	r = vec_retriever_new(ctx->st, generator_llm(*g),
	    gen_config_embed_model(&c), c.vector_weight);
	if (vec_retriever_size(r, err) == 0) {
		if (want > 0) {
			if (err->rc == SD_OK)
				sd_fail(err, SD_ERR_NOTFOUND, "--vector: no "
				    "embeddings for model %s (run shopdesk "
				    "embed)", gen_config_embed_model(&c));
			*fail = 1;
		}
		vec_retriever_free(r);
		r = NULL;
	}
out:
	gen_config_release(&c);
	return r;
}

static int
cmd_search_run(struct sd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "json",	no_argument,		NULL, 'j' },
		{ "category",	required_argument,	NULL, 'c' },
		{ "max-price",	required_argument,	NULL, 'M' },
		{ "min-price",	required_argument,	NULL, 'm' },
		{ "in-stock",	no_argument,		NULL, 's' },
		{ "kind",	required_argument,	NULL, 'k' },
		{ "limit",	required_argument,	NULL, 'n' },
		{ "vector",	no_argument,		NULL, 'V' },
		{ "no-vector",	no_argument,		NULL, 'B' },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL,		0,			NULL, 0 }
	};
	struct search_query q = SEARCH_QUERY_INIT;
	struct search_result res;
	struct sd_error	 err = SD_ERROR_INIT;
	struct sbuf	 text = SBUF_INIT, out = SBUF_INIT;
	struct generator *g = NULL;
	struct vec_retriever *vr = NULL;
	struct vec_rank	*rk = NULL;
	double		 v;
	char		*end;
	long		 n;
	int		 ch, json = 0, i, status = SD_EXIT_FAIL, want = 0, fail;
	size_t		 j;

	memset(&res, 0, sizeof res);
	while ((ch = getopt_long(argc, argv, "jc:M:m:sk:n:hVB", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'j':
			json = 1;
			break;
		case 'c':
			q.category = optarg;
			break;
		case 'M':
			if (parse_number("--max-price", optarg, &v) != 0)
				return SD_EXIT_USAGE;
			q.max_price = v;
			break;
		case 'm':
			if (parse_number("--min-price", optarg, &v) != 0)
				return SD_EXIT_USAGE;
			q.min_price = v;
			break;
		case 's':
			q.in_stock = 1;
			break;
		case 'k':
			if (parse_kinds(optarg, &q.kinds) != 0)
				return SD_EXIT_USAGE;
			break;
		case 'n':
			errno = 0;
			n = strtol(optarg, &end, 10);
			if (end == optarg || *end != '\0' || errno != 0 ||
			    n < 1 || n > 1000) {
				fprintf(stderr, "shopdesk search: --limit: "
				    "\"%s\" is not a number from 1 to 1000\n",
				    optarg);
				return SD_EXIT_USAGE;
			}
			q.limit = (int)n;
			break;
		case 'V':
			want = 1;
			break;
		case 'B':
			want = -1;
			break;
		default:
			return cmd_usage(&cmd_search_entry);
		}
	}
	if (optind >= argc)
		return cmd_usage(&cmd_search_entry);
	/* The words may come as several arguments or one quoted string. */
	for (i = optind; i < argc; i++) {
		if (i > optind)
			sbuf_addc(&text, ' ');
		sbuf_adds(&text, argv[i]);
	}
	q.text = text.buf;
	vr = open_retriever(ctx, want, &g, &fail, &err);
	if (fail) {
		status = cmd_error(&cmd_search_entry, &err);
		goto out;
	}
	if ((vr != NULL ? vec_search(vr, &q, &res, &rk, &err) :
	    search_run(ctx->st, &q, &res, &err)) != SD_OK) {
		status = cmd_error(&cmd_search_entry, &err);
		goto out;
	}
	/* Fused hits show their ranks; a BM25-only run shows none. */
	if (vr != NULL && vec_retriever_error(vr) != NULL) {
		if (want > 0) {
			sd_fail(&err, SD_ERR_NET, "--vector: %s",
			    vec_retriever_error(vr));
			status = cmd_error(&cmd_search_entry, &err);
			goto out;
		}
		free(rk);
		rk = NULL;
	}
	if (json) {
		sbuf_addc(&out, '[');
		for (j = 0; j < res.n; j++) {
			if (j > 0)
				sbuf_addc(&out, ',');
			json_hit(&out, &res.hits[j], rk != NULL ? &rk[j] : NULL);
		}
		sbuf_adds(&out, "]\n");
		fputs(out.buf, stdout);
	} else {
		if (res.corrected != NULL)
			printf("(corrected: %s)\n", res.corrected);
		if (res.expanded != NULL)
			printf("(also searched: %s)\n", res.expanded);
		if (res.max_price >= 0 || res.min_price >= 0) {
			printf("(price");
			if (res.min_price >= 0)
				printf(" from %.2f", res.min_price);
			if (res.max_price >= 0)
				printf(" up to %.2f", res.max_price);
			printf(")\n");
		}
		if (rk != NULL)
			printf("(fused with vector search)\n");
		if (res.n == 0)
			printf("no results for \"%s\"\n", text.buf);
		for (j = 0; j < res.n; j++)
			text_hit(j, &res.hits[j], rk != NULL ? &rk[j] : NULL);
	}
	status = fflush(stdout) == 0 ? SD_EXIT_OK : SD_EXIT_FAIL;
out:
	free(rk);
	vec_retriever_free(vr);
	generator_free(g);
	search_result_free(&res);
	sd_error_clear(&err);
	sbuf_release(&text);
	sbuf_release(&out);
	return status;
}

const struct sd_cmd cmd_search_entry = {
	.name = "search",
	.usage = "search [--json] [--category C] [--max-price N] "
	    "[--min-price N] [--in-stock] [--kind K] [--limit N] "
	    "[--vector | --no-vector] QUERY",
	.summary = "search products and documents",
	.flags = SD_CMD_DB,
	.run = cmd_search_run,
};
