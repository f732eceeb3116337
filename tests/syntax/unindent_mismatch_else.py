if x:
    pass
  else:
