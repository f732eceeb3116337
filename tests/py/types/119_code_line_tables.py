# A code object's co_code has two bytes per instruction, the unit of co_lines, co_positions, dis's
# offsets and tb_lasti, so that they agree; co_lnotab (deprecated, still in 3.11) gives the
# (offset, line) deltas where the line changes.
import sys


def f(x, y):
    a = x + y
    b = x - y



    return a * b


code = f.__code__
lines = list(code.co_lines())
print(type(code.co_code).__name__, len(code.co_code) % 2, lines[0][0], len(code.co_code) - lines[-1][1])
print(all(start < end for start, end, _ in lines), all(lines[i][1] == lines[i + 1][0] for i in range(len(lines) - 1)))
print(len(list(code.co_positions())) == len(code.co_code) // 2)
table = code.co_lnotab
print(type(table).__name__, len(table) % 2)
line = code.co_firstlineno
offset = 0
seen = []
for i in range(0, len(table), 2):
    offset += table[i]
    line += table[i + 1] - 256 if table[i + 1] > 127 else table[i + 1]
    seen.append(line - code.co_firstlineno)
print([n for n in seen if n > 0])
try:
    1 / 0
except ZeroDivisionError:
    tb = sys.exc_info()[2]
    print(tb.tb_lasti % 2, tb.tb_lasti < len(tb.tb_frame.f_code.co_code))
