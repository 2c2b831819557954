# return outside a function.
x = 5
return x
