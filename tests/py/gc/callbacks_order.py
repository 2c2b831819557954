# Several callbacks run in list order, at start and at stop; a callback
# that calls gc.collect() gets 0 (a collection is already running).
import gc

log = []

def first(phase, info):
    log.append("first " + phase)

def second(phase, info):
    log.append("second " + phase + " " + str(gc.collect()))

class Callable:
    def __call__(self, phase, info):
        log.append("object " + phase + " " + str(info["collected"]))

gc.collect()
gc.callbacks.extend([first, second, Callable()])
x = []
x.append(x)
del x
print(gc.collect())
gc.callbacks.clear()
for line in log:
    print(line)
