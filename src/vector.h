/*
 * vector.h: semantic retrieval.  Embeddings of products and document
 * chunks live in the embeddings table (one BLOB of little-endian floats
 * per row, with the model that made it); an in-memory index answers
 * nearest-neighbour queries by cosine similarity, exactly or through an
 * int8-quantised scan rescored in full precision; and a fusion helper
 * merges those ranks with BM25's (reciprocal rank fusion).
 */
#ifndef VECTOR_H
#define VECTOR_H

#include <stddef.h>

#include "shopdesk.h"
#include "search.h"

struct store;
struct llm;

/* What an embedding belongs to. */
enum vec_kind {
	VEC_PRODUCT = 0,	/* products.id */
	VEC_CHUNK = 1,		/* chunks.id */
};
const char	*vec_kind_name(enum vec_kind);

struct vec_hit {
	enum vec_kind	 kind;
	long long	 rowid;
	float		 score;		/* cosine similarity, -1..1 */
};

/* The index: unit vectors of one dimension, in memory. */
struct vec_index;

struct vec_index *vec_index_new(int dim);
void		 vec_index_free(struct vec_index *);
int		 vec_index_dim(const struct vec_index *);
size_t		 vec_index_size(const struct vec_index *);
/* Add one vector (normalised on the way in; a zero vector is skipped). */
void		 vec_index_add(struct vec_index *, enum vec_kind, long long,
		    const float *);

enum vec_mode {
	VEC_EXACT,	/* float dot product with every vector */
	VEC_FAST,	/* int8 scan, then float rescoring of a shortlist */
};

/*
 * The k best vectors for q (need not be normalised), best first, in
 * out (room for k).  kinds is a mask of 1 << enum vec_kind (0: all).
 * Returns how many were written.
 */
size_t		 vec_index_search(const struct vec_index *, const float *q,
		    unsigned kinds, size_t k, enum vec_mode, struct vec_hit *out);

/*
 * Storage.  vec_store_put replaces the row's embedding; text_hash (of
 * the text embedded) lets vec_pending find rows whose text changed.
 */
enum sd_rc	 vec_store_put(struct store *, enum vec_kind, long long rowid,
		    const char *model, const float *, int dim,
		    const char *text_hash, struct sd_error *);
/* Load every embedding made by model into a new index (*out). */
enum sd_rc	 vec_index_load(struct store *, const char *model,
		    struct vec_index **out, struct sd_error *);

/* A row that needs an embedding. */
struct vec_item {
	enum vec_kind	 kind;
	long long	 rowid;
	char		*text;		/* what to embed */
	char		*hash;		/* its hash, for vec_store_put */
};
void		 vec_items_free(struct vec_item *, size_t);
/*
 * Up to limit rows of products and chunks without an embedding by model
 * (or whose text changed since).  Caller frees with vec_items_free.
 */
enum sd_rc	 vec_pending(struct store *, const char *model, size_t limit,
		    struct vec_item **, size_t *, struct sd_error *);
/* How many rows need an embedding, and how many have one. */
enum sd_rc	 vec_counts(struct store *, const char *model,
		    long long *pending, long long *done, struct sd_error *);

/*
 * Embed pending rows through the server, batch rows per request, each
 * batch in its own transaction (an interrupted run keeps what it did).
 * progress (may be NULL) sees done/total after each batch.  *embedded
 * gets the number of rows written.
 */
enum sd_rc	 vec_embed_pending(struct store *, struct llm *,
		    const char *model, size_t batch,
		    void (*progress)(void *, long long, long long), void *,
		    long long *embedded, struct sd_error *);

/*
 * Reciprocal rank fusion of two ranked lists of the same kind of items.
 * Each item's fused score is (1 - w) / (k0 + rank_a) + w / (k0 + rank_b),
 * ranks from 1, a missing item contributing nothing; so an item with no
 * embedding keeps its BM25 share and still ranks.  w is the weight of the
 * vector list (0: BM25 only, 1: vectors only); k0 is usually 60.
 */
struct vec_fused {
	enum vec_kind	 kind;
	long long	 rowid;
	double		 score;
	int		 rank_a;	/* 0: not in list a */
	int		 rank_b;
};
size_t		 vec_fuse(const struct vec_hit *a, size_t na,
		    const struct vec_hit *b, size_t nb, double w, double k0,
		    struct vec_fused *out, size_t max);

/*
 * Hybrid retrieval (vsearch.c): BM25 through search_run fused with the
 * vector index by vec_fuse, for one store, embedder and model.  The index
 * is loaded on first use and reloaded when the model's embeddings change.
 */
struct vec_retriever;

/* llm is not owned; weight is vector_weight (0: BM25 only). */
struct vec_retriever *vec_retriever_new(struct store *, struct llm *,
		    const char *model, double weight);
void		 vec_retriever_free(struct vec_retriever *);
/*
 * Set the vector list's weight in the fusion (clamped to 0 .. 1) and
 * return the one it had: an A/B arm's blend, for one turn.
 */
double		 vec_retriever_set_weight(struct vec_retriever *, double);
/* (Re)load the index if the model's embeddings changed. */
enum sd_rc	 vec_retriever_refresh(struct vec_retriever *,
		    struct sd_error *);
/* Embeddings in the index (loading it first); 0 on a load error. */
size_t		 vec_retriever_size(struct vec_retriever *, struct sd_error *);
/* Why the last vec_search used BM25 only, or NULL when it fused. */
const char	*vec_retriever_error(const struct vec_retriever *);

/* How a fused hit ranked in each list (ranks from 1; 0: absent). */
struct vec_rank {
	int		 bm25_rank;
	double		 bm25_score;
	int		 vector_rank;
	double		 vector_score;	/* cosine similarity */
	double		 fused;		/* the RRF score (0: not fused) */
};

/*
 * search_run's contract, with vectors: res gets the q->limit best hits
 * of the fused list (hit.score is then the fused score; products found
 * only by their vector pass q's filters, documents only by theirs keep
 * q's kinds).  Without embeddings, a zero weight or a failing embedder
 * the result is search_run's own and vec_retriever_error says why; that
 * is not an error.  *ranks (may be NULL) gets an array parallel to
 * res->hits (caller frees).
 */
enum sd_rc	 vec_search(struct vec_retriever *, const struct search_query *,
		    struct search_result *, struct vec_rank **,
		    struct sd_error *);

#endif
