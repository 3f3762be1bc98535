"""Fuzz the html reader: python fuzz/fuzz_html.py -max_total_time=600 (see fuzz/README.md)."""

from _harness import main

if __name__ == "__main__":
    main("html")
