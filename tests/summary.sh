#!/bin/sh
# tests/summary.sh - the closing line of a `make check` run.
#
#   make -j2 check; sh tests/summary.sh $?       (in the build directory)
#
# Reads the results that Automake's parallel harness left in the current
# build directory (every NAME.trs with its NAME.log, not descending into
# other configured build directories) and prints one line per test script,
# then "N passed, M failed" over all of them.  A script whose log ends with
# its own "N passed, M failed" line contributes those counts; any other test
# counts once by its result (PASS and XFAIL pass; FAIL, ERROR and XPASS fail;
# SKIP is reported and not counted).  The optional argument is make's exit
# status: when make failed but no test did (say, the build broke before the
# tests ran), that counts as one failure.  Exit status 0 when M is 0.
make_status=${1:-0}
passed=0
failed=0
list=$(find . -mindepth 1 -type d -exec test -e '{}/config.status' ';' -prune \
    -o -name '*.trs' -print | LC_ALL=C sort)
for trs in $list; do
    log=${trs%.trs}.log
    name=${trs#./}
    name=${name%.trs}
    bad=$(grep -Ec '^:test-result: (FAIL|ERROR|XPASS)' "$trs")
    good=$(grep -Ec '^:test-result: (PASS|XFAIL)' "$trs")
    skip=$(grep -c '^:test-result: SKIP' "$trs")
    line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" 2>/dev/null | tail -n 1)
    if [ -n "$line" ]; then
        p=${line%% passed*}
        f=${line#*passed, }
        f=${f%% failed}
        # The script failed in a way its own count does not show.
        [ "$bad" -gt 0 ] && [ "$f" -eq 0 ] && f=1
    else
        p=$good
        f=$bad
    fi
    if [ "$skip" -gt 0 ] && [ -z "$line" ]; then
        echo "$name: skipped (see $log)"
    else
        echo "$name: $p passed, $f failed"
    fi
    passed=$((passed + p))
    failed=$((failed + f))
done
if [ -z "$list" ]; then
    echo "no test results found in $(pwd)"
    failed=$((failed + 1))
elif [ "$make_status" -ne 0 ] && [ $failed -eq 0 ]; then
    echo "make check failed (exit status $make_status) although no test did"
    failed=$((failed + 1))
fi
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
