# CPython 3.11's dict tracking: a dict starts tracking when it receives a
# value (or key) that may be tracked, and only a full collection untracks
# dicts that no longer hold any.
import gc

d = {}
print("empty:", gc.is_tracked(d))
d["a"] = 1
d["b"] = "s"
d[3] = 4.5
print("atoms:", gc.is_tracked(d))
d["l"] = []
print("with a list:", gc.is_tracked(d))
del d["l"]
print("list removed:", gc.is_tracked(d))
gc.collect(0)
print("after collect(0):", gc.is_tracked(d))
gc.collect(1)
print("after collect(1):", gc.is_tracked(d))
gc.collect()
print("after collect():", gc.is_tracked(d))

one = 1
k = {}
k[(one, 2)] = 1
print("tuple key:", gc.is_tracked(k))
k2 = {}
k2[1] = (one, 2)
print("tuple value:", gc.is_tracked(k2))
gc.collect()
print("after the tuples are untracked:", gc.is_tracked(k), gc.is_tracked(k2))
k3 = {}
k3["t"] = (one, 2)
print("untracked tuple value:", gc.is_tracked(k3))

print("dict(a=1):", gc.is_tracked(dict(a=1)))
print("dict(a=[]):", gc.is_tracked(dict(a=[])))
print("{}.copy():", gc.is_tracked({"x": 1}.copy()))
print("copy of tracked:", gc.is_tracked({"x": []}.copy()))
print("comprehension:", gc.is_tracked({i: i for i in range(3)}))
print("comprehension of lists:", gc.is_tracked({i: [i] for i in range(3)}))
print("fromkeys:", gc.is_tracked(dict.fromkeys("ab")))
print("fromkeys list:", gc.is_tracked(dict.fromkeys("ab", [])))
e = {"x": 1}
e.update({"y": []})
print("update:", gc.is_tracked(e))
e2 = {"x": 1}
e2.setdefault("y", [])
print("setdefault:", gc.is_tracked(e2))
print("nested dict:", gc.is_tracked({"d": {}}))
print("instance value:", gc.is_tracked({"o": object()}))

class A:
    pass

a = A()
a.x = 1
print("instance __dict__:", gc.is_tracked(a.__dict__))
b = A()
print("empty instance __dict__:", gc.is_tracked(b.__dict__))
