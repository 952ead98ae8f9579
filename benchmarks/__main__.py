"""``python -m benchmarks``: every benchmark in one table (benchmarks/run_all.py)."""

import sys

from benchmarks.run_all import main

if __name__ == "__main__":
    sys.exit(main())
