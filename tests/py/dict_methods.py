# get, keys, values, items, pop, update.
stock = {"apples": 5, "pears": 0, "plums": 12}
print(stock.get("apples"), stock.get("kiwis"), stock.get("kiwis", -1))
print(list(stock.keys()), list(stock.values()), list(stock.items()))
print(stock.pop("pears"), stock)
print(stock.pop("kiwis", "none left"))
stock.update({"plums": 10, "figs": 3})
print(stock)
stock.update(dates=7)
print(stock)
stock.update([("apples", 1)])
print(stock)
counts = {}
for fruit in ["fig", "fig", "date", "fig"]:
    counts[fruit] = counts.get(fruit, 0) + 1
print(counts)
for k in stock.keys():
    print(k, end=" ")
print()
print(sum(stock.values()))
print(max(stock.items(), key=lambda kv: kv[1]))
