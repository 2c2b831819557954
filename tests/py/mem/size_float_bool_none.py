# Fixed-size objects: float, bool, None.
import sys

print(sys.getsizeof(0.0))
print(sys.getsizeof(3.141592653589793))
print(sys.getsizeof(1e308))
print(sys.getsizeof(float("inf")))
print(sys.getsizeof(True))
print(sys.getsizeof(False))
print(sys.getsizeof(None))
print(sys.getsizeof(1.5 * 2))
