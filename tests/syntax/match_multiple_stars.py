match y:
    case [a, *b, *c]:
        pass
