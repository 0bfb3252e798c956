"""The Qt window: table models, dialogs, the check-in screen."""
