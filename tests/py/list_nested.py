# Lists of lists: a small matrix.
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
for row in matrix:
    print(row)
print(matrix[1][2], matrix[-1][0])
transposed = [[row[i] for row in matrix] for i in range(3)]
print(transposed)
diagonal = [matrix[i][i] for i in range(3)]
print(diagonal, sum(diagonal))
flat = []
for row in matrix:
    flat.extend(row)
print(flat)
alias = matrix[0]
alias[0] = 100
print(matrix[0])
shallow = matrix[:]
shallow[1] = ["replaced"]
print(matrix[1], shallow[1])
table = [["name", "qty"], ["pen", 3], ["ink", 12]]
for name, qty in table[1:]:
    print(name, qty * 2)
