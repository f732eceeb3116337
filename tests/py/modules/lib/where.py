# Imported by 078_relative_path_entries.py through relative sys.path entries.
def fail():
    raise ValueError("from where.py")
