#!/bin/sh
# tests/alloc_modes.sh - the golden suite under mempy's other allocator modes
# (MEMPY_MALLOC, see mem/alloc.c):
#   debug   pymalloc with guard bytes and fill patterns: an overrun, a double
#           free or a domain mismatch aborts the run with a report;
#   malloc  every domain on the system allocator, run under valgrind memcheck
#           when valgrind is installed (and mempy is not an ASan build):
#           any invalid access or definite leak fails the test.
# Ends with "N passed, M failed" over both runs; exit status 0 when M is 0.
here=$(cd "$(dirname "$0")" && pwd)
mempy=${1:-${MEMPY:-./mempy}}
case $mempy in /*) ;; *) mempy=$(pwd)/$mempy ;; esac
[ -x "$mempy" ] || { echo "alloc_modes.sh: no mempy binary at '$mempy'"; exit 99; }
work=$(mktemp -d) || exit 99
trap 'rm -rf "$work"' EXIT

passed=0
failed=0
# Adds the closing counts of the run whose output is in file $1.
count() {
    line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$1" | tail -n 1)
    if [ -z "$line" ]; then
        failed=$((failed + 1))
        return
    fi
    passed=$((passed + ${line%% passed*}))
    line=${line#*passed, }
    failed=$((failed + ${line%% failed}))
}

# A wrapper that runs mempy in mode $1 (under valgrind for malloc, if usable).
wrapper() {
    w="$work/mempy-$1"
    if [ "$1" = malloc ] && command -v valgrind >/dev/null 2>&1 &&
       ! (ldd "$mempy" 2>/dev/null | grep -q libasan); then
        printf '#!/bin/sh\nMEMPY_MALLOC=malloc exec valgrind -q --error-exitcode=97 --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite "%s" "$@"\n' "$mempy" >"$w"
    else
        printf '#!/bin/sh\nMEMPY_MALLOC=%s exec "%s" "$@"\n' "$1" "$mempy" >"$w"
    fi
    chmod +x "$w"
    echo "$w"
}

for mode in debug malloc; do
    echo "== MEMPY_MALLOC=$mode"
    GOLDEN_TIMEOUT=${GOLDEN_TIMEOUT:-120} MEMPY=$(wrapper $mode) sh "$here/run_golden.sh" >"$work/$mode.log" 2>&1
    grep -E '^(FAIL|XPASS)' -A6 "$work/$mode.log"
    tail -n 1 "$work/$mode.log"
    count "$work/$mode.log"
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
