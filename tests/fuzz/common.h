/* What the libFuzzer targets share: the library's messages are turned off
 * (bad input is expected here, and printing it is slow). */
#include <stdint.h>
#include <stdio.h>

#include "diag.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	gs_quiet = 1;
	return 0;
}
