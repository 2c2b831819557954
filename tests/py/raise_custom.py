# User-defined exception classes.
class AppError(Exception):
    pass
class NotFound(AppError):
    def __init__(self, name):
        super().__init__(f"{name} not found")
        self.name = name
class Invalid(AppError):
    pass
def lookup(db, name):
    if not name:
        raise Invalid("empty name")
    if name not in db:
        raise NotFound(name)
    return db[name]
db = {"ann": 1}
for name in ["ann", "bob", ""]:
    try:
        print("found", lookup(db, name))
    except NotFound as e:
        print("NotFound:", e, e.name)
    except AppError as e:
        print(type(e).__name__ + ":", e)
print(isinstance(NotFound("x"), AppError))
e = Invalid("a", "b")
print(e.args, str(e), repr(e))
print(repr(NotFound("z")))
try:
    raise AppError
except AppError as err:
    print("raised class:", repr(err))
def check(x):
    if x < 0:
        raise ValueError(f"negative: {x}")
    return x
try:
    check(-3)
except ValueError as err:
    print(err)
