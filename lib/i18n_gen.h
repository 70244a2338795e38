/* i18n_gen: included before each parser gengetopt generates (the Makefile
 * adds -include), whose own messages ("invalid numeric value", "option
 * given more than once") are printed by fprintf with English formats:
 * they go through the catalogue like every other message. */
#ifndef GS_I18N_GEN_H
#define GS_I18N_GEN_H

#include <stdio.h>

#include "i18n.h"

#define fprintf(...) gs_fprintf_translated(__VA_ARGS__)

#endif
