# An exception raised deep inside nested calls, uncaught.
def parse_record(line):
    name, value = line.split("=")
    return name, int(value)
def load(lines):
    records = {}
    for line in lines:
        name, value = parse_record(line)
        records[name] = value
        print("loaded", name)
    return records
def main():
    data = ["a=1", "b=2", "c=three"]
    return load(data)
main()
