# A global read inside a function is held by the module's namespace dict.
import sys

CACHE = {}


def count_global():
    return sys.getrefcount(CACHE)


def count_with_local():
    local = CACHE
    return sys.getrefcount(CACHE)


def replace_global():
    global CACHE
    old = CACHE
    CACHE = {"new": 1}
    return sys.getrefcount(old)


print(sys.getrefcount(CACHE))
print(count_global())
print(count_with_local())
keep = CACHE
print(replace_global())
print(sys.getrefcount(keep), sys.getrefcount(CACHE))
