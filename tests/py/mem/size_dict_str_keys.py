# A dict grown to 100 string keys: the size jumps when the key table doubles.
import sys

d = {}
print(0, sys.getsizeof(d))
for i in range(100):
    d["key%d" % i] = i
    print(len(d), sys.getsizeof(d))
