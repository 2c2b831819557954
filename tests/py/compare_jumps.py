# Comparisons of one-digit ints that feed a conditional jump straight away
# (if, while, and/or, ternaries), for every operator and sign, and in a
# body long enough that the jump needs an extended argument.
values = [-(2**30) + 1, -257, -6, -5, -1, 0, 1, 5, 256, 257, 2**30 - 1, 2**30, True, 2.5]
count = 0
for a in values:
    for b in values:
        if a < b:
            count += 1
        if a <= b:
            count += 10
        if not a == b:
            count += 100
        if a != b:
            count += 1000
        if a > b:
            count += 10000
        if a >= b:
            count += 100000
print(count)

i, n = 0, 0
while i < 1000:
    i += 7 if i % 2 == 0 else 3
    n += 1
print(i, n)
print([x for x in range(-10, 10) if x > -3 and x <= 4 or x == -8])


def long_body(x):
    total = 0
    if x < 3:
        total += 1
        total += x * 0 + 0
        total += x * 1 + 1
        total += x * 2 + 2
        total += x * 3 + 3
        total += x * 4 + 4
        total += x * 5 + 5
        total += x * 6 + 6
        total += x * 7 + 7
        total += x * 8 + 8
        total += x * 9 + 9
        total += x * 10 + 10
        total += x * 11 + 11
        total += x * 12 + 12
        total += x * 13 + 13
        total += x * 14 + 14
        total += x * 15 + 15
        total += x * 16 + 16
        total += x * 17 + 17
        total += x * 18 + 18
        total += x * 19 + 19
        total += x * 20 + 20
        total += x * 21 + 21
        total += x * 22 + 22
        total += x * 23 + 23
        total += x * 24 + 24
        total += x * 25 + 25
        total += x * 26 + 26
        total += x * 27 + 27
        total += x * 28 + 28
        total += x * 29 + 29
        total += x * 30 + 30
        total += x * 31 + 31
        total += x * 32 + 32
        total += x * 33 + 33
        total += x * 34 + 34
        total += x * 35 + 35
        total += x * 36 + 36
        total += x * 37 + 37
        total += x * 38 + 38
        total += x * 39 + 39
        total += x * 40 + 40
        total += x * 41 + 41
        total += x * 42 + 42
        total += x * 43 + 43
        total += x * 44 + 44
        total += x * 45 + 45
        total += x * 46 + 46
        total += x * 47 + 47
        total += x * 48 + 48
        total += x * 49 + 49
        total += x * 50 + 50
        total += x * 51 + 51
        total += x * 52 + 52
        total += x * 53 + 53
        total += x * 54 + 54
        total += x * 55 + 55
        total += x * 56 + 56
        total += x * 57 + 57
        total += x * 58 + 58
        total += x * 59 + 59
        total += x * 60 + 60
        total += x * 61 + 61
        total += x * 62 + 62
        total += x * 63 + 63
        total += x * 64 + 64
        total += x * 65 + 65
        total += x * 66 + 66
        total += x * 67 + 67
        total += x * 68 + 68
        total += x * 69 + 69
        total += x * 70 + 70
        total += x * 71 + 71
        total += x * 72 + 72
        total += x * 73 + 73
        total += x * 74 + 74
        total += x * 75 + 75
        total += x * 76 + 76
        total += x * 77 + 77
        total += x * 78 + 78
        total += x * 79 + 79
        total += x * 80 + 80
        total += x * 81 + 81
        total += x * 82 + 82
        total += x * 83 + 83
        total += x * 84 + 84
        total += x * 85 + 85
        total += x * 86 + 86
        total += x * 87 + 87
        total += x * 88 + 88
        total += x * 89 + 89
        total += x * 90 + 90
        total += x * 91 + 91
        total += x * 92 + 92
        total += x * 93 + 93
        total += x * 94 + 94
        total += x * 95 + 95
        total += x * 96 + 96
        total += x * 97 + 97
        total += x * 98 + 98
        total += x * 99 + 99
        total += x * 100 + 100
        total += x * 101 + 101
        total += x * 102 + 102
        total += x * 103 + 103
        total += x * 104 + 104
        total += x * 105 + 105
        total += x * 106 + 106
        total += x * 107 + 107
        total += x * 108 + 108
        total += x * 109 + 109
        total += x * 110 + 110
        total += x * 111 + 111
        total += x * 112 + 112
        total += x * 113 + 113
        total += x * 114 + 114
        total += x * 115 + 115
        total += x * 116 + 116
        total += x * 117 + 117
        total += x * 118 + 118
        total += x * 119 + 119
    if x >= 3:
        total -= 1
    return total
print(long_body(2), long_body(3), long_body(-100))
