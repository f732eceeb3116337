# calls: many small function calls with positional, default and keyword arguments, plus a closure —
# stresses argument binding and call overhead.
def clamp(v, lo=0, hi=255):
    if v < lo:
        return lo
    if v > hi:
        return hi
    return v


def mix(a, b, *, weight=0.5):
    return a * (1 - weight) + b * weight


def make_scaler(k):
    def scale(v):
        return v * k
    return scale


def run(n):
    triple = make_scaler(3)
    acc = 0
    for i in range(n):
        c = clamp(i % 300 - 20)
        c2 = clamp(v=i % 50, lo=10, hi=40)
        m = mix(c, c2, weight=0.25)
        acc += triple(c) + int(m) + clamp(c2, hi=30)
    return acc


print("calls", run(2000000))
