# Plain functions called directly, through a name, from a list, from a dict.
import sys


def count(x):
    return sys.getrefcount(x)


item = {"id": 1}
print(count(item))
alias = count
print(alias(item))
table = {"count": count}
print(table["count"](item))
funcs = [count, count]
print(funcs[1](item))
print((lambda y: sys.getrefcount(y))(item))
print(count(*(item,)))
print(count(x=item))
print(sys.getrefcount(item))
