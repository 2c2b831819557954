# A dict grown to 100 int keys: keys that are not all str use the general
# (larger) entry layout.
import sys

d = {}
print(0, sys.getsizeof(d))
for i in range(100):
    d[i] = str(i)
    print(len(d), sys.getsizeof(d))
