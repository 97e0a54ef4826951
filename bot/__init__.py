"""Mercato: answers questions about the AI talent war from curated news facts."""
