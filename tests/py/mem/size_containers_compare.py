# The same ten numbers in different containers.
import sys

numbers = list(range(10))
print("list ", sys.getsizeof(numbers))
print("tuple", sys.getsizeof(tuple(numbers)))
print("set  ", sys.getsizeof(set(numbers)))
print("fset ", sys.getsizeof(frozenset(numbers)))
print("dict ", sys.getsizeof(dict.fromkeys(numbers)))
print("range", sys.getsizeof(range(10)))
print("str  ", sys.getsizeof("0123456789"))
print("bytes", sys.getsizeof(bytes(range(10))))
print("literal list ", sys.getsizeof([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]))
print("literal tuple", sys.getsizeof((0, 1, 2, 3, 4, 5, 6, 7, 8, 9)))
print("literal set  ", sys.getsizeof({0, 1, 2, 3, 4, 5, 6, 7, 8, 9}))
