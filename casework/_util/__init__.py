"""Small private utilities shared across the package: files and Korean text."""
