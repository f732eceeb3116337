match command.split():
    case [action]:
        pass
    case [action, obj] if obj:
        pass
    case ["go", ("north" | "south") as direction, *_]:
        pass
    case {"x": 1, **rest}:
        pass
    case Point(1, y=-2.5) | Point(x=1 + 2j):
        pass
    case None | True | False | b"b" | a.b.c:
        pass
    case (1, 2) | () | [*rest]:
        pass
    case _:
        pass
match = case = 1
