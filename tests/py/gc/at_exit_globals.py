# At exit, __del__ runs for objects still alive, with the module's globals
# and the builtins still usable from inside __del__ (CPython collects the
# __main__ namespace as garbage after dropping the module).
class Fin:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name, "prefix:", prefix, "Fin:", type(Fin).__name__)

prefix = ">>"
a = Fin("a")
b = Fin("b")
c = Fin("c")
c.self = c
d = Fin("d")
d.other = Fin("e")
d.other.other = d
del d
_u = Fin("_u")
lst = [Fin("in list")]
print("end of program")
