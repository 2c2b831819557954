# finally always runs.
def f(x):
    try:
        print("try", x)
        if x == 0:
            raise ValueError("zero")
        return 10 // x
    except ValueError as e:
        print("caught", e)
        return -1
    finally:
        print("finally", x)
print(f(2))
print(f(0))
def g():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
            print("body", i)
        finally:
            print("cleanup", i)
g()
def h():
    try:
        return "from try"
    finally:
        print("finally before return")
print(h())
try:
    try:
        raise KeyError("k")
    finally:
        print("inner finally")
except KeyError as e:
    print("outer", e)
resource = []
try:
    resource.append("open")
    print("working")
finally:
    resource.append("closed")
print(resource)
