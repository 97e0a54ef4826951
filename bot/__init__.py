"""Mercato: answers questions about the AI talent war from curated news facts."""

__version__ = "0.1.0"
