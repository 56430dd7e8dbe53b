# search-catalog.awk: a deterministic synthetic catalog for search
# benchmarks.  awk -v n=100000 -v out=products.jsonl -v queries=q.jsonl
# writes n products (shopdesk's product fields, JSON Lines) and 300 shopper
# queries over them (plain, brand + type, typos, synonyms, price phrases).
# The same n always gives the same files: a fixed linear congruential
# generator, not awk's rand().
# Park-Miller: every product fits a double exactly, so any awk agrees.
function rnd(m) { seed = (seed * 16807) % 2147483647; return seed % m }
function pick(a, n) { return a[rnd(n) + 1] }
function typo(w,   i) {
	if (length(w) < 5) return w
	i = 2 + rnd(length(w) - 2)
	return substr(w, 1, i - 1) substr(w, i + 1)	# drop one letter
}
BEGIN {
	seed = 42
	if (n == "") n = 100000
	nb = split("acme nordica zentek lumina orbis kestrel valora brightline " \
	    "corvex halden maruto pexlo quorra sundial tervo ulmix veridian " \
	    "wexford yarrow zephyr aurora basalt cobalt delmar ember falcon " \
	    "granite harbor ionic juniper", B, " ")
	nt = split("laptop smartphone tablet headphones speaker monitor keyboard " \
	    "mouse camera sofa chair desk lamp mattress blender kettle toaster " \
	    "sneakers boots jacket backpack watch sunglasses perfume lipstick " \
	    "blanket pillow router printer charger", T, " ")
	split("laptops smartphones tablets audio audio monitors accessories " \
	    "accessories cameras furniture furniture furniture lighting " \
	    "furniture kitchen kitchen kitchen shoes shoes clothing bags " \
	    "watches eyewear fragrances beauty home home networking office " \
	    "accessories", C, " ")
	na = split("compact premium wireless portable ergonomic classic slim " \
	    "rugged lightweight smart silent deluxe modern vintage pro ultra", A, " ")
	nc = split("black white silver red blue green grey gold", K, " ")
	# Model names from syllables give the vocabulary the long tail of a
	# real catalog (some 16,000 distinct words), which the typo scan walks.
	ny = split("ka to ri ve lo max ne ur sa pi do len qui bra tor ex mi " \
	    "zu fa rel gon ti ar ces vo", Y, " ")
	nf = split("long battery life|fast charging|soft fabric|steel frame|" \
	    "water resistant|two year warranty|easy to clean|quiet motor|" \
	    "high resolution|noise cancelling|bluetooth 5|recycled materials", F, "|")
	for (i = 1; i <= n; i++) {
		t = rnd(nt) + 1
		b = pick(B, nb); a = pick(A, na); c = pick(K, nc)
		m = pick(Y, ny) pick(Y, ny) pick(Y, ny)
		name = sprintf("%s %s %s %s %s %d", toupper(substr(b, 1, 1)) \
		    substr(b, 2), toupper(substr(m, 1, 1)) substr(m, 2), a, c,
		    T[t], 100 + rnd(900))
		price = 5 + rnd(300000) / 100
		printf("{\"sku\":\"GEN-%06d\",\"name\":\"%s\",\"brand\":\"%s\"," \
		    "\"category\":\"%s\",\"description\":\"A %s %s %s with %s and " \
		    "%s, made by %s.\",\"price\":%.2f,\"currency\":\"USD\"," \
		    "\"stock\":%d,\"tags\":[\"%s\",\"%s\"]}\n", i, name, b, C[t],
		    a, c, T[t], pick(F, nf), pick(F, nf), b, price, rnd(50),
		    T[t], a) > out
	}
	if (queries == "") exit
	split("couch|cellphone|earbuds|notebook|trainers|telly|purse|shades", S, "|")
	for (i = 1; i <= 300; i++) {
		k = i % 5; t = rnd(nt) + 1
		if (k == 0) q = T[t]
		else if (k == 1) q = pick(B, nb) " " T[t]
		else if (k == 2) q = typo(pick(B, nb)) " " typo(T[t])
		else if (k == 3) q = S[rnd(8) + 1] " " pick(K, nc)
		else q = pick(A, na) " " T[t] " under " (50 + rnd(20) * 50)
		printf("{\"qid\":\"G%03d\",\"query\":\"%s\"}\n", i, q) > queries
	}
}
