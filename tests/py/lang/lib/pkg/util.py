def helper(): return "helper in " + __name__
