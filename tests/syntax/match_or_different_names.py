match y:
    case [x] \| (y,):
        pass
