import lib.circ_b
def fa(): return "fa"
