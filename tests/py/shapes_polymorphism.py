# Polymorphism through a common base class.
class Shape:
    name = "shape"
    def area(self):
        raise NotImplementedError
    def perimeter(self):
        raise NotImplementedError
    def __str__(self):
        return f"{self.name}: area={self.area():.2f} perimeter={self.perimeter():.2f}"
class Rectangle(Shape):
    name = "rectangle"
    def __init__(self, w, h):
        self.w = w
        self.h = h
    def area(self):
        return self.w * self.h
    def perimeter(self):
        return 2 * (self.w + self.h)
class Square(Rectangle):
    name = "square"
    def __init__(self, side):
        super().__init__(side, side)
class Circle(Shape):
    name = "circle"
    PI = 3.141592653589793
    def __init__(self, r):
        self.r = r
    def area(self):
        return self.PI * self.r ** 2
    def perimeter(self):
        return 2 * self.PI * self.r
shapes = [Rectangle(3, 4), Square(2.5), Circle(1), Circle(0.5)]
for s in shapes:
    print(s)
print("total area:", f"{sum([s.area() for s in shapes]):.3f}")
largest = max(shapes, key=lambda s: s.area())
print("largest:", largest.name)
try:
    Shape().area()
except NotImplementedError as e:
    print("abstract:", type(e).__name__)
print([type(s).__name__ for s in shapes if isinstance(s, Rectangle)])
