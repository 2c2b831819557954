# Sizes of ints computed at run time grow one digit every 30 bits.
import sys

n = 1
last = None
for bits in range(0, 301):
    size = sys.getsizeof(n)
    if size != last:
        print("2**%d ->" % bits, size)
        last = size
    n *= 2

print(sys.getsizeof(int("9" * 50)))
print(sys.getsizeof(-int("9" * 50)))
print(sys.getsizeof(2**100 - 2**100))
print(sys.getsizeof(True + True))
