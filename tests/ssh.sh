#!/bin/sh
# Multi-host sharding for real: GNU parallel --pipe --sshlogin sends the
# shards of a ledger over ssh to an sshd on 127.0.0.1, each is tallied
# there with --partial, and the merged result must equal the single pass.
#
# The sshd is this script's own: a host key and a user key made for the
# test in a temporary directory, its own config file, a free port on the
# loopback only; it is killed when the script ends. It runs as root (as
# CI does), so the test is skipped, with a message, where the user is not
# root or openssh-server is not installed.
#
# Usage: sh tests/ssh.sh (with tally on PATH; prints "identical" and the
# number of shards tallied over ssh)
set -u
tally=$(command -v tally) || { echo "no tally on PATH"; exit 1; }
case $tally in /*) ;; *) tally=$(pwd)/$tally ;; esac
here=$(cd "$(dirname "$0")" && pwd)
sshd=/usr/sbin/sshd
if [ "$(id -u)" != 0 ]; then
	echo "skipped: the test's sshd runs as root (CI is root); id -u is $(id -u)"
	exit 0
fi
if [ ! -x "$sshd" ] || ! command -v ssh > /dev/null || ! command -v ssh-keygen > /dev/null; then
	echo "skipped: no $sshd or ssh (Debian: openssh-server, openssh-client)"
	exit 0
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/govstat-ssh.XXXXXX")
pid=
cleanup() {
	if [ -n "$pid" ]; then
		kill "$pid" 2> /dev/null
		wait "$pid" 2> /dev/null
	fi
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

ssh-keygen -q -t ed25519 -N '' -C govstat-test-host -f "$tmp/host_key" || exit 1
ssh-keygen -q -t ed25519 -N '' -C govstat-test-user -f "$tmp/user_key" || exit 1
cp "$tmp/user_key.pub" "$tmp/authorized_keys"
# a free port on the loopback: bind port 0 and take what the kernel gave
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2> /dev/null) ||
	exit 1
cat > "$tmp/sshd_config" << EOF
Port $port
ListenAddress 127.0.0.1
HostKey $tmp/host_key
PidFile $tmp/sshd.pid
PermitRootLogin prohibit-password
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
AuthorizedKeysFile $tmp/authorized_keys
UsePAM no
StrictModes no
PrintMotd no
MaxStartups 20
EOF
# sshd's privilege separation directory (made by the Debian package's
# service, which is not running here)
mkdir -p /run/sshd
"$sshd" -D -e -f "$tmp/sshd_config" 2> "$tmp/sshd.log" &
pid=$!

ssh="ssh -F /dev/null -p $port -i $tmp/user_key -o IdentitiesOnly=yes -o BatchMode=yes \
-o StrictHostKeyChecking=no -o UserKnownHostsFile=$tmp/known_hosts -o LogLevel=ERROR"
up=0
for i in $(seq 50); do
	if $ssh root@127.0.0.1 true 2> /dev/null; then
		up=1
		break
	fi
	kill -0 "$pid" 2> /dev/null || break
	sleep 0.2
done
if [ $up = 0 ]; then
	echo "skipped: sshd could not be started or reached on 127.0.0.1:$port:"
	sed 's/^/  /' "$tmp/sshd.log"
	exit 0
fi

cd "$tmp" || exit 1
awk -v rows=2000 -f "$here/genledger.awk" > l.csv
set -- -g township,status -a 'n=count()' -a 's=sum(people)' -a 'd=distinct(village)' \
	-a 'r=ratio(count(mediation_level=="村"),count())'
"$tally" "$@" --rollup l.csv > single.csv || exit 1
# every shard goes to the ssh host: two job slots there, none here
parallel --will-cite -q --ssh "$ssh" --sshlogin 2/root@127.0.0.1 --pipe --header : -N 500 \
	"$tally" --partial "$@" < l.csv > parts || { echo "parallel failed"; exit 1; }
"$tally" --merge --rollup parts > merged.csv || exit 1
cmp single.csv merged.csv && echo identical
# one partial header a shard, and a login on this sshd for each
shards=$(grep -c '^{"govstat_partial"' parts)
logins=$(grep -c 'Accepted publickey for root from 127.0.0.1' sshd.log)
if [ "$logins" -ge "$shards" ]; then
	echo "$shards shards, each tallied over ssh"
else
	echo "$shards shards, but $logins logins over ssh"
fi
