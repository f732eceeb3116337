match y:
    case [x, x]:
        pass
