"""Use-cases shared by the window and the `booster` command: demo, import, allocation, check-in."""
