# Set algebra; string sets are printed sorted.
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b), a.intersection(b), a.difference(b))
print({1, 2} <= a, {1, 9} <= a, a >= {4}, {1, 2} < {1, 2})
langs_ann = {"python", "c", "rust"}
langs_bob = {"python", "go", "c"}
print(sorted(langs_ann & langs_bob))
print(sorted(langs_ann | langs_bob))
print(sorted(langs_ann - langs_bob))
print(len(langs_ann ^ langs_bob))
c = set(a)
c |= {100}
c -= {1}
print(c)
print(sorted({"b", "a"}), "a" in {"a", "b"})
