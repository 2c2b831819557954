#!/bin/sh
# tests/run_golden.sh - runs mempy on every golden test and compares it with
# the expected output that CPython 3.11 gave (made by tests/regen.sh).
#
#   tests/run_golden.sh [MEMPY]      (or MEMPY=/path/to/mempy in the environment)
#
# Tests: tests/py/**/NAME.py and examples/NAME.py that have a NAME.out.  Each
# runs as `mempy NAME.py` in its own directory, with empty stdin and a 10 s
# limit (GOLDEN_TIMEOUT).  It passes when stdout equals NAME.out byte for
# byte, the exit status equals NAME.status (0 when absent), and the last line
# of stderr equals NAME.err -- or, without NAME.err, stderr is empty.
# A test named in tests/known-failures that fails is XFAIL (not counted); one
# that passes is XPASS and counts as a failure, so the list stays honest.
# GOLDEN_JOBS (default 2) tests run at once; GOLDEN_FILTER (an extended
# regexp) restricts the run to matching names.
#
# The last line printed is "N passed, M failed".  Exit status: 0 when M is 0,
# 1 when tests failed, 99 when the run itself is impossible (Automake's
# parallel harness reads 99 as a hard error).
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/tests/lib.sh"

# --one FILE: the worker that xargs starts for each test.
if [ "${1-}" = --one ]; then
    f=$2
    name=${f#"$top"/}
    name=${name%.py}
    exp=${f%.py}
    res="$GOLDEN_WORK/res/$(echo "$name" | tr / _)"
    run_program "$MEMPY" "$f" "$res.run" "${GOLDEN_TIMEOUT:-10}"
    st=$(cat "$res.run.status")
    want_st=0
    [ -f "$exp.status" ] && want_st=$(cat "$exp.status")
    why=
    if [ "$st" = 124 ] || [ "$st" = 137 ]; then
        why="timed out after ${GOLDEN_TIMEOUT:-10}s (status $st)"
    elif grep -Eq '^==[0-9]+==ERROR: |runtime error: ' "$res.run.stderr"; then
        why="sanitizer report on stderr"
    fi
    if ! cmp -s "$exp.out" "$res.run.out"; then
        why="${why:+$why; }stdout differs"
    fi
    if [ "$st" != "$want_st" ]; then
        why="${why:+$why; }exit status $st, expected $want_st"
    fi
    if [ -f "$exp.err" ]; then
        if [ "$(cat "$exp.err")" != "$(cat "$res.run.errlast")" ]; then
            why="${why:+$why; }last stderr line differs"
        fi
    elif [ -s "$res.run.stderr" ]; then
        why="${why:+$why; }unexpected stderr"
    fi
    known=no
    if [ -f "$top/tests/known-failures" ] &&
        grep -v '^#' "$top/tests/known-failures" | grep -qxF "$name"; then
        known=yes
    fi
    {
        if [ -z "$why" ] && [ $known = no ]; then
            echo "PASS: $name"
        elif [ -z "$why" ]; then
            echo "XPASS: $name (passes now: remove it from tests/known-failures)"
        elif [ $known = yes ]; then
            echo "XFAIL: $name ($why)"
        else
            echo "FAIL: $name ($why)"
            if ! cmp -s "$exp.out" "$res.run.out"; then
                diff -u "$exp.out" "$res.run.out" | sed -n '3,14s/^/    /p'
            fi
            if [ -f "$exp.err" ]; then
                if [ "$(cat "$exp.err")" != "$(cat "$res.run.errlast")" ]; then
                    echo "    stderr, last line expected: $(cat "$exp.err")"
                    echo "    stderr, last line got:      $(cat "$res.run.errlast")"
                fi
            elif [ -s "$res.run.stderr" ]; then
                sed -n '1,6s/^/    stderr: /p' "$res.run.stderr"
            fi
        fi
    } >"$res.result"
    rm -f "$res.run.out" "$res.run.stderr" "$res.run.errlast" "$res.run.status"
    exit 0
fi

MEMPY=${1:-${MEMPY:-./mempy}}
if [ ! -f "$MEMPY" ] || [ ! -x "$MEMPY" ]; then
    echo "run_golden.sh: no mempy binary at '$MEMPY' (build it, or pass its path)" >&2
    echo "0 passed, 1 failed"
    exit 99
fi
MEMPY=$(abs_path "$MEMPY")
GOLDEN_WORK=$(mktemp -d) || exit 99
trap 'rm -rf "$GOLDEN_WORK"' EXIT
trap 'exit 99' INT TERM
mkdir "$GOLDEN_WORK/res"
# Sanitizer builds: stop at the first undefined-behaviour report.
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export MEMPY GOLDEN_WORK UBSAN_OPTIONS

find "$top/tests/py" "$top/examples" -name '*.py' | LC_ALL=C sort |
while IFS= read -r f; do
    [ -f "${f%.py}.out" ] || continue
    if [ -n "${GOLDEN_FILTER-}" ]; then
        n=${f#"$top"/}
        echo "${n%.py}" | grep -Eq -- "$GOLDEN_FILTER" || continue
    fi
    echo "$f"
done >"$GOLDEN_WORK/list"
if [ ! -s "$GOLDEN_WORK/list" ]; then
    echo "run_golden.sh: no tests found under $top" >&2
    echo "0 passed, 1 failed"
    exit 99
fi

tr '\n' '\0' <"$GOLDEN_WORK/list" |
    xargs -0 -n 1 -P "${GOLDEN_JOBS:-2}" sh "$top/tests/run_golden.sh" --one

passed=0
failed=0
xfailed=0
while read -r f; do
    name=${f#"$top"/}
    r="$GOLDEN_WORK/res/$(echo "${name%.py}" | tr / _).result"
    if [ ! -f "$r" ]; then
        echo "FAIL: ${name%.py} (the runner lost this test)"
        failed=$((failed + 1))
        continue
    fi
    cat "$r"
    case $(head -n 1 "$r") in
        PASS:*) passed=$((passed + 1)) ;;
        XFAIL:*) xfailed=$((xfailed + 1)) ;;
        *) failed=$((failed + 1)) ;;
    esac
done <"$GOLDEN_WORK/list"
[ $xfailed -eq 0 ] || echo "($xfailed known failures, listed in tests/known-failures)"
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
