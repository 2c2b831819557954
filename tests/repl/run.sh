#!/bin/sh
# tests/repl/run.sh - REPL tests through a real pseudo-terminal (expect).
#
#   tests/repl/run.sh [MEMPY]              run every tests/repl/NAME.txt
#   tests/repl/run.sh --regen INTERP DIR   write DIR/NAME.expected from INTERP
#                                          (tests/regen.sh does this with python3)
#
# Each NAME.txt is a session typed by driver.exp (see there for the format);
# the normalised transcript must equal NAME.expected, which is what CPython
# 3.11 printed for the same keystrokes.  Ends with "N passed, M failed";
# exit status 0 when M is 0, 1 on failures, 77 (skip) when expect is not
# installed, 99 when mempy is missing.
here=$(cd "$(dirname "$0")" && pwd)

if ! command -v expect >/dev/null 2>&1; then
    echo "repl/run.sh: expect is not installed; REPL tests skipped" >&2
    [ "${1-}" = --regen ] && exit 1
    exit 77
fi
# A machine without pseudo-terminals (a chroot without /dev/pts) cannot run
# them either; say so and skip rather than report the REPL as broken.
if ! expect -c 'if {[catch {spawn true}]} {exit 1}; expect eof; exit 0' >/dev/null 2>&1; then
    echo "repl/run.sh: no pseudo-terminal can be opened here; REPL tests skipped" >&2
    echo "0 passed, 0 failed"
    exit 77
fi

work=$(mktemp -d) || exit 99
trap 'rm -rf "$work"' EXIT
# The session's history file and start-up state stay in a scratch HOME.
mkdir "$work/home"

# Transcript of spec $1 under interpreter $2, on stdout.
session() {
    HOME="$work/home" expect "$here/driver.exp" "$1" "$2"
}

if [ "${1-}" = --regen ]; then
    mkdir -p "$3"
    for spec in "$here"/*.txt; do
        name=$(basename "$spec" .txt)
        session "$spec" "$2" >"$3/$name.expected" || exit 1
    done
    exit 0
fi

MEMPY=${1:-${MEMPY:-./mempy}}
if [ ! -f "$MEMPY" ] || [ ! -x "$MEMPY" ]; then
    echo "repl/run.sh: no mempy binary at '$MEMPY' (build it, or pass its path)" >&2
    echo "0 passed, 1 failed"
    exit 99
fi
case $MEMPY in /*) ;; *) MEMPY="$(pwd)/$MEMPY" ;; esac

passed=0
failed=0
for spec in "$here"/*.txt; do
    name=$(basename "$spec" .txt)
    session "$spec" "$MEMPY" >"$work/got" 2>"$work/stderr"
    if cmp -s "$here/$name.expected" "$work/got"; then
        echo "PASS: repl/$name"
        passed=$((passed + 1))
    else
        echo "FAIL: repl/$name"
        diff -u "$here/$name.expected" "$work/got" | sed -n '3,22s/^/    /p'
        sed -n '1,4s/^/    driver: /p' "$work/stderr"
        failed=$((failed + 1))
    fi
done
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
