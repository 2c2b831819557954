# An uncaught AttributeError from a __slots__ class.
class Pixel:
    __slots__ = ("r", "g", "b")


px = Pixel()
px.r = 255
print(px.r)
px.alpha = 0
print("not reached")
