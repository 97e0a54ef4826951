"""Configuration from the environment or `.env`, never from code."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

# The knowledge base ships inside the package (bot/knowledge links to the project's knowledge/
# in a source tree and is a copy in an installed wheel), so it is found from any directory.
DEFAULT_KNOWLEDGE_DIR = (Path(__file__).parent / "knowledge").resolve()
DEFAULT_BASE_URL = "https://api.telegram.org/bot"


class Settings(BaseSettings):
    """Every setting Mercato reads; `.env.example` documents each one."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    telegram_bot_token: SecretStr | None = Field(default=None, alias="TELEGRAM_BOT_TOKEN")
    telegram_base_url: str = Field(default=DEFAULT_BASE_URL, alias="TELEGRAM_BASE_URL")
    knowledge_dir: Path = Field(default=DEFAULT_KNOWLEDGE_DIR, alias="MERCATO_KNOWLEDGE_DIR")
    log_level: str = Field(default="INFO", alias="MERCATO_LOG_LEVEL")
    data_dir: Path = Field(default=Path("data"), alias="MERCATO_DATA_DIR")
    log_texts: bool = Field(default=False, alias="MERCATO_LOG_TEXTS")
    admins_list: str = Field(default="", alias="MERCATO_ADMINS")
    record_questions: bool = Field(default=True, alias="MERCATO_RECORD_QUESTIONS")
    webhook_url: str | None = Field(default=None, alias="MERCATO_WEBHOOK_URL")
    webhook_secret: SecretStr | None = Field(default=None, alias="MERCATO_WEBHOOK_SECRET")
    webhook_listen: str = Field(default="127.0.0.1", alias="MERCATO_WEBHOOK_LISTEN")
    webhook_port: int = Field(default=8443, alias="MERCATO_WEBHOOK_PORT")

    @property
    def admins(self) -> frozenset[int]:
        """Telegram user ids allowed /reload and /misses (MERCATO_ADMINS: comma-separated)."""
        parts = self.admins_list.replace(";", ",").split(",")
        return frozenset(int(part) for part in (p.strip() for p in parts) if part)

    @property
    def token(self) -> str | None:
        """The bot token, or None when it is unset or blank."""
        if self.telegram_bot_token is None:
            return None
        value = self.telegram_bot_token.get_secret_value().strip()
        return value or None
