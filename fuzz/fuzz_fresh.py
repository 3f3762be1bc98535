"""Fuzz the fresh reader: python fuzz/fuzz_fresh.py -max_total_time=600 (see fuzz/README.md)."""

from _harness import main

if __name__ == "__main__":
    main("fresh")
