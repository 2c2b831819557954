# Names looked up through the per-instruction caches stay right when the
# dicts behind them change: rebinding, deleting, shadowing builtins, other
# globals for the same code, non-str keys, dict subclasses as locals.
import builtins

def reader():
    return counter

for i in range(3):
    counter = i
    print(reader(), counter)

del counter
try:
    reader()
except NameError as e:
    print(e)
counter = "back"
print(reader())

def get_len():
    return len

print(get_len() is builtins.len)
len = "shadow"
print(get_len())
del len
print(get_len() is builtins.len)
builtins.extra_name = 42
def get_extra():
    return extra_name
print(get_extra())
del builtins.extra_name
try:
    get_extra()
except NameError as e:
    print(e)

code = compile("x = x + 1\ny = x * 2", "<cached>", "exec")
g1 = {"x": 1}
g2 = {"x": 100, "other": 0}
for _ in range(3):
    exec(code, g1)
    exec(code, g2)
print(g1["x"], g1["y"], g2["x"], g2["y"])

g3 = {"x": 5}
g3[1] = "int key"
exec(code, g3)
print(g3["x"], g3["y"], g3[1])

class Recorder(dict):
    def __getitem__(self, key):
        print("getitem", key)
        return dict.__getitem__(self, key)

loc = Recorder(x=7)
exec(code, {}, loc)
print(sorted(loc.items()))

for k in range(3):
    globals()["dyn%d" % k] = k
print(dyn0, dyn1, dyn2)
for n in range(40):
    globals()["filler%d" % n] = n
print(dyn2, reader())
