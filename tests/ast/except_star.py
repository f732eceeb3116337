try:
    pass
except* (ValueError, TypeError) as e:
    pass
except* OSError:
    pass
else:
    pass
finally:
    pass
