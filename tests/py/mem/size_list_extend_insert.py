# extend, insert, slicing and copy produce lists of different capacities.
import sys

a = []
for chunk in range(8):
    a.extend([chunk] * 3)
    print(len(a), sys.getsizeof(a))

b = []
for i in range(12):
    b.insert(0, i)
    print(len(b), sys.getsizeof(b))

print(sys.getsizeof(a[:]), sys.getsizeof(a[::2]), sys.getsizeof(a.copy()))
print(sys.getsizeof(a + b), sys.getsizeof(list(a)), sys.getsizeof(sorted(b)))
c = [1, 2]
c *= 10
print(sys.getsizeof(c))
