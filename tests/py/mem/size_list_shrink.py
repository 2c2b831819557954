# Popping elements lets the list shrink its allocation once it is half empty.
import sys

lst = list(range(50))
print(len(lst), sys.getsizeof(lst))
while lst:
    lst.pop()
    print(len(lst), sys.getsizeof(lst))
