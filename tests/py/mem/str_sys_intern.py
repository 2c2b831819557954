# sys.intern returns one canonical object for each distinct string value.
import sys

parts = ["memory", "manager", "!"]
first = "-".join(parts)
second = "-".join(parts)
print(first == second, first is second)

i1 = sys.intern(first)
i2 = sys.intern(second)
print(i1 is i2, i1 is first, i2 is second)

names = ["user_%d" % (n % 3) for n in range(9)]
print(len(set(map(id, names))))
interned = [sys.intern(n) for n in names]
print(len(set(map(id, interned))))

try:
    sys.intern(42)
except TypeError as e:
    print(e)
