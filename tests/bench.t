# tests/bench.sh (make bench) is not a test, but what it leaves for its
# next run must be whole: the generated ledgers are reused while newer
# than their generator. Each case runs a copy of bench.sh with an awk
# that kills it at a chosen step.

### a run killed while writing its ledger leaves no truncated ledger: the next run makes it again, whole
$ A=$(command -v awk); mkdir t shim; cp -p "$TOP/tests/bench.sh" "$TOP/tests/genledger.awk" t/; touch -d 2000-01-01 t/genledger.awk; printf '%s\n' '#!/bin/sh' 'case "$KILL:$*" in' "\"ledger:-v rows=1000 -f\"*) $A \"\$@\" | head -n 100; kill -9 \$PPID; exit 1;;" '"small:-v rows=200000 -f"*) kill -9 $PPID; exit 1;;' 'esac' "exec $A \"\$@\"" > shim/awk; chmod +x shim/awk; (KILL=ledger PATH="$PWD/shim:$PATH" ROWS=1000 sh t/bench.sh; echo "status $?") 2> /dev/null; ls out/bench | grep -c '^ledger-1000.csv$'; (KILL=small PATH="$PWD/shim:$PATH" ROWS=1000 sh t/bench.sh; echo "status $?") 2> /dev/null; wc -l < out/bench/ledger-1000.csv
>>>
status 137
0
status 137
1001
