"""The programme file: create, open, validate, migrate, back up, lock. Only services use it.

Import the submodule you need (`store.programme_file`, `store.integrity`...): this package
imports nothing, so opening a file does not pay for what `check` or `migrate` need.
"""
