s = 1
t = """first line
second \N{BAD NAME} line"""
