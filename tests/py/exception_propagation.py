# Exceptions travel up through function calls.
def level3(x):
    print("level3 start")
    result = 100 // x
    print("level3 end")
    return result
def level2(x):
    print("level2 start")
    r = level3(x)
    print("level2 end")
    return r
def level1(x):
    try:
        return level2(x)
    except ZeroDivisionError as e:
        print("level1 caught:", e)
        return 0
print(level1(5))
print(level1(0))
def reraise():
    try:
        [][0]
    except IndexError:
        print("logging and re-raising")
        raise
try:
    reraise()
except IndexError as e:
    print("top:", e)
def cleanup_chain(n):
    try:
        if n == 0:
            raise RuntimeError("bottom")
        cleanup_chain(n - 1)
    finally:
        print("unwinding", n)
try:
    cleanup_chain(3)
except RuntimeError as e:
    print("caught", e)
