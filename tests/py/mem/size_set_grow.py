# A set of ints grown to 100 members.
import sys

s = set()
print(0, sys.getsizeof(s))
for i in range(100):
    s.add(i)
    print(len(s), sys.getsizeof(s))
