# A missing dict key: the KeyError message is the repr of the key.
ages = {"ann": 31, "bob": 42}
print(ages["ann"])
print(ages["cy"])
