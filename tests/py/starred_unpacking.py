# Starred assignment targets and starred expressions.
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abcde"
print(init, last)
head, *middle, tail = (1, 2)
print(head, middle, tail)
a, *b, c = range(6)
print(a, b, c)
print(*[1, 2, 3])
combined = [*range(3), *"ab", 9]
print(combined)
t = (*[1, 2], 3)
print(t)
def total(*nums):
    return sum(nums)
values = [4, 5, 6]
print(total(*values), total(*values, 10))
for x, *ys in [(1, 2, 3), (4,)]:
    print(x, ys)
