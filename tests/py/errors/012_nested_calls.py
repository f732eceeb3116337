# A traceback lists every frame from the module down to the failing line, outermost first.
def parse(text):
    return int(text)

def load(rows):
    out = []
    for r in rows:
        out.append(parse(r))
    return out

def main():
    print(load(["1", "2"]))
    print(load(["3", "four"]))

main()
