# id(a) == id(b) exactly when a is b.
def check(a, b):
    return (id(a) == id(b)) == (a is b), a is b


lst = [1, 2]
alias = lst
copy = lst[:]
print(check(lst, alias), check(lst, copy))
print(check(None, None), check(True, 1 == 1))
t = (1, 2)
print(check(t, tuple(t)), check(t, tuple([1, 2])))
print(check(256, int("256")), check(1000, int("1000")))
s = "word"
print(check(s, "".join(["wo", "rd"])), check(s, s[:]))
print(check(float("nan"), float("nan")))
print(check(check, check), check(len, len), check(int, type(5)))


class Thing:
    pass


t1 = Thing()
t2 = Thing()
print(check(t1, t2), check(t1, t1))
ids = {id(o) for o in (t1, t2, lst, copy, s)}
print(len(ids))
print(id(t1) == id(t1), isinstance(id(t1), int), id(t1) > 0)
