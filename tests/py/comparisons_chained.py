# Comparison operators and chained comparisons.
x = 5
print(1 < x < 10, 1 < x > 10, 5 <= x <= 5, 0 < x < 3)
print(1 < 2 < 3 < 4, 1 < 3 < 2 < 4)
print(x == 5 == 5.0, x != 4 != 5)
def loud(v):
    print("eval", v)
    return v
print(loud(1) < loud(2) < loud(0) < loud(3))
print(loud(3) < loud(2) < loud(4))
age = 17
if 13 <= age < 18:
    print("teenager")
scores = [55, 72, 90, 100, 38]
for s in scores:
    if 90 <= s <= 100:
        print(s, "A")
    elif 70 <= s < 90:
        print(s, "B")
    else:
        print(s, "C")
print(1 == 1.0, "1" == 1, [1, 2] == [1, 2], (1,) == [1])
a = [1, 2]
print(a < [1, 2, 3] <= [1, 2, 3])
