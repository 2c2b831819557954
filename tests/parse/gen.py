#!/usr/bin/env python3
"""gen.py — regenerates the expected outputs of tests/parse from CPython 3.11.

    python3 tests/parse/gen.py          rewrites the .ast and .out files
    python3 tests/parse/gen.py --check  only reports files that would change

For each NAME.py the expected file NAME.ast holds ast.dump(tree,
include_attributes=True), the form tests/c/parse_dump prints with -a.
For each NAME.txt (one Python str or bytes literal per line, each one
source) NAME.out holds one line per case: the dump, or the SyntaxError as
"Type: msg (lineno, offset, end_lineno, end_offset) 'text'".  Each case is
compiled from a real file, so the error text and offsets are those CPython
gives when it runs a script.  repl.out is not generated: CPython has no
function with the REPL's "incomplete" answer; it was checked by piping each
case into `python3 -i` (see repl.txt).
"""
import ast
import os
import sys
import tempfile
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))


def result(src, path, attrs):
    try:
        tree = compile(src, path, "exec", ast.PyCF_ONLY_AST, dont_inherit=True)
        return ast.dump(tree, include_attributes=attrs)
    except SyntaxError as e:
        return (f"{type(e).__name__}: {e.msg} ({e.lineno!r}, {e.offset!r}, "
                f"{e.end_lineno!r}, {e.end_offset!r}) {e.text!r}")


def script_result(data):
    """The two errors CPython words differently for a script than for
    compile(): checked with `python3 case.py` and a sys.excepthook."""
    if b"\0" in data:
        nul = data.index(b"\0")
        line = data[:nul].count(b"\n") + 1
        text = data[data.rfind(b"\n", 0, nul) + 1:nul].decode()
        return f"SyntaxError: source code cannot contain null bytes ({line}, 0, {line}, 0) {text!r}"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[:e.start].count(b"\n") + 1
        return (f"SyntaxError: Non-UTF-8 code starting with '\\x{data[e.start]:02x}' in file "
                f"case.py on line {line}, but no encoding declared; see "
                f"https://peps.python.org/pep-0263/ for details (None, None, None, None) None")
    return None


def cases(path):
    with tempfile.TemporaryDirectory() as tmp:
        case = os.path.join(tmp, "case.py")
        out = []
        with open(path, encoding="utf-8") as f:
            for line in f:
                src = ast.literal_eval(line)
                data = src if isinstance(src, bytes) else src.encode()
                with open(case, "wb") as c:
                    c.write(data)
                out.append(script_result(data) or result(data, case, False))
        return "".join(r + "\n" for r in out)


def main():
    check = "--check" in sys.argv
    warnings.simplefilter("ignore")
    changed = 0
    for name in sorted(os.listdir(HERE)):
        path = os.path.join(HERE, name)
        if name.endswith(".py") and name != "gen.py":
            with open(path, "rb") as f:
                text = result(f.read(), path, True) + "\n"
            target = path[:-3] + ".ast"
        elif name.endswith(".txt") and name != "repl.txt":
            text, target = cases(path), path[:-4] + ".out"
        else:
            continue
        old = open(target).read() if os.path.exists(target) else None
        if old != text:
            changed += 1
            print(("would change: " if check else "updated: ") + os.path.relpath(target))
            if not check:
                with open(target, "w") as f:
                    f.write(text)
    return 1 if check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
