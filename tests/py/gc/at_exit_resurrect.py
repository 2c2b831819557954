# A finalizer that runs at exit may resurrect its object; it is not
# finalized a second time.
class Fin:
    count = 0

    def __del__(self):
        Fin.count += 1
        print("del", Fin.count)
        Fin.saved = self

f = Fin()
f.me = f
print("end")
