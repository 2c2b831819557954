# A NameError raised inside a function.
def report(items):
    for item in items:
        print(item)
    return sumary
report(["a", "b"])
