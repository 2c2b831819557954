# Floor division and modulo round toward negative infinity, at any size.
pairs = [
    (7, 2), (-7, 2), (7, -2), (-7, -2),
    (10 ** 30, 7), (-(10 ** 30), 7), (10 ** 30, -7), (-(10 ** 30), -7),
    (2 ** 100, 2 ** 40 + 1), (-(2 ** 100), 2 ** 40 + 1),
    (2 ** 100 + 5, -(2 ** 60)), (-(3 ** 80), -(7 ** 20)),
    (5, 10 ** 30), (-5, 10 ** 30),
]
for a, b in pairs:
    q, r = a // b, a % b
    print(q, r, q * b + r == a, divmod(a, b) == (q, r))
