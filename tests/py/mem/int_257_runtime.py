# 257 is outside the cache: values made at run time are distinct objects,
# while equal constants of one code object are one object.
a = 257
b = 257
print(a is b, a == b)

c = int("257")
d = int("257")
print(c is d, c == d, c is a)

e = 256 + 1
print(e is a)


def f():
    return 257


def g():
    return 257


print(f() is f(), f() is g(), f() == g())


def same_function():
    x = 1000
    y = 1000
    return x is y


print(same_function())
big1 = 10 ** 30
big2 = 10 ** 30
print(big1 is big2, big1 == big2)
