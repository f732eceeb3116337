# Non-ASCII text: len counts code points; indexing, slicing and ord/chr work per code point.
s = "héllo"
print(s, len(s), s[1], s[::-1], s.upper())
j = "日本"
print(j, len(j), j[0], j[-1], j + "語", len(j * 3))
mixed = "añb日c"
print(len(mixed), [mixed[i] for i in range(len(mixed))])
print(ord("é"), ord("日"), chr(233), chr(26085), chr(0x1F600) == "\U0001F600")
print("é" in s, "日本" in "日本語", s.find("l"), j.find("本"))
print(repr("héllo"), repr("日本"))
print(len("\U0001F600"), "\u00e9" == "é")
print(mixed[1:4], mixed[::2])
