# The build's set-up step: build-aux/deps.sh, which make deps runs.

### as another user, missing packages are named with the command to run
# The checkout may sit where only its owner can read (a home of mode 700,
# a mktemp -d): the unprivileged run gets its own copy of the script in a
# directory everyone can read, and starts from /.
$ d=$(mktemp -d /tmp/govstat-deps.XXXXXX); chmod 755 "$d"; cp "$TOP/build-aux/deps.sh" "$d/"; chmod 644 "$d/deps.sh"; (cd / && setpriv --reuid=65534 --regid=65534 --clear-groups sh "$d/deps.sh" coreutils govstat-no-such-package); s=$?; rm -rf "$d"; exit $s
>>>2
deps: missing Debian packages: govstat-no-such-package
deps: run: sudo apt-get install govstat-no-such-package
>>>= 1

### nothing to do when everything is installed
$ sh "$TOP/build-aux/deps.sh" coreutils
