# Only the points where the allocated capacity changes.
import sys

lst = []
last = sys.getsizeof(lst)
print("len 0:", last)
for i in range(1000):
    lst.append(None)
    size = sys.getsizeof(lst)
    if size != last:
        print("len %d: %d (capacity %d)" % (len(lst), size, (size - 56) // 8))
        last = size
