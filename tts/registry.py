"""Named registries: a small dict per kind of component, filled by decorators at import time.

``CORPORA.register("csmsc")(CsmscReader)`` then ``CORPORA.get("csmsc")``. Unknown names raise a
:class:`~tts.errors.ConfigError` that lists what is available.
"""

from __future__ import annotations

from typing import Callable, Generic, TypeVar

from tts.errors import ConfigError

T = TypeVar("T")


class Registry(Generic[T]):
    """A name → object map for one kind of component (e.g. ``"corpus"``)."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._items: dict[str, T] = {}

    def register(self, name: str) -> Callable[[T], T]:
        def add(obj: T) -> T:
            if name in self._items:
                raise ValueError(f"{self.kind} {name!r} registered twice")
            self._items[name] = obj
            return obj

        return add

    def get(self, name: str) -> T:
        try:
            return self._items[name]
        except KeyError:
            known = ", ".join(sorted(self._items)) or "none"
            raise ConfigError(f"unknown {self.kind} {name!r}; available: {known}") from None

    def names(self) -> list[str]:
        return sorted(self._items)

    def __contains__(self, name: object) -> bool:
        return name in self._items


CORPORA: Registry = Registry("corpus")
PITCH_EXTRACTORS: Registry = Registry("pitch extractor")
ACOUSTIC_MODELS: Registry = Registry("acoustic model")
VOCODERS: Registry = Registry("vocoder")
SCORE_READERS: Registry = Registry("score format")
