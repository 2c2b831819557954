# == compares values; `is` compares identities.
a = [1, 2, 3]
b = [1, 2, 3]
c = a
print(a == b, a is b)
print(a == c, a is c)
b.append(4)
print(a == b, a is b)
c.append(4)
print(a, c, a is c)

x = {"k": [1]}
y = dict(x)
print(x == y, x is y, x["k"] is y["k"])


t1 = (1, [2])
t2 = (1, [2])
print(t1 == t2, t1 is t2, t1[0] is t2[0], t1[1] is t2[1])
