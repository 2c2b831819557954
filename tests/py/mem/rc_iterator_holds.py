# An iterator keeps the sequence it walks alive until it is exhausted.
import sys

numbers = [10, 20, 30]
print(sys.getrefcount(numbers))

it = iter(numbers)
print(sys.getrefcount(numbers))

print(next(it), sys.getrefcount(numbers))
print(next(it), sys.getrefcount(numbers))
print(next(it), sys.getrefcount(numbers))
print(next(it, "done"), sys.getrefcount(numbers))

table = {"a": 1}
keys = iter(table)
values = iter(table.values())
print(sys.getrefcount(table))
del keys, values
print(sys.getrefcount(table))

word = "".join(["ab", "cd"])
chars = iter(word)
print(sys.getrefcount(word))
print(list(chars), sys.getrefcount(word))
