# Bad __sizeof__ results are rejected; getsizeof's default is used for errors.
import sys


class Negative:
    def __sizeof__(self):
        return -1


class NotInt:
    def __sizeof__(self):
        return "big"


class Huge:
    def __sizeof__(self):
        return 2**70


for cls in (Negative, NotInt, Huge):
    try:
        print(sys.getsizeof(cls()))
    except Exception as e:
        print(type(e).__name__ + ":", e)
    try:
        print(sys.getsizeof(cls(), -99))
    except Exception as e:
        print(type(e).__name__ + ":", e)
