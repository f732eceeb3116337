# queue.py — minipy's queue module, as CPython's Lib/queue.py: thread-safe FIFO, LIFO and priority
# queues built from one lock and three conditions, and SimpleQueue, a FIFO without task tracking.
import threading
from time import monotonic as _time


class Empty(Exception):
    "Exception raised by Queue.get(block=0)/get_nowait()."
    pass


class Full(Exception):
    "Exception raised by Queue.put(block=0)/put_nowait()."
    pass


def _heappush(heap, item):
    # Sift the new last item up to its place (heapq.heappush).
    heap.append(item)
    pos = len(heap) - 1
    while pos > 0:
        parent = (pos - 1) // 2
        if heap[pos] < heap[parent]:
            heap[pos], heap[parent] = heap[parent], heap[pos]
            pos = parent
        else:
            break


def _heappop(heap):
    # Move the last item to the root and sift it down (heapq.heappop).
    last = heap.pop()
    if not heap:
        return last
    top = heap[0]
    heap[0] = last
    pos = 0
    n = len(heap)
    while True:
        child = 2 * pos + 1
        if child >= n:
            break
        if child + 1 < n and heap[child + 1] < heap[child]:
            child += 1
        if heap[child] < heap[pos]:
            heap[pos], heap[child] = heap[child], heap[pos]
            pos = child
        else:
            break
    return top


class Queue:
    # A FIFO queue; maxsize <= 0 means unbounded. Subclasses change the order through
    # _init/_qsize/_put/_get, as in CPython.
    __class_getitem__ = classmethod(type(list[int]))

    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._init(maxsize)
        self.mutex = threading.Lock()
        self.not_empty = threading.Condition(self.mutex)
        self.not_full = threading.Condition(self.mutex)
        self.all_tasks_done = threading.Condition(self.mutex)
        self.unfinished_tasks = 0

    def task_done(self):
        with self.all_tasks_done:
            unfinished = self.unfinished_tasks - 1
            if unfinished <= 0:
                if unfinished < 0:
                    raise ValueError("task_done() called too many times")
                self.all_tasks_done.notify_all()
            self.unfinished_tasks = unfinished

    def join(self):
        with self.all_tasks_done:
            while self.unfinished_tasks:
                self.all_tasks_done.wait()

    def qsize(self):
        with self.mutex:
            return self._qsize()

    def empty(self):
        with self.mutex:
            return not self._qsize()

    def full(self):
        with self.mutex:
            return 0 < self.maxsize <= self._qsize()

    def put(self, item, block=True, timeout=None):
        with self.not_full:
            if self.maxsize > 0:
                if not block:
                    if self._qsize() >= self.maxsize:
                        raise Full
                elif timeout is None:
                    while self._qsize() >= self.maxsize:
                        self.not_full.wait()
                elif timeout < 0:
                    raise ValueError("'timeout' must be a non-negative number")
                else:
                    endtime = _time() + timeout
                    while self._qsize() >= self.maxsize:
                        remaining = endtime - _time()
                        if remaining <= 0.0:
                            raise Full
                        self.not_full.wait(remaining)
            self._put(item)
            self.unfinished_tasks += 1
            self.not_empty.notify()

    def get(self, block=True, timeout=None):
        with self.not_empty:
            if not block:
                if not self._qsize():
                    raise Empty
            elif timeout is None:
                while not self._qsize():
                    self.not_empty.wait()
            elif timeout < 0:
                raise ValueError("'timeout' must be a non-negative number")
            else:
                endtime = _time() + timeout
                while not self._qsize():
                    remaining = endtime - _time()
                    if remaining <= 0.0:
                        raise Empty
                    self.not_empty.wait(remaining)
            item = self._get()
            self.not_full.notify()
            return item

    def put_nowait(self, item):
        return self.put(item, block=False)

    def get_nowait(self):
        return self.get(block=False)

    def _init(self, maxsize):
        self.queue = []
        self._head = 0  # items before it were taken already; compacted as the list grows

    def _qsize(self):
        return len(self.queue) - self._head

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        item = self.queue[self._head]
        self.queue[self._head] = None
        self._head += 1
        if self._head > 64 and self._head * 2 > len(self.queue):
            del self.queue[:self._head]
            self._head = 0
        return item


class PriorityQueue(Queue):
    # Retrieves the lowest item first (a heap, as CPython's uses heapq).
    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        _heappush(self.queue, item)

    def _get(self):
        return _heappop(self.queue)


class LifoQueue(Queue):
    # Retrieves the most recently added item first.
    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.pop()


class SimpleQueue:
    # An unbounded FIFO queue without task_done()/join().
    __class_getitem__ = classmethod(type(list[int]))

    def __init__(self):
        self._queue = Queue()

    def put(self, item, block=True, timeout=None):
        self._queue.put(item)

    def put_nowait(self, item):
        self._queue.put(item)

    def get(self, block=True, timeout=None):
        return self._queue.get(block, timeout)

    def get_nowait(self):
        return self._queue.get(False)

    def empty(self):
        return self._queue.empty()

    def qsize(self):
        return self._queue.qsize()
