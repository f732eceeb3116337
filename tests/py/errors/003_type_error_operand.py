# Unsupported operand types for a binary operator.
count = 3
label = "items: "
print(count + label)
