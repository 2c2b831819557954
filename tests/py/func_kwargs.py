# Keyword arguments in calls.
def connect(host, port=80, secure=False, timeout=30):
    return f"{host}:{port} secure={secure} timeout={timeout}"
print(connect("example"))
print(connect("example", 443, True))
print(connect("example", secure=True))
print(connect(port=8080, host="local"))
print(connect("x", timeout=5, port=1))
def ratio(numerator, denominator):
    return numerator / denominator
print(ratio(denominator=4, numerator=1))
def show(*, name, level=0):
    print("  " * level + name)
show(name="root")
show(name="child", level=1)
show(level=2, name="leaf")
print(sorted([3, 1, 2], reverse=True))
print("a", "b", sep="", end="\n")
