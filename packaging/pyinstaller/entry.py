"""The frozen tvdesk's entry point."""

import sys

from tvdesk.cli import main

sys.exit(main())
