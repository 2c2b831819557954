# An argument is moved into the callee's frame: inside, the count shows the
# caller's name, the parameter and getrefcount's own argument.
import sys


def inspect(obj):
    print("inside:", sys.getrefcount(obj))


def inspect_twice(obj):
    other = obj
    print("inside, with a local alias:", sys.getrefcount(obj))
    return other


data = [1, 2, 3]
print("outside:", sys.getrefcount(data))
inspect(data)
inspect([4, 5, 6])
kept = inspect_twice(data)
print("returned and kept:", sys.getrefcount(data))
inspect(obj=data)
