# Caesar cipher and a character frequency table without ord/chr.
ALPHABET = "abcdefghijklmnopqrstuvwxyz"
def shift_char(ch, k):
    lower = ch.lower()
    idx = ALPHABET.find(lower)
    if idx == -1:
        return ch
    new = ALPHABET[(idx + k) % 26]
    return new.upper() if ch != lower else new
def caesar(text, k):
    return "".join([shift_char(c, k) for c in text])
secret = caesar("Hello, World! Memory matters.", 3)
print(secret)
print(caesar(secret, -3))
print(caesar("xyz", 29))
freq = {}
for ch in secret.lower():
    if ch in ALPHABET:
        freq[ch] = freq.get(ch, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
print(top)
