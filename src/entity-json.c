/*
 * entity-json.c writes an extracted entity out, for the API and the
 * trace: its fields in a fixed order, as JSON text (entity_to_json) or as
 * a cJSON object (entity_json), and amounts as the store prints them
 * (entity_fmt_num: 1500, 1499.99).
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "sbuf.h"
#include "entity.h"
#include "entity-run.h"

/* Trim a number for display: 1500, 1499.99. */
void
entity_fmt_num(char *buf, size_t n, double v)
{
	size_t	 len;

	snprintf(buf, n, "%.2f", v);
	len = strlen(buf);
	while (len > 0 && buf[len - 1] == '0')
		buf[--len] = '\0';
	if (len > 0 && buf[len - 1] == '.')
		buf[--len] = '\0';
}

/*
 * The fields of an entity, in order, for its two forms: JSON text
 * (entity_to_json) and a cJSON object (entity_json, for the trace).
 * Strings that are NULL are left out, except the value, always there.
 */
struct entity_out {
	void	(*str)(void *, const char *key, const char *v);
	void	(*integer)(void *, const char *key, long long v);
	void	(*amount)(void *, const char *key, double v);	/* cents */
	void	(*flag)(void *, const char *key);		/* true */
	void	 *arg;
};

static void
entity_fields(const struct entity *e, const struct entity_out *o)
{
	o->str(o->arg, "type", entity_type_name(e->type));
	o->str(o->arg, "value", e->value != NULL ? e->value : "");
	o->integer(o->arg, "start", (long long)e->start);
	o->integer(o->arg, "end", (long long)e->end);
	o->str(o->arg, "extractor", entity_extractor_name(e->extractor));
	if (e->extractor == EXTRACTOR_FUZZY)
		o->integer(o->arg, "distance", e->distance);
	if (e->pair > 0)
		o->integer(o->arg, "pair", e->pair);
	switch (e->type) {
	case ENTITY_PRICE:
		if (e->has_min)
			o->amount(o->arg, "min", e->min);
		if (e->has_max)
			o->amount(o->arg, "max", e->max);
		o->str(o->arg, "currency", e->currency);
		break;
	case ENTITY_PRODUCT:
		if (e->product_id != 0) {
			o->integer(o->arg, "product_id", e->product_id);
			o->str(o->arg, "sku", e->sku);
			o->str(o->arg, "name", e->name);
		} else if (e->matches == 0) {
			o->flag(o->arg, "unknown");	/* not in the catalog */
		} else {
			o->flag(o->arg, "family");
			o->integer(o->arg, "matches", e->matches);
		}
		o->str(o->arg, "brand", e->brand);
		break;
	case ENTITY_BRAND:
		o->str(o->arg, "brand", e->brand);
		break;
	case ENTITY_CATEGORY:
		o->str(o->arg, "category", e->category);
		o->str(o->arg, "use", e->use);
		o->str(o->arg, "subcategory", e->subcategory);
		break;
	case ENTITY_ATTRIBUTE:
		o->str(o->arg, "attribute", e->attribute);
		break;
	case ENTITY_QUANTITY:
		o->integer(o->arg, "number", e->number);
		break;
	case ENTITY_DATE:
		o->str(o->arg, "date", e->value);
		break;
	case ENTITY_ORDER_ID:
	case ENTITY_EMAIL:
		break;
	}
}

/* JSON text: the sbuf, after "{" and each field a ",". */
static void
text_key(struct sbuf *sb, const char *key)
{
	if (sb->buf[sb->len - 1] != '{')
		sbuf_addc(sb, ',');
	sbuf_addf(sb, "\"%s\":", key);
}

static void
text_str(void *arg, const char *key, const char *v)
{
	if (v == NULL)
		return;
	text_key(arg, key);
	sbuf_add_json_str(arg, v, strlen(v));
}

static void
text_integer(void *arg, const char *key, long long v)
{
	text_key(arg, key);
	sbuf_addf(arg, "%lld", v);
}

static void
text_amount(void *arg, const char *key, double v)
{
	char	 buf[32];

	entity_fmt_num(buf, sizeof buf, v);
	text_key(arg, key);
	sbuf_adds(arg, buf);
}

static void
text_flag(void *arg, const char *key)
{
	text_key(arg, key);
	sbuf_adds(arg, "true");
}

void
entity_to_json(const struct entity *e, struct sbuf *sb)
{
	static const struct entity_out o = { text_str, text_integer,
	    text_amount, text_flag, NULL };
	struct entity_out out = o;

	out.arg = sb;
	sbuf_addc(sb, '{');
	entity_fields(e, &out);
	sbuf_addc(sb, '}');
}

static void
cj_str(void *arg, const char *key, const char *v)
{
	if (v != NULL)
		cJSON_AddStringToObject(arg, key, v);
}

static void
cj_integer(void *arg, const char *key, long long v)
{
	cJSON_AddNumberToObject(arg, key, (double)v);
}

/* Cents, as entity_to_json prints them. */
static void
cj_amount(void *arg, const char *key, double v)
{
	cJSON_AddNumberToObject(arg, key, round(v * 100) / 100);
}

static void
cj_flag(void *arg, const char *key)
{
	cJSON_AddTrueToObject(arg, key);
}

cJSON *
entity_json(const struct entity *e)
{
	static const struct entity_out o = { cj_str, cj_integer, cj_amount,
	    cj_flag, NULL };
	struct entity_out out = o;

	out.arg = cJSON_CreateObject();
	entity_fields(e, &out);
	return out.arg;
}
