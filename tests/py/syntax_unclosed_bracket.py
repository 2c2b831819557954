# A bracket that is never closed, at the end of the file.
data = [1, 2, 3
