match y:
    case 1 + 1:
        pass
