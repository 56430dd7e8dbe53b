/*
 * cmd-search.c: "shopdesk search [options] QUERY": ranked products and
 * documents with their source, id, score and a snippet, as text or JSON.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "cmd.h"
#include "sbuf.h"
#include "search.h"

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
json_hit(struct sbuf *b, const struct search_hit *h)
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
	sbuf_addc(b, '}');
}

static void
text_hit(size_t i, const struct search_hit *h)
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
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL,		0,			NULL, 0 }
	};
	struct search_query q = SEARCH_QUERY_INIT;
	struct search_result res;
	struct sd_error	 err = SD_ERROR_INIT;
	struct sbuf	 text = SBUF_INIT, out = SBUF_INIT;
	double		 v;
	char		*end;
	long		 n;
	int		 ch, json = 0, i, status = SD_EXIT_FAIL;
	size_t		 j;

	memset(&res, 0, sizeof res);
	while ((ch = getopt_long(argc, argv, "jc:M:m:sk:n:h", longopts,
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
	if (search_run(ctx->st, &q, &res, &err) != SD_OK) {
		status = cmd_error(&cmd_search_entry, &err);
		goto out;
	}
	if (json) {
		sbuf_addc(&out, '[');
		for (j = 0; j < res.n; j++) {
			if (j > 0)
				sbuf_addc(&out, ',');
			json_hit(&out, &res.hits[j]);
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
		if (res.n == 0)
			printf("no results for \"%s\"\n", text.buf);
		for (j = 0; j < res.n; j++)
			text_hit(j, &res.hits[j]);
	}
	status = fflush(stdout) == 0 ? SD_EXIT_OK : SD_EXIT_FAIL;
out:
	search_result_free(&res);
	sd_error_clear(&err);
	sbuf_release(&text);
	sbuf_release(&out);
	return status;
}

const struct sd_cmd cmd_search_entry = {
	.name = "search",
	.usage = "search [--json] [--category C] [--max-price N] "
	    "[--min-price N] [--in-stock] [--kind K] [--limit N] QUERY",
	.summary = "search products and documents",
	.flags = SD_CMD_DB,
	.run = cmd_search_run,
};
