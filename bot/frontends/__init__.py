"""The fronts people reach Mercato through: Telegram, and the console.

common.py holds what they share, free of any platform; the engine knows none of them.
"""
