/*
 * cmd-history.c: "shopdesk history": print one session's turns, or list
 * the recent sessions.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "cmd.h"
#include "history.h"
#include "sbuf.h"

extern const struct sd_cmd cmd_history_entry;

static int
list_sessions(struct sd_ctx *ctx, int json)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct session_info *v;
	size_t		 n, i;
	cJSON		*arr, *o;
	char		*s;

	if (history_sessions(ctx->st, 100, &v, &n, &err) != SD_OK)
		return cmd_error(&cmd_history_entry, &err);
	arr = cJSON_CreateArray();
	for (i = 0; i < n; i++) {
		if (json) {
			o = cJSON_CreateObject();
			cJSON_AddStringToObject(o, "id", v[i].id);
			if (v[i].user_id)
				cJSON_AddStringToObject(o, "user_id",
				    v[i].user_id);
			cJSON_AddStringToObject(o, "channel", v[i].channel);
			cJSON_AddStringToObject(o, "status", v[i].status);
			cJSON_AddNumberToObject(o, "messages",
			    (double)v[i].turns);
			cJSON_AddStringToObject(o, "updated_at",
			    v[i].updated_at);
			cJSON_AddItemToArray(arr, o);
		} else
			printf("%-18s %-10s %-9s %4lld msgs  %s  %s\n",
			    v[i].id, v[i].user_id ? v[i].user_id : "-",
			    v[i].status, v[i].turns, v[i].updated_at,
			    v[i].escalation_reason ? v[i].escalation_reason :
			    "");
		session_info_release(&v[i]);
	}
	free(v);
	if (json) {
		s = cJSON_PrintUnformatted(arr);
		puts(s);
		free(s);
	}
	cJSON_Delete(arr);
	return SD_EXIT_OK;
}

static int
cmd_history_run(struct sd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "json",	no_argument,	NULL, 'j' },
		{ "traces",	no_argument,	NULL, 't' },
		{ "help",	no_argument,	NULL, 'h' },
		{ NULL,		0,		NULL, 0 }
	};
	struct sd_error	 err = SD_ERROR_INIT;
	struct session_info si;
	struct message_info *m;
	size_t		 n, i;
	int		 ch, json = 0, traces = 0;
	cJSON		*root, *arr, *o, *tr;
	char		*s;

	while ((ch = getopt_long(argc, argv, "jth", longopts, NULL)) != -1) {
		switch (ch) {
		case 'j':
			json = 1;
			break;
		case 't':
			traces = 1;
			break;
		default:
			return cmd_usage(&cmd_history_entry);
		}
	}
	if (argc - optind == 0)
		return list_sessions(ctx, json);
	if (argc - optind != 1)
		return cmd_usage(&cmd_history_entry);
	if (history_session_get(ctx->st, argv[optind], &si, &err) != SD_OK)
		return cmd_error(&cmd_history_entry, &err);
	if (history_messages(ctx->st, si.id, 0, 0, traces || json, &m, &n,
	    &err) != SD_OK) {
		session_info_release(&si);
		return cmd_error(&cmd_history_entry, &err);
	}
	if (json) {
		root = cJSON_CreateObject();
		cJSON_AddStringToObject(root, "session_id", si.id);
		if (si.user_id != NULL)
			cJSON_AddStringToObject(root, "user_id", si.user_id);
		cJSON_AddStringToObject(root, "status", si.status);
		arr = cJSON_AddArrayToObject(root, "messages");
		for (i = 0; i < n; i++) {
			o = cJSON_CreateObject();
			cJSON_AddNumberToObject(o, "id", (double)m[i].id);
			cJSON_AddStringToObject(o, "role", m[i].role);
			cJSON_AddStringToObject(o, "text", m[i].text);
			cJSON_AddStringToObject(o, "created_at",
			    m[i].created_at);
			if (m[i].intent != NULL)
				cJSON_AddStringToObject(o, "intent",
				    m[i].intent);
			if (m[i].action != NULL)
				cJSON_AddStringToObject(o, "action",
				    m[i].action);
			if (traces && m[i].trace != NULL &&
			    (tr = cJSON_Parse(m[i].trace)) != NULL)
				cJSON_AddItemToObject(o, "trace", tr);
			cJSON_AddItemToArray(arr, o);
		}
		s = cJSON_PrintUnformatted(root);
		puts(s);
		free(s);
		cJSON_Delete(root);
	} else {
		printf("session %s, user %s, %s\n", si.id,
		    si.user_id ? si.user_id : "-", si.status);
		for (i = 0; i < n; i++) {
			printf("%s %-5s> %s\n", m[i].created_at, m[i].role,
			    m[i].text);
			if (traces && m[i].trace != NULL)
				printf("    trace: %s\n", m[i].trace);
		}
	}
	for (i = 0; i < n; i++)
		message_info_release(&m[i]);
	free(m);
	session_info_release(&si);
	return SD_EXIT_OK;
}

const struct sd_cmd cmd_history_entry = {
	.name = "history",
	.usage = "history [--json] [--traces] [SESSION]",
	.summary = "print a session's conversation, or list sessions",
	.flags = SD_CMD_DB,
	.run = cmd_history_run,
};
