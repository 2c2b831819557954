# A class with __init__, methods and instance attributes.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def move(self, dx, dy):
        self.x += dx
        self.y += dy
    def distance_sq(self, other):
        return (self.x - other.x) ** 2 + (self.y - other.y) ** 2
    def as_tuple(self):
        return (self.x, self.y)
p = Point(1, 2)
q = Point(4, 6)
print(p.x, p.y, q.as_tuple())
print(p.distance_sq(q))
p.move(3, 4)
print(p.as_tuple(), p.distance_sq(q))
p.label = "moved"
print(p.label)
print(type(p))
print(type(p).__name__)
print(isinstance(p, Point), isinstance(3, Point))
m = p.move
m(1, 1)
print(p.as_tuple())
Point.move(p, -1, -1)
print(p.as_tuple())
print(Point)
