# else clauses on for and while.
def find_prime_factor(n):
    for d in range(2, n):
        if n % d == 0:
            print(n, "has factor", d)
            break
    else:
        print(n, "is prime")
for n in [9, 13, 2, 25, 29]:
    find_prime_factor(n)
i = 0
while i < 3:
    i += 1
else:
    print("while finished normally, i =", i)
while True:
    break
else:
    print("never printed")
for x in []:
    pass
else:
    print("empty for runs else")
