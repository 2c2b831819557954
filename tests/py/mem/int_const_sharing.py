# Equal constants inside one code object are stored once and shared.
def floats():
    a = 3.14
    b = 3.14
    return a is b


def tuples():
    a = (1, 2, 3)
    b = (1, 2, 3)
    return a is b


def strings():
    a = "hello world!"
    b = "hello world!"
    return a is b


def bigs():
    a = 2 ** 100
    b = 2 ** 100
    return a is b


print(floats(), tuples(), strings(), bigs())

x = 1e100
y = 1e100
print(x is y)

u = floats.__code__.co_consts
print([c for c in u if isinstance(c, float)])


def first():
    return 12345.5


def second():
    return 12345.5


print(first() == second())
