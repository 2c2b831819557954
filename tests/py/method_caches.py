# Method calls that LOAD_METHOD's cache speeds up stay right when the class,
# the instance or the shared keys of the instances change.
class A:
    def __init__(self):
        self.v = 1
    def hello(self):
        return "A.hello %s" % self.v

def call(o):
    return o.hello()

a, b = A(), A()
print(call(a), call(b))
b.hello = lambda: "instance attribute"
print(call(a), call(b))
del b.hello
print(call(b))
A.hello = lambda self: "replaced on the class"
print(call(a))
a.__dict__["hello"] = lambda: "through the dict"
print(call(a))
del a.__dict__["hello"]
print(call(a))

class B(A):
    pass
print(call(B()))
B.hello = staticmethod(lambda: "static")
print(call(B()))
B.hello = classmethod(lambda cls: "class " + cls.__name__)
print(call(B()))

def push(seq, x):
    seq.append(x)
    return seq

print(push([], 1), push([1], 2))

class MyList(list):
    def append(self, x):
        list.append(self, x * 10)
print(push(MyList(), 3))

class C:
    def hello(self):
        return "C"
c1 = C()
c2 = C()
print(call(c1))
c2.other = 5          # a new shared key
c1.hello = lambda: "shadow after new key"
print(call(c1), call(c2))

class NoDict:
    __slots__ = ()
    def hello(self):
        return "slots"
print(call(NoDict()), call(NoDict()))
