# Dictionaries: literals, lookup, assignment, membership.
ages = {"ann": 31, "bob": 27}
print(ages)
print(ages["ann"], len(ages))
ages["cid"] = 45
ages["ann"] = 32
print(ages)
print("bob" in ages, "dan" in ages, "dan" not in ages)
print({}, dict(), dict(a=1, b=2), dict([("x", 1), ("y", 2)]))
numbers = {1: "one", 2: "two", 3.5: "float key", (1, 2): "tuple key", None: "none"}
print(numbers[1], numbers[(1, 2)], numbers[None], numbers[3.5])
print(numbers)
print({1: "int", 1.0: "float", True: "bool"})
nested = {"a": {"b": {"c": 42}}}
print(nested["a"]["b"]["c"])
nested["a"]["b"]["d"] = [1, 2]
print(nested)
print(dict(ages) == ages, {1: 2} == {1: 2.0}, {1: 2} != {1: 3})
