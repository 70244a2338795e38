# The build's set-up step: tests/deps.sh, which make deps runs.

### as another user, missing packages are named with the command to run
$ setpriv --reuid=65534 --regid=65534 --clear-groups sh "$TOP/tests/deps.sh" coreutils govstat-no-such-package
>>>2
deps: missing Debian packages: govstat-no-such-package
deps: run: sudo apt-get install govstat-no-such-package
>>>= 1

### nothing to do when everything is installed
$ sh "$TOP/tests/deps.sh" coreutils
