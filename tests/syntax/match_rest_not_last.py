match y:
    case {**rest, "a": 1}:
        pass
