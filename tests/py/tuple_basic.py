# Tuples.
t = (1, 2, 3)
print(t, len(t), t[0], t[-1], t[1:])
print((), (1,), (1, 2), tuple(), tuple([4, 5]), tuple("ab"))
single = 5,
print(single, type(single))
print(t + (4,), t * 2)
print(2 in t, t.count(2), t.index(3))
print((1, 2) < (1, 3), (1, 2) == (1, 2), (2,) > (1, 9))
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0])
point = (3, 4)
x, y = point
print(x, y)
print(type(t))
def min_max(values):
    return min(values), max(values)
lo, hi = min_max([4, 8, 1, 9])
print(lo, hi)
print(min_max([7]))
