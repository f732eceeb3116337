#!/usr/bin/env python3
# interleave.py — CPU time of several commands, run in turn, round after round: on a machine whose
# speed drifts (a shared VM), timing one command's rounds in a block and then the other's compares
# two different machines; taking turns gives every command the same slow and fast moments.
#
#   bench/interleave.py ROUNDS 'CMD' 'CMD' ... 'BASELINE'
#
# Each command is split as a shell would split it (no shell runs it) and its stdout is discarded.
# Prints, per command, the median over the rounds of the child's user+system CPU time (and the
# system part), its wall time, and both as ratios to the last command.
import os
import shlex
import statistics
import sys
import time


def run_once(argv):
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        try:
            os.execvp(argv[0], argv)
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit("interleave: %s exited with %d" % (" ".join(argv), os.waitstatus_to_exitcode(status)))
    return usage.ru_utime + usage.ru_stime, usage.ru_stime, wall


def main():
    if len(sys.argv) < 3 or not sys.argv[1].isdigit():
        sys.exit("usage: interleave.py ROUNDS 'CMD' ... 'BASELINE'")
    rounds = int(sys.argv[1])
    commands = [shlex.split(c) for c in sys.argv[2:]]
    samples = [[] for _ in commands]
    for _ in range(rounds):
        for i, argv in enumerate(commands):
            samples[i].append(run_once(argv))
    medians = [[statistics.median(s[k] for s in runs) for k in range(3)] for runs in samples]
    base_cpu, _, base_wall = medians[-1]
    for argv, (cpu, system, wall) in zip(commands, medians):
        print("%-56s cpu %7.1f ms (sys %5.1f) %5.2fx   wall %7.1f ms %5.2fx" % (
            " ".join(argv)[:56], cpu * 1000, system * 1000, cpu / base_cpu, wall * 1000, wall / base_wall))


main()
