x = f"{1}\N{NOT A NAME} {2}"
