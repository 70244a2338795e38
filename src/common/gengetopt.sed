# Three edits to the parser gengetopt 2.23 generates (the Makefile checks
# that each took effect).
#
# 1. A repeatable option's value is kept whole. gengetopt splits it at
# each comma, but ours carry expressions (-a 'r=ratio(count(),count())',
# --filter), labels, footer texts and file names; several values are given by
# repeating the option, and the lists that are comma-separated (--by,
# --indicator) are split by the tools.
s/^\( *\)multi_token = get_multiple_arg_token(\(.*\));$/\1multi_token = gengetopt_strdup(\2);/
s/^\( *\)multi_next = get_multiple_arg_token_next *(.*);$/\1multi_next = 0;/
#
# 2. A value outside an option's values= is reported in the tools' words
# (TOOL: --OPTION: 'VALUE' is not A, B or C) by gs_cli_bad_value.
/if (possible_values && (found = check_possible_values(/,/return 1; \/\* failure \*\//c\
  if (possible_values && (found = check_possible_values((value ? value : default_value), possible_values)) < 0)\
    {\
      gs_cli_bad_value (long_opt, value, possible_values, found == -2);\
      return 1; /* failure */
#
# 3. A value that is no number names its option, as every other message
# about an option's value does (TOOL: --skip: invalid numeric value: abc).
s/fprintf(stderr, "%s: invalid numeric value: %s\\n", package_name, val);/fprintf(stderr, "%s: --%s: invalid numeric value: %s\\n", package_name, long_opt, val);/
