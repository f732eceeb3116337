# f-string fields holding strings whose quotes or braces would end the field if counted:
# triple-quoted strings with the quote character inside, braces in a nested spec's string.
value = "v"
print(f"{'''eric's'''}", f'{"""a "quoted" word"""}', f"{'''x''' + '''y'z'''}")
print(f'{"{"}', f'{"}"}', f'{3:{"}"}>10}', f'{2:{"{"}>10}')
print(f"{value!r:{'>'}{5}}", f"{'a}b'!r}", f"{ {'k': '}'}['k'] }")
print(f"\N{BULLET} {value} \\N{value}", f"\\{value}")
