# Each frame on the call chain that holds the object adds one reference.
import sys


def level3(x):
    return sys.getrefcount(x)


def level2(x):
    inner = level3(x)
    return inner, sys.getrefcount(x)


def level1(x):
    a, b = level2(x)
    return a, b, sys.getrefcount(x)


payload = {"k": "v"}
print(level1(payload))
print(sys.getrefcount(payload))


def recurse(obj, depth):
    if depth == 0:
        return sys.getrefcount(obj)
    return recurse(obj, depth - 1)


for depth in range(5):
    print(depth, recurse(payload, depth))
