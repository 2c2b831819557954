# and / or / not return operands and short-circuit.
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "default")
print("" or "empty", [] and "unreached", [0] and "reached")
print(not 0, not 1, not "", not "x", not None)
def side(v):
    print("side", v)
    return v
print(side(0) and side(1))
print(side(1) or side(2))
print(side(1) and side(0) or side(3))
name = ""
display = name or "anonymous"
print(display)
config = {"debug": False}
if not config["debug"] and len(config) == 1:
    print("quiet mode")
print(True and not False or False)
a, b = 3, 0
print(b != 0 and a / b > 1)
