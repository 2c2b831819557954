#!/bin/sh
# tests/debugmallocstats.sh - the layout of sys._debugmallocstats().
#
#   tests/debugmallocstats.sh [MEMPY]
#
# Runs `mempy -c 'import sys; sys._debugmallocstats()'` and checks its
# stderr line by line against CPython 3.11's layout, with patterns rather
# than numbers (the numbers change from run to run):
#   the threshold line, the class table (header, rule, one row per class in
#   use), the arena counters, the byte accounting ending in Total, the arena
#   map counts, then the free lists of the object-specific allocators: dicts,
#   floats, lists and tuples of 1 to 20 items, each "N free Xs * B bytes
#   each" right-aligned to 48 columns with its total N * B.
# Every "label = value" line has the label padded to 35 columns and the
# value right-aligned in 21 with thousands separators.  Under
# MEMPY_MALLOC=malloc only the free-list lines remain, as under CPython's
# PYTHONMALLOC=malloc.  Nothing may go to stdout.
#
# Ends with "N passed, M failed"; exit 0 when M is 0, 1 on failures, 99 when
# mempy is missing.
mempy=${1:-${MEMPY:-./mempy}}
if [ ! -x "$mempy" ]; then
    echo "tests/debugmallocstats.sh: no mempy at '$mempy'" >&2
    exit 99
fi
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT

passed=0
failed=0
VALUE=' *[0-9]{1,3}(,[0-9]{3})*'

pass() { passed=$((passed + 1)); }
fail() {
    failed=$((failed + 1))
    echo "FAIL: $mode, line $lineno: $1"
    echo "    got: '$line'"
}

# Reads the next line of the output under test (fd 3) into $line.
next_line() {
    if IFS= read -r line <&3; then
        lineno=$((lineno + 1))
    else
        line='<end of output>'
    fi
}

# Whether $line matches the extended regex $1 as a whole.
matches() {
    printf '%s\n' "$line" | grep -Eqx -- "$1"
}

# The next line must match regex $1 ($2 says what it is).
expect() {
    next_line
    if matches "$1"; then pass; else fail "expected $2"; fi
}

# The next line must be a "label = value" line whose label matches $1.
expect_value() {
    next_line
    if matches ".{35}=.{21}" && matches "$1 *=$VALUE"; then
        pass
    else
        fail "expected '$1 = value' (label in 35 columns, value in 21)"
    fi
}

# The next line must be the free-list line of "free $1s" of $2 bytes each,
# with the right total.
expect_freelist() {
    next_line
    if matches ".{48} =.{21}" && matches " *[0-9]+ free $1s \* $2 bytes each =$VALUE"; then
        count=${line%% free*}
        total=$(printf '%s\n' "${line##*=}" | tr -d ' ,')
        if [ "$((count * $2))" = "$total" ]; then pass; else fail "total is not $count * $2"; fi
    else
        fail "expected 'N free $1s * $2 bytes each = total' right-aligned to 48"
    fi
}

expect_freelists() {
    expect_freelist PyDictObject 48
    expect_freelist PyFloatObject 24
    expect_freelist PyListObject 40
    k=1
    while [ $k -le 20 ]; do
        expect_freelist "$k-sized PyTupleObject" $((24 + 8 * k))
        k=$((k + 1))
    done
}

expect_end() {
    next_line
    if [ "$line" = '<end of output>' ]; then pass; else fail "expected the end of the output"; fi
}

# Runs mempy under MEMPY_MALLOC=$1; its stderr is then read from fd 3.
run_stats() {
    mode="MEMPY_MALLOC=$1"
    lineno=0
    MEMPY_MALLOC=$1 "$mempy" -c 'import sys; sys._debugmallocstats()' >"$tmp/out" 2>"$tmp/err"
    status=$?
    line="exit status $status, $(wc -c <"$tmp/out") bytes on stdout"
    if [ $status -eq 0 ] && [ ! -s "$tmp/out" ]; then pass; else fail "exit status 0, nothing on stdout"; fi
    exec 3<"$tmp/err"
}

# The pymalloc part (the default allocator).
run_stats pymalloc
expect 'Small block threshold = [0-9]+, in [0-9]+ size classes\.' 'the threshold line'
expect '' 'a blank line'
expect 'class   size   num pools   blocks in use  avail blocks' 'the table header'
expect '-----   ----   ---------   -------------  ------------' 'the table rule'
rows=0
while next_line && [ -n "$line" ] && [ "$line" != '<end of output>' ]; do
    if matches '[ 0-9]{5} [ 0-9]{6} [ 0-9]{11} [ 0-9]{15} [ 0-9]{13}' &&
        matches ' *[0-9]+ +[0-9]+ +[0-9]+ +[0-9]+ +[0-9]+'; then
        pass
    else
        fail 'expected a table row "%5u %6u %11zu %15zu %13zu"'
    fi
    rows=$((rows + 1))
done
if [ $rows -gt 0 ] && [ -z "$line" ]; then pass; else fail 'expected table rows, then a blank line'; fi
expect_value '# arenas allocated total'
expect_value '# arenas reclaimed'
expect_value '# arenas highwater mark'
expect_value '# arenas allocated current'
expect_value '[0-9]+ arenas \* [0-9]+ bytes/arena'
expect '' 'a blank line'
expect_value '# bytes in allocated blocks'
expect_value '# bytes in available blocks'
expect_value '[0-9]+ unused pools \* [0-9]+ bytes'
expect_value '# bytes lost to pool headers'
expect_value '# bytes lost to quantization'
expect_value '# bytes lost to arena alignment'
expect_value 'Total'
expect '' 'a blank line'
expect 'arena map counts' 'the arena map heading'
expect_value '# arena map mid nodes'
expect_value '# arena map bot nodes'
expect '' 'a blank line'
expect_value '# bytes lost to arena map root'
expect_value '# bytes lost to arena map mid'
expect_value '# bytes lost to arena map bot'
expect_value 'Total'
expect '' 'a blank line'
expect_freelists
expect_end
exec 3<&-

# The system allocator: the free lists only.
run_stats malloc
expect_freelists
expect_end
exec 3<&-

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
