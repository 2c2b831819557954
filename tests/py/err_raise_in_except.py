# An exception raised while handling another.
def convert(text):
    try:
        return int(text)
    except ValueError:
        raise RuntimeError("could not convert " + repr(text))
print(convert("7"))
convert("seven")
