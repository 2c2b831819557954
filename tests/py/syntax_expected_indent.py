# A block header with no indented body.
def f():
    return 1
if f() == 1:
print("body not indented")
