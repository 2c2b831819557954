# Instances: creation, attribute reads and writes, method calls.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)

    def norm1(self):
        return abs(self.x) + abs(self.y)

p = Point(0, 0)
s = 0
for i in range(300000):
    p = p.moved(1, -1)
    s += p.norm1()
print(p.x, p.y, s)
