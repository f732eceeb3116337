match y:
    case 1j + 1:
        pass
