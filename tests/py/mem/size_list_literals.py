# Lists built in one go are allocated exactly (or nearly) to size.
import sys

print(sys.getsizeof([]))
print(sys.getsizeof([1]))
print(sys.getsizeof([1, 2]))
print(sys.getsizeof([1, 2, 3]))
print(sys.getsizeof([1, 2, 3, 4, 5]))
print(sys.getsizeof(["a", "b", "c", "d", "e", "f", "g"]))
for n in range(0, 21):
    print(n, sys.getsizeof(list(range(n))), sys.getsizeof([0] * n),
          sys.getsizeof([i for i in range(n)]))
