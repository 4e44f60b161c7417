"""The settings file of each draft: discovered, given with ``--config``, or none."""

from __future__ import annotations

from pathlib import Path

from decline._config import Config

__all__ = ["Configs"]


class Configs:
    """The :class:`~decline.Config` of each draft, each folder's search done once.

    Args:
        config: A settings file that governs every draft (``--config FILE``).
        isolated: Read no settings file at all (``--isolated``).
    """

    def __init__(
        self, config: str | Path | None = None, *, isolated: bool = False
    ) -> None:
        self.isolated = isolated
        self.given = None if config is None or isolated else Config.load(config)
        self._by_folder: dict[Path, Config] = {}

    def project(self, folder: str | Path = ".") -> Config:
        """The settings of a folder: what ``--include``, ``--exclude`` and ``--fail-on`` default to."""
        if self.isolated:
            return Config()
        if self.given is not None:
            return self.given
        key = Path(folder).absolute()
        found = self._by_folder.get(key)
        if found is None:
            found = self._by_folder[key] = Config.discover(key)
        return found

    def for_draft(self, path: str | None) -> Config | None:
        """The settings of one draft (standard input: the current folder's)."""
        if self.isolated:
            return None
        if path is None:
            return self.project()
        return self.project(Path(path).absolute().parent).for_file(path)
