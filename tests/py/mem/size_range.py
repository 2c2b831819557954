# A range object stores start, stop, step and length, whatever its length.
import sys

print(sys.getsizeof(range(0)))
print(sys.getsizeof(range(10)))
print(sys.getsizeof(range(10**6)))
print(sys.getsizeof(range(-5, 5, 2)))
print(sys.getsizeof(range(2**100)))
print(sys.getsizeof(list(range(1000))))
