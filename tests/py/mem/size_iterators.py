# Iterators are small objects that point at their sequence.
import sys

print(sys.getsizeof(iter([1, 2, 3])))
print(sys.getsizeof(iter((1, 2, 3))))
print(sys.getsizeof(iter({"a": 1})))
print(sys.getsizeof(iter({"a": 1}.values())))
print(sys.getsizeof(iter({"a": 1}.items())))
print(sys.getsizeof(iter("abc")))
print(sys.getsizeof(iter("\u20ac")))
print(sys.getsizeof(iter(range(10))))
print(sys.getsizeof(iter(range(2**100))))
print(sys.getsizeof(iter({1, 2})))
print(sys.getsizeof(reversed([1, 2])))
print(sys.getsizeof(enumerate([1])))
print(sys.getsizeof(zip([1], [2])))
