# Dicts keep insertion order, also after deletes and updates.
d = {}
for k in ["zeta", "alpha", "mu", "beta"]:
    d[k] = len(k)
print(d)
d["alpha"] = 100
print(list(d))
del d["mu"]
d["mu"] = 0
print(d)
d.pop("zeta")
d["zeta"] = 1
print(list(d.keys()))
for key in d:
    print(key, d[key])
for i in range(20):
    d[i] = i * i
for i in range(0, 20, 2):
    del d[i]
print(d)
