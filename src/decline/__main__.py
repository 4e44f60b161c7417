"""``python -m decline``: the command line."""

from decline.cli import main

raise SystemExit(main())
