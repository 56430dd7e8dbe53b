/*
 * ingest-product.c loads one product record: its columns, the fields that
 * become attributes (CSV columns, DummyJSON names), and the upsert that
 * leaves an unchanged row alone.
 */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "sbuf.h"
#include "store.h"
#include "ingest-int.h"

/* Product columns; other CSV columns become attributes. */
static const char *const product_fields[] = {
	"type", "sku", "name", "brand", "model", "category", "subcategory",
	"description", "price", "list_price", "currency", "rating",
	"review_count", "review_summary", "warranty", "warranty_months",
	"extended_warranty", "stock", "attrs", "tags",
};

/* --- products ------------------------------------------------------ */

static int
is_product_field(const char *s)
{
	size_t	 i;

	for (i = 0; i < sizeof product_fields / sizeof product_fields[0]; i++)
		if (strcmp(s, product_fields[i]) == 0)
			return 1;
	return 0;
}

/* Move a DummyJSON field into attrs under a plainer name. */
static void
attr_from(cJSON *rec, cJSON *attrs, const char *from, const char *to)
{
	cJSON	*it = cJSON_GetObjectItemCaseSensitive(rec, from), *d, *v;
	struct sbuf sb = SBUF_INIT;

	if (it == NULL || cJSON_GetObjectItemCaseSensitive(attrs, to) != NULL)
		return;
	if (cJSON_IsString(it) || cJSON_IsNumber(it)) {
		cJSON_AddItemToObject(attrs, to, cJSON_Duplicate(it, 0));
		return;
	}
	if (!cJSON_IsObject(it))
		return;
	/* dimensions {width, height, depth} -> "w x h x d" */
	d = it;
	cJSON_ArrayForEach(v, d) {
		if (!cJSON_IsNumber(v))
			continue;
		if (sb.len)
			sbuf_adds(&sb, " x ");
		sbuf_addf(&sb, "%g", v->valuedouble);
	}
	if (sb.len)
		cJSON_AddStringToObject(attrs, to, sb.buf);
	sbuf_release(&sb);
}

/*
 * Bring a DummyJSON product (and friends) to our field names: title ->
 * name, id -> sku, reviews -> review_count and rating, warrantyInformation
 * -> warranty, discountPercentage -> list_price, logistics -> attrs.
 * Fields already present in our names win.
 */
static void
dummyjson_map(cJSON *rec, cJSON *attrs)
{
	cJSON	*it, *r, *rv;
	double	 sum = 0, pct;
	int	 n = 0;
	char	*s;

	if (!cJSON_HasObjectItem(rec, "name") &&
	    cJSON_IsString(it = cJSON_GetObjectItemCaseSensitive(rec, "title")))
		cJSON_AddStringToObject(rec, "name", it->valuestring);
	if (!cJSON_HasObjectItem(rec, "sku") &&
	    (it = cJSON_GetObjectItemCaseSensitive(rec, "id")) != NULL) {
		if (cJSON_IsString(it))
			s = xasprintf("DJ-%s", it->valuestring);
		else if (cJSON_IsNumber(it))
			s = xasprintf("DJ-%.0f", it->valuedouble);
		else
			s = NULL;
		if (s != NULL)
			cJSON_AddStringToObject(rec, "sku", s);
		free(s);
	}
	if (cJSON_IsArray(r = cJSON_GetObjectItemCaseSensitive(rec,
	    "reviews"))) {
		cJSON_ArrayForEach(it, r) {
			rv = cJSON_GetObjectItemCaseSensitive(it, "rating");
			if (cJSON_IsNumber(rv)) {
				sum += rv->valuedouble;
				n++;
			}
		}
		if (!cJSON_HasObjectItem(rec, "review_count"))
			cJSON_AddNumberToObject(rec, "review_count",
			    cJSON_GetArraySize(r));
		if (!cJSON_HasObjectItem(rec, "rating") && n > 0)
			cJSON_AddNumberToObject(rec, "rating",
			    round(sum / n * 100) / 100);
	}
	if (!cJSON_HasObjectItem(rec, "warranty") && cJSON_IsString(it =
	    cJSON_GetObjectItemCaseSensitive(rec, "warrantyInformation")))
		cJSON_AddStringToObject(rec, "warranty", it->valuestring);
	/* DummyJSON's price is what one pays; the discount says from what. */
	if (!cJSON_HasObjectItem(rec, "list_price") && cJSON_IsNumber(it =
	    cJSON_GetObjectItemCaseSensitive(rec, "discountPercentage")) &&
	    cJSON_IsNumber(r = cJSON_GetObjectItemCaseSensitive(rec,
	    "price"))) {
		pct = it->valuedouble;
		if (pct > 0 && pct < 100 && r->valuedouble >= 0)
			cJSON_AddNumberToObject(rec, "list_price",
			    round(r->valuedouble / (1 - pct / 100) * 100) /
			    100);
	}
	attr_from(rec, attrs, "weight", "weight");
	attr_from(rec, attrs, "dimensions", "dimensions");
	attr_from(rec, attrs, "shippingInformation", "shipping");
	attr_from(rec, attrs, "returnPolicy", "return_policy");
	attr_from(rec, attrs, "availabilityStatus", "availability");
	attr_from(rec, attrs, "minimumOrderQuantity",
	    "minimum_order_quantity");
}

/* attrs from the record: an object of scalars (or lists of them). */
static enum sd_rc
product_attrs(struct ingest_ctx *c, cJSON *rec, cJSON **attrsp,
    struct sd_error *err)
{
	cJSON	*it = cJSON_GetObjectItemCaseSensitive(rec, "attrs"), *a, *v;
	cJSON	*e;
	double	 d;
	enum sd_rc rc;

	*attrsp = NULL;
	if (it != NULL && c->from_csv && cJSON_IsString(it) &&
	    *it->valuestring != '\0') {
		if (ingest_json_nul(it->valuestring, strlen(it->valuestring)) <
		    strlen(it->valuestring))
			return sd_fail(err, SD_ERR_INVALID, "\"attrs\": "
			    "\"\\u0000\" (NUL) in a string; text may not "
			    "contain NUL");
		if ((a = cJSON_Parse(it->valuestring)) == NULL ||
		    !cJSON_IsObject(a)) {
			cJSON_Delete(a);
			return sd_fail(err, SD_ERR_INVALID, "\"attrs\" must be "
			    "a JSON object");
		}
	} else if (it == NULL || cJSON_IsNull(it) || (c->from_csv &&
	    cJSON_IsString(it)))
		a = cJSON_CreateObject();
	else if (cJSON_IsObject(it))
		a = cJSON_Duplicate(it, 1);
	else
		return sd_fail(err, SD_ERR_INVALID,
		    "\"attrs\" must be an object");
	cJSON_ArrayForEach(v, a) {
		if (cJSON_IsString(v) || cJSON_IsNumber(v) || cJSON_IsBool(v) ||
		    cJSON_IsNull(v))
			continue;
		if (cJSON_IsArray(v)) {
			cJSON_ArrayForEach(e, v)
				if (!cJSON_IsString(e) && !cJSON_IsNumber(e))
					goto bad;
			continue;
		}
bad:
		/* v belongs to a: name it before a goes. */
		rc = sd_fail(err, SD_ERR_INVALID, "attrs \"%s\" must be a "
		    "string, a number or a list of them", v->string);
		cJSON_Delete(a);
		return rc;
	}
	if (c->from_csv) {
		/* Columns we do not know are specifications. */
		cJSON_ArrayForEach(v, rec) {
			if (is_product_field(v->string) ||
			    !cJSON_IsString(v) || *v->valuestring == '\0' ||
			    cJSON_HasObjectItem(a, v->string))
				continue;
			if (ingest_plain_decimal(v->valuestring, &d))
				cJSON_AddNumberToObject(a, v->string, d);
			else
				cJSON_AddStringToObject(a, v->string,
				    v->valuestring);
		}
	} else
		dummyjson_map(rec, a);
	*attrsp = a;
	return SD_OK;
}

static const char product_upsert[] =
    "INSERT INTO products(sku, name, brand, model, category, subcategory,"
    " description, price, list_price, currency, rating, review_count,"
    " review_summary, warranty, warranty_months, extended_warranty, stock,"
    " attrs, tags, source, created_at, updated_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
    " ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?21)"
    " ON CONFLICT(sku) DO UPDATE SET name = excluded.name,"
    " brand = excluded.brand, model = excluded.model,"
    " category = excluded.category, subcategory = excluded.subcategory,"
    " description = excluded.description, price = excluded.price,"
    " list_price = excluded.list_price, currency = excluded.currency,"
    " rating = excluded.rating, review_count = excluded.review_count,"
    " review_summary = excluded.review_summary,"
    " warranty = excluded.warranty,"
    " warranty_months = excluded.warranty_months,"
    " extended_warranty = excluded.extended_warranty,"
    " stock = excluded.stock, attrs = excluded.attrs,"
    " tags = excluded.tags, source = excluded.source,"
    " updated_at = excluded.updated_at"
    " WHERE products.name IS NOT excluded.name"
    " OR products.brand IS NOT excluded.brand"
    " OR products.model IS NOT excluded.model"
    " OR products.category IS NOT excluded.category"
    " OR products.subcategory IS NOT excluded.subcategory"
    " OR products.description IS NOT excluded.description"
    " OR products.price IS NOT excluded.price"
    " OR products.list_price IS NOT excluded.list_price"
    " OR products.currency IS NOT excluded.currency"
    " OR products.rating IS NOT excluded.rating"
    " OR products.review_count IS NOT excluded.review_count"
    " OR products.review_summary IS NOT excluded.review_summary"
    " OR products.warranty IS NOT excluded.warranty"
    " OR products.warranty_months IS NOT excluded.warranty_months"
    " OR products.extended_warranty IS NOT excluded.extended_warranty"
    " OR products.stock IS NOT excluded.stock"
    " OR products.attrs IS NOT excluded.attrs"
    " OR products.tags IS NOT excluded.tags";

enum sd_rc
ingest_load_product(struct ingest_ctx *c, cJSON *rec, struct sd_error *err)
{
	const char	*sku, *name, *brand, *model, *cat, *sub, *desc, *cur;
	const char	*rsum, *war, *ext;
	double		 price = 0, list = 0, rating = 0;
	long long	 nrev = 0, wmonths = 0, stock = 0;
	int		 hp, hl, hr, hn, hw, hs, what;
	cJSON		*attrs = NULL;
	char		*attrs_txt = NULL;
	struct sbuf	 tags = SBUF_INIT;
	sqlite3_stmt	*s;
	enum sd_rc	 rc;

	c->stats->products++;
	if ((rc = product_attrs(c, rec, &attrs, err)) != SD_OK)
		goto out;
	if ((rc = ingest_get_sku(rec, "sku", 1, &sku, err)) != SD_OK ||
	    (rc = ingest_seen_once(c, 'p', "SKU", sku, err)) != SD_OK)
		goto out;
	if ((rc = ingest_get_str(rec, "name", 1, &name, err)) != SD_OK ||
	    (rc = ingest_get_str(rec, "brand", 0, &brand, err)) != SD_OK ||
	    (rc = ingest_get_str(rec, "model", 0, &model, err)) != SD_OK ||
	    (rc = ingest_get_str(rec, "category", 1, &cat, err)) != SD_OK ||
	    (rc = ingest_get_str(rec, "subcategory", 0, &sub, err)) != SD_OK ||
	    (rc = ingest_get_str(rec, "description", 0, &desc, err)) != SD_OK ||
	    (rc = ingest_get_range(c, rec, "price", 1, 0, -1, &price, &hp,
	    err)) != SD_OK ||
	    (rc = ingest_get_range(c, rec, "list_price", 0, 0, -1, &list, &hl,
	    err)) != SD_OK ||
	    (rc = ingest_get_str(rec, "currency", 0, &cur, err)) != SD_OK ||
	    (rc = ingest_get_range(c, rec, "rating", 0, 0, 5, &rating, &hr,
	    err)) != SD_OK ||
	    (rc = ingest_get_int(c, rec, "review_count", 0, 0, &nrev, &hn,
	    err)) != SD_OK ||
	    (rc = ingest_get_str(rec, "review_summary", 0, &rsum,
	    err)) != SD_OK ||
	    (rc = ingest_get_str(rec, "warranty", 0, &war, err)) != SD_OK ||
	    (rc = ingest_get_int(c, rec, "warranty_months", 0, 0, &wmonths, &hw,
	    err)) != SD_OK ||
	    (rc = ingest_get_str(rec, "extended_warranty", 0, &ext,
	    err)) != SD_OK ||
	    (rc = ingest_get_int(c, rec, "stock", 0, 0, &stock, &hs,
	    err)) != SD_OK ||
	    (rc = ingest_get_tags(rec, &tags, err)) != SD_OK) {
		sd_error_prefix(err, "product \"%s\": ", sku);
		goto out;
	}
	if (cur != NULL && (strlen(cur) != 3 || cur[0] < 'A' || cur[0] > 'Z' ||
	    cur[1] < 'A' || cur[1] > 'Z' || cur[2] < 'A' || cur[2] > 'Z')) {
		rc = sd_fail(err, SD_ERR_INVALID, "product \"%s\": "
		    "\"currency\" must be a code like USD, not \"%s\"", sku,
		    cur);
		goto out;
	}
	if (c->check) {
		rc = SD_OK;
		goto out;
	}
	attrs_txt = cJSON_PrintUnformatted(attrs);
	if ((s = store_prepare(c->st, product_upsert, err)) == NULL) {
		rc = SD_ERR_DB;
		goto out;
	}
	ingest_bind_str(s, 1, sku);
	ingest_bind_str(s, 2, name);
	ingest_bind_str(s, 3, brand);
	ingest_bind_str(s, 4, model);
	ingest_bind_str(s, 5, cat);
	ingest_bind_str(s, 6, sub);
	ingest_bind_str(s, 7, desc != NULL ? desc : "");
	sqlite3_bind_double(s, 8, price);
	ingest_bind_num(s, 9, hl, list);
	ingest_bind_str(s, 10, cur != NULL ? cur : "USD");
	ingest_bind_num(s, 11, hr, rating);
	sqlite3_bind_int64(s, 12, nrev);
	ingest_bind_str(s, 13, rsum);
	ingest_bind_str(s, 14, war);
	if (hw)
		sqlite3_bind_int64(s, 15, wmonths);
	ingest_bind_str(s, 16, ext);
	sqlite3_bind_int64(s, 17, stock);
	ingest_bind_str(s, 18, attrs_txt);
	ingest_bind_str(s, 19, tags.buf);
	ingest_bind_str(s, 20, c->path);
	ingest_bind_str(s, 21, c->now);
	if ((what = ingest_step_upsert(c->st, s)) < 0) {
		rc = ingest_db_fail(c, err, "product", sku);
		goto out;
	}
	ingest_count(c, what);
	rc = SD_OK;
out:
	free(attrs_txt);
	cJSON_Delete(attrs);
	sbuf_release(&tags);
	return rc;
}
