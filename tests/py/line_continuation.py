# Implicit line joining in brackets, backslash continuation, comments.
total = (1 +
         2 +   # a comment inside the expression
         3)
print(total)
items = [
    "one",
    "two",   # trailing comma follows
    "three",
]
print(items)
mapping = {
    "a": 1,

    "b": 2,
}
print(mapping)
value = 10 + \
        20 + \
        30
print(value)
def long_signature(first,
                   second=2,
                   *rest):
    return first + second + sum(rest)
print(long_signature(1,
                     2,
                     3, 4))
if (total > 3 and
        value > 3):
    print("both big")
x = 1; y = 2; z = x + y
print(x, y, z)
