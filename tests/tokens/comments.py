# leading comment

x = 1  # trailing comment
    # indented comment line

if x:
    # comment inside block

    y = 2
        # deeper comment
    z = 3
# last comment
