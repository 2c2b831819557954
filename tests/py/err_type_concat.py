# Concatenating a str and an int.
age = 31
message = "Age: " + age
print(message)
