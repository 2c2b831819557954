# A __del__ that raises when reference counting frees the object.
class Bad:
    def __del__(self):
        print("in __del__")
        1 / 0

b = Bad()
del b
print("after del")
x = [Bad()]
x.pop()
print("after pop")
