# Cycles through closures: function -> closure tuple -> cell -> function.
import gc

def make_recursive():
    def fact(n):
        return 1 if n <= 1 else n * fact(n - 1)
    return fact

def make_holder():
    items = []
    def add(x):
        items.append(x)
    items.append(add)
    return add

gc.collect()
f = make_recursive()
print(f(5))
del f
print("recursive closure:", gc.collect())
g = make_holder()
g(1)
del g
print("list holding its closure:", gc.collect())

def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc

c = counter()
c()
del c
print("closure without a cycle:", gc.collect())

lam = lambda: lam
print(lam() is lam)
