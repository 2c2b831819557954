# raise SystemExit(n) exits with n, no traceback.
def main():
    print("main runs")
    raise SystemExit(4)
main()
