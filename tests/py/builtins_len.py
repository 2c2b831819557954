# len() on every container type.
print(len("hello"), len(""), len([1, 2, 3]), len(()), len((1,)))
print(len({"a": 1, "b": 2}), len({1, 2, 3, 3}), len(range(10)), len(range(5, 0, -1)))
print(len([[1, 2], [3]]), len("unicode é"))
class Playlist:
    def __init__(self, songs):
        self.songs = songs
    def __len__(self):
        return len(self.songs)
print(len(Playlist(["a", "b", "c"])))
data = [1] * 1000
print(len(data), len(data * 2), len(data[10:]))
