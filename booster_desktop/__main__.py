"""`python -m booster_desktop` runs the `booster` command."""

from booster_desktop.cli import main

raise SystemExit(main())
