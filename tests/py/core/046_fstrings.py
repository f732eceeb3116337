# f-strings: expressions, !r conversion, alignment and width, precision, thousands separators.
x = 3.14159
n = 1234567
s = "hi"
print(f"x={x} n={n} s={s}")
print(f"{s!r} {s:>5}| {s:<5}| {s:^6}|")
print(f"{x:.2f} {x:8.3f}| {-x:.1f} {2.0:.0f} {2.5:.0f}")
print(f"{n:,} {-n:,} {1000:,} {999:,}")
print(f"{42:5d}| {42:<5d}| {-42:5d}| {7:03d}")
print(f"{1 + 2} {[1, 2][1]} {'nested'} {len(s) * 2}")
print(f"{{braces}} {n}")
print(f"{x!r} {None} {True} {[s]}")
items = ["a", "bb"]
for i, it in enumerate(items):
    print(f"{i:>2}: {it:<3}|")
width = 6
print(f"{s:>{width}}|")
print(f"{12.5:.3f} {0.125:.2f} {-0.0:.1f}")
print(f"{1e22:.1f} {123.456:10.2f}|")
name = "world"
print(f"Hello, {name.upper()}!" + f" {len(name)}")
