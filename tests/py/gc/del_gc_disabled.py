# With the collector disabled, garbage cycles with finalizers pile up
# untouched; gc.collect() still finalizes and frees them.
import gc

class Fin:
    count = 0

    def __del__(self):
        Fin.count += 1

gc.collect()
gc.disable()
for i in range(2000):
    f = Fin()
    f.me = f
del f
print("finalized while disabled:", Fin.count)
print("collect:", gc.collect())
print("finalized:", Fin.count)
gc.enable()
