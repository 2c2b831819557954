# A missing method on a built-in type.
numbers = (3, 1, 2)
numbers.sort()
