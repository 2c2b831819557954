# Chained assignment and tuple swaps.
import sys

a = b = c = []
print(sys.getrefcount(a))
b = None
print(sys.getrefcount(a))

left = [1]
right = [2]
print(sys.getrefcount(left), sys.getrefcount(right))
left, right = right, left
print(sys.getrefcount(left), sys.getrefcount(right))
x, y = left, left
print(sys.getrefcount(left), sys.getrefcount(right))
