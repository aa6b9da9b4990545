import sys

from tvdesk.simulator.cli import main

sys.exit(main())
