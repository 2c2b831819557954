# A list grown element by element: the size jumps when the list over-allocates.
import sys

lst = []
print(0, sys.getsizeof(lst))
for i in range(100):
    lst.append(i)
    print(len(lst), sys.getsizeof(lst))
