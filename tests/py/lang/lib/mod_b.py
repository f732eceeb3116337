x = 1
_y = 2
def f(): return "f"
