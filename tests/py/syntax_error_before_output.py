# The whole file is compiled first: nothing is printed before the error.
print("line 2 would print if this were executed line by line")
print("so would this")
def broken(:
    pass
