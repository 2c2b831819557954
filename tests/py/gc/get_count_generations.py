# The older generations' counts are the number of collections of the one
# below; collecting a generation resets it and all younger ones.  Only the
# older counts are kept (generation 0 holds the results themselves).
import gc

gc.collect()
counts = []
for i in range(12):
    gc.collect(0)
    counts.append(gc.get_count()[1:])
gc.collect(1)
counts.append(gc.get_count()[1:])
gc.collect(1)
gc.collect(0)
counts.append(gc.get_count()[1:])
gc.collect(2)
counts.append(gc.get_count()[1:])
gc.collect(0)
gc.collect(0)
counts.append(gc.get_count()[1:])
gc.collect()
counts.append(gc.get_count()[1:])
for c in counts:
    print(c)
