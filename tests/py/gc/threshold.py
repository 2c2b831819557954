# gc.get_threshold / gc.set_threshold
import gc

print(gc.get_threshold())
gc.set_threshold(500)
print(gc.get_threshold())
gc.set_threshold(100, 5)
print(gc.get_threshold())
gc.set_threshold(1000, 20, 30)
print(gc.get_threshold())
gc.set_threshold(0, 0, 0)
print(gc.get_threshold())
gc.set_threshold(-5, 3, 2)
print(gc.get_threshold())
try:
    gc.set_threshold(2 ** 40)
except OverflowError as e:
    print("OverflowError:", e)
try:
    gc.set_threshold(1, 2 ** 40)
except OverflowError as e:
    print("OverflowError:", e)
print(gc.get_threshold())
gc.set_threshold(2 ** 31 - 1, 10, 10)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
print(gc.get_threshold())
print(type(gc.get_threshold()).__name__)
