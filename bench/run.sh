#!/bin/sh
# bench/run.sh — times mempy and python3 side by side on bench/py/*.py.
#
#   [PYTHON=python3] bench/run.sh [MEMPY] [RUNS]     (defaults: ./mempy, 5 runs)
#
# Each program runs RUNS times under each interpreter; the median wall time
# of each is printed with the ratio mempy/python3 (below 1.00: mempy is
# faster).  Both must print the same output, or the program is flagged.
mempy=${1:-./mempy}
runs=${2:-5}
dir=$(cd "$(dirname "$0")" && pwd)
[ -x "$mempy" ] || { echo "bench/run.sh: no mempy at '$mempy'" >&2; exit 2; }
python=${PYTHON:-python3}
command -v "$python" >/dev/null || { echo "bench/run.sh: $python not found" >&2; exit 2; }

# Median of the wall times (seconds) of RUNS runs of "$@".
median_time() {
    i=0
    while [ $i -lt "$runs" ]; do
        s=$(date +%s.%N)
        "$@" >/dev/null 2>&1
        e=$(date +%s.%N)
        echo "$e - $s" | bc
        i=$((i + 1))
    done | sort -n | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }'
}

printf '%-14s %10s %10s %8s\n' program mempy python3 ratio
for f in "$dir"/py/*.py; do
    name=$(basename "$f" .py)
    a=$("$mempy" "$f" 2>&1)
    b=$("$python" "$f" 2>&1)
    note=
    [ "$a" = "$b" ] || note="  (outputs differ!)"
    tm=$(median_time "$mempy" "$f")
    tp=$(median_time "$python" "$f")
    ratio=$(echo "scale=2; $tm / $tp" | bc)
    printf '%-14s %9.3fs %9.3fs %8s%s\n' "$name" "$tm" "$tp" "$ratio" "$note"
done
