/* biff: what FreeXL does not report of a .xls sheet, read from the
 * workbook stream itself: merged ranges, and boolean and error cells
 * (FreeXL gives a boolean as the number 1 or 0 and drops an error).
 * FreeXL also takes numbers in the Chinese built-in date formats (ids
 * 27-36 and 50-58) for plain numbers; their cells are listed too.
 * Internal to the .xls reader.
 *
 * The compound file (OLE2) is walked with every sector number, chain and
 * length checked against the file, so a corrupt or hostile file gives an
 * error, never a read outside it or an endless chain. */
#ifndef GS_BIFF_H
#define GS_BIFF_H

#include <stddef.h>

#include "merges.h"

typedef struct gs_biff_cell {
	unsigned row, col;           /* from 0 */
	int kind;                    /* 0: show TEXT; else the gs_numkind of a
	                                number in a Chinese built-in format */
	char text[8];                /* TRUE, FALSE, #DIV/0! ... */
} gs_biff_cell;

/* Scan the sheet numbered SHEET (from 0 of NSHEETS, which must be the
 * number of sheets the workbook stream lists) of the .xls in DATA[0..N):
 * its merged ranges into MERGES (unless NULL), its boolean and error
 * cells and its numbers in Chinese built-in date formats into *CELLS
 * (*NCELLS of them, malloc'd). 0, or -1 with ERR set. */
int gs_biff_scan(const unsigned char *data, size_t n, int sheet, int nsheets, gs_merges *merges,
                 gs_biff_cell **cells, size_t *ncells, char *err, size_t errn);

#endif
