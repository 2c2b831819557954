# Inheritance, overriding and super().
class Animal:
    def __init__(self, name):
        self.name = name
    def speak(self):
        return "..."
    def introduce(self):
        return f"I am {self.name} and I say {self.speak()}"
class Dog(Animal):
    def speak(self):
        return "Woof"
class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def speak(self):
        return super().speak() + " (squeaky)"
class Cat(Animal):
    def speak(self):
        return "Meow"
for pet in [Animal("generic"), Dog("Rex"), Puppy("Bit", 1), Cat("Tom")]:
    print(pet.introduce())
p = Puppy("Bit", 1)
print(p.age, p.name)
print(isinstance(p, Dog), isinstance(p, Animal), isinstance(p, Cat))
print(type(p) is Puppy, type(p) is Dog)
class Base:
    greeting = "hello"
class Child(Base):
    pass
print(Child.greeting, Child().greeting)
class Shape:
    def area(self):
        return 0
    def describe(self):
        return f"{type(self).__name__} with area {self.area()}"
class Square(Shape):
    def __init__(self, side):
        self.side = side
    def area(self):
        return self.side ** 2
print(Square(3).describe(), Shape().describe())
