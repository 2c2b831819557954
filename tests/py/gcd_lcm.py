# Euclid's algorithm, fractions by hand.
def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)
def lcm(a, b):
    return a * b // gcd(a, b)
print(gcd(48, 18), gcd(17, 5), gcd(0, 9), gcd(-12, 8))
print(lcm(4, 6), lcm(21, 6))
total = 1
for n in range(1, 21):
    total = lcm(total, n)
print("lcm(1..20) =", total)
def simplify(num, den):
    g = gcd(num, den)
    return num // g, den // g
print(simplify(84, 126), simplify(10, 100))
def add_fractions(a, b):
    num = a[0] * b[1] + b[0] * a[1]
    den = a[1] * b[1]
    return simplify(num, den)
h = (0, 1)
for k in range(1, 11):
    h = add_fractions(h, (1, k))
print("H(10) =", f"{h[0]}/{h[1]}")
print(gcd(2 ** 100, 6 ** 50))
