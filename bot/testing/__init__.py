"""Testing tools, shipped with the package on purpose; the bot does not use them at run time.

`fake_bot_api` is a loopback fake of the Telegram Bot API (real HTTP on 127.0.0.1, scripted
updates and failures, every call recorded), for testing the bot, or anything else built on
python-telegram-bot, without Telegram. `bench` and `telegram_bench` are the benchmarks behind
`python -m bot bench`. Like httpx's MockTransport, they are documented tools for whoever tests
and measures the bot: answering on Telegram or in the console never imports them.
"""
