/* shquote: a command line as a person can paste it into a POSIX shell.
 *
 * The footer of a report and the appendix that renders a manifest show
 * the commands that made the figures; copied back into sh, each argument
 * must come out as the one word it was. */
#ifndef GS_SHQUOTE_H
#define GS_SHQUOTE_H

#include "buf.h"

/* Append S to B as one word of sh(1): as it is when every byte is a
 * letter, digit, one of - _ . , / = : + or a byte of a multibyte UTF-8
 * character (none of these is special to the shell); otherwise inside
 * single quotes, each ' written as '\'' (nothing is special inside single
 * quotes but the quote itself). The empty string is ''. */
void gs_shell_quote(gs_buf *b, const char *s);

#endif
