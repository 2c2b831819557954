# Local, enclosing, global and builtin scopes.
x = "global"
def outer():
    x = "enclosing"
    def inner():
        x = "local"
        return x
    def reads_enclosing():
        return x
    return inner(), reads_enclosing(), x
print(outer(), x)
def uses_builtin():
    return len("four")
print(uses_builtin())
def shadows_builtin():
    len = lambda s: -1
    return len("four")
print(shadows_builtin(), len("four"))
y = 1
def param_shadow(y):
    y = y + 100
    return y
print(param_shadow(5), y)
for i in range(3):
    loop_var = i * 2
print(i, loop_var)
if True:
    block_var = "visible after if"
print(block_var)
print("scopes ok")
