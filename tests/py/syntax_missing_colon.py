# A missing colon after a block header.
for i in range(3)
    print(i)
