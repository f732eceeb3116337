# dict_str: generates text from a fixed vocabulary, counts words in a dict, and builds strings with
# join and slicing — stresses str hashing, dict lookup/insert, split and join.
SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ze", "po", "qu", "da"]


def make_words(count):
    words = []
    seed = 12345
    for _ in range(count):
        seed = (seed * 1103515245 + 12345) % 2147483648
        n = 1 + seed % 3
        parts = []
        s = seed
        for _ in range(n):
            parts.append(SYLLABLES[s % len(SYLLABLES)])
            s //= 12
        words.append("".join(parts))
    return words


def count_words(text):
    counts = {}
    for w in text.split():
        counts[w] = counts.get(w, 0) + 1
    return counts


words = make_words(300000)
lines = []
for i in range(0, len(words), 12):
    lines.append(" ".join(words[i:i + 12]))
text = "\n".join(lines)
total = 0
for rep in range(14):
    counts = count_words(text)
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    total += len(counts) + top[0][1]
    text = text.replace("ka", "ak") if rep % 2 == 0 else text.replace("ak", "ka")
initials = "".join(w[0] for w in words[:2000])
print("dict_str", total, len(counts), top[0], len(initials), initials[:20])
