# A parenthesis that is never closed.
print("never run")
values = (1, 2,
          3, 4
total = 0
