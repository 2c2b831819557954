# Objects that no name holds: only the argument of getrefcount counts.
import sys

print(sys.getrefcount([]))
print(sys.getrefcount({}))
print(sys.getrefcount(object()))
print(sys.getrefcount([1, 2, 3][:]))
print(sys.getrefcount(tuple([1, 2])))
print(sys.getrefcount("-".join(["x", "y"])))
print(sys.getrefcount(float("1.5")))
print(sys.getrefcount(10 ** 40))
