"""Fuzz the linkedin reader's CSV reading: python fuzz/fuzz_linkedin.py -max_total_time=600.

The fuzzer's bytes become Positions.csv of a valid export (a mutated zip rarely gets past its
checksums); the seeds are hand-made exports of the samples' values (see fuzz/README.md).
"""

from _harness import main

if __name__ == "__main__":
    main("linkedin", part="Positions.csv")
