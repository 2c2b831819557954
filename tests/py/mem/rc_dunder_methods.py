# The count of self inside special methods that Python calls for operators
# and built-in functions.
import sys


class Vector:
    def __init__(self, *xs):
        self.xs = list(xs)

    def __repr__(self):
        return "repr sees %d" % sys.getrefcount(self)

    def __len__(self):
        return sys.getrefcount(self)

    def __getitem__(self, i):
        return sys.getrefcount(self)

    def __eq__(self, other):
        return sys.getrefcount(self), sys.getrefcount(other)

    def __add__(self, other):
        return sys.getrefcount(self), sys.getrefcount(other)

    def __hash__(self):
        return sys.getrefcount(self)

    def __call__(self):
        return sys.getrefcount(self)

    def __bool__(self):
        print("__bool__:", sys.getrefcount(self))
        return True


v = Vector(1, 2)
w = Vector(3)
print("repr():", repr(v))
print("len():", len(v))
print("v[0]:", v[0])
print("v == w:", v == w)
print("v + w:", v + w)
print("hash():", hash(v))
print("v():", v())
if v:
    pass
print("str():", str(v))
print("%r:", "%r" % (v,))
print("f-string !r:", f"{v!r}")
print("f-string:", f"{v}")
print("in a list:", [v])
print("in a tuple:", (v,))
print("after all:", sys.getrefcount(v))
