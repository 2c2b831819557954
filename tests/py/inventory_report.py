# A small inventory report using dicts, lists and formatting.
inventory = [
    {"sku": "A100", "name": "Widget", "qty": 12, "price": 2.5},
    {"sku": "B200", "name": "Gadget", "qty": 0, "price": 13.0},
    {"sku": "C300", "name": "Doohickey", "qty": 5, "price": 7.25},
    {"sku": "D400", "name": "Thingamajig", "qty": 31, "price": 0.99},
]
print(f"{'SKU':<6}{'Name':<12}{'Qty':>5}{'Price':>8}{'Value':>9}")
print("-" * 40)
total = 0
for item in inventory:
    value = item["qty"] * item["price"]
    total += value
    print(f"{item['sku']:<6}{item['name']:<12}{item['qty']:>5}{item['price']:>8.2f}{value:>9.2f}")
print("-" * 40)
print(f"{'Total':<31}{total:>9.2f}")
out_of_stock = [i["name"] for i in inventory if i["qty"] == 0]
print("Out of stock:", ", ".join(out_of_stock))
by_value = sorted(inventory, key=lambda i: i["qty"] * i["price"], reverse=True)
print("Most valuable:", by_value[0]["name"])
restock = {i["sku"]: 20 - i["qty"] for i in inventory if i["qty"] < 20}
print(restock)
