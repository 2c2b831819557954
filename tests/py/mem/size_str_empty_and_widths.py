# One length, four widths: the size shows the storage layout.
import sys

print(sys.getsizeof(""))
print(sys.getsizeof(str()))
for ch in ["a", "\xe9", "\u20ac", "\U0001F600"]:
    for n in (1, 2, 5, 10):
        print(hex(ord(ch)), n, sys.getsizeof(ch * n))
