# Which int operations hand back the very same object (CPython 3.11 returns
# an exact int itself from abs() of a non-negative value, unary +, int()
# and __index__) and which make a new one.
import sys

for x in (1000, 2**100, 0, 7):
    print(abs(x) is x, +x is x, int(x) is x, x.__index__() is x, -(-x) is x)

x = 12345
before = sys.getrefcount(x)
y = abs(x)
print(sys.getrefcount(x) - before)
del y
n = -12345
print(abs(n) is n, abs(n) == -n, abs(n) is abs(n))

class I(int):
    pass

i = I(1000)
print(type(abs(i)).__name__, type(+i).__name__, abs(i) is i, +i is i)
print(abs(I(-3)), type(abs(I(-3))).__name__)
