"""Shared by the harness's Python scripts: the output protocol and small statistics.

The Java side (io.gipc.benchmarks.python.PythonRunner) reads stdout, one record a line:

    sample NAME VALUE    one repetition's value of a figure
    param NAME VALUE     a parameter the script chose (message count, version, ...)

Everything else (progress) goes to stderr.
"""

import argparse
import math
import sys
import time

MIB = 1024.0 * 1024.0
timer = time.perf_counter


def emit_sample(name, value):
    print("sample %s %r" % (name, float(value)), flush=True)


def emit_param(name, value):
    print("param %s %s" % (name, str(value).replace("\n", " ")), flush=True)


def log(message):
    print("[bench-py] %s" % message, file=sys.stderr, flush=True)


def percentile(sorted_values, fraction):
    """Nearest-rank percentile, as the Java side computes it."""
    rank = int(math.ceil(fraction * len(sorted_values)))
    return sorted_values[max(0, min(len(sorted_values) - 1, rank - 1))]


def median(values):
    s = sorted(values)
    n = len(s)
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2.0


def parser(description):
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--reps", type=int, default=3, help="measured repetitions")
    p.add_argument("--warmups", type=int, default=1, help="unrecorded repetitions first")
    return p


def emit_versions(with_gipc):
    emit_param("python", sys.version.split()[0])
    if with_gipc:
        import gevent
        import gipc
        emit_param("gevent", gevent.__version__)
        emit_param("gipc", getattr(gipc, "__version__", "unknown"))
