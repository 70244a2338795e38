/* The decoder on any bytes, in each encoding: the output must be valid
 * UTF-8 without NUL, whatever comes in. */
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "input.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!size)
		return 0;
	static const char *enc[] = {"auto", "utf-8", "gb18030", "utf-16le"};
	gs_input *in = gs_input_from_memory(data + 1, size - 1, enc[data[0] & 3]);
	const char *t;
	ssize_t n;
	while ((n = gs_input_read(in, &t)) > 0) {
		int inc;
		if (gs_utf8_valid_prefix(t, (size_t)n, &inc) != (size_t)n && !inc)
			abort();   /* the decoder let invalid UTF-8 through */
		if (memchr(t, 0, (size_t)n))
			abort();
	}
	gs_input_close(in);
	return 0;
}
