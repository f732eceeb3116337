match y:
    case _:
        pass
    case 1:
        pass
