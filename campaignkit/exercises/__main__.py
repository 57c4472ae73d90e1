"""``python -m campaignkit.exercises ...`` is the old way of saying ``campaignkit exercises ...``.

It still works in this release (0.3) and says what to type instead; it goes in 0.4.
"""

import sys

from ..cli import main

print("note: `python -m campaignkit.exercises` is now `campaignkit exercises` "
      f"(this time: campaignkit exercises {' '.join(sys.argv[1:])})", file=sys.stderr)
sys.exit(main(["exercises", *sys.argv[1:]]))
