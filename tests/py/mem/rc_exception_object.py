# An exception bound with "except ... as" is released at the end of the block.
import sys


class AppError(Exception):
    pass


saved = []
try:
    raise AppError("boom")
except AppError as err:
    saved.append(err)

print(sys.getrefcount(saved[0]))
print(saved[0])

payload = [1, 2]
try:
    raise ValueError(payload)
except ValueError as e:
    print(e.args[0] is payload)
print(sys.getrefcount(payload))
