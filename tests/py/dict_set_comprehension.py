# Dict and set comprehensions, and generator expressions.
squares = {n: n * n for n in range(6)}
print(squares)
inverted = {v: k for k, v in {"a": 1, "b": 2}.items()}
print(inverted)
lengths = {w: len(w) for w in ["tree", "sky", "river"] if len(w) > 3}
print(lengths)
print({n % 4 for n in range(20)})
print(sorted({w[0] for w in ["apple", "avocado", "banana"]}))
print(sum(n for n in range(10)))
print(max(len(w) for w in ["a", "abc", "ab"]))
print(list(x * 2 for x in (1, 2, 3)))
print(", ".join(str(n) for n in range(5)))
grades = {"ann": 91, "bob": 68, "cid": 77}
passed = {name: g for name, g in grades.items() if g >= 70}
print(passed)
