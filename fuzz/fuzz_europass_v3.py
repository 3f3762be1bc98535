"""Fuzz the europass-v3 reader: python fuzz/fuzz_europass_v3.py -max_total_time=600 (see fuzz/README.md)."""

from _harness import main

if __name__ == "__main__":
    main("europass-v3")
