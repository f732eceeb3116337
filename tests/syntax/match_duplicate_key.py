match y:
    case {1: x, True: y}:
        pass
