# A list cannot be a dict key.
seen = {}
key = [1, 2]
seen[key] = True
