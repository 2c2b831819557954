# Built-in conversions call special methods: the count of self inside them
# shows who holds the object during the call (the caller's stack, an argument
# tuple for constructors that take one, the method's frame).
import sys


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __float__(self):
        print("  __float__:", sys.getrefcount(self))
        return self.cents / 100

    def __index__(self):
        print("  __index__:", sys.getrefcount(self))
        return self.cents

    def __str__(self):
        print("  __str__:", sys.getrefcount(self))
        return "$%d.%02d" % divmod(self.cents, 100)

    def __bool__(self):
        print("  __bool__:", sys.getrefcount(self))
        return self.cents != 0

    def __iter__(self):
        print("  __iter__:", sys.getrefcount(self))
        return iter([self.cents])

    def __len__(self):
        print("  __len__:", sys.getrefcount(self))
        return 1

    def __bytes__(self):
        print("  __bytes__:", sys.getrefcount(self))
        return str(self.cents).encode()


price = Money(1999)
for convert in (float, int, str, bool, list, tuple, set, range, bytes, zip, len, hex):
    print(convert.__name__)
    convert(price)
