# Lambdas capture variables through cells, just like named closures.
import sys


def make_callbacks(target):
    callbacks = []
    for name in ("a", "b", "c"):
        callbacks.append(lambda: target)
    return callbacks


log = ["start"]
print(sys.getrefcount(log))
cbs = make_callbacks(log)
print(sys.getrefcount(log))
print(all(cb() is log for cb in cbs))
print(sys.getrefcount(log))
del cbs
print(sys.getrefcount(log))

getter = (lambda value: lambda: value)(log)
print(sys.getrefcount(log))
print(getter() is log)
