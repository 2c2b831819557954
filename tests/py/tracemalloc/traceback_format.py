# Traceback.format(): '  File "x", line n' and the stripped source line,
# read from the file (here, this very file, named relative to its folder).
import tracemalloc


def make_list():
    data = [None] * 1000        # line 7
    return data


name = "traceback_format.py"
tb = tracemalloc.Traceback(((name, 7), (name, 13), (name, 10), ("no_such_file.py", 2)))
for line in tb.format():
    print(line)
print("--- most recent first")
for line in tb.format(most_recent_first=True):
    print(line)
print("--- limit 2, -1, 0, 10")
print(tb.format(2))
print(tb.format(-1))
print(tb.format(0))
print(tb.format(limit=10) == tb.format())
print(tb.format(2, True))
print("--- lines past the end, line 0")
print(tracemalloc.Traceback(((name, 100000), (name, 0))).format())
print(tracemalloc.Traceback(((name, 1),)).format())
