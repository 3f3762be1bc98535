"""``python -m cvconvert`` runs the command line."""

from cvconvert.cli import main

main(prog_name="cvconvert")
