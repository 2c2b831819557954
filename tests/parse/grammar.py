# Every statement and expression form the front end parses; tests/parse/run.sh
# compares its tree (with locations) with CPython 3.11's ast.dump().
"""module docstring"""
import os
import os.path as osp, sys
from . import a
from .. import b as c
from ...pkg.mod import (d, e as f,)
from x import *
global g1, g2

x = 1
a = b = c = [1, 2, 3]
a, b = b, a
(a, b), [c, *d] = 1, (2, 3)
*e, f = range(3)
x += 1; x -= 1; x *= 2; x @= m; x /= 2; x //= 2; x %= 3; x **= 2
x >>= 1; x <<= 1; x &= 1; x |= 1; x ^= 1
y: int
y: list[int] = []
(z): int = 1
obj.attr: str = "s"
del x, obj.attr, lst[0], (a, b), [c]
pass

def f0(): pass
def f1(a, b=1, *args, c, d=2, **kw) -> int:
    return a
def f2(a, /, b, *, c): ...
def f3(a=1, /, b=2, *c: int, **d: str): yield
def f4(*, a=lambda: 0, b=lambda x, *y, z=1, **w: x): return (yield from z)
async def f5(x):
    await x
    async for i in x:
        pass
    async with x as y, z:
        pass
    return [i async for i in x]

@decorator
@decorator.attr(1, k=2)
@ (lambda f: f)
class C(Base, metaclass=Meta, **extra):
    """class docstring"""
    attr = 1
    def method(self):
        nonlocal_test = 1
        def inner():
            nonlocal nonlocal_test
        return inner

class D: pass
class E(): x = 1; y = 2;

if a:
    pass
elif b:
    pass
elif c: pass
else:
    pass

while x:
    break
else:
    continue

for i in range(10):
    if i: continue
else: pass
for a, *b in c: pass
for (a, b) in c, d: pass

try:
    pass
except E:
    pass
except (A, B) as err:
    raise
except:
    raise X from Y
else:
    pass
finally:
    pass
try: pass
finally: pass

with open(p) as fh, lock:
    pass
with (a as b, c as d,):
    pass
with (a, b):
    pass
with (a) as (b, c):
    pass

assert x
assert x, "message"
raise
raise E("msg")

# expressions
lambda: 0
lambda *a, **k: (a, k)
a if b else c if d else e
a or b or c and d and not e
(a or b) or c
a < b <= c > d >= e == f != g in h not in i is j is not k
(a < b) < c
a | b ^ c & d << e >> f + g - h * i / j // k % l @ m
-a + +b - ~c
-2 ** -3 ** 4
await_ = x ** -y
a.b.c(d)[e][f:g][h:i:j][::k][l, m:n, *o]
f(a, *b, c=d, **e)
f(x for x in y)
f(*a, *b, **c, d=1, **e)
[1, *a, 2]
(1,)
()
[]
{}
{1, 2, *s}
{1: 2, **d, 3: 4}
[x for x in y if x if not x for z in x]
{x for x in y}
{k: v for k, v in items}
(x for x in y)
[(yield) for x in y]
(x := 10)
[y := 1, y ** 2]
f(a := 1)
a[b := 2]
if (n := len(a)) > 10: pass
while chunk := read(): pass
x = yield
x = yield a, b
x = yield from g()
print(*args, sep="", end="\n")
x = ...
x = None, True, False
x = a.b[c](d)
x = not a == b
x = [*a, *b]
x = {**a, **b}
x = f(a)(b)(c)
x = a[1:2, 3]
x = a[()]
x = a[:, None]
x = 1 if True else 2
x = [lambda: i for i in range(3)]
x = -1
x = --1
x = (a
     + b
     + c)
x = 1 + \
    2
x = [
    1,
    2,
]
