# None: the absent value.
x = None
print(x)
print(type(None))
print(x is None, x is not None, x == None)
print(repr(None), str(None))
def nothing():
    pass
print(nothing())
def maybe_find(items, target):
    for i, item in enumerate(items):
        if item == target:
            return i
    return None
print(maybe_find([4, 5, 6], 5))
print(maybe_find([4, 5, 6], 9))
result = maybe_find([], 1)
if result is None:
    print("not found")
print([None, None], (None,))
print({None: "none"}[None])
print(bool(None), not None)
