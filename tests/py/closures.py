# Closures capture variables from enclosing functions.
def make_multiplier(factor):
    def multiply(x):
        return x * factor
    return multiply
double = make_multiplier(2)
triple = make_multiplier(3)
print(double(5), triple(5), double(triple(2)))
def make_greeter(greeting):
    def greet(name):
        return f"{greeting}, {name}!"
    return greet
hello = make_greeter("Hello")
print(hello("Ann"))
def outer():
    x = "outer value"
    def middle():
        def inner():
            return x
        return inner()
    return middle()
print(outer())
adders = []
for i in range(3):
    adders.append(lambda x, i=i: x + i)
print([f(10) for f in adders])
def late_binding():
    fns = []
    for i in range(3):
        fns.append(lambda: i)
    return [f() for f in fns]
print(late_binding())
def compose(f, g):
    return lambda x: f(g(x))
inc_then_double = compose(double, lambda x: x + 1)
print(inc_then_double(4))
