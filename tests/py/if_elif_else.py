# if / elif / else.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"
for n in [-5, 0, 3, 42]:
    print(n, classify(n))
temperature = 23
if temperature > 30:
    print("hot")
elif temperature > 20:
    print("warm")
if temperature:
    print("non-zero")
if not []:
    print("empty list is falsy")
x = 7
if x % 2 == 0:
    print("even")
else:
    if x % 3 == 0:
        print("odd, divisible by 3")
    else:
        print("odd, not divisible by 3")
label = "big" if x > 5 else "small"
print(label)
if x > 0: print("one-line if")
