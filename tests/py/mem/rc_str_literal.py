# A string literal is also owned by the code object's constants (and, while
# the module runs, by its syntax tree).
import sys

greeting = "Python Memory Management"
print(sys.getrefcount(greeting))

alias = greeting
print(sys.getrefcount(greeting))
del alias
print(sys.getrefcount(greeting))


def show():
    local = "A sentence that only this function uses"
    print(sys.getrefcount(local))
    again = local
    print(sys.getrefcount(local))


show()
show()
