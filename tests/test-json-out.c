/*
 * Unit tests for json-out.c: json_out prints what cJSON_PrintUnformatted
 * prints, byte for byte, for numbers of every size and precision,
 * strings with every byte, and nested containers.
 */
#include "config.h"

#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "json-out.h"
#include "tap.h"

static uint64_t seed = 88172645463325252ULL;

static uint64_t
next(void)
{
	seed ^= seed << 13;
	seed ^= seed >> 7;
	seed ^= seed << 17;
	return seed;
}

/* Does json_out_str print item as cJSON does? */
static int
same(const cJSON *item)
{
	char	*a = cJSON_PrintUnformatted(item), *b = json_out_str(item);
	int	 ok = (a == NULL && b == NULL) ||
		    (a != NULL && b != NULL && strcmp(a, b) == 0);

	if (!ok)
		diag("cJSON %s, json_out %s", a ? a : "NULL", b ? b : "NULL");
	free(a);
	free(b);
	return ok;
}

int
main(void)
{
	static const double fixed[] = { 0, -0.0, 1, -1, 0.5, 0.1, 0.1 + 0.2,
	    1.0 / 3, 2.0 / 3, 1e-7, 123456789.125, 2147483647.0,
	    2147483648.0, -2147483648.0, -2147483649.0, 3e9, 1e21, 1e300,
	    5e-324, DBL_MAX, -DBL_MIN, 0.9983, 0.47000000000000025,
	    0.998989701271057, 8.28424253995763e-06, 1299.99, 99.5, 1e-4,
	    -1e-4, 0.99999e-4, 0.00012, 999999999.5, 999999999.999999,
	    123456789.123456, 12345678.1234567, 0.000123456, -0.25,
	    1e9 - 0.5, 1e9 + 0.5, 0.1 * 3, 4.35, 4.35 * 100 / 100 };
	cJSON	*o, *a, *x;
	char	 s[256];
	size_t	 i, bad = 0;
	int	 k;
	union { uint64_t u; double d; } r;

	for (i = 0; i < sizeof fixed / sizeof fixed[0]; i++) {
		x = cJSON_CreateNumber(fixed[i]);
		bad += !same(x);
		cJSON_Delete(x);
	}
	ok(bad == 0, "chosen numbers print as cJSON prints them");
	for (i = bad = 0; i < 20000; i++) {
		switch (i % 5) {
		case 0:		/* any bit pattern */
			r.u = next();
			break;
		case 4:		/* 1 to 7 decimals, any size, either sign */
			r.d = (double)(next() % 100000000000ULL) /
			    pow(10, (double)(next() % 8)) *
			    ((next() & 1) ? -1 : 1);
			break;
		case 1:		/* a score rounded to 4 places */
			r.d = round((double)(next() % 100000000) / 1e4) / 1e4;
			break;
		case 2:		/* a price in cents */
			r.d = (double)(next() % 1000000) / 100;
			break;
		default:	/* a probability */
			r.d = (double)(next() >> 11) / (double)(1ULL << 53);
		}
		x = cJSON_CreateNumber(r.d);
		bad += !same(x);
		cJSON_Delete(x);
	}
	is_int((long long)bad, 0, "20,000 random numbers print as cJSON's");
	x = cJSON_CreateNumber(NAN);
	a = cJSON_CreateNumber(INFINITY);
	ok(same(x) && same(a), "NaN and infinity print null, as cJSON's");
	cJSON_Delete(x);
	cJSON_Delete(a);

	for (k = 1, bad = 0; k < 256; k++) {
		s[0] = 'a';
		s[1] = (char)k;
		s[2] = 'z';
		s[3] = '\0';
		x = cJSON_CreateString(s);
		bad += !same(x);
		cJSON_Delete(x);
	}
	is_int((long long)bad, 0, "every byte in a string escapes as cJSON's");

	o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "text", "say \"hi\"\\\n\t\x01 caf\xc3\xa9");
	cJSON_AddNumberToObject(o, "n", 0.25);
	cJSON_AddNullToObject(o, "nothing");
	cJSON_AddBoolToObject(o, "yes", 1);
	cJSON_AddBoolToObject(o, "no", 0);
	cJSON_AddObjectToObject(o, "empty");
	a = cJSON_AddArrayToObject(o, "list");
	cJSON_AddItemToArray(a, cJSON_CreateArray());
	cJSON_AddItemToArray(a, cJSON_CreateNumber(7));
	cJSON_AddItemToArray(a, cJSON_CreateString(""));
	cJSON_AddItemToArray(a, cJSON_CreateRaw("{\"raw\":1}"));
	cJSON_AddItemToObject(o, "key \"quoted\"\x02", cJSON_CreateTrue());
	ok(same(o), "nested object prints as cJSON's");
	x = cJSON_CreateString("x");
	free(x->valuestring);
	x->valuestring = NULL;
	ok(same(x), "a string without text prints \"\", as cJSON's");
	cJSON_AddItemToArray(a, x);
	ok(same(o), "...inside a container too");
	x = cJSON_CreateRaw("1");
	free(x->valuestring);
	x->valuestring = NULL;
	cJSON_AddItemToArray(a, x);
	ok(same(o) && json_out_str(o) == NULL,
	    "a raw item without text prints nothing, as cJSON's");
	cJSON_Delete(o);
	ok(json_out_str(NULL) == NULL, "no item prints nothing");
	done_testing();
	return 0;
}
