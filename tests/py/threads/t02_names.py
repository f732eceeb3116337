# Thread names follow CPython's "Thread-N (target)" pattern; main_thread and current_thread.
import threading

def job():
    print("in", threading.current_thread().name)

def other():
    pass

t1 = threading.Thread(target=job)
t2 = threading.Thread(target=other, name="worker")
t3 = threading.Thread()
print(t1.name)
print(t2.name)
print(t3.name)
t1.start()
t1.join()
print(threading.current_thread().name)
print(threading.main_thread() is threading.current_thread())
print(threading.main_thread().name)
print(threading.current_thread().daemon)
t4 = threading.Thread(target=job, name=42)
print(repr(t4.name))
t4.start()
t4.join()
print(threading.get_ident() == threading.main_thread().ident)
print(threading.get_native_id() == threading.main_thread().native_id)
