# Sizes of dicts written as literals or made by dict().
import sys

print(sys.getsizeof({}))
print(sys.getsizeof({"a": 1}))
print(sys.getsizeof({"a": 1, "b": 2, "c": 3}))
print(sys.getsizeof({"a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6}))
print(sys.getsizeof({1: "one"}))
print(sys.getsizeof({1: "one", 2: "two", 3: "three"}))
print(sys.getsizeof(dict()))
print(sys.getsizeof(dict(a=1, b=2)))
print(sys.getsizeof(dict([("x", 1), ("y", 2)])))
print(sys.getsizeof(dict.fromkeys("abcdefghij")))
print(sys.getsizeof(dict.fromkeys(range(10))))
