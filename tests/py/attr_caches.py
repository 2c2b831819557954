# Attribute loads and stores that the per-instruction caches speed up stay
# right when the class or the instance changes under them.
class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

def setx(o, v):
    o.x = v

def getx(o):
    return o.x

ps = [P(i, -i) for i in range(5)]
for p in ps:
    setx(p, p.x * 10)
print([getx(p) for p in ps])

# the instance's dict is made: stores go to it
d = vars(ps[0])
setx(ps[0], "via dict")
print(d, getx(ps[0]))

# a deleted attribute comes back last in the order
del ps[1].x
setx(ps[1], "again")
print(vars(ps[1]))

# a data descriptor added to the class takes over
def prop_get(self):
    return "property"
def prop_set(self, v):
    print("setter got", v)
P.x = property(prop_get, prop_set)
setx(ps[2], 99)
print(getx(ps[2]), ps[2].__dict__)
del P.x
print(getx(ps[2]))

# __setattr__ added later
def loud(self, name, value):
    print("setattr", name, value)
    object.__setattr__(self, name, value)
P.__setattr__ = loud
setx(ps[3], 7)
print(getx(ps[3]))
del P.__setattr__
setx(ps[3], 8)
print(getx(ps[3]))

# instances of another class through the same instructions
class Q:
    pass
q = Q()
setx(q, "q")
print(getx(q), vars(q))

class S:
    __slots__ = ("x",)
s = S()
setx(s, "slot")
print(getx(s))
try:
    getx(S())
except AttributeError as e:
    print(e)

# missing attribute after a hit elsewhere
try:
    getx(Q())
except AttributeError as e:
    print(e)

# many names: past the shared keys' room the instance gets a dict
class Wide:
    pass
w = Wide()
for i in range(40):
    setattr(w, "a%d" % i, i)
setx(w, "wide")
print(getx(w), len(vars(w)))
