/*
 * tests/refs-lib.h: what the sweeps over what the customer points at
 * share (test-refs, test-pointers): one engine on the demo store, a
 * customer turn, the products a turn cited or listed, the catalog's
 * products of a kind.  Included by one .c file each, after tap.h and
 * seed.h.
 */
#ifndef REFS_LIB_H
#define REFS_LIB_H

#define DIAG_MAX	12	/* failures printed per sweep */
#define LIST_N		3	/* products of a comparison list */

/* A word for a kind, as a shopper says it, by category. */
static const struct {
	const char	*category;
	const char	*word;
	const char	*words;		/* plural */
} kinds[] = {
	{ "laptops", "laptop", "laptops" },
	{ "smartphones", "phone", "phones" },
	{ "headphones", "headphones", "headphones" },
	{ "tvs", "tv", "tvs" }, { "cameras", "camera", "cameras" },
	{ "smart-home", "robot vacuum", "robot vacuums" },
	{ "wearables", "smartwatch", "smartwatches" },
	{ "monitors", "monitor", "monitors" },
	{ "speakers", "speaker", "speakers" },
	{ "gaming", "game console", "game consoles" },
	{ "tablets", "tablet", "tablets" },
	{ "networking", "router", "routers" },
	{ "printers", "printer", "printers" },
	{ "software", "antivirus software", "software titles" },
	{ "gift-cards", "gift card", "gift cards" },
};
#define NKINDS	(sizeof kinds / sizeof kinds[0])

static struct engine	*eng;
static struct store	*st;
static int		 diag_left;

/* One customer turn in session sid (NULL: a new one); 1 when it ran. */
static int
say(char **sid, const char *text, struct turn *tu)
{
	struct sd_error	 err = SD_ERROR_INIT;

	if (engine_turn(eng, ENGINE_REPLAY, *sid, NULL, text, strlen(text),
	    tu, &err) != SD_OK) {
		printf("# turn failed: %s: %s\n", text, sd_error_msg(&err));
		sd_error_clear(&err);
		return 0;
	}
	if (*sid == NULL)
		*sid = xstrdup(tu->session_id);
	return 1;
}

static void
miss(const char *what, const char *text, const char *reply)
{
	int	 n;

	if (diag_left-- <= 0)
		return;
	printf("# %s\n#   > %s\n#   reply: ", what, text);
	for (n = 0; *reply != '\0' && n < 300; reply++, n++)
		if (*reply == '\n')
			printf("\n#     ");
		else
			putchar(*reply);
	putchar('\n');
}

/* Is sku among the turn's citations? */
static int
cited(const struct turn *tu, const char *sku)
{
	const cJSON	*c, *it;

	c = cJSON_GetObjectItemCaseSensitive(tu->trace, "citations");
	cJSON_ArrayForEach(it, c)
		if (strcmp(cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(
		    it, "id")) != NULL ? cJSON_GetStringValue(
		    cJSON_GetObjectItemCaseSensitive(it, "id")) : "",
		    sku) == 0)
			return 1;
	return 0;
}

/* The last list's SKUs after the turn, at most max; how many. */
static size_t
shown(const struct turn *tu, char **v, size_t max)
{
	const cJSON	*sa, *res, *it;
	size_t		 n = 0;

	sa = cJSON_GetObjectItemCaseSensitive(tu->trace, "state_after");
	res = cJSON_GetObjectItemCaseSensitive(sa, "results");
	cJSON_ArrayForEach(it, res)
		if (cJSON_IsString(it) && n < max)
			v[n++] = xstrdup(it->valuestring);
	return n;
}

/* Folded text: lower case, words apart. */
static char *
folded(const char *s)
{
	struct text_folded f = TEXT_FOLDED_INIT;
	char		*out;

	text_fold(s, strlen(s), &f);
	out = xstrdup(f.s.buf != NULL ? f.s.buf : "");
	text_folded_release(&f);
	return out;
}

/* The products of category, best first (caller releases). */
static size_t
of_kind(const char *category, const char *brand, struct product **v)
{
	struct product_filter f;
	struct sd_error	 err = SD_ERROR_INIT;
	size_t		 n = 0;

	memset(&f, 0, sizeof f);
	f.category = category;
	f.brand = brand;
	f.max_price = f.min_price = -1;
	f.limit = 1000;
	if (catalog_products(st, &f, v, &n, &err) != SD_OK) {
		sd_error_clear(&err);
		return 0;
	}
	return n;
}

static void
release_all(struct product *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		product_release(&v[i]);
	free(v);
}

/* Loads the SKUs into p; 1 when all were found. */
static int
load_list(char *const *skus, size_t n, struct product *p)
{
	struct sd_error	 err = SD_ERROR_INIT;
	size_t		 i;

	for (i = 0; i < n; i++) {
		memset(&p[i], 0, sizeof p[i]);
		if (catalog_product_by_sku(st, skus[i], &p[i], &err) !=
		    SD_OK) {
			sd_error_clear(&err);
			while (i-- > 0)
				product_release(&p[i]);
			return 0;
		}
	}
	return 1;
}

/* The first two words of a name: its family ("Microsoft 365"). */
static int
same_family(const char *a, const char *b)
{
	const char	*p = strchr(a, ' ');

	if (p != NULL)
		p = strchr(p + 1, ' ');
	return p != NULL ? strncmp(a, b, (size_t)(p - a)) == 0 &&
	    (b[p - a] == ' ' || b[p - a] == '\0') : strcmp(a, b) == 0;
}

/* "Compare the A, the B and the C": three of v of different families,
 * best first; NULL when there are not three. */
static char *
three(const struct product *v, size_t n)
{
	size_t	 pick[LIST_N], k = 0, i, j;

	for (i = 0; i < n && k < LIST_N; i++) {
		for (j = 0; j < k && !same_family(v[pick[j]].name, v[i].name);
		    j++)
			;
		if (j == k)
			pick[k++] = i;
	}
	return k < LIST_N ? NULL : xasprintf("compare the %s, the %s and "
	    "the %s", v[pick[0]].name, v[pick[1]].name, v[pick[2]].name);
}

/* Opens the demo store in a temporary directory and the engine on it;
 * the directory in *dir (caller frees after refs_close). */
static void
refs_open(char **dir)
{
	struct sd_error	 err = SD_ERROR_INIT;
	const char	*share = seed_share();
	char		*path;

	if ((st = seed_demo("refs.db", dir, &path, &err)) == NULL ||
	    (eng = engine_open(st, share, &err)) == NULL) {
		printf("Bail out! %s\n", sd_error_msg(&err));
		exit(1);
	}
	free(path);
}

static void
refs_close(char *dir)
{
	engine_close(eng);
	store_close(st);
	tap_rmtree(dir);
	free(dir);
}

#endif
