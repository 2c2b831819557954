# Augmented assignment on names, items and attributes.
n = 10
n += 5; print(n)
n -= 3; print(n)
n *= 2; print(n)
n //= 5; print(n)
n %= 3; print(n)
n **= 4; print(n)
f = 7.0
f /= 2; print(f)
s = "ab"
s += "cd"; s *= 2; print(s)
lst = [1]
alias = lst
lst += [2, 3]
print(lst, alias, lst is alias)
t = (1,)
t2 = t
t += (2,)
print(t, t2)
counts = {"a": 1}
counts["a"] += 10
print(counts)
grid = [[0, 0], [0, 0]]
grid[1][0] -= 4
print(grid)
class Counter:
    def __init__(self):
        self.value = 0
c = Counter()
for _ in range(3):
    c.value += 2
print(c.value)
bits = 0b1010
bits |= 1; bits &= 0b1011; bits ^= 0b10; bits <<= 2; bits >>= 1
print(bits)
