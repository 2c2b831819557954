# Appending an object to a list adds one reference per slot.
import sys

item = [0, 0]
print("alone:", sys.getrefcount(item))

holder = []
for i in range(5):
    holder.append(item)
    print("appended", i + 1, "times:", sys.getrefcount(item))

holder.pop()
print("after pop:", sys.getrefcount(item))
holder.remove(item)
print("after remove:", sys.getrefcount(item))
del holder[0]
print("after del holder[0]:", sys.getrefcount(item))
holder.clear()
print("after clear:", sys.getrefcount(item))
