"""Fuzz the reactive-resume reader: python fuzz/fuzz_reactive.py -max_total_time=600 (see fuzz/README.md)."""

from _harness import main

if __name__ == "__main__":
    main("reactive-resume")
