# Dicts made by comprehensions grow like dicts filled in a loop.
import sys

for n in (0, 1, 5, 6, 10, 11, 21, 22, 42, 43, 85, 86):
    squares = {i: i * i for i in range(n)}
    names = {"n%d" % i: i for i in range(n)}
    print(n, sys.getsizeof(squares), sys.getsizeof(names))
