#!/bin/sh
# run.sh — compares the front end (lexer/, parser/) with CPython 3.11.
#
# tests/c/parse_dump prints the tree of each source of tests/parse the way
# Python's ast.dump() does (with locations), or the SyntaxError it raises;
# each line must equal the one CPython 3.11 gave (the .ast and .out files,
# made by gen.py; repl.out was checked by hand against `python3 -i`).
# Ends with "N passed, M failed", one count per source.
#
#   PARSE_DUMP=path/to/parse_dump tests/parse/run.sh
dir=$(cd "$(dirname "$0")" && pwd)
dump=${PARSE_DUMP:-tests/c/parse_dump}
tmp=${TMPDIR:-/tmp}/parse_run.$$
trap 'rm -f "$tmp"' EXIT
passed=0
failed=0

# compare NAME EXPECTED: counts the lines of $tmp equal to EXPECTED's
compare() {
    counts=$(awk -v name="$1" '
        NR == FNR { want[FNR] = $0; n = FNR; next }
        { got[FNR] = $0; m = FNR }
        END {
            bad = 0
            for (i = 1; i <= n || i <= m; i++)
                if (want[i] != got[i]) {
                    bad++
                    if (bad <= 5)
                        printf "FAIL %s case %d\n  expected: %s\n  got:      %s\n", name, i,
                               substr(want[i], 1, 300), substr(got[i], 1, 300) > "/dev/stderr"
                }
            print n - bad, bad
        }' "$2" "$tmp")
    passed=$((passed + ${counts% *}))
    failed=$((failed + ${counts#* }))
}

for src in "$dir"/*.py; do
    case $src in */gen.py) continue ;; esac
    "$dump" -a "$src" > "$tmp" 2>&1
    compare "$(basename "$src")" "${src%.py}.ast"
done
"$dump" -l "$dir/errors.txt" > "$tmp" 2>&1
compare errors.txt "$dir/errors.out"
"$dump" -m single -l "$dir/repl.txt" > "$tmp" 2>&1
compare repl.txt "$dir/repl.out"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
