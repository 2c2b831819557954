# An object referenced from a class attribute is held by the class namespace.
import sys

defaults = {"color": "red"}
print(sys.getrefcount(defaults))


class Widget:
    settings = defaults

    def get(self):
        return self.settings


print(sys.getrefcount(defaults))


class Button(Widget):
    pass


print(sys.getrefcount(defaults))
w = Button()
print(w.get() is defaults)
print(sys.getrefcount(defaults))

Widget.extra = defaults
print(sys.getrefcount(defaults))
del Widget.settings
print(sys.getrefcount(defaults))
del Widget.extra
print(sys.getrefcount(defaults))
