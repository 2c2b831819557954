#!/bin/sh
# bench/run.sh — times mempy and python3 side by side on bench/py/*.py.
#
#   [PYTHON=python3] bench/run.sh [MEMPY] [RUNS]     (defaults: ./mempy, 5 runs)
#
# Each program runs RUNS times under each interpreter, the two taking
# turns; the median wall time of each is printed with the ratio
# mempy/python3 (below 1.00: mempy is faster).  Both must print the same
# output, or the program is flagged.
mempy=${1:-./mempy}
runs=${2:-5}
dir=$(cd "$(dirname "$0")" && pwd)
[ -x "$mempy" ] || { echo "bench/run.sh: no mempy at '$mempy'" >&2; exit 2; }
python=${PYTHON:-python3}
command -v "$python" >/dev/null || { echo "bench/run.sh: $python not found" >&2; exit 2; }

# The wall time (seconds) of one run of "$@".
wall_time() {
    s=$(date +%s.%N)
    "$@" >/dev/null 2>&1
    e=$(date +%s.%N)
    echo "$e - $s" | bc
}

# The median of the numbers on standard input.
median() {
    sort -n | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }'
}

printf '%-14s %10s %10s %8s\n' program mempy python3 ratio
times=$(mktemp)
trap 'rm -f "$times"' EXIT
for f in "$dir"/py/*.py; do
    name=$(basename "$f" .py)
    a=$("$mempy" "$f" 2>&1)
    b=$("$python" "$f" 2>&1)
    note=
    [ "$a" = "$b" ] || note="  (outputs differ!)"
    # the two take turns, so that a change in the machine's load hits both
    i=0
    while [ $i -lt "$runs" ]; do
        echo "m $(wall_time "$mempy" "$f")"
        echo "p $(wall_time "$python" "$f")"
        i=$((i + 1))
    done >"$times"
    tm=$(awk '$1 == "m" { print $2 }' "$times" | median)
    tp=$(awk '$1 == "p" { print $2 }' "$times" | median)
    ratio=$(echo "scale=2; $tm / $tp" | bc)
    printf '%-14s %9.3fs %9.3fs %8s%s\n' "$name" "$tm" "$tp" "$ratio" "$note"
done
