# try / except with several handlers.
def parse(text):
    try:
        return int(text)
    except ValueError:
        return None
print(parse("12"), parse("twelve"))
def safe_div(a, b):
    try:
        result = a / b
    except ZeroDivisionError as e:
        print("error:", e)
        return None
    else:
        print("no error")
        return result
print(safe_div(10, 4))
print(safe_div(1, 0))
data = {"a": 1}
for key in ["a", "b"]:
    try:
        print(data[key])
    except KeyError as e:
        print("missing key", e)
try:
    [1, 2][5]
except (IndexError, KeyError) as e:
    print(type(e).__name__, e)
try:
    undefined_function()
except NameError as e:
    print("NameError:", e)
try:
    None.upper()
except AttributeError as e:
    print(e)
try:
    "a" + 1
except TypeError as e:
    print(e)
try:
    raise ValueError("custom message")
except Exception as e:
    print(type(e), e.args)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError("from handler")
except KeyError as e:
    print("outer caught", repr(e))
try:
    int("x")
except:
    print("bare except")
