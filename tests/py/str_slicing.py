# Slicing strings with start, stop and step.
s = "abcdefghij"
print(s[2:5], s[:3], s[7:], s[:], s[-3:], s[:-3])
print(s[::2], s[1::2], s[::-1], s[8:2:-2])
print(s[3:3], s[5:2], s[100:], s[-100:2])
print(s[-1:-4:-1])
word = "racecar"
print(word == word[::-1])
name = "Ada Lovelace"
first = name[:name.find(" ")]
last = name[name.find(" ") + 1:]
print(first, last)
print(last[0] + ".", first)
date = "2024-03-15"
print(date[:4], date[5:7], date[8:])
