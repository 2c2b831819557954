# Sets of ints: literals, add, remove, membership.
s = {3, 1, 2, 3, 1}
print(s, len(s))
s.add(10)
s.add(2)
print(s)
s.remove(10)
s.discard(99)
print(s, 2 in s, 5 in s)
print(set(), set([5, 4, 5]), set(range(5)))
empty = set()
print(type(empty), len(empty), bool(empty))
unique = set([1, 2, 2, 3, 3, 3])
print(sorted(unique))
seen = set()
dups = []
for n in [4, 7, 4, 1, 7, 7]:
    if n in seen:
        dups.append(n)
    seen.add(n)
print(dups, sorted(seen))
print({1, 2} == {2, 1}, {1} != {1, 2})
print(len({1, 1.0, True}))
