from lib.circ_a import fa
