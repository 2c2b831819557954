#!/bin/sh
# examples/demo.sh - runs every example with mempy and shows, under a header
# per example, its source and what it printed.
#
#   sh examples/demo.sh [MEMPY]     (default: $MEMPY, else ./mempy)
#
# A demonstration, not a test: an example that fails shows its error and
# exit status and the demo goes on (tests/run_golden.sh is the judge).
# Exit status 1 only when mempy itself cannot be found.
here=$(cd "$(dirname "$0")" && pwd)
MEMPY=${1:-${MEMPY:-./mempy}}
if [ ! -f "$MEMPY" ] || [ ! -x "$MEMPY" ]; then
    echo "demo.sh: no mempy binary at '$MEMPY' (build it first, or pass its path)" >&2
    exit 1
fi
case $MEMPY in /*) ;; *) MEMPY="$(pwd)/$MEMPY" ;; esac

ran=0
ok=0
for f in "$here"/*.py; do
    name=$(basename "$f")
    echo "==================== $name"
    sed 's/^/    /' "$f"
    echo "-------------------- output"
    (cd "$here" && timeout -k 2 10 "$MEMPY" "$name" </dev/null) 2>&1
    status=$?
    [ $status -eq 0 ] && ok=$((ok + 1)) || echo "[exit status $status]"
    ran=$((ran + 1))
    echo
done
echo "$ok of $ran examples ran without error."
