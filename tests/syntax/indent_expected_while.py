while True:
x
