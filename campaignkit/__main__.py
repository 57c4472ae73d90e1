"""``python -m campaignkit <command>``: the same as the installed ``campaignkit`` command."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
