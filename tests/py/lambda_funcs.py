# lambda expressions.
square = lambda x: x * x
add = lambda a, b=10: a + b
print(square(7), add(1), add(1, 2))
print((lambda: "no args")())
print((lambda *a, **k: (a, k))(1, 2, x=3))
pairs = [(1, "b"), (3, "a"), (2, "c")]
print(sorted(pairs, key=lambda p: p[1]))
print(max(pairs, key=lambda p: p[0]))
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b}
for sym in ["+", "-", "*"]:
    print(6, sym, 3, "=", ops[sym](6, 3))
make_adder = lambda n: lambda x: x + n
print(make_adder(5)(10))
is_even = lambda n: n % 2 == 0
print([n for n in range(10) if is_even(n)])
