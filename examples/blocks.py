# blocks.py — nested blocks and a bracketed continuation line.
# What to look for: run `minipy --tokens blocks.py` and watch INDENT and DEDENT tokens appear as the
# indentation changes (several DEDENTs at once when two blocks close together), and see that inside
# the brackets of `table` the line breaks produce no NEWLINE tokens at all. `minipy --ast blocks.py`
# shows the same structure as nested If / For / While nodes.

table = [
    [1, 2, 3],
    [4, 5, 6],   # a comment inside brackets is fine too
    [7, 8, 9],
]

total = 0
for row in table:
    for value in row:
        if value % 2 == 0:
            total += value
        elif value == 5:
            while value > 0:
                value -= 2
                if value < 2:
                    total += 100
        else:
            total += 1
print("total", total)

def describe(n):
    if n > 0:
        if n > 10:
            return "big"
        return "small"
    return "not positive"

print(describe(50), describe(3), describe(-1))
message = ("implicit " "string "
           "concatenation across lines")
print(message)
