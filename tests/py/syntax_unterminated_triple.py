# A triple-quoted string that is never closed.
print("fine")
doc = """starts here
and goes on
to the end of the file
