# Subclassing Thread and overriding run(); the result is read after join().
import threading

class Summer(threading.Thread):
    def __init__(self, n):
        threading.Thread.__init__(self)
        self.n = n
        self.total = None

    def run(self):
        total = 0
        for i in range(self.n):
            total += i
        self.total = total

class Named(threading.Thread):
    def __init__(self):
        super().__init__(name="named")

    def run(self):
        print("running", self.name)

n = Named()
n.start()
n.join()

workers = [Summer(n) for n in (10, 100, 1000)]
for w in workers:
    w.start()
for w in workers:
    w.join()
    print(w.n, w.total)
