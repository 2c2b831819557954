# String literal forms: quotes, triple quotes, raw, escapes, concatenation.
a = 'single'
b = "double"
c = """triple
double"""
d = '''triple
single'''
print(a, b)
print(c)
print(d)
print(r"raw \n stays", R'\t too')
print("escapes: \\ \' \" \x41 \101 \u0042")
print("adjacent " "literals " 'join')
e = ("implicit "
     "continuation "
     "inside parens")
print(e)
f = "backslash " \
    "continuation"
print(f)
print("""  keeps "quotes" and 'apostrophes'  """)
print(len("""
"""))
print("a\
b")
