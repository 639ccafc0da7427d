"""Allow `python -m rnnquiz`."""

import sys

from rnnquiz.cli import main

sys.exit(main())
