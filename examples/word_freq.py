# word_freq.py — counts the words of a short text and prints them by frequency.
# What to look for: a dict built with `get(word, 0) + 1`, str methods chained to normalise words, and
# sorted() with a key that returns a tuple: descending count first, then the word alphabetically, so
# ties always come out in the same order.

TEXT = """
The quick brown fox jumps over the lazy dog. The dog sleeps; the fox runs.
A fox is quick, a dog is lazy, and the brown fox is the quickest of all.
Over and over the fox jumps, and over and over the dog sleeps.
"""


def words_of(text):
    cleaned = []
    for ch in text.lower():
        cleaned.append(ch if ch.isalpha() or ch == " " or ch == "\n" else " ")
    return "".join(cleaned).split()


counts = {}
for word in words_of(TEXT):
    counts[word] = counts.get(word, 0) + 1

ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
print(len(counts), "distinct words,", sum(counts.values()), "in all")
for word, n in ranked[:10]:
    print(f"{word:>10} {n:3d} " + "#" * n)
singles = [w for w, n in ranked if n == 1]
print("used once:", ", ".join(singles))
