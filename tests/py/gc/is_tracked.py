# gc.is_tracked for atoms, containers and instances.
import gc

class A:
    def method(self):
        pass

class S:
    __slots__ = ()

def f():
    pass

print("():", gc.is_tracked(()))
print("(1, 2):", gc.is_tracked((1, 2)))
print("{}:", gc.is_tracked({}))
print('{"a": 1}:', gc.is_tracked({"a": 1}))
print('{"a": []}:', gc.is_tracked({"a": []}))
print("A():", gc.is_tracked(A()))
print("S():", gc.is_tracked(S()))
print("[]:", gc.is_tracked([]))
print("[1]:", gc.is_tracked([1]))
print("set():", gc.is_tracked(set()))
print("frozenset():", gc.is_tracked(frozenset()))
print("frozenset([1]):", gc.is_tracked(frozenset([1])))
print("1:", gc.is_tracked(1))
print("2**100:", gc.is_tracked(2 ** 100))
print("1.5:", gc.is_tracked(1.5))
print("'s':", gc.is_tracked("s"))
print("b'b':", gc.is_tracked(b"b"))
print("None:", gc.is_tracked(None))
print("True:", gc.is_tracked(True))
print("range(3):", gc.is_tracked(range(3)))
print("function:", gc.is_tracked(f))
print("lambda:", gc.is_tracked(lambda: 0))
print("class:", gc.is_tracked(A))
print("int type:", gc.is_tracked(int))
print("object():", gc.is_tracked(object()))
print("module:", gc.is_tracked(gc))
print("builtin:", gc.is_tracked(len))
print("iter([]):", gc.is_tracked(iter([])))
print("generator:", gc.is_tracked(x for x in ()))
print("slice:", gc.is_tracked(slice(1, 2)))
print("enumerate:", gc.is_tracked(enumerate([])))
print("exception:", gc.is_tracked(ValueError("x")))
print("property:", gc.is_tracked(property()))
print("bound method:", gc.is_tracked(A().method))
