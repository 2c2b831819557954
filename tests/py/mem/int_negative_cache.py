# The cache covers -5 to -1 too; -6 computed twice gives two objects.
values = {}
for text in ["-7", "-6", "-5", "-3", "-1", "0"]:
    a = int(text)
    b = int(text)
    values[text] = a is b
print(values)
x = -3
y = 2 - 5
z = int("-3")
print(x is y, y is z)
m = 0 - 6
n = int("-6")
print(m == n, m is n)
