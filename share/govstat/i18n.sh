# i18n.sh: the county pack's scripts speak the user's language.
#
# Sourced by demo.sh and govstat-weekly once they have set govstat_pack
# to the directory that holds this file (share/govstat, in the source tree
# or installed). It points gettext at the tools' own catalogue (domain
# govstat): GOVSTAT_LOCALEDIR, else the source tree's build/locale, else
# the installed share/locale beside share/govstat; gettext and
# eval_gettext then come from gettext.sh (gettext-base), or print the
# English when it is missing. A printf format taken from gettext needs a
# "# xgettext: c-format" line above it, so that msgfmt -c checks its
# translation.
TEXTDOMAIN=govstat
for TEXTDOMAINDIR in "${GOVSTAT_LOCALEDIR:-}" "$govstat_pack/../../build/locale" "$govstat_pack/../locale"; do
	[ -n "$TEXTDOMAINDIR" ] && [ -d "$TEXTDOMAINDIR" ] && break
done
export TEXTDOMAIN TEXTDOMAINDIR
if command -v gettext.sh > /dev/null 2>&1; then
	. gettext.sh
else
	gettext() { printf '%s' "$1"; }
	eval_gettext() { eval "_m=\"$1\""; printf '%s' "$_m"; }
fi
