# frozenset and set built in one go from iterables of various lengths.
import sys

print(sys.getsizeof(frozenset()))
for n in (1, 4, 5, 8, 10, 18, 19, 50, 100):
    print(n, sys.getsizeof(frozenset(range(n))), sys.getsizeof(set(range(n))))
print(sys.getsizeof({1, 2, 3}))
print(sys.getsizeof({i for i in range(10)}))
