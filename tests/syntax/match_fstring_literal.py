match y:
    case f"{x}":
        pass
