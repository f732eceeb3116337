# input() at end of input with nothing caught: the prompt is printed, then EOFError ends the script.
print("before")
answer = input("> ")
print("never", answer)
