#!/bin/sh
# tests/cli.sh - command-line tests: options, sys.argv, stdin, exit statuses.
#
#   tests/cli.sh [MEMPY]              run the cases against mempy
#   tests/cli.sh --regen INTERP DIR   write DIR/NAME.{out,err,status} from
#                                     INTERP (tests/regen.sh uses python3)
#
# Every case runs in tests/cli/ with a 5 s limit.  Its expected stdout,
# stderr and exit status come from CPython 3.11; the table below says which
# of them a case compares:
#   out      stdout, byte for byte
#   status   the exit status
#   err      all of stderr      errlast / errfirst   its last / first line
#   version  stdout is one line like "Name 1.2.3" (mempy has its own version)
#   usage    the first stdout line starts with "usage: "
#   usage2   the second stderr line starts with "usage: "
# Before comparing, stderr is normalised: the program name that starts
# "can't open file" / "can't find '__main__'" messages becomes PROG (CPython
# prints its own path there), so does the name after "usage: ", `python -h'
# becomes `PROG -h', and the absolute path of tests/cli becomes <DIR>.
# The format checks (version, usage, usage2) are also applied to CPython's
# output when regenerating, so they are known to hold for it.  Ends with "N passed, M failed"; exit 0 when M is 0,
# 1 on failures, 99 when mempy is missing.
here=$(cd "$(dirname "$0")" && pwd)
cases="$here/cli"

CASES='
c_print            out status err
c_argv             out status err
c_multiline        out status err
c_empty            out status err
script_args        out status err
script_no_args     out status err
script_option_args out status err
stdin_dash         out status err
stdin_dash_args    out status err
stdin_implicit     out status err
stdin_error        out status err
quiet_stdin        out status err
version_short      version status err
version_long       version status err
help_short         usage status
help_long          usage status
unknown_option     out status errfirst usage2
c_missing_arg      out status errfirst usage2
missing_file       out status err
directory_script   out status err
interactive_after  out status errlast
interactive_error  out status errlast
uncaught_c         out status err
uncaught_script    out status errlast
syntax_error_c     out status errlast
systemexit_code    out status err
sys_exit_message   out status err
sys_exit_none      out status err
'

# The cases.  `run` is the interpreter under test (with a time limit).
case_c_print() { run -c 'print(1)'; }
case_c_argv() { run -c 'import sys; print(sys.argv)' a b; }
case_c_multiline() { run -c 'for i in range(3):
    print(i * i)'; }
case_c_empty() { run -c ''; }
case_script_args() { run argv.py one 2 --three; }
case_script_no_args() { run argv.py; }
case_script_option_args() { run argv.py -c x -V; }
case_stdin_dash() { printf 'print(2 + 3)\n' | run -; }
case_stdin_dash_args() { printf 'import sys\nprint(sys.argv)\n' | run - x y; }
case_stdin_implicit() { printf 'import sys\nprint(sys.argv)\nprint(6 * 7)\n' | run; }
case_stdin_error() { printf 'print("a")\n1/0\nprint("b")\n' | run -; }
case_quiet_stdin() { printf 'print(1)\n' | run -q; }
case_version_short() { run -V; }
case_version_long() { run --version; }
case_help_short() { run -h; }
case_help_long() { run --help; }
case_unknown_option() { run -Z; }
case_c_missing_arg() { run -c; }
case_missing_file() { run nonexistent.py; }
case_directory_script() { run .; }
case_interactive_after() { printf 'print(x * 2)\n' | run -i setx.py; }
case_interactive_error() { printf 'print("after", y)\n' | run -i raise_after.py; }
case_uncaught_c() { run -c '1/0'; }
case_uncaught_script() { run raise_in_script.py; }
case_syntax_error_c() { run -c 'x = (1,'; }
case_systemexit_code() { run -c 'print("bye"); raise SystemExit(4)'; }
case_sys_exit_message() { run -c 'import sys; sys.exit("fatal: bad input")'; }
case_sys_exit_none() { run -c 'import sys; print("x"); sys.exit()'; }

run() {
    if command -v timeout >/dev/null 2>&1; then
        timeout -k 2 5 "$INTERP" "$@"
    else
        "$INTERP" "$@"
    fi
}

# Run case $1; leave $work/NAME.{out,err,status} (stderr normalised).
run_case() {
    phys=$(cd "$cases" && pwd -P)
    (cd "$cases" && "case_$1") >"$work/$1.out" 2>"$work/$1.raw" </dev/null
    echo $? >"$work/$1.status"
    sed -e "s|^.*: can't open file|PROG: can't open file|" \
        -e "s|^.*: can't find '__main__'|PROG: can't find '__main__'|" \
        -e "s|\`[^ ']* -h'|\`PROG -h'|" -e "s|^usage: [^ ]*|usage: PROG|" \
        -e "s|$phys|<DIR>|g" -e "s|$cases|<DIR>|g" "$work/$1.raw" >"$work/$1.err"
    rm -f "$work/$1.raw"
}

# Check the format-only criteria of case $1 on its output in $work; print
# the reason of a failure.
check_formats() {
    for c in $2; do
        case $c in
            version)
                [ "$(wc -l <"$work/$1.out")" -eq 1 ] &&
                    grep -Eq '^[A-Za-z]+ [0-9.]+' "$work/$1.out" ||
                    echo "stdout is not one 'Name 1.2.3' line" ;;
            usage)
                head -n 1 "$work/$1.out" | grep -q '^usage: ' ||
                    echo "stdout does not start with 'usage: '" ;;
            usage2)
                sed -n 2p "$work/$1.err" | grep -q '^usage: ' ||
                    echo "second stderr line does not start with 'usage: '" ;;
        esac
    done
}

# Compare case $1's output in $work with the expected files in $2, for the
# criteria $3; print the reasons of a failure.
compare_case() {
    case $(cat "$work/$1.status") in
        124|137) echo "timed out after 5s" ;;
    esac
    for c in $3; do
        case $c in
            out) cmp -s "$2/$1.out" "$work/$1.out" || echo "stdout differs" ;;
            status) [ "$(cat "$2/$1.status")" = "$(cat "$work/$1.status")" ] ||
                echo "exit status $(cat "$work/$1.status"), expected $(cat "$2/$1.status")" ;;
            err) cmp -s "$2/$1.err" "$work/$1.err" || echo "stderr differs" ;;
            errlast) [ "$(tail -n 1 "$2/$1.err")" = "$(tail -n 1 "$work/$1.err")" ] ||
                echo "last stderr line differs" ;;
            errfirst) [ "$(head -n 1 "$2/$1.err")" = "$(head -n 1 "$work/$1.err")" ] ||
                echo "first stderr line differs" ;;
        esac
    done
    check_formats "$1" "$3"
}

work=$(mktemp -d) || exit 99
trap 'rm -rf "$work"' EXIT

if [ "${1-}" = --regen ]; then
    INTERP=$2
    mkdir -p "$3"
    bad=0
    echo "$CASES" | while read -r name criteria; do
        [ -n "$name" ] || continue
        run_case "$name"
        why=$(check_formats "$name" "$criteria")
        if [ -n "$why" ]; then
            echo "cli.sh: $name: CPython fails this case's own check: $why" >&2
            exit 1
        fi
        rm -f "$3/$name.out" "$3/$name.err" "$3/$name.status"
        for c in $criteria; do
            case $c in
                out|status) cp "$work/$name.$c" "$3/$name.$c" ;;
                err*) cp "$work/$name.err" "$3/$name.err" ;;
            esac
        done
    done
    exit $?
fi

INTERP=${1:-${MEMPY:-./mempy}}
if [ ! -f "$INTERP" ] || [ ! -x "$INTERP" ]; then
    echo "cli.sh: no mempy binary at '$INTERP' (build it, or pass its path)" >&2
    echo "0 passed, 1 failed"
    exit 99
fi
case $INTERP in /*) ;; *) INTERP="$(pwd)/$INTERP" ;; esac

echo "$CASES" | {
    passed=0
    failed=0
    while read -r name criteria; do
        [ -n "$name" ] || continue
        run_case "$name"
        why=$(compare_case "$name" "$cases" "$criteria" | tr '\n' ';' | sed 's/;$//; s/;/; /g')
        if [ -z "$why" ]; then
            echo "PASS: cli/$name"
            passed=$((passed + 1))
        else
            echo "FAIL: cli/$name ($why)"
            sed -n '1,4s/^/    stdout: /p' "$work/$name.out"
            sed -n '1,4s/^/    stderr: /p' "$work/$name.err"
            failed=$((failed + 1))
        fi
    done
    echo "$passed passed, $failed failed"
    [ $failed -eq 0 ]
}
