# Deadlock and how to avoid it: two threads each need two locks to move money between accounts.
# If one takes A then B while the other takes B then A, each can end up holding one lock and
# waiting for ever for the other (a deadlock). The demonstration below detects that with acquire
# timeouts instead of hanging; the fix is to take the locks in one global order (here: by id).
# What to look for: "deadlock detected" may or may not appear for the unordered version (it depends
# on timing); the ordered version always finishes with the total unchanged. Both flavors.
import threading

balances = {"A": 100, "B": 100}
locks = {"A": threading.Lock(), "B": threading.Lock()}
stuck = []


def transfer_unordered(src, dst, amount, rounds):
    for _ in range(rounds):
        with locks[src]:
            # Timed acquire: a real program would block for ever here.
            if not locks[dst].acquire(timeout=0.5):
                stuck.append((src, dst))
                return
            balances[src] -= amount
            balances[dst] += amount
            locks[dst].release()


def transfer_ordered(src, dst, amount, rounds):
    first, second = sorted([src, dst])
    for _ in range(rounds):
        with locks[first]:
            with locks[second]:
                balances[src] -= amount
                balances[dst] += amount


def run(transfer):
    stuck.clear()
    t1 = threading.Thread(target=transfer, args=("A", "B", 1, 20000))
    t2 = threading.Thread(target=transfer, args=("B", "A", 1, 20000))
    t1.start()
    t2.start()
    t1.join()
    t2.join()


run(transfer_unordered)
print("unordered:", "deadlock detected" if stuck else "no deadlock this time", "- total", sum(balances.values()))
run(transfer_ordered)
print("ordered  : finished - total", sum(balances.values()))
