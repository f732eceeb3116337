# Looking up an attribute an int does not have.
n = 5
n.foo
