# Attribute and variable names are interned: the key strings of an instance's
# __dict__ and of globals are the same objects as the names in the program.
import sys


class User:
    def __init__(self):
        self.username = "guido"


u = User()
key = list(u.__dict__)[0]
name = "".join(["user", "name"])
print(key == name, key is name)
print(key is sys.intern(name))

counter_variable = 0
gkey = [k for k in globals() if k == "counter_variable"][0]
print(gkey is sys.intern("".join(["counter_", "variable"])))

attr = "".join(["user", "name"])
print(getattr(u, attr))
setattr(u, "".join(["new", "_field"]), 1)
field = [k for k in vars(u) if k.startswith("new")][0]
print(field is sys.intern("new_field"))
