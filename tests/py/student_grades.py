# Grade book: averages, letter grades and a ranking.
grades = {
    "ann": [91, 85, 97],
    "bob": [72, 64, 80],
    "cid": [55, 70, 61],
    "dee": [88, 92, 79],
}
def letter(avg):
    if avg >= 90:
        return "A"
    if avg >= 80:
        return "B"
    if avg >= 70:
        return "C"
    if avg >= 60:
        return "D"
    return "F"
averages = {}
for name, marks in grades.items():
    averages[name] = sum(marks) / len(marks)
for name in sorted(averages, key=averages.get, reverse=True):
    avg = averages[name]
    print(f"{name:<5} {avg:6.2f} {letter(avg)}")
best = max(averages, key=averages.get)
print("best:", best)
all_marks = [m for marks in grades.values() for m in marks]
print("overall:", min(all_marks), max(all_marks), sum(all_marks) // len(all_marks))
buckets = {}
for name, avg in averages.items():
    key = letter(avg)
    if key not in buckets:
        buckets[key] = []
    buckets[key].append(name)
print(buckets)
