# Functions with default parameter values.
def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct
print(greet("Ann"))
print(greet("Bob", "Hi"))
print(greet("Cid", "Hey", "?"))
def power(base, exp=2):
    return base ** exp
print(power(3), power(2, 10))
def append_to(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target
print(append_to(1), append_to(2))
def remember(item, seen=[]):
    seen.append(item)
    return seen
print(remember("a"))
print(remember("b"))
def area(w=1, h=1):
    return w * h
print(area(), area(5), area(5, 2))
def describe(x, label="value", show=True):
    if show:
        print(label, "=", x)
describe(3)
describe(4, "four")
describe(5, show=False)
