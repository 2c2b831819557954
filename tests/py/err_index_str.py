# A string index out of range.
word = "hi"
print(word[1])
print(word[-3])
