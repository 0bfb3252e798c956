"""Booster Desktop: organise inspiration and learning tours for cluster managers, offline."""

__version__ = "0.1.0"
