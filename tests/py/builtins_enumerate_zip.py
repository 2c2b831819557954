# enumerate() and zip().
names = ["ann", "bob", "cid"]
for i, name in enumerate(names):
    print(i, name)
print(list(enumerate("ab")))
print(list(enumerate(names, 1)))
scores = [90, 75, 82]
for name, score in zip(names, scores):
    print(f"{name}: {score}")
print(list(zip([1, 2, 3], "ab")))
print(list(zip()))
print(dict(zip(names, scores)))
pairs = list(zip(names, scores, [True, False, True]))
print(pairs)
letters, numbers = zip(*[("a", 1), ("b", 2)])
print(letters, numbers)
for i, (n, s) in enumerate(zip(names, scores)):
    print(i, n, s)
