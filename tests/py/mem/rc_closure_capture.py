# A variable captured by a closure lives in a cell; the cell holds the value.
import sys


def make_reader():
    data = [1, 2, 3]
    print("in outer, captured:", sys.getrefcount(data))

    def read():
        return sys.getrefcount(data)

    print("in outer, after def:", sys.getrefcount(data))
    return read


reader = make_reader()
print("read inside closure:", reader())
cell = reader.__closure__[0]
print("held by the cell:", sys.getrefcount(cell.cell_contents))
print(cell.cell_contents)


def make_adder(base):
    def add(x):
        return base + [x]
    return add


shared = [0]
print(sys.getrefcount(shared))
add1 = make_adder(shared)
print(sys.getrefcount(shared))
add2 = make_adder(shared)
print(sys.getrefcount(shared))
del add1
print(sys.getrefcount(shared))
print(add2(5))
