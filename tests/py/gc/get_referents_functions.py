# gc.get_referents of functions, closures, cells and bound methods: the
# types of what each refers to, in traverse order.
import gc

def names(o):
    return [type(x).__name__ for x in gc.get_referents(o)]

def plain():
    pass

def with_defaults(a=[1], *, b={}):
    "doc"
    return a, b

def outer():
    v = [1]
    def inner():
        return v
    return inner

class C:
    def method(self):
        return self

print(names(plain))
print(names(with_defaults))
inner = outer()
print(names(inner))
print(names(inner.__closure__))
cell = inner.__closure__[0]
print(gc.get_referents(cell))
c = C()
m = c.method
r = gc.get_referents(m)
print(len(r), r[0] is C.__dict__["method"], r[1] is c)
print(gc.is_tracked(m), gc.is_tracked(cell), gc.is_tracked(plain), gc.is_tracked(inner.__closure__))
