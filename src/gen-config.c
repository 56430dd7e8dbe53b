/*
 * gen-config.c: the generator's settings.  Defaults, then the settings
 * file ("key = value" lines, # comments; ~/.config/shopdesk/config or
 * $SHOPDESK_CONFIG), then the environment (SHOPDESK_GENERATOR,
 * SHOPDESK_LLM_URL, SHOPDESK_LLM_MODEL, SHOPDESK_LLM_API_KEY: the key is
 * read from the environment only), then the command line's options.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "generate.h"
#include "llm.h"
#include "sbuf.h"

const char *
gen_mode_name(enum gen_mode m)
{
	switch (m) {
	case GEN_TEMPLATE:
		return "template";
	case GEN_LLM:
		return "llm";
	case GEN_AUTO:
		return "auto";
	}
	return "?";
}

int
gen_mode_parse(const char *s, enum gen_mode *m)
{
	if (strcmp(s, "template") == 0)
		*m = GEN_TEMPLATE;
	else if (strcmp(s, "llm") == 0)
		*m = GEN_LLM;
	else if (strcmp(s, "auto") == 0)
		*m = GEN_AUTO;
	else
		return -1;
	return 0;
}

/* Settings. */

void
gen_config_init(struct gen_config *c)
{
	struct llm_config l = LLM_CONFIG_INIT;

	memset(c, 0, sizeof *c);
	c->mode = GEN_AUTO;
	c->vector_weight = 0.5;
	c->llm = l;
}

void
gen_config_release(struct gen_config *c)
{
	free(c->url);
	free(c->model);
	free(c->embed_model);
	if (c->api_key != NULL) {
		memset(c->api_key, 0, strlen(c->api_key));
		free(c->api_key);
	}
	c->url = c->model = c->embed_model = c->api_key = NULL;
}

static void
set_str(char **dst, const char *v)
{
	free(*dst);
	*dst = *v != '\0' ? xstrdup(v) : NULL;
}

static int
parse_long(const char *v, long lo, long hi, long *out)
{
	char	*end;
	long	 n;

	errno = 0;
	n = strtol(v, &end, 10);
	if (errno != 0 || end == v || *end != '\0' || n < lo || n > hi)
		return -1;
	*out = n;
	return 0;
}

/* One "key = value" setting; message without the location on failure. */
static enum sd_rc
config_set(struct gen_config *c, const char *key, const char *v,
    struct sd_error *err)
{
	long	 n;
	double	 d;
	char	*end;

	if (strcmp(key, "generator") == 0) {
		if (gen_mode_parse(v, &c->mode) != 0)
			return sd_fail(err, SD_ERR_INVALID, "generator \"%s\": "
			    "expected template, llm or auto", v);
	} else if (strcmp(key, "llm_url") == 0)
		set_str(&c->url, v);
	else if (strcmp(key, "llm_model") == 0)
		set_str(&c->model, v);
	else if (strcmp(key, "llm_embed_model") == 0)
		set_str(&c->embed_model, v);
	else if (strcmp(key, "llm_api_key") == 0)
		return sd_fail(err, SD_ERR_INVALID, "llm_api_key: keys are "
		    "read from SHOPDESK_LLM_API_KEY only, never from a file");
	else if (strcmp(key, "llm_timeout_ms") == 0) {
		if (parse_long(v, 1, 600000, &n) != 0)
			goto bad;
		c->llm.timeout_ms = n;
	} else if (strcmp(key, "llm_connect_timeout_ms") == 0) {
		if (parse_long(v, 1, 600000, &n) != 0)
			goto bad;
		c->llm.connect_timeout_ms = n;
	} else if (strcmp(key, "llm_retries") == 0) {
		if (parse_long(v, 0, 10, &n) != 0)
			goto bad;
		c->llm.retries = (int)n;
	} else if (strcmp(key, "llm_max_tokens") == 0) {
		if (parse_long(v, 1, 100000, &n) != 0)
			goto bad;
		c->llm.max_tokens = (int)n;
	} else if (strcmp(key, "llm_temperature") == 0) {
		d = strtod(v, &end);
		if (end == v || *end != '\0' || !(d >= 0 && d <= 2))
			goto bad;
		c->llm.temperature = d;
	} else if (strcmp(key, "show_verdicts") == 0) {
		if (strcmp(v, "yes") == 0 || strcmp(v, "1") == 0 ||
		    strcmp(v, "true") == 0)
			c->show_verdicts = 1;
		else if (strcmp(v, "no") == 0 || strcmp(v, "0") == 0 ||
		    strcmp(v, "false") == 0)
			c->show_verdicts = 0;
		else
			goto bad;
	} else if (strcmp(key, "vector_weight") == 0) {
		d = strtod(v, &end);
		if (end == v || *end != '\0' || !(d >= 0 && d <= 1))
			goto bad;
		c->vector_weight = d;
	} else
		return sd_fail(err, SD_ERR_INVALID, "unknown key \"%s\"", key);
	return SD_OK;
bad:
	return sd_fail(err, SD_ERR_INVALID, "%s: bad value \"%s\"", key, v);
}

enum sd_rc
gen_config_read(struct gen_config *c, const char *path, int required,
    struct sd_error *err)
{
	FILE		*fp;
	struct sbuf	 line = SBUF_INIT;
	unsigned long	 lineno = 0;
	char		*eq, *k, *v, *p;
	enum sd_rc	 rc = SD_OK;

	if ((fp = fopen(path, "r")) == NULL) {
		if (errno == ENOENT && !required)
			return SD_OK;
		return sd_fail(err, SD_ERR_IO, "%s: %s", path, strerror(errno));
	}
	while (sbuf_getline(&line, fp) == 0) {
		lineno++;
		sbuf_trim(&line);
		if (line.len == 0 || line.buf[0] == '#')
			continue;
		if ((eq = strchr(line.buf, '=')) == NULL) {
			rc = sd_fail(err, SD_ERR_PARSE, "%s:%lu: expected "
			    "\"key = value\"", path, lineno);
			break;
		}
		*eq = '\0';
		k = line.buf;
		for (p = eq; p > k && isspace((unsigned char)p[-1]); p--)
			p[-1] = '\0';
		for (v = eq + 1; isspace((unsigned char)*v); v++)
			;
		if ((rc = config_set(c, k, v, err)) != SD_OK) {
			sd_error_prefix(err, "%s:%lu: ", path, lineno);
			break;
		}
	}
	sbuf_release(&line);
	fclose(fp);
	return rc;
}

enum sd_rc
gen_config_env(struct gen_config *c, struct sd_error *err)
{
	const char	*v;

	if ((v = getenv("SHOPDESK_GENERATOR")) != NULL && *v != '\0' &&
	    gen_mode_parse(v, &c->mode) != 0)
		return sd_fail(err, SD_ERR_USAGE, "SHOPDESK_GENERATOR \"%s\": "
		    "expected template, llm or auto", v);
	if ((v = getenv("SHOPDESK_LLM_URL")) != NULL && *v != '\0')
		set_str(&c->url, v);
	if ((v = getenv("SHOPDESK_LLM_MODEL")) != NULL && *v != '\0')
		set_str(&c->model, v);
	if ((v = getenv("SHOPDESK_LLM_API_KEY")) != NULL && *v != '\0')
		set_str(&c->api_key, v);
	return SD_OK;
}

char *
gen_config_default_path(void)
{
	const char	*v;

	if ((v = getenv("SHOPDESK_CONFIG")) != NULL && *v != '\0')
		return xstrdup(v);
	if ((v = getenv("XDG_CONFIG_HOME")) != NULL && *v == '/')
		return xasprintf("%s/shopdesk/config", v);
	if ((v = getenv("HOME")) != NULL && *v != '\0')
		return xasprintf("%s/.config/shopdesk/config", v);
	return xstrdup(".shopdesk.conf");
}

enum sd_rc
gen_config_load(struct gen_config *c, const struct sd_ctx *ctx,
    struct sd_error *err)
{
	char		*path;
	enum sd_rc	 rc;

	gen_config_init(c);
	path = ctx->config_path != NULL ? xstrdup(ctx->config_path) :
	    gen_config_default_path();
	rc = gen_config_read(c, path, ctx->config_path != NULL, err);
	free(path);
	if (rc == SD_OK)
		rc = gen_config_env(c, err);
	if (rc != SD_OK)
		return rc;
	if (ctx->generator != NULL && gen_mode_parse(ctx->generator,
	    &c->mode) != 0)
		return sd_fail(err, SD_ERR_USAGE, "--generator \"%s\": "
		    "expected template, llm or auto", ctx->generator);
	if (ctx->llm_url != NULL)
		set_str(&c->url, ctx->llm_url);
	if (ctx->show_verdicts)
		c->show_verdicts = 1;
	return SD_OK;
}
