# Truth values of common objects.
things = [0, 1, -1, 0.0, 0.5, "", " ", "0", [], [None], (), (0,), {}, {0: 0}, set(), {0}, None, True, False, range(0), range(1)]
for t in things:
    print(repr(t), "->", bool(t), "truthy" if t else "falsy")
class AlwaysFalse:
    def __len__(self):
        return 0
class Plain:
    pass
print(bool(AlwaysFalse()), bool(Plain()))
if not AlwaysFalse():
    print("empty container-like object is falsy")
