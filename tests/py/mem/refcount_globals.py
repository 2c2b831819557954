# Who holds the module's globals dict and the __main__ module: the module,
# functions defined in it, the running module frame -- but not the frames
# of calls, which borrow their function's globals as CPython 3.11's do.
import sys

def direct():
    return sys.getrefcount(globals())

def nested():
    return direct()

def deeper(n):
    return deeper(n - 1) if n else sys.getrefcount(globals())

print(sys.getrefcount(globals()), direct(), nested(), deeper(5))
print(sys.getrefcount(sys.modules["__main__"]))

def make():
    def inner():
        return sys.getrefcount(globals())
    return inner

f = make()
print(f(), sys.getrefcount(globals()))
del f, make
print(sys.getrefcount(globals()))

def gen():
    yield sys.getrefcount(globals())
    yield sys.getrefcount(globals())

g = gen()
print(next(g), next(g))
del g
print(sys.getrefcount(globals()))
