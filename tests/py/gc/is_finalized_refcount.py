# __del__ run by reference counting: gc.is_finalized(self) seen from inside
# __del__, and the flag of a resurrected object afterwards.
import gc

class Fin:
    def __del__(self):
        print("in __del__:", gc.is_finalized(self))
        saved.append(self)

saved = []
f = Fin()
del f
print("after:", gc.is_finalized(saved[0]))
del saved[:]
print("not finalized twice:", saved)
