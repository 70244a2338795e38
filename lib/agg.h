/* agg: aggregates, the per-group state they keep, and how states merge.
 *
 *   count()          rows
 *   count(EXPR)      rows where EXPR is true
 *   sum(X)           exact sum of the numbers (scale: the largest seen)
 *   mean(X)          sum / how many, rounded at output
 *   min(X), max(X)   exact extremes
 *   distinct(X)      how many different non-empty values
 *   ratio(A, B)      A / B for aggregates A and B, rounded at output;
 *                    NA when B is zero or NA
 *   one(X)           the one value X takes in the group (a table that is
 *                    not a ledger: a score per unit); two different
 *                    values are an error naming the group; NA when none
 *   events(C, ID, ORDER, S)
 *                    how many different events (values of ID) rows where
 *                    C is true record; an event is sensitive when S is
 *                    true on any of its rows, and dated by its least
 *                    ORDER (text order: ISO dates)
 *   deduction(P, R, M, events(...))
 *                    the points of those events: P for the first (in
 *                    ORDER, then ID), P * R for each later one, and
 *                    times M when the event is sensitive
 *   add(A, B, ...)   the sum of aggregates (0 for none); NA when one is
 *
 * sum, mean, min and max skip NA (empty) values; text that is not a
 * number is an error for the row. A sum of no values is 0; a mean, min or
 * max of none is NA. Each count, sum, mean, min, max and distinct owns a
 * "slot" of state in every group; a ratio only combines its two parts.
 * States merge exactly (counts add, sums add, sets unite), which is what
 * lets rollups and --merge give the single-pass result. */
#ifndef GS_AGG_H
#define GS_AGG_H

#include <stdio.h>

#include "buf.h"
#include "expr.h"
#include "hash.h"
#include "num.h"

enum gs_agg_kind { GS_A_COUNT, GS_A_SUM, GS_A_MEAN, GS_A_MIN, GS_A_MAX, GS_A_DISTINCT, GS_A_RATIO,
                   GS_A_ONE, GS_A_EVENTS, GS_A_DEDUCTION, GS_A_ADD };

typedef struct gs_agg {
	int kind;
	gs_expr *arg;            /* the condition or the value; NULL for count() */
	struct gs_agg *x, *y;    /* ratio's parts; deduction's events in x */
	gs_expr *id, *order, *sens;   /* events: the event, its date, sensitive */
	gs_num pts, rep, smul;   /* deduction: points, repeat and sensitive factors */
	struct gs_agg **parts;   /* add */
	size_t nparts;
	int slot;                /* state slot, -1 for ratio, deduction, add */
} gs_agg;

/* An output column: a name, an aggregate, an optional filter of its own
 * (a catalogue indicator's "where") and its decimals. */
typedef struct gs_aggcol {
	char *name;
	char *src;               /* the aggregate as written */
	char *where_src;         /* or NULL */
	gs_agg *agg;
	gs_expr *where;
	int decimals;            /* D >= 0: means and ratios rounded to D places;
	                          * -1 - D: exact (gs_num_format_exact), at least D */
} gs_aggcol;

/* The slots of a set of columns. */
typedef struct gs_slotdef {
	int kind;                /* count, sum, mean, min, max, distinct, one, events */
	gs_expr *arg;            /* events: the condition */
	gs_expr *where;          /* the column's filter */
	gs_expr *id, *order, *sens;   /* events */
} gs_slotdef;

typedef struct gs_aggset {
	gs_aggcol *cols;
	size_t ncols;
	gs_slotdef *slots;
	size_t nslots;
} gs_aggset;

/* One slot's state in one group. */
typedef struct gs_slot {
	long long count;         /* count; values seen for sum and mean */
	gs_num acc;              /* sum, or the extreme for min and max */
	int has;                 /* min, max: a value was seen */
	gs_hash *set;            /* distinct; events: id -> struct gs_event */
} gs_slot;

/* One event of an events() slot. */
typedef struct gs_event {
	char *order;             /* the least ORDER seen */
	int sensitive;
} gs_event;

/* Add the column NAME = SRC (e.g. "rate=ratio(count(s==\"x\"),count())"
 * when NAME is NULL; else SRC is the aggregate alone) to SET, with an
 * optional filter WHERE_SRC. On a syntax error returns -1 with the
 * message in ERR, naming the column (from 1) of SRC where it went wrong. */
int gs_aggset_add(gs_aggset *set, const char *name, const char *src,
                  const char *where_src, int decimals, gs_reason *err);

/* Bind every expression to the header. -1 with ERR on an unknown field. */
int gs_aggset_bind(gs_aggset *set, const gs_field *names, size_t n, gs_reason *err);

/* What one row adds to each slot, found before any state changes so that
 * a bad row changes nothing. */
typedef struct gs_delta {
	int use;                 /* the slot takes something from this row */
	gs_num num;              /* sum, mean, min, max */
	const char *s;           /* distinct, events: the value (id) */
	size_t n;
	const char *o;           /* events: ORDER's text */
	size_t on;
	int sens;                /* events: S is true */
} gs_delta;

/* Evaluate ROW for every slot into DELTAS (set->nslots). Returns 0, or -1
 * with the reason in ERR. */
int gs_aggset_eval(const gs_aggset *set, const gs_field *row, gs_delta *deltas, gs_reason *err);

/* Apply DELTAS to the slots of one group. -1 with ERR on overflow. */
int gs_slots_apply(const gs_aggset *set, gs_slot *slots, const gs_delta *deltas, gs_reason *err);

/* Merge the slots FROM into INTO. -1 with ERR on overflow, or when one()
 * has two different values. */
int gs_slots_merge(const gs_aggset *set, gs_slot *into, const gs_slot *from, gs_reason *err);

/* The same for a subtotal made of its parts: one() slots are not merged
 * (a unit's given value is not made from its parts' values). */
int gs_slots_rollup(const gs_aggset *set, gs_slot *into, const gs_slot *from, gs_reason *err);

/* 1 when some column takes ROW (has no filter of its own, or its filter
 * is true), 0 when every column's filter leaves it out, -1 with ERR. */
int gs_aggset_wanted(const gs_aggset *set, const gs_field *row, gs_reason *err);

/* 1 when every column is a one(): a table of given values, not a ledger. */
int gs_aggset_all_one(const gs_aggset *set);

/* Call FN for each field name the columns' expressions read. */
void gs_aggset_fields(const gs_aggset *set, void (*fn)(const char *name, void *arg), void *arg);

/* Fresh slots for one group, and their release. */
gs_slot *gs_slots_new(const gs_aggset *set);
void gs_slots_free(const gs_aggset *set, gs_slot *slots);

/* Append column C's value for a group, as text (empty for NA). Returns 1
 * when a value was written, 0 for NA. */
int gs_aggcol_format(const gs_aggset *set, size_t c, const gs_slot *slots, gs_buf *out);

/* Partial state: the slots as a JSON array, and back. */
void gs_slots_write(const gs_aggset *set, const gs_slot *slots, gs_buf *out);
struct cJSON;
int gs_slots_read(const gs_aggset *set, gs_slot *slots, const struct cJSON *arr, gs_reason *err);

void gs_aggset_free(gs_aggset *set);

#endif
