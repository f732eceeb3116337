# Imported by 053_exit_finalizers.py: an object only this module's globals hold.
class Held:
    def __del__(self):
        print("exit_helper.Held freed")


held = Held()
