/* gb18030: GB18030's two-byte sequences decoded by table (input.c's fast
 * path for Chinese ledgers).
 *
 * The two-byte sequences (lead 0x81..0xFE, trail 0x40..0x7E or
 * 0x80..0xFE) cover GBK, nearly every character of a county ledger. The
 * table is filled once by iconv itself, so the mapping stays the C
 * library's; four-byte sequences and errors are left to iconv. */
#ifndef GS_GB18030_H
#define GS_GB18030_H

#include <stddef.h>

typedef struct gs_gb18030 gs_gb18030;

/* The table, built on the first call and kept until the process ends;
 * NULL when iconv does not know GB18030. */
const gs_gb18030 *gs_gb18030_table(void);

/* Decode what TAB can from [*S, E) into OUT (ROOM bytes), stopping before
 * anything else: a four-byte sequence, an invalid or incomplete one, or
 * the last 3 bytes of room. *S moves past what was decoded; returns the
 * bytes made. */
size_t gs_gb18030_decode(const gs_gb18030 *tab, const char **s, const char *e,
                         char *out, size_t room);

#endif
