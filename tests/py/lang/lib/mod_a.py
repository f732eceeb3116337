print("loading mod_a", __name__)
__all__ = ["pub", "other"]
pub = 1
other = 2
hidden = 3
_private = 4
def hello(): return "hello from mod_a"
