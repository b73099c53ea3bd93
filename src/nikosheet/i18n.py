"""Messages in the people's language: English or Japanese.

A `Template` holds one message in both languages, with the same `{fields}`; calling it with the
fields gives a `Message`, which is rendered in a language when it is shown.  `str(message)` is the
English text, which is what a document's diagnostics keep.  `resolve_lang` decides the language
once per command, from the option, else the locale of the environment.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple

from nikosheet.errors import UsageError

LANGS = ("en", "ja")
_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def resolve_lang(option: str | None, environ: Mapping[str, str], source: str = "--lang") -> str:
    """The language of the messages: `option` (en or ja) when given, else the first of LC_ALL,
    LC_MESSAGES and LANG that is set (`ja…` → ja, anything else → en), else en.

    A value from a configuration file goes between the two: pass it as `option` when the command
    line gives none, with `source` naming where it came from for the error a wrong value raises.
    """
    if option is not None:
        value = option.strip().lower()
        if value not in LANGS:
            raise UsageError(f"{source} must be one of {', '.join(LANGS)}, not {option!r}")
        return value
    for name in _LOCALE_VARIABLES:
        value = environ.get(name, "")
        if value:
            return "ja" if value.lower().startswith("ja") else "en"
    return "en"


def field_names(text: str) -> set[str]:
    """The names of a format string's fields: `{a:,} of {b!r}` → {a, b}."""
    import string  # for the tests: not loaded on the runs, whose messages are checked already

    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(text) if name}


class Count(int):
    """A number that an English template can write with its noun: `{n:file}` → `1 file`, `2 files`."""

    def __format__(self, spec: str) -> str:
        if spec.isalpha():
            return f"{int(self)} {spec if self == 1 else spec + 's'}"
        return int.__format__(self, spec)


# NamedTuples, not dataclasses: this module is read on every run, and a dataclass costs 0.4 ms to define
class Template(NamedTuple):
    """One message in English and Japanese, with the same format fields."""

    en: str
    ja: str

    def text(self, lang: str) -> str:
        return self.ja if lang == "ja" else self.en

    def __call__(self, **fields: object) -> Message:
        return _message(Message, (self, fields))  # (Message(self, fields) without its Python `__new__`)


_NO_FIELDS: Mapping[str, object] = MappingProxyType({})


class Message(NamedTuple):
    """A template with its fields, not yet rendered; a field may itself be a message."""

    template: Template
    fields: Mapping[str, object] = _NO_FIELDS

    def render(self, lang: str) -> str:
        values = {k: render(v, lang) if isinstance(v, Message) else v for k, v in self.fields.items()}
        return self.template.text(lang).format(**values)

    def __str__(self) -> str:
        # render("en") without its dict of rendered fields when none is a message: the parser writes
        # thousands of diagnostics a batch, each message made and rendered at once
        fields = self.fields
        for value in fields.values():
            if isinstance(value, Message):
                return self.render("en")
        return self.template.en.format_map(fields)


_message = tuple.__new__


def render(message: str | Message, lang: str) -> str:
    """A message in `lang`; plain text is shown as it is."""
    return message.render(lang) if isinstance(message, Message) else message


__all__ = ["LANGS", "Count", "Message", "Template", "field_names", "render", "resolve_lang"]
