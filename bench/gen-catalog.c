/*
 * gen-catalog: print N synthetic products as JSON Lines for
 * bench/bench-ingest.sh.  Deterministic (a fixed LCG), so runs compare.
 * usage: gen-catalog [N] [SEED]
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

static unsigned long long rng;

static unsigned
next(unsigned n)
{
	rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)((rng >> 33) % n);
}

int
main(int argc, char **argv)
{
	static const char *const brands[] = { "Acer", "ASUS", "Dell", "HP",
	    "Lenovo", "MSI", "Apple", "Samsung", "Sony", "Logitech" };
	static const char *const cats[] = { "laptops", "phones", "tablets",
	    "headphones", "monitors", "keyboards", "mice", "cameras" };
	static const char *const subs[] = { "gaming", "everyday", "business",
	    "creator", "budget" };
	static const char *const words[] = { "fast", "light", "quiet",
	    "bright", "durable", "compact", "wireless", "premium", "slim",
	    "long battery life", "great value", "sharp display" };
	long		 n = argc > 1 ? atol(argv[1]) : 100000, i;
	unsigned	 b, c, s;

	rng = argc > 2 ? strtoull(argv[2], NULL, 10) : 42;
	for (i = 1; i <= n; i++) {
		b = next(10);
		c = next(8);
		s = next(5);
		printf("{\"sku\":\"BENCH-%06ld\",\"name\":\"%s %s %ld\","
		    "\"brand\":\"%s\",\"category\":\"%s\","
		    "\"subcategory\":\"%s\",\"description\":\"A %s, %s and "
		    "%s %s from %s, model %ld.\",\"price\":%u.%02u,"
		    "\"rating\":%u.%u,\"review_count\":%u,\"stock\":%u,"
		    "\"warranty_months\":%u,\"attrs\":{\"ram_gb\":%u,"
		    "\"storage\":\"%u GB SSD\",\"color\":\"%s\"},"
		    "\"tags\":[\"%s\",\"%s\"]}\n",
		    i, brands[b], subs[s], i, brands[b], cats[c], subs[s],
		    words[next(12)], words[next(12)], words[next(12)],
		    cats[c], brands[b], i, 10 + next(3000), next(100),
		    next(5), next(10), next(5000), next(200),
		    12 * (1 + next(3)), 4u << next(5), 128u << next(5),
		    next(2) ? "black" : "silver", subs[s], cats[c]);
	}
	return 0;
}
