"""What pyproject.toml cannot say: the wheel carries a copy of the project's knowledge/ as
bot/knowledge, read-only package data (an installed bot answers from any directory). The base a
curator edits stays ./knowledge or MERCATO_KNOWLEDGE_DIR, never the installed copy."""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

KNOWLEDGE = Path(__file__).parent / "knowledge"
# The files a base is made of: what bot/kb/loader.py reads and the review notes of `add`.
BASE_FILES = ("*.yaml", "articles/*.txt", "drafts/*.yaml")


class BuildWithKnowledge(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return  # an editable install reads the checkout's knowledge/ itself
        target = Path(self.build_lib) / "bot" / "knowledge"
        for pattern in BASE_FILES:
            for source in sorted(KNOWLEDGE.glob(pattern)):
                copy = target / source.relative_to(KNOWLEDGE)
                copy.parent.mkdir(parents=True, exist_ok=True)
                self.copy_file(str(source), str(copy))


setup(cmdclass={"build_py": BuildWithKnowledge})
