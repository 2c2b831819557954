# f-strings: expressions, !r conversions, nesting quotes.
name = "Ada"
age = 36
print(f"{name} is {age} years old")
print(f"next year: {age + 1}")
print(f"{name!r} has {len(name)} letters")
print(f"{'quoted'}")
items = [1, 2, 3]
print(f"items={items}, sum={sum(items)}")
print(f"{items[0]} and {items[-1]}")
d = {"k": "v"}
print(f"value: {d['k']}")
print(f"{{braces}} {name}")
print(f"{3 * 4}{'!' * 2}")
print(f"{None} {True} {1.5}")
print(f"{name!s}{name!r}")
print(f"")
print(f"plain")
x = 10
print(f"x is {'big' if x > 5 else 'small'}")
print(f"{x}" f"{x}" "raw")
