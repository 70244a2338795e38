#!/bin/sh
# Make sure the Debian packages named as arguments are installed: as root,
# install the missing ones with apt-get; otherwise print the command and
# fail, so that a build never goes on half-equipped.
missing=
if ! command -v dpkg-query >/dev/null 2>&1; then
	echo "deps: no dpkg here; make sure these are installed: $*" >&2
	exit 0
fi
for p in "$@"; do
	dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q ' installed$' ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
	echo "deps: installing$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq && apt-get install -y -qq --no-install-recommends $missing >&2 &&
		exit 0
	echo "deps: apt-get failed" >&2
	exit 1
fi
echo "deps: missing Debian packages:$missing" >&2
echo "deps: run: sudo apt-get install$missing" >&2
exit 1
