# tests/lib.sh - shell functions shared by the golden-test runner
# (tests/run_golden.sh) and the generator of expected files (tests/regen.sh).
# POSIX sh; sourced, never run.  It owns how one program is run and how its
# stderr is reduced to the one line that is compared.

# Print the absolute form of path $1 (which need not exist yet).
abs_path() {
    case $1 in
        /*) printf '%s\n' "$1" ;;
        *) printf '%s/%s\n' "$(pwd)" "$1" ;;
    esac
}

# Print the last line of file $1, minus directory prefixes $2 and $3.
# CPython 3.11 makes the script path absolute, so a message such as
# "Non-UTF-8 code ... in file /x/tests/py/t.py" would depend on where the
# checkout lives; the test's directory is cut so that "in file t.py" remains.
last_err_line() {
    tail -n 1 "$1" | sed -e "s|$2/||g" -e "s|$3/||g"
}

# Run interpreter $1 on the .py file $2, as `INTERP NAME.py` in the file's
# own directory, with stdin empty and a limit of $4 seconds.  Writes
# $3.out (stdout), $3.stderr (stderr), $3.status (exit status) and
# $3.errlast (the last stderr line, normalised as above).
run_program() {
    rp_dir=$(dirname "$2")
    rp_name=$(basename "$2")
    (
        cd "$rp_dir" || exit 99
        if command -v timeout >/dev/null 2>&1; then
            PYTHONHASHSEED=0 timeout -k 2 "$4" "$1" "$rp_name"
        else
            PYTHONHASHSEED=0 "$1" "$rp_name"
        fi
    ) </dev/null >"$3.out" 2>"$3.stderr"
    echo $? >"$3.status"
    rp_phys=$(cd "$rp_dir" && pwd -P)
    rp_logical=$(cd "$rp_dir" && pwd)
    last_err_line "$3.stderr" "$rp_phys" "$rp_logical" >"$3.errlast"
}
