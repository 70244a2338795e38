#include "catalogue.h"
#include "buf.h"
#include "diag.h"
#include "i18n.h"
#include "jsonfile.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *dup_str(const cJSON *v)
{
	return v ? gs_xstrndup(v->valuestring, strlen(v->valuestring)) : NULL;
}

static void free_ind(gs_indicator *i)
{
	free(i->id); free(i->name_zh); free(i->name_en); free(i->agg); free(i->where);
	free(i->record); free(i->level); free(i->unit); free(i->direction); free(i->target);
	free(i->over); free(i->negative_list); free(i->deduction);
}

static int load_one(const char *path, const cJSON *o, gs_indicator *ind)
{
	static const char *strs[] = {"id", "name_zh", "name_en", "agg", "where", "record",
	                             "level", "unit", "direction", "description", "over",
	                             "negative_list"};
	memset(ind, 0, sizeof *ind);
	ind->decimals = -1;
	if (!cJSON_IsObject(o)) {
		gs_msg(path, 0, "each indicator must be an object");
		return -1;
	}
	const cJSON *v;
	cJSON_ArrayForEach(v, o) {
		const char *k = v->string;
		int known = 0;
		for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++)
			if (!strcmp(k, strs[i])) {
				known = 1;
				if (!cJSON_IsString(v)) {
					gs_msg(path, 0, "indicator key '%s' must be a string", k);
					return -1;
				}
			}
		if (!strcmp(k, "decimals")) {
			if (!cJSON_IsNumber(v) || v->valueint < 0 || v->valueint > 30 ||
			    v->valuedouble != (double)v->valueint) {
				gs_msg(path, 0, "\"decimals\" must be a whole number from 0 to 30");
				return -1;
			}
			ind->decimals = v->valueint;
			known = 1;
		} else if (!strcmp(k, "target")) {
			if (!cJSON_IsNumber(v) && !cJSON_IsString(v)) {
				gs_msg(path, 0, "\"target\" must be a number");
				return -1;
			}
			char buf[64];
			if (cJSON_IsNumber(v))
				snprintf(buf, sizeof buf, "%.15g", v->valuedouble);
			ind->target = gs_xstrndup(cJSON_IsNumber(v) ? buf : v->valuestring,
			                          strlen(cJSON_IsNumber(v) ? buf : v->valuestring));
			known = 1;
		} else if (!strcmp(k, "negative")) {
			/* a negative-list item: its events are the rows its "where"
			 * selects; negative_list indicators are made from these */
			const cJSON *x;
			cJSON_ArrayForEach(x, v)
				if (strcmp(x->string, "item") && strcmp(x->string, "source") &&
				    strcmp(x->string, "deduction") && strcmp(x->string, "veto") &&
				    strcmp(x->string, "name")) {
					gs_msg(path, 0, "unknown negative-list key '%s'", x->string);
					return -1;
				}
			const cJSON *dd = cJSON_GetObjectItemCaseSensitive(v, "deduction");
			const cJSON *vt = cJSON_GetObjectItemCaseSensitive(v, "veto");
			char buf[64];
			if (dd && (!cJSON_IsNumber(dd) || dd->valuedouble < 0)) {
				gs_msg(path, 0, "a negative-list \"deduction\" must be a number of points");
				return -1;
			}
			if (vt && !cJSON_IsBool(vt)) {
				gs_msg(path, 0, "a negative-list \"veto\" must be true or false");
				return -1;
			}
			snprintf(buf, sizeof buf, "%.15g", dd ? dd->valuedouble : 0.0);
			ind->deduction = gs_xstrndup(buf, strlen(buf));
			ind->veto = cJSON_IsTrue(vt);
			ind->negative = 1;
			known = 1;
		} else if (!known && strcmp(k, "comment") && k[0] != '_') {
			gs_msg(path, 0, "unknown indicator key '%s'", k);
			return -1;
		}
	}
	ind->id = dup_str(cJSON_GetObjectItemCaseSensitive(o, "id"));
	ind->agg = dup_str(cJSON_GetObjectItemCaseSensitive(o, "agg"));
	ind->name_zh = dup_str(cJSON_GetObjectItemCaseSensitive(o, "name_zh"));
	ind->name_en = dup_str(cJSON_GetObjectItemCaseSensitive(o, "name_en"));
	ind->where = dup_str(cJSON_GetObjectItemCaseSensitive(o, "where"));
	ind->record = dup_str(cJSON_GetObjectItemCaseSensitive(o, "record"));
	ind->level = dup_str(cJSON_GetObjectItemCaseSensitive(o, "level"));
	ind->unit = dup_str(cJSON_GetObjectItemCaseSensitive(o, "unit"));
	ind->direction = dup_str(cJSON_GetObjectItemCaseSensitive(o, "direction"));
	ind->over = dup_str(cJSON_GetObjectItemCaseSensitive(o, "over"));
	ind->negative_list = dup_str(cJSON_GetObjectItemCaseSensitive(o, "negative_list"));
	if (ind->negative_list) {
		if (strcmp(ind->negative_list, "hits") && strcmp(ind->negative_list, "veto") &&
		    strcmp(ind->negative_list, "deduction")) {
			gs_msg(path, 0, "indicator %s: \"negative_list\" must be \"hits\", \"veto\" or \"deduction\"",
			       ind->id ? ind->id : "?");
			return -1;
		}
		if (ind->agg) {
			gs_msg(path, 0, "indicator %s: a \"negative_list\" indicator is made from the items; give no \"agg\"",
			       ind->id ? ind->id : "?");
			return -1;
		}
		ind->agg = gs_xstrndup("", 0);   /* made when the list is complete */
	}
	if (ind->over && strcmp(ind->over, "village")) {
		gs_msg(path, 0, "indicator %s: \"over\" must be \"village\"", ind->id ? ind->id : "?");
		return -1;
	}
	if (!ind->id || !*ind->id || !ind->agg) {
		if (ind->id)
			gs_msg(path, 0, "an indicator needs \"id\" and \"agg\": %s", ind->id);
		else
			gs_msg(path, 0, "an indicator needs \"id\" and \"agg\"");
		return -1;
	}
	for (const char *p = ind->id; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || *p == '_')) {
			gs_msg(path, 0, "indicator id '%s': use letters, digits and '_'", ind->id);
			return -1;
		}
	if (ind->direction && strcmp(ind->direction, "up") && strcmp(ind->direction, "down")) {
		gs_msg(path, 0, "indicator %s: \"direction\" must be \"up\" or \"down\"", ind->id);
		return -1;
	}
	return 0;
}

/* The negative list's settings, and the aggregates made from its items. */
static int make_negative(const char *path, const cJSON *root, gs_catalogue *c)
{
	const cJSON *set = cJSON_GetObjectItemCaseSensitive(root, "negative_list");
	const char *ev = "event_id", *order = "date", *sens = "sensitive == 1";
	char rep[64] = "2", smul[64] = "2";
	if (set && !cJSON_IsObject(set)) {
		gs_msg(path, 0, "\"negative_list\" must be an object of settings");
		return -1;
	}
	const cJSON *v;
	cJSON_ArrayForEach(v, set) {
		const char *k = v->string;
		if (!strcmp(k, "event") || !strcmp(k, "order") || !strcmp(k, "sensitive")) {
			if (!cJSON_IsString(v) || !*v->valuestring) {
				gs_msg(path, 0, "negative_list \"%s\" must be an expression", k);
				return -1;
			}
			*(!strcmp(k, "event") ? &ev : !strcmp(k, "order") ? &order : &sens) = v->valuestring;
		} else if (!strcmp(k, "repeat") || !strcmp(k, "sensitive_period")) {
			if (!cJSON_IsNumber(v) || v->valuedouble < 0) {
				gs_msg(path, 0, "negative_list \"%s\" must be a number", k);
				return -1;
			}
			snprintf(!strcmp(k, "repeat") ? rep : smul, 64, "%.15g", v->valuedouble);
		} else if (strcmp(k, "comment") && k[0] != '_') {
			gs_msg(path, 0, "unknown negative_list setting '%s'", k);
			return -1;
		}
	}
	for (size_t i = 0; i < c->n; i++) {
		gs_indicator *d = &c->v[i];
		if (!d->negative_list)
			continue;
		int ded = !strcmp(d->negative_list, "deduction"), veto = !strcmp(d->negative_list, "veto");
		gs_buf b = {0};
		gs_buf_adds(&b, "add(");
		size_t k = 0;
		for (size_t j = 0; j < c->n; j++) {
			const gs_indicator *it = &c->v[j];
			if (!it->negative || (veto && !it->veto))
				continue;
			if (!it->where) {
				gs_msg(path, 0, "negative-list item %s: give its events' condition as \"where\"", it->id);
				gs_buf_free(&b);
				return -1;
			}
			if (k++)
				gs_buf_adds(&b, ", ");
			if (ded)
				gs_buf_printf(&b, "deduction(%s, %s, %s, ", it->deduction, rep, smul);
			gs_buf_printf(&b, "events((%s), %s, %s, %s)", it->where, ev, order, sens);
			if (ded)
				gs_buf_addc(&b, ')');
		}
		gs_buf_addc(&b, ')');
		free(d->agg);
		d->agg = b.p;
	}
	return 0;
}

gs_catalogue *gs_catalogue_load(const char *path)
{
	cJSON *root = gs_json_load(path, N_("catalogue"));
	if (!root)
		return NULL;
	const cJSON *list = cJSON_GetObjectItemCaseSensitive(root, "indicators");
	if (!cJSON_IsArray(list)) {
		gs_msg(path, 0, "a catalogue is an object with an \"indicators\" list");
		cJSON_Delete(root);
		return NULL;
	}
	gs_catalogue *c = gs_xcalloc(1, sizeof *c);
	c->v = gs_xcalloc((size_t)cJSON_GetArraySize(list) + 1, sizeof *c->v);
	const cJSON *o;
	cJSON_ArrayForEach(o, list) {
		if (load_one(path, o, &c->v[c->n]) < 0) {
			free_ind(&c->v[c->n]);
			gs_catalogue_free(c);
			cJSON_Delete(root);
			return NULL;
		}
		if (gs_catalogue_find(c, c->v[c->n].id)) {
			gs_msg(path, 0, "indicator id '%s' appears twice", c->v[c->n].id);
			free_ind(&c->v[c->n]);
			gs_catalogue_free(c);
			cJSON_Delete(root);
			return NULL;
		}
		c->n++;
	}
	if (make_negative(path, root, c) < 0) {
		gs_catalogue_free(c);
		cJSON_Delete(root);
		return NULL;
	}
	cJSON_Delete(root);
	return c;
}

const gs_indicator *gs_catalogue_find(const gs_catalogue *c, const char *id)
{
	for (size_t i = 0; i < c->n; i++)
		if (!strcmp(c->v[i].id, id))
			return &c->v[i];
	return NULL;
}

void gs_catalogue_free(gs_catalogue *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->n; i++)
		free_ind(&c->v[i]);
	free(c->v);
	free(c);
}
