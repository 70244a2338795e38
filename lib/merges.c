/* merges: see merges.h. */
#include "merges.h"
#include "buf.h"
#include "diag.h"

#include <stdlib.h>

#define MAX_MERGES (1 << 20)

typedef struct merge {
	unsigned long r1, r2;
	unsigned c1, c2;
	int have;                    /* the value was taken and may fill */
	gs_buf val;
} merge;

struct gs_merges {
	merge *m;
	size_t n, cap;
	int sorted;
	size_t next;                 /* first range not yet reached */
	size_t *active;              /* reached ranges not yet passed */
	size_t nactive, capactive;
};

gs_merges *gs_merges_new(void)
{
	gs_merges *ms = gs_xcalloc(1, sizeof *ms);
	return ms;
}

int gs_merges_add(gs_merges *ms, unsigned long r1, unsigned long r2, unsigned c1, unsigned c2)
{
	if (ms->n >= MAX_MERGES || !r1 || !c1 || r2 < r1 || c2 < c1)
		return -1;
	if (ms->n == ms->cap) {
		ms->cap = ms->cap ? 2 * ms->cap : 16;
		ms->m = gs_xrealloc(ms->m, ms->cap * sizeof *ms->m);
	}
	ms->m[ms->n++] = (merge){r1, r2, c1, c2, 0, {0}};
	ms->sorted = 0;
	return 0;
}

static int by_first_row(const void *a, const void *b)
{
	const merge *m = a, *n = b;
	return m->r1 < n->r1 ? -1 : m->r1 > n->r1;
}

size_t gs_merges_row(gs_merges *ms, gs_records *r, unsigned long row, size_t n, int fill)
{
	if (!ms->sorted) {
		if (ms->n)
			qsort(ms->m, ms->n, sizeof *ms->m, by_first_row);
		ms->sorted = 1;
	}
	while (ms->next < ms->n && ms->m[ms->next].r1 <= row) {
		if (ms->nactive == ms->capactive) {
			ms->capactive = ms->capactive ? 2 * ms->capactive : 16;
			ms->active = gs_xrealloc(ms->active, ms->capactive * sizeof *ms->active);
		}
		ms->active[ms->nactive++] = ms->next++;
	}
	size_t k = 0, width = n;
	for (size_t i = 0; i < ms->nactive; i++) {
		merge *m = &ms->m[ms->active[i]];
		if (m->r2 < row) {       /* passed: its value is needed no more */
			gs_buf_free(&m->val);
			continue;
		}
		ms->active[k++] = ms->active[i];
		if (m->r1 == row) {
			m->have = fill;
			if (fill && m->c1 <= n)
				gs_buf_add(&m->val, r->fields[m->c1 - 1].p, r->fields[m->c1 - 1].n);
		}
		if (fill && m->have && m->val.len && m->c2 > width)
			width = m->c2;
	}
	ms->nactive = k;
	if (fill && width > n) {
		gs_rec_fields(r, width);
		for (size_t c = n; c < width; c++)
			r->fields[c] = (gs_field){"", 0};
	}
	if (fill)
		for (size_t i = 0; i < ms->nactive; i++) {
			merge *m = &ms->m[ms->active[i]];
			if (!m->have || !m->val.len)
				continue;
			for (unsigned c = m->c1; c <= m->c2 && c <= width; c++)
				if (c != m->c1 || row != m->r1)
					r->fields[c - 1] = (gs_field){m->val.p, m->val.len};
		}
	while (width && r->fields[width - 1].n == 0)
		width--;
	return width;
}

void gs_merges_free(gs_merges *ms)
{
	if (!ms)
		return;
	for (size_t i = 0; i < ms->n; i++)
		gs_buf_free(&ms->m[i].val);
	free(ms->m);
	free(ms->active);
	free(ms);
}
