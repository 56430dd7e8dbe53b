/*
 * apikey.h: API keys for the HTTP API.  A key is shown once when created;
 * the store keeps only its SHA-256, and the sessions each key opened, so
 * that a key is shown its own conversations and no one else's.
 */
#ifndef APIKEY_H
#define APIKEY_H

#include <stddef.h>

#include "shopdesk.h"

struct store;

/* n bytes from the kernel's random source (getrandom, /dev/urandom). */
enum sd_rc	 apikey_random(unsigned char *, size_t, struct sd_error *);

/* A stored key, without the key itself. */
struct apikey_info {
	long long	 id;
	char		*name;
	char		*prefix;	/* the first characters, to recognise it */
	char		*created_at;
	char		*revoked_at;	/* NULL while valid */
	int		 admin;		/* sees every key's analytics */
	char		*agent;		/* acts as this agent, or NULL */
};
void		 apikey_info_release(struct apikey_info *);

/*
 * Create a key named name (may be empty), an admin key when admin is
 * set: *key gets the secret (caller frees; shown once, not stored) and
 * *id its row id.
 */
enum sd_rc	 apikey_create(struct store *, const char *name, int admin,
		    char **key, long long *id, struct sd_error *);
/* Every key, oldest first; caller releases each and frees the array. */
enum sd_rc	 apikey_list(struct store *, struct apikey_info **out,
		    size_t *n, struct sd_error *);
/* Revoke key id: SD_ERR_NOTFOUND if there is none, SD_ERR_INVALID if it
 * was revoked already. */
enum sd_rc	 apikey_revoke(struct store *, long long id, struct sd_error *);

/*
 * The id of the valid (unrevoked) key whose secret is key[0..n), or 0
 * when there is none; -1 on a database error (err set).
 */
long long	 apikey_lookup(struct store *, const char *key, size_t n,
		    struct sd_error *);

/*
 * Whether key id is an admin key: *admin gets 1 or 0 (0 for a key
 * that does not exist).  SD_ERR_DB on a database error.
 */
enum sd_rc	 apikey_is_admin(struct store *, long long id, int *admin,
		    struct sd_error *);

/*
 * Give key id the agent role, acting as agent (NULL: no role).
 * SD_ERR_NOTFOUND when there is no such key.
 */
enum sd_rc	 apikey_set_agent(struct store *, long long id,
		    const char *agent, struct sd_error *);
/*
 * The agent key id acts as: *agent gets the name (caller frees), or
 * NULL for a key without the agent role.
 */
enum sd_rc	 apikey_agent(struct store *, long long id, char **agent,
		    struct sd_error *);
/*
 * Record that key_id (0: no key, the server runs without auth) opened
 * session_id.  Call inside the transaction that creates the session.
 */
enum sd_rc	 apikey_session_claim(struct store *, const char *session_id,
		    long long key_id, struct sd_error *);
/*
 * Whether key_id may see session_id: SD_OK if the session exists and
 * (when key_id > 0) was opened with that key; SD_ERR_NOTFOUND otherwise,
 * so that a key cannot tell another key's session from a missing one.
 * key_id 0 means no auth: every session is visible.  *user_id, when
 * user_id is not NULL, gets the session's user (caller frees; NULL for an
 * anonymous session).
 */
enum sd_rc	 apikey_session_check(struct store *, const char *session_id,
		    long long key_id, char **user_id, struct sd_error *);

/*
 * Let key_id see session_id when no key opened it (a proactive message's
 * session): *ok is 1 when the key may see it now, 0 when another key
 * opened it.
 */
enum sd_rc	 apikey_session_adopt(struct store *, const char *session_id,
		    long long key_id, int *ok, struct sd_error *);

#endif
