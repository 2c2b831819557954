# Ints from -5 to 256 are preallocated: every computation that yields one of
# them gives the same object.
a = 256
b = 256
print(a is b)

n = int("100")
m = 50 + 50
hundred = 100
print(n is m, n is hundred)

start = int("-10")
cached = []
for v in range(start, 262):
    if v is int(str(v)):
        cached.append(v)
print(cached[0], cached[-1], len(cached))

x = 200
y = x + 56
z = x + 57
print(y is int("256"), z is int("257"))
lowest = -5
print(lowest is int("-5"), int("-6") is int("-6"))
