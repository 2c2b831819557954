# is, is not, in, not in.
a = [1, 2, 3]
b = a
c = [1, 2, 3]
print(a is b, a is c, a == c, a is not c)
print(None is None, True is True)
x = None
print(x is None, x is not None)
print(2 in a, 4 in a, 4 not in a)
print("ell" in "hello", "z" in "hello")
print("k" in {"k": 1}, 1 in {"k": 1})
print(3 in (1, 2, 3), 3 in range(5), 10 in range(5))
print(2 in {1, 2}, [1] in [[1], [2]])
print(not 1 in [2], not (1 in [2]))
def same(p, q):
    return p is q
print(same(a, b), same(a, a[:]))
