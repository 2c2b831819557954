# Descriptors of built-in types and the method-wrappers they bind are
# tracked container objects in CPython (each refers to its type or object).
import gc

class A:
    pass

class S:
    __slots__ = ("x",)

a = A()
for label, o in [("method-wrapper", a.__repr__), ("wrapper_descriptor", object.__init__),
                 ("slot wrapper of list", list.__len__), ("method_descriptor", list.append),
                 ("getset_descriptor", A.__dict__["__dict__"]),
                 ("member_descriptor", S.__dict__["x"]),
                 ("classmethod_descriptor", dict.__dict__["fromkeys"])]:
    print(label, gc.is_tracked(o))
