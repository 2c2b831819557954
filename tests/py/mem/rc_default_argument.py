# Default values are stored on the function object (__defaults__).
import sys

sentinel = ["default"]
print(sys.getrefcount(sentinel))


def use(x=sentinel):
    return sys.getrefcount(x)


print(sys.getrefcount(sentinel))
print(use())
print(use(sentinel))
print(use.__defaults__[0] is sentinel)


def also(a=sentinel, b=sentinel):
    return a is b


print(sys.getrefcount(sentinel))
del use
print(sys.getrefcount(sentinel))
del also
print(sys.getrefcount(sentinel))
