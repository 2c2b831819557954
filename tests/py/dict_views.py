# Printing dict views.
d = {"a": 1, "b": 2, "c": 3}
print(d.keys())
print(d.values())
print(d.items())
keys = d.keys()
d["d"] = 4
print(keys, len(keys))
print("a" in keys, 2 in d.values(), ("b", 2) in d.items())
print({}.keys(), {}.values(), {}.items())
print(list(d.items())[0])
print(sorted(d.values(), reverse=True))
