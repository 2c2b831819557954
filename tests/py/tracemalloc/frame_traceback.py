# Frame and Traceback: what a traceback of an allocation is made of.
import tracemalloc
from tracemalloc import Frame, Traceback

f = Frame(("demo.py", 4))
print(f, repr(f), f.filename, f.lineno)
print(Frame(("a.py", 1)) == Frame(("a.py", 1)), Frame(("a.py", 1)) != Frame(("a.py", 2)))
print(Frame(("a.py", 1)) < Frame(("a.py", 2)), Frame(("b.py", 1)) < Frame(("a.py", 2)))
print(Frame(("a.py", 1)) <= Frame(("a.py", 1)), Frame(("a.py", 3)) > Frame(("a.py", 2)),
      Frame(("a.py", 1)) >= Frame(("b.py", 0)))
print(hash(Frame(("a.py", 1))) == hash(("a.py", 1)), Frame(("a.py", 1)) == ("a.py", 1))
print(sorted([Frame(("b.py", 2)), Frame(("a.py", 9)), Frame(("a.py", 3))]))

# the frames come most recent first, as the tracer records them; the
# Traceback keeps them oldest first
tb = Traceback((("inner.py", 3), ("middle.py", 20), ("outer.py", 100)))
print(tb)
print(repr(tb))
print(len(tb), tb[0], tb[1], tb[-1], repr(tb[2]))
print(tb[0:2])
print(tb[::-1])
print(list(tb))
print(list(reversed(tb)))
print(Frame(("middle.py", 20)) in tb, Frame(("middle.py", 21)) in tb)
print(tb.index(Frame(("inner.py", 3))), tb.count(Frame(("outer.py", 100))))
print(tb.total_nframe)
try:
    tb.index(Frame(("nowhere.py", 1)))
except ValueError as e:
    print("ValueError", repr(str(e)))
try:
    tb[3]
except IndexError as e:
    print("IndexError:", e)

tb5 = Traceback((("inner.py", 3),), 5)
print(repr(tb5), tb5.total_nframe)
print(tb == Traceback([("inner.py", 3), ("middle.py", 20), ("outer.py", 100)]))
print(tb == tb5, tb != tb5, Traceback((("a.py", 1),)) < Traceback((("b.py", 1),)))
print(hash(tb) == hash(Traceback((("inner.py", 3), ("middle.py", 20), ("outer.py", 100)))))
print(tb == 5, tb != "x")

empty = Traceback(())
print(repr(empty), len(empty), list(empty))
try:
    str(empty)
except IndexError as e:
    print("IndexError:", e)
