# finally blocks run while an uncaught exception propagates.
def step(n):
    try:
        if n == 0:
            raise KeyError("bottom")
        step(n - 1)
    finally:
        print("finally", n)
step(2)
