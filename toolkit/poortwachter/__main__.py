"""``python -m poortwachter`` runs the command-line interface."""

from poortwachter.cli import main

if __name__ == "__main__":
    main()
