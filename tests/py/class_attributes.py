# Class attributes are shared; instance attributes shadow them.
class Dog:
    species = "Canis familiaris"
    count = 0
    def __init__(self, name):
        self.name = name
        Dog.count += 1
    def describe(self):
        return f"{self.name} is a {self.species}"
a = Dog("Rex")
b = Dog("Fido")
print(a.describe())
print(Dog.count, a.count, b.count)
b.species = "robot dog"
print(b.describe(), "/", a.species, "/", Dog.species)
Dog.species = "Canis lupus"
print(a.species, b.species)
class Config:
    defaults = {"debug": False}
    def __init__(self):
        self.values = dict(Config.defaults)
c1 = Config()
c1.values["debug"] = True
print(c1.values, Config.defaults)
print(Dog.__name__)
