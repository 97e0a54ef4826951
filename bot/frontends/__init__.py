"""The fronts people reach Mercato through: Telegram, and the console.

What they share, free of any platform: texts.py (the words, per interface language),
messages.py (what the commands say), expiring.py (choices and replies waiting for a button),
conversations.py (each chat's engine state); the engine knows none of them.
"""
