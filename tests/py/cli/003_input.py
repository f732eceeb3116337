# input() reads one line from stdin without its newline; the prompt goes to stdout (stdin is not a tty).
name = input("Your name: ")
print("Hello,", name)
age = int(input("Age? "))
print("Next year you will be", age + 1)
line = input()
print(repr(line))
