/*
 * template.c owns the response templates the shop edits in
 * share/templates/ (one .txt file per area).  The format, documented in
 * shopdesk(1) under TEMPLATES:
 *
 *	# a comment
 *	[order_status]
 *	if status == shipped, tracking_number
 *	Your order #{order_id} is on its way with {carrier}.
 *	--
 *	Good news: order #{order_id} has shipped ({carrier}).
 *
 * A [name] header opens a block of variants separated by "--" lines; an
 * optional "if" line right after the header lists conditions that must
 * all hold for the block's variants to be used.  A name may have several
 * blocks with different conditions.  Files are re-read on demand, so the
 * shop edits them without rebuilding.
 */
#include "config.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "sbuf.h"
#include "template.h"

enum cond_op { OP_TRUE, OP_FALSE, OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE };

struct cond {
	char		*slot;
	enum cond_op	 op;
	char		*value;		/* right-hand side, or NULL */
};

struct variant {
	char		*id;		/* template name */
	char		*label;		/* "name#n", n counting from 1 */
	char		*text;
	struct cond	*conds;		/* shared with the block's variants */
	size_t		 nconds;
	int		 owns_conds;	/* first variant of its block frees */
};

struct template_set {
	struct variant	*v;
	size_t		 n;
	size_t		 cap;
};

/* slots */

void
slots_set(struct slots *s, const char *name, const char *value)
{
	size_t	 i;

	for (i = 0; i < s->n; i++)
		if (strcmp(s->names[i], name) == 0) {
			free(s->values[i]);
			s->values[i] = xstrdup(value != NULL ? value : "");
			return;
		}
	if (s->n == s->cap) {
		s->cap = s->cap < 16 ? 16 : s->cap * 2;
		s->names = xrealloc(s->names, s->cap * sizeof *s->names);
		s->values = xrealloc(s->values, s->cap * sizeof *s->values);
	}
	s->names[s->n] = xstrdup(name);
	s->values[s->n] = xstrdup(value != NULL ? value : "");
	s->n++;
}

void
slots_setf(struct slots *s, const char *name, const char *fmt, ...)
{
	struct sbuf	 sb = SBUF_INIT;
	va_list		 ap;

	va_start(ap, fmt);
	sbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	slots_set(s, name, sb.buf);
	sbuf_release(&sb);
}

const char *
slots_get(const struct slots *s, const char *name)
{
	size_t	 i;

	for (i = 0; i < s->n; i++)
		if (strcmp(s->names[i], name) == 0)
			return s->values[i];
	return NULL;
}

void
slots_reset(struct slots *s)
{
	size_t	 i;

	for (i = 0; i < s->n; i++) {
		free(s->names[i]);
		free(s->values[i]);
	}
	s->n = 0;
}

void
slots_release(struct slots *s)
{
	slots_reset(s);
	free(s->names);
	free(s->values);
	s->names = s->values = NULL;
	s->cap = 0;
}

/* parsing */

static char *
trim(char *s)
{
	char	*e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		*--e = '\0';
	return s;
}

static int
valid_name(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++)
		if (!isalnum((unsigned char)*s) && *s != '_' && *s != '.' &&
		    *s != '-')
			return 0;
	return 1;
}

static enum sd_rc
parse_cond(char *text, struct cond *c, struct sd_error *err)
{
	static const struct {
		const char	*tok;
		enum cond_op	 op;
	} ops[] = {
		{ "==", OP_EQ }, { "!=", OP_NE }, { "<=", OP_LE },
		{ ">=", OP_GE }, { "<", OP_LT }, { ">", OP_GT },
	};
	char	*p;
	size_t	 i;

	memset(c, 0, sizeof *c);
	text = trim(text);
	for (i = 0; i < sizeof ops / sizeof ops[0]; i++) {
		if ((p = strstr(text, ops[i].tok)) == NULL)
			continue;
		*p = '\0';
		c->op = ops[i].op;
		c->value = xstrdup(trim(p + strlen(ops[i].tok)));
		text = trim(text);
		break;
	}
	if (i == sizeof ops / sizeof ops[0]) {
		c->op = OP_TRUE;
		if (*text == '!') {
			c->op = OP_FALSE;
			text = trim(text + 1);
		}
	}
	if (!valid_name(text)) {
		free(c->value);
		c->value = NULL;
		return sd_fail(err, SD_ERR_PARSE, "bad condition slot \"%s\"",
		    text);
	}
	c->slot = xstrdup(text);
	return SD_OK;
}

static void
free_conds(struct cond *c, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		free(c[i].slot);
		free(c[i].value);
	}
	free(c);
}

/* Check {placeholders} are closed and named sensibly. */
static enum sd_rc
check_placeholders(const char *text, struct sd_error *err)
{
	const char	*p = text, *e;
	char		*name;
	int		 okname;

	while ((p = strchr(p, '{')) != NULL) {
		if (p[1] == '{') {
			p += 2;
			continue;
		}
		if ((e = strchr(p, '}')) == NULL)
			return sd_fail(err, SD_ERR_PARSE, "unclosed \"{\"");
		name = xstrndup(p + 1, (size_t)(e - p - 1));
		okname = valid_name(name);
		free(name);
		if (!okname)
			return sd_fail(err, SD_ERR_PARSE,
			    "bad placeholder \"%.*s\"", (int)(e - p + 1), p);
		p = e + 1;
	}
	return SD_OK;
}

/* The parser's state while it reads one file. */
struct parse {
	struct template_set *ts;
	char		*id;		/* current [name], or NULL */
	struct cond	*conds;		/* conditions of the current block */
	size_t		 nconds;
	int		 owns;		/* no variant holds conds yet */
	size_t		 nth;		/* variants of id so far */
	struct sbuf	 body;		/* text of the variant being read */
	size_t		 bodyline;	/* where that text starts */
};

/* End the variant being read; an empty one is an error. */
static enum sd_rc
end_variant(struct parse *ps, struct sd_error *err)
{
	struct template_set *ts = ps->ts;
	struct variant	*v;
	enum sd_rc	 rc;

	sbuf_trim(&ps->body);
	if (ps->body.len == 0)
		return sd_fail(err, SD_ERR_PARSE,
		    "template [%s] has an empty variant", ps->id);
	if ((rc = check_placeholders(ps->body.buf, err)) != SD_OK)
		return rc;
	if (ts->n == ts->cap) {
		ts->cap = ts->cap < 32 ? 32 : ts->cap * 2;
		ts->v = xrealloc(ts->v, ts->cap * sizeof *ts->v);
	}
	v = &ts->v[ts->n++];
	v->id = xstrdup(ps->id);
	v->label = xasprintf("%s#%zu", ps->id, ++ps->nth);
	v->text = sbuf_detach(&ps->body, NULL);
	v->conds = ps->conds;
	v->nconds = ps->nconds;
	v->owns_conds = ps->owns;
	ps->owns = 0;
	return SD_OK;
}

struct template_set *
template_parse(const char *name, const char *text, struct sd_error *err)
{
	struct parse	 ps;
	char		*copy = xstrdup(text), *line, *next, *t, *c, *save;
	size_t		 lineno = 0, i, errline;
	int		 after_header = 0;
	enum sd_rc	 rc = SD_OK;

	memset(&ps, 0, sizeof ps);
	ps.ts = xcalloc(1, sizeof *ps.ts);
	sbuf_init(&ps.body);
	for (line = copy; line != NULL; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		lineno++;
		errline = lineno;
		t = trim(line);
		if (line[0] == '#')
			continue;
		if (t[0] == '[' && t[strlen(t) - 1] == ']') {
			errline = ps.bodyline;
			if (ps.id != NULL && (rc = end_variant(&ps, err)) !=
			    SD_OK)
				goto fail;
			errline = lineno;
			t[strlen(t) - 1] = '\0';
			t = trim(t + 1);
			if (!valid_name(t)) {
				rc = sd_fail(err, SD_ERR_PARSE,
				    "bad template name \"%s\"", t);
				goto fail;
			}
			if (ps.owns)
				free_conds(ps.conds, ps.nconds);
			free(ps.id);
			ps.id = xstrdup(t);
			ps.nth = 0;
			for (i = 0; i < ps.ts->n; i++)
				if (strcmp(ps.ts->v[i].id, ps.id) == 0)
					ps.nth++;
			ps.conds = NULL;
			ps.nconds = 0;
			ps.owns = 1;
			ps.bodyline = lineno + 1;
			after_header = 1;
			continue;
		}
		if (ps.id == NULL) {
			if (*t == '\0')
				continue;
			rc = sd_fail(err, SD_ERR_PARSE,
			    "text before the first [name] header");
			goto fail;
		}
		if (after_header && strncmp(t, "if ", 3) == 0) {
			save = NULL;
			for (c = strtok_r(t + 3, ",", &save); c != NULL;
			    c = strtok_r(NULL, ",", &save)) {
				ps.conds = xrealloc(ps.conds, (ps.nconds + 1) *
				    sizeof *ps.conds);
				if ((rc = parse_cond(c, &ps.conds[ps.nconds],
				    err)) != SD_OK)
					goto fail;
				ps.nconds++;
			}
			after_header = 0;
			ps.bodyline = lineno + 1;
			continue;
		}
		after_header = 0;
		if (strcmp(t, "--") == 0) {
			errline = ps.bodyline;
			if ((rc = end_variant(&ps, err)) != SD_OK)
				goto fail;
			ps.bodyline = lineno + 1;
			continue;
		}
		/* "\#" at the start of a line is a literal "#". */
		if (line[0] == '\\' && line[1] == '#')
			line++;
		if (ps.body.len > 0 || *t != '\0') {
			if (ps.body.len > 0)
				sbuf_addc(&ps.body, '\n');
			sbuf_adds(&ps.body, line);
		}
	}
	errline = ps.bodyline;
	if (ps.id != NULL && (rc = end_variant(&ps, err)) != SD_OK)
		goto fail;
	free(ps.id);
	free(copy);
	sbuf_release(&ps.body);
	return ps.ts;
fail:
	sd_error_prefix(err, "%s:%zu: ", name, errline);
	if (ps.owns)
		free_conds(ps.conds, ps.nconds);
	free(ps.id);
	free(copy);
	sbuf_release(&ps.body);
	template_free(ps.ts);
	return NULL;
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
merge_into(struct template_set *dst, struct template_set *src)
{
	if (dst->n + src->n > dst->cap) {
		dst->cap = dst->n + src->n;
		dst->v = xrealloc(dst->v, dst->cap * sizeof *dst->v);
	}
	memcpy(dst->v + dst->n, src->v, src->n * sizeof *src->v);
	dst->n += src->n;
	free(src->v);
	free(src);
}

struct template_set *
template_load_dir(const char *dir, struct sd_error *err)
{
	DIR		*d;
	struct dirent	*de;
	char		**names = NULL, *path;
	size_t		 n = 0, i, len;
	struct sbuf	 text = SBUF_INIT;
	struct template_set *all = NULL, *one;

	if ((d = opendir(dir)) == NULL) {
		sd_fail(err, SD_ERR_IO, "%s: %s", dir, strerror(errno));
		return NULL;
	}
	while ((de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (len < 5 || de->d_name[0] == '.' ||
		    strcmp(de->d_name + len - 4, ".txt") != 0)
			continue;
		names = xrealloc(names, (n + 1) * sizeof *names);
		names[n++] = xstrdup(de->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof *names, name_cmp);
	all = xcalloc(1, sizeof *all);
	for (i = 0; i < n; i++) {
		path = xasprintf("%s/%s", dir, names[i]);
		sbuf_reset(&text);
		if (sbuf_read_file(&text, path) != 0) {
			sd_fail(err, SD_ERR_IO, "%s: %s", path,
			    strerror(errno));
			free(path);
			goto fail;
		}
		one = template_parse(path, text.buf, err);
		free(path);
		if (one == NULL)
			goto fail;
		merge_into(all, one);
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	sbuf_release(&text);
	return all;
fail:
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	sbuf_release(&text);
	template_free(all);
	return NULL;
}

void
template_free(struct template_set *ts)
{
	size_t	 i;

	if (ts == NULL)
		return;
	for (i = 0; i < ts->n; i++) {
		free(ts->v[i].id);
		free(ts->v[i].label);
		free(ts->v[i].text);
		if (ts->v[i].owns_conds)
			free_conds(ts->v[i].conds, ts->v[i].nconds);
	}
	free(ts->v);
	free(ts);
}

size_t
template_count(const struct template_set *ts, size_t *variants)
{
	size_t	 i, j, ids = 0;

	for (i = 0; i < ts->n; i++) {
		for (j = 0; j < i; j++)
			if (strcmp(ts->v[j].id, ts->v[i].id) == 0)
				break;
		if (j == i)
			ids++;
	}
	if (variants != NULL)
		*variants = ts->n;
	return ids;
}

const char *
template_variant_id(const struct template_set *ts, size_t i)
{
	return i < ts->n ? ts->v[i].id : NULL;
}

int
template_has(const struct template_set *ts, const char *id)
{
	size_t	 i;

	for (i = 0; i < ts->n; i++)
		if (strcmp(ts->v[i].id, id) == 0)
			return 1;
	return 0;
}

static int
parse_number(const char *s, double *d)
{
	char	*end;

	if (s == NULL || *s == '\0')
		return 0;
	errno = 0;
	*d = strtod(s, &end);
	return errno == 0 && *end == '\0';
}

static int
truthy(const char *v)
{
	double	 d;

	if (v == NULL || *v == '\0')
		return 0;
	if (parse_number(v, &d))
		return d != 0;
	return strcmp(v, "false") != 0 && strcmp(v, "no") != 0;
}

static int
cond_holds(const struct cond *c, const struct slots *slots)
{
	const char	*v = slots_get(slots, c->slot);
	double		 a, b;
	int		 cmp;

	switch (c->op) {
	case OP_TRUE:
		return truthy(v);
	case OP_FALSE:
		return !truthy(v);
	default:
		break;
	}
	if (v == NULL)
		return c->op == OP_NE;
	if (parse_number(v, &a) && parse_number(c->value, &b))
		cmp = a < b ? -1 : a > b;
	else
		cmp = strcmp(v, c->value);
	switch (c->op) {
	case OP_EQ:
		return cmp == 0;
	case OP_NE:
		return cmp != 0;
	case OP_LT:
		return cmp < 0;
	case OP_LE:
		return cmp <= 0;
	case OP_GT:
		return cmp > 0;
	case OP_GE:
		return cmp >= 0;
	case OP_TRUE:
	case OP_FALSE:
		break;
	}
	return 0;
}

static int
variant_applies(const struct variant *v, const struct slots *slots)
{
	size_t	 i;

	for (i = 0; i < v->nconds; i++)
		if (!cond_holds(&v->conds[i], slots))
			return 0;
	return 1;
}

enum sd_rc
template_render(const struct template_set *ts, const char *id,
    const struct slots *slots, unsigned long seed, struct sbuf *out,
    const char **used, struct sd_error *err)
{
	size_t		 i, napply = 0, pick;
	const struct variant *v = NULL;
	const char	*p, *e, *val;
	char		*name;

	for (i = 0; i < ts->n; i++)
		if (strcmp(ts->v[i].id, id) == 0 &&
		    variant_applies(&ts->v[i], slots))
			napply++;
	if (napply == 0)
		return sd_fail(err, SD_ERR_NOTFOUND,
		    template_has(ts, id) ? "template [%s]: no variant's "
		    "conditions hold" : "no template [%s]", id);
	pick = seed % napply;
	for (i = 0; i < ts->n; i++)
		if (strcmp(ts->v[i].id, id) == 0 &&
		    variant_applies(&ts->v[i], slots) && pick-- == 0) {
			v = &ts->v[i];
			break;
		}
	sbuf_reset(out);
	for (p = v->text; *p != '\0'; p = e + 1) {
		if (p[0] == '{' && p[1] == '{') {
			sbuf_addc(out, '{');
			e = p + 1;
			continue;
		}
		if (p[0] == '}' && p[1] == '}') {
			sbuf_addc(out, '}');
			e = p + 1;
			continue;
		}
		if (*p != '{') {
			sbuf_addc(out, *p);
			e = p;
			continue;
		}
		e = strchr(p, '}');	/* checked at parse time */
		name = xstrndup(p + 1, (size_t)(e - p - 1));
		val = slots_get(slots, name);
		if (val == NULL) {
			sd_fail(err, SD_ERR_NOTFOUND, "template %s: no value "
			    "for {%s}", v->label, name);
			free(name);
			return SD_ERR_NOTFOUND;
		}
		free(name);
		sbuf_adds(out, val);
	}
	if (used != NULL)
		*used = v->label;
	return SD_OK;
}
