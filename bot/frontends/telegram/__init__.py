"""Mercato on Telegram: long polling; private chats, groups, forum topics, buttons, inline mode.

app.py builds and runs the python-telegram-bot Application; handlers.py holds its short
asynchronous handlers, which decide through plain functions testable without Telegram:
addressing.py (which messages are questions), inline.py (inline results), keyboard.py
(clarification buttons), render.py (Telegram HTML). What another front would share lives in
bot.frontends: texts, messages, expiring (pending choices), conversations.
"""
