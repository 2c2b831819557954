# Adding an int and a str.
count = 3
label = "items"
print("adding")
result = count + label
