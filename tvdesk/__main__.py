import sys

from tvdesk.cli import main

sys.exit(main())
