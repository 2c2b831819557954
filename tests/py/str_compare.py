# Comparing strings.
print("apple" < "banana", "apple" < "Apple", "a" < "aa", "" < "a")
print("abc" == "abc", "abc" != "abd", "b" > "abc")
print("Z" < "a", "10" < "9")
words = ["pear", "Apple", "banana", "apple", "Banana"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(min(words), max(words))
print("cat" <= "cat", "cat" >= "car")
