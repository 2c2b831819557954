# pass as a placeholder.
def todo():
    pass
class Empty:
    pass
for i in range(3):
    pass
if True:
    pass
else:
    pass
while False:
    pass
print(todo(), i)
e = Empty()
e.field = 1
print(e.field)
try:
    pass
except Exception:
    pass
print("done")
