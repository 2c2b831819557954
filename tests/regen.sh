#!/usr/bin/env bash
# tests/regen.sh - (re)generates every expected-output file from CPython 3.11.
#
#   tests/regen.sh            rewrite the expected files in the tree
#   tests/regen.sh --check    generate into a temporary directory and report
#                             every file that differs from the committed one
#
# Expected files are never edited by hand: this script is their only author.
# It covers
#   tests/py/**/NAME.py, examples/NAME.py  -> NAME.out, and NAME.err (last
#        stderr line) + NAME.status (exit status) when the program exits
#        non-zero or writes to stderr; examples listed in examples/SKIP have
#        no expected output;
#   tests/repl/NAME.txt                   -> NAME.expected (tests/repl/run.sh)
#   tests/cli.sh's cases                  -> tests/cli/NAME.{out,err,status}
# Each program runs as `python3 NAME.py` in its own directory with
# PYTHONHASHSEED=0 and a clean environment.  The committed files come from
# CPython 3.11.7; other 3.11 releases differ in a message or two (3.11.2
# reports a NUL byte as "invalid decimal literal"), which --check shows.  Only this script needs python3;
# the test runners never do.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/tests/lib.sh"

check=no
case ${1-} in
    --check) check=yes ;;
    "") ;;
    *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

# The real interpreter binary, not a version manager's shim script.
python=${PYTHON:-python3}
real=$("$python" -c 'import sys; print(sys.executable)' 2>/dev/null) || {
    echo "regen.sh: cannot run $python" >&2; exit 2; }
version=$("$real" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])')
if [ "${version%.*}" != 3.11 ]; then
    echo "regen.sh: refusing to run: $real is Python $version, expected outputs must come from 3.11" >&2
    exit 2
fi

# A wrapper so that every program sees the same environment.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat >"$work/python3" <<EOF
#!/bin/sh
exec env -i PATH="$PATH" HOME="\${HOME:-/}" \${TERM:+TERM="\$TERM"} \${INPUTRC:+INPUTRC="\$INPUTRC"} \\
    LC_ALL=C.UTF-8 PYTHONHASHSEED=0 "$real" "\$@"
EOF
chmod +x "$work/python3"
py="$work/python3"

# Where generated files go: the tree itself, or a mirror of it.
if [ $check = yes ]; then out="$work/gen"; else out="$top"; fi

# The .py programs that have expected output, relative to $top.
list_programs() {
    (cd "$top" && find tests/py -name '*.py' | LC_ALL=C sort)
    (cd "$top" && for f in examples/*.py; do
        grep -qxF "$(basename "$f")" examples/SKIP 2>/dev/null || echo "$f"
    done)
}

# Write the expected files of program $1 (relative path) under $out.
regen_program() {
    local rel=$1 dest="$out/${1%.py}"
    mkdir -p "$(dirname "$dest")"
    run_program "$py" "$top/$rel" "$work/run" 60
    cp "$work/run.out" "$dest.out"
    rm -f "$dest.err" "$dest.status"
    if [ "$(cat "$work/run.status")" != 0 ] || [ -s "$work/run.stderr" ]; then
        cp "$work/run.errlast" "$dest.err"
        cp "$work/run.status" "$dest.status"
    fi
    if [ "$(cat "$work/run.status")" = 124 ]; then
        echo "regen.sh: $rel timed out under python3" >&2
    fi
}

count=0
for rel in $(list_programs); do
    regen_program "$rel"
    count=$((count + 1))
done
echo "regen.sh: $count programs run"

# REPL transcripts and CLI expectations.
"$top/tests/repl/run.sh" --regen "$py" "$out/tests/repl" || exit 1
"$top/tests/cli.sh" --regen "$py" "$out/tests/cli" || exit 1

[ $check = yes ] || exit 0

# --check: every generated file must equal the committed one, and every
# committed expected file must still be generated.
bad=0
expected_files() {
    (cd "$1" && find tests/py examples tests/repl tests/cli -type f \
        \( -name '*.out' -o -name '*.err' -o -name '*.status' -o -name '*.expected' \) \
        2>/dev/null | LC_ALL=C sort)
}
for f in $( (expected_files "$out"; expected_files "$top") | LC_ALL=C sort -u); do
    if [ ! -f "$top/$f" ]; then
        echo "MISSING: $f (python3 produces it, it is not committed)"
        bad=$((bad + 1))
    elif [ ! -f "$out/$f" ]; then
        echo "STALE: $f (committed, python3 does not produce it)"
        bad=$((bad + 1))
    elif ! cmp -s "$top/$f" "$out/$f"; then
        echo "DIFFERS: $f"
        diff -u "$top/$f" "$out/$f" | head -n 12 | sed 's/^/    /'
        bad=$((bad + 1))
    fi
done
if [ $bad -eq 0 ]; then
    echo "regen.sh --check: all expected files agree with python3 $version"
    exit 0
fi
echo "regen.sh --check: $bad expected files disagree with python3 $version"
exit 1
