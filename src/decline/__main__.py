"""``python -m decline``: the command line."""

from decline.cli import command

raise SystemExit(command())
