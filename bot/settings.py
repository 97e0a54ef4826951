"""Configuration from the environment or `.env`, never from code."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PACKAGE_DIR = Path(__file__).resolve().parent
# The project's own base, found from any directory: an installed wheel carries a copy as package
# data (bot/knowledge, see setup.py), read only; a source tree has it beside the package.
_PACKAGED = PACKAGE_DIR / "knowledge"
SHIPPED_KNOWLEDGE_DIR = _PACKAGED if _PACKAGED.is_dir() else PACKAGE_DIR.parent / "knowledge"
# The base a curator edits, unless MERCATO_KNOWLEDGE_DIR names another: in the working directory.
CURATED_KNOWLEDGE_DIR = Path("knowledge")
DEFAULT_BASE_URL = "https://api.telegram.org/bot"
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


def default_knowledge_dir() -> Path:
    """The base to answer from when none is configured: ./knowledge when there is one (a
    checkout, a curator's directory), else the base shipped with the package."""
    return CURATED_KNOWLEDGE_DIR if CURATED_KNOWLEDGE_DIR.is_dir() else SHIPPED_KNOWLEDGE_DIR


def inside_package(directory: Path) -> bool:
    """`directory` is inside the installed package (site-packages): never to be written."""
    return directory.resolve().is_relative_to(PACKAGE_DIR)


class Settings(BaseSettings):
    """Every setting Mercato reads; `.env.example` documents each one."""

    # A variable set empty (`NAME=`, as in .env.example) means its default.
    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", env_ignore_empty=True
    )

    telegram_bot_token: SecretStr | None = Field(default=None, alias="TELEGRAM_BOT_TOKEN")
    telegram_base_url: str = Field(default=DEFAULT_BASE_URL, alias="TELEGRAM_BASE_URL")
    configured_knowledge_dir: Path | None = Field(default=None, alias="MERCATO_KNOWLEDGE_DIR")
    log_level: str = Field(default="INFO", alias="MERCATO_LOG_LEVEL")
    data_dir: Path = Field(default=Path("data"), alias="MERCATO_DATA_DIR")
    log_texts: bool = Field(default=False, alias="MERCATO_LOG_TEXTS")
    admins_list: str = Field(default="", alias="MERCATO_ADMINS")
    record_questions: bool = Field(default=True, alias="MERCATO_RECORD_QUESTIONS")
    webhook_url: str | None = Field(default=None, alias="MERCATO_WEBHOOK_URL")
    webhook_secret: SecretStr | None = Field(default=None, alias="MERCATO_WEBHOOK_SECRET")
    webhook_listen: str = Field(default="127.0.0.1", alias="MERCATO_WEBHOOK_LISTEN")
    webhook_port: int = Field(default=8443, alias="MERCATO_WEBHOOK_PORT")

    @field_validator("log_level")
    @classmethod
    def _a_log_level(cls, value: str) -> str:
        if value.strip().upper() not in LOG_LEVELS:
            raise ValueError(f"not a log level: one of {', '.join(LOG_LEVELS)}")
        return value.strip().upper()

    @field_validator("admins_list")
    @classmethod
    def _user_ids(cls, value: str) -> str:
        wrong = [part for part in _id_list(value) if not part.isdigit()]
        if wrong:
            raise ValueError(f"not a Telegram user id: {wrong[0]!r} (ids, comma-separated)")
        return value

    @property
    def knowledge_dir(self) -> Path:
        """The base the bot answers from: MERCATO_KNOWLEDGE_DIR, else the default one."""
        return self.configured_knowledge_dir or default_knowledge_dir()

    @property
    def curated_knowledge_dir(self) -> Path:
        """The base the curation commands work on: MERCATO_KNOWLEDGE_DIR, else ./knowledge."""
        return self.configured_knowledge_dir or CURATED_KNOWLEDGE_DIR

    @property
    def admins(self) -> frozenset[int]:
        """Telegram user ids allowed /reload and /misses (MERCATO_ADMINS: comma-separated)."""
        return frozenset(int(part) for part in _id_list(self.admins_list))

    @property
    def token(self) -> str | None:
        """The bot token, or None when it is unset or blank."""
        if self.telegram_bot_token is None:
            return None
        value = self.telegram_bot_token.get_secret_value().strip()
        return value or None


def _id_list(value: str) -> list[str]:
    return [part.strip() for part in value.replace(";", ",").split(",") if part.strip()]


def settings_problems(error: ValidationError) -> list[str]:
    """One line per wrong setting: its variable, the value given, what is wrong."""
    lines = []
    for problem in error.errors():
        name = ".".join(str(part) for part in problem["loc"])
        message = problem["msg"].removeprefix("Value error, ")
        lines.append(f"{name}={problem.get('input')!s}: {message}")
    return lines
