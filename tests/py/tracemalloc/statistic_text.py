# str() and repr() of Statistic and StatisticDiff, built by hand: the
# formats that memory reports print.
import tracemalloc
from tracemalloc import Statistic, StatisticDiff, Traceback

tb = Traceback((("demo.py", 4),))
stat = Statistic(tb, 2041860, 20001)
print(stat)
print(repr(stat))
print(stat.traceback is tb, stat.size, stat.count)

print(Statistic(tb, 0, 0))
print(Statistic(tb, 1023, 1))
print(Statistic(tb, 10 * 1024 * 1024, 3))
print(Statistic(tb, 5, 2))

diff = StatisticDiff(tb, 2041860, 2041860, 20001, 20001)
print(diff)
print(repr(diff))
print(StatisticDiff(tb, 0, -552, 0, -3))
print(repr(StatisticDiff(tb, 0, -552, 0, -3)))
print(StatisticDiff(tb, 4096, 0, 8, 0))
print(StatisticDiff(tb, 300000, -150000, 100, 50))

deep = Traceback((("inner.py", 12), ("outer.py", 30)), 5)
print(Statistic(deep, 100, 1))
print(repr(Statistic(deep, 100, 1)))

# equality and hashing by value
a = Statistic(Traceback((("x.py", 1),)), 10, 1)
b = Statistic(Traceback((("x.py", 1),)), 10, 1)
c = Statistic(Traceback((("x.py", 1),)), 11, 1)
print(a == b, a != b, a == c, a != c, a == 5, hash(a) == hash(b))
print(StatisticDiff(tb, 1, 2, 3, 4) == StatisticDiff(tb, 1, 2, 3, 4))
print(StatisticDiff(tb, 1, 2, 3, 4) == StatisticDiff(tb, 1, 2, 3, 5))
print(len({a, b, c}))

# the attributes are slots that can be changed
a.size = 4096
a.count = 2
print(a)
try:
    a.other = 1
except AttributeError:
    print("AttributeError")
