# A __del__ that the collector runs (with the world stopped, in minipy-ft) assigns __class__ and
# __dict__, which stop the world too: the nested stop must not wait for itself, with a thread running.
import gc, threading
class A:
    def __del__(self):
        self.__class__ = B
        self.__dict__ = {"x": 1}
class B:
    pass
stop = False
def spin():
    while not stop:
        sum(range(100))
t = threading.Thread(target=spin); t.start()
for i in range(50):
    a = A(); a.me = a
    del a
    gc.collect()
stop = True
t.join()
print("ok")
