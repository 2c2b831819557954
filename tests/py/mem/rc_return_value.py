# A returned object is handed over to the caller without an extra reference.
import sys


def make():
    return [1, 2, 3]


def make_and_keep(store):
    obj = {"made": True}
    store.append(obj)
    return obj


x = make()
print(sys.getrefcount(x))
print(sys.getrefcount(make()))

store = []
y = make_and_keep(store)
print(sys.getrefcount(y))
z = make_and_keep(store)
print(sys.getrefcount(y), sys.getrefcount(z))
store.clear()
print(sys.getrefcount(y), sys.getrefcount(z))
