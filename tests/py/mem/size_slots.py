# __slots__ instances store their values inline: no __dict__ at all.
import sys


class One:
    __slots__ = ("value",)


class Three:
    __slots__ = ("x", "y", "z")

    def __init__(self):
        self.x = self.y = self.z = 0


class NoSlots:
    __slots__ = ()


class Regular:
    def __init__(self):
        self.x = self.y = self.z = 0


print(sys.getsizeof(One()))
print(sys.getsizeof(Three()))
print(sys.getsizeof(NoSlots()))
print(sys.getsizeof(Regular()))
print(hasattr(Three(), "__dict__"), hasattr(Regular(), "__dict__"))
