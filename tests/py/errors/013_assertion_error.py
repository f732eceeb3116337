# A failing assert with a message is reported as AssertionError with that message.
def check_positive(v):
    assert v > 0, "value must be positive"
    return v

check_positive(3)
check_positive(-3)
